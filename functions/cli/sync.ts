import { SingleBar } from 'cli-progress';
import { z } from 'zod';
import type { DocumentRecord } from '#domain/document.ts';
import { EXTRACTOR_VERSION } from '#ingest/version.ts';
import { createPoliteFetcher } from '#sync/polite-fetcher.ts';
import {
  ListingError,
  type MeetingOutcome,
  portalOrigin,
  type SyncReport,
  syncPortal,
} from '#sync/sync-portal.ts';
import { syncUserAgent } from '#sync/user-agent.ts';
import type { Store } from './store.ts';

/** `sync firstagenda URL`'s options, as commander hands them over (numbers as text). */
export interface SyncFlags {
  readonly since?: string;
  readonly body?: string;
  readonly dryRun?: boolean;
  readonly recheck?: boolean;
  readonly concurrency: string;
  readonly delayMs: string;
  readonly timeoutMs: string;
  readonly retries: string;
  readonly contact?: string;
}

const WholeNumber = (min: number, max: number) => z.coerce.number().int().min(min).max(max);

const Flags = z.object({
  since: z.iso.date().optional(),
  body: z.string().trim().min(1).optional(),
  dryRun: z.boolean().default(false),
  recheck: z.boolean().default(false),
  // More than a few at once is no longer polite to a municipality's portal.
  concurrency: WholeNumber(1, 4),
  delayMs: WholeNumber(0, 600_000),
  timeoutMs: WholeNumber(100, 600_000),
  retries: WholeNumber(0, 10),
  contact: z.string().trim().min(1).optional(),
});
export type SyncSettings = z.infer<typeof Flags> & { readonly portal: URL };

/** The flags checked before any store is opened: the settings, or what is wrong with them. */
export function syncSettings(portal: string, flags: SyncFlags): SyncSettings | string {
  const parsed = Flags.safeParse(flags);
  if (!parsed.success) {
    return parsed.error.issues
      .map((issue) => `--${kebab(String(issue.path[0]))}: ${issue.message}`)
      .join('; ');
  }
  try {
    return { ...parsed.data, portal: portalOrigin(portal) };
  } catch (error) {
    return (error as Error).message;
  }
}

/** How long indexing may go without progress before the command stops waiting for it. */
const INDEX_PATIENCE_MS = 60_000;
const POLL_MS = 100;
const FINAL = new Set<DocumentRecord['status']>(['indexed', 'failed', 'needs-ocr']);

/**
 * `sync firstagenda URL`: brings the portal's meetings into the store's bucket (shared/sync) and
 * waits until the ingest has read what was stored. One line says what happened; failures follow
 * one a line. Exit code 0 when every chosen meeting is stored and indexed, 1 when the listing or
 * a meeting failed or a stored meeting was not indexed.
 */
export async function syncCommand(settings: SyncSettings, store: Store): Promise<number> {
  const { portal } = settings;
  process.stderr.write(
    `Syncing ${portal.origin} into ${store.description}${settings.dryRun ? ' (dry run)' : ''}\n`,
  );
  const http = createPoliteFetcher({
    userAgent: syncUserAgent(settings.contact),
    concurrency: settings.concurrency,
    delayMs: settings.delayMs,
    timeoutMs: settings.timeoutMs,
    retries: settings.retries,
  });
  const bar = new SingleBar({
    format: '{bar} {value}/{total} {meeting}',
    stream: process.stderr,
    hideCursor: true,
    clearOnComplete: true,
  });
  const startedAt = new Date().toISOString();
  let report: SyncReport;
  try {
    report = await syncPortal(
      { http, blobs: store.adapters.blobs, now: () => new Date() },
      {
        portal: portal.href,
        since: settings.since,
        body: settings.body,
        dryRun: settings.dryRun,
        recheck: settings.recheck,
        concurrency: settings.concurrency,
        maxBytes: store.config.limits.maxBytes,
        onPlan: (plan) => {
          if (plan.toFetch > 0 && !settings.dryRun) bar.start(plan.toFetch, 0, { meeting: '' });
        },
        onMeeting: (outcome) => {
          if (outcome.status === 'unchanged' && !outcome.fetched) return;
          bar.increment({ meeting: describe(outcome) });
        },
      },
    );
  } catch (error) {
    if (!(error instanceof ListingError)) throw error;
    process.stderr.write(`sync stopped: ${error.message}\n`);
    return 1;
  } finally {
    bar.stop();
  }
  if (settings.dryRun) {
    printDryRun(report, settings);
    return 0;
  }
  const stored = report.outcomes.filter(
    (outcome): outcome is Extract<MeetingOutcome, { status: 'new' | 'changed' }> =>
      outcome.status === 'new' || outcome.status === 'changed',
  );
  const indexing = await awaitIndexing(store, stored, startedAt);
  printReport(report, settings, indexing);
  const failed = report.outcomes.some((o) => o.status === 'failed' || o.status === 'not-tried');
  return failed || indexing.notIndexed.length > 0 ? 1 : 0;
}

