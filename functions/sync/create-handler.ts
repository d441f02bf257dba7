import type { Logger } from '@aws-lambda-powertools/logger';
import type { Context } from 'aws-lambda';
import { z } from 'zod';
import type { BlobStore } from '#storage/blob-store.ts';
import type { HttpFetcher } from '#sync/http-fetcher.ts';
import { type SyncReport, syncPortal } from '#sync/sync-portal.ts';

/** What the schedule sends: the portal to sync (the EventBridge target's constant input). */
export const SyncEvent = z.object({ portal: z.url() });

/**
 * Time kept back from the function's timeout: no meeting is started later, so the run ends with
 * its report rather than being stopped in the middle of one (a meeting's retries may take minutes).
 */
export const STOP_MARGIN_MS = 3 * 60_000;

export interface SyncHandlerDeps {
  readonly blobs: BlobStore;
  /** A fetcher for one invocation: cookies and the front-page visit start afresh each run. */
  readonly http: () => HttpFetcher;
  readonly logger: Logger;
  readonly now: () => Date;
  /** Largest meeting JSON stored (the ingest's EXTRACT_MAX_BYTES). */
  readonly maxBytes: number;
}

/** What an invocation returns (and logs): the counts by outcome. */
export interface SyncSummary {
  readonly portal: string;
  readonly listed: number;
  /** Meetings by outcome: new, changed, unchanged, failed, not-tried. */
  readonly meetings: Readonly<Record<string, number>>;
  readonly stopped: string | null;
}

export type SyncHandler = (event: unknown, context: Context) => Promise<SyncSummary>;

/**
 * The scheduled sync of one portal (shared/sync). A meeting that fails is logged and left for
 * the next run. The invocation fails (the function's Errors metric, its alarm) when the event is
 * not a portal, the listing cannot be read, or the portal kept failing so that the run stopped.
 * A run that reaches its time stops cleanly; the next one goes on where it stopped.
 */
export function createSyncHandler(deps: SyncHandlerDeps): SyncHandler {
  const { logger } = deps;
  return async (event, context) => {
    logger.addContext(context);
    const parsed = SyncEvent.safeParse(event);
    if (!parsed.success) throw new Error(`not a sync event: ${z.prettifyError(parsed.error)}`);
    const deadline = new Date(deps.now().getTime() + context.getRemainingTimeInMillis() - STOP_MARGIN_MS);
    const report = await syncPortal(
      { http: deps.http(), blobs: deps.blobs, now: deps.now },
      { portal: parsed.data.portal, deadline, maxBytes: deps.maxBytes },
    );
    for (const outcome of report.outcomes) {
      if (outcome.status === 'failed') {
        logger.warn('meeting failed', { key: outcome.key, meeting: outcome.meeting, reason: outcome.reason });
      }
    }
    const summary = summarise(report);
    logger.info('portal synced', { ...summary });
    if (report.stopped?.cause === 'failing') {
      throw new Error(`the sync of ${report.portal} stopped: ${report.stopped.message}`);
    }
    return summary;
  };
}

function summarise(report: SyncReport): SyncSummary {
  const meetings: Record<string, number> = {};
  for (const { status } of report.outcomes) meetings[status] = (meetings[status] ?? 0) + 1;
  return {
    portal: report.portal,
    listed: report.plan.listed,
    meetings,
    stopped: report.stopped?.message ?? null,
  };
}