interface Indexing {
  readonly indexed: number;
  readonly notIndexed: readonly { readonly key: string; readonly why: string }[];
}

/**
 * Follows the stored meetings in the registry until each has been read: by this extractor
 * version, or since the sync began. Gives up on those still waiting after a minute without progress.
 */
async function awaitIndexing(
  store: Store,
  stored: readonly Extract<MeetingOutcome, { status: 'new' | 'changed' }>[],
  since: string,
): Promise<Indexing> {
  if (stored.length === 0) return { indexed: 0, notIndexed: [] };
  const bar = new SingleBar({
    format: 'indexing {bar} {value}/{total}',
    stream: process.stderr,
    hideCursor: true,
    clearOnComplete: true,
  });
  bar.start(stored.length, 0);
  const pending = new Map(stored.map((outcome) => [outcome.documentId, outcome.key]));
  const settled = new Map<string, DocumentRecord>();
  let lastProgress = Date.now();
  try {
    while (pending.size > 0 && Date.now() - lastProgress < INDEX_PATIENCE_MS) {
      for (const id of pending.keys()) {
        const record = await store.adapters.registry.get(id);
        const read = record?.extractorVersion === EXTRACTOR_VERSION || (record?.updatedAt ?? '') >= since;
        if (record && FINAL.has(record.status) && read) {
          settled.set(id, record);
          pending.delete(id);
          lastProgress = Date.now();
          bar.increment();
        }
      }
      if (pending.size > 0) await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  } finally {
    bar.stop();
  }
  const notIndexed = [
    ...[...settled.values()]
      .filter((record) => record.status !== 'indexed')
      .map((record) => ({ key: record.key, why: `${record.status}: ${record.reason ?? ''}`.trim() })),
    ...[...pending.values()].map((key) => ({ key, why: 'not read yet; see `status` later' })),
  ];
  return { indexed: stored.length - notIndexed.length, notIndexed };
}

function printReport(report: SyncReport, settings: SyncSettings, indexing: Indexing): void {
  const count = (test: (o: MeetingOutcome) => boolean) => report.outcomes.filter(test).length;
  const added = count((o) => o.status === 'new');
  const replaced = count((o) => o.status === 'changed');
  const same = count((o) => o.status === 'unchanged' && o.fetched);
  const parts = [`${added} new`, `${replaced} replaced`, ...(same > 0 ? [`${same} the same`] : [])];
  const failed = count((o) => o.status === 'failed');
  process.stdout.write(
    `${head(report, settings)}, ${added + replaced + same} fetched (${parts.join(', ')}), ` +
      `${count((o) => o.status === 'unchanged')} unchanged, ${failed} failed; ` +
      `${indexing.indexed} indexed${indexing.notIndexed.length > 0 ? `, ${indexing.notIndexed.length} not` : ''}\n`,
  );
  const notTried = count((o) => o.status === 'not-tried');
  if (report.stopped !== null) {
    process.stdout.write(
      `stopped: ${report.stopped.message}; ${notTried} not tried, the next run goes on with them\n`,
    );
  }
  for (const outcome of report.outcomes) {
    if (outcome.status === 'failed')
      process.stdout.write(`  failed       ${describe(outcome)}: ${outcome.reason}\n`);
  }
  for (const { key, why } of indexing.notIndexed) process.stdout.write(`  not indexed  ${key}: ${why}\n`);
  if (report.badIds.length > 0) {
    process.stdout.write(`  skipped ${report.badIds.length} listing entries whose id cannot name a key\n`);
  }
}

function printDryRun(report: SyncReport, settings: SyncSettings): void {
  const wanted = report.outcomes.filter(
    (o): o is Extract<MeetingOutcome, { status: 'would-fetch' }> => o.status === 'would-fetch',
  );
  for (const outcome of wanted) {
    process.stdout.write(`  would fetch  ${outcome.why.padEnd(8)} ${describe(outcome)}  ${outcome.key}\n`);
  }
  const added = wanted.filter((o) => o.why === 'new').length;
  process.stdout.write(
    `${head(report, settings)}, ${wanted.length} to fetch (${added} new, ${wanted.length - added} changed), ` +
      `${report.plan.unchanged} unchanged (dry run: nothing fetched or written)\n`,
  );
}

/** "firstagenda dagsordener.greve.dk: 100 meetings listed" (and how many chosen, when filtered). */
function head(report: SyncReport, settings: SyncSettings): string {
  const filtered = settings.since !== undefined || settings.body !== undefined;
  const chosen = filtered ? `, ${report.plan.chosen} chosen` : '';
  return `firstagenda ${report.host}: ${report.plan.listed} meetings listed${chosen}`;
}

/** "2024-03-18 Økonomiudvalget (Referat)": a meeting as people name it. */
function describe({ meeting }: MeetingOutcome): string {
  return `${meeting.date ?? 'no date'} ${meeting.body}${meeting.name ? ` (${meeting.name})` : ''}`;
}

const kebab = (name: string) => name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);
