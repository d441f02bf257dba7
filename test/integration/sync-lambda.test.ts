import { join } from 'node:path';
import { Logger } from '@aws-lambda-powertools/logger';
import type { Context } from 'aws-lambda';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { S3BlobStore } from '#storage/s3-blob-store.ts';
import { createPoliteFetcher } from '#sync/polite-fetcher.ts';
import { type LocalAws, startLocalAws } from '#test/support/local-aws.ts';
import { createSyncHandler, STOP_MARGIN_MS } from '../../functions/sync/create-handler.ts';
import { FIXTURE_MEETINGS, PORTAL_FIXTURES, ReplayPortal } from '../support/sync-replay-portal.ts';

let aws: LocalAws;
let portal: ReplayPortal;

beforeAll(async () => {
  aws = await startLocalAws();
});

afterAll(() => aws.stop());

beforeEach(async () => {
  portal = (await new ReplayPortal().start()).load(
    join(PORTAL_FIXTURES, 'udvalgsliste.json'),
    join(PORTAL_FIXTURES, 'dagsorden'),
  );
  return () => portal.close();
});

/** Lambda's context, with `remainingMs` left of the function's time. */
const context = (remainingMs: number) => ({ getRemainingTimeInMillis: () => remainingMs }) as Context;

/** Each test has a portal of its own, on its own port: its meetings lie under a prefix of their own. */
function handler() {
  return createSyncHandler({
    blobs: new S3BlobStore({ client: aws.s3, bucket: aws.bucket }),
    http: () =>
      createPoliteFetcher({ userAgent: 'minutes-search-test', delayMs: 0, backoffMs: 5, retries: 1 }),
    logger: new Logger({ serviceName: 'sync', logLevel: 'SILENT' }),
    now: () => new Date(),
    maxBytes: 50 * 1024 * 1024,
  });
}

describe('the sync Lambda', () => {
  it('syncs the portal its schedule names into the bucket, and nothing the second time', async () => {
    const first = await handler()({ portal: portal.url }, context(900_000));
    expect(first).toEqual({ portal: portal.url, listed: 4, meetings: { new: 4 }, stopped: null });
    const second = await handler()({ portal: portal.url }, context(900_000));
    expect(second.meetings).toEqual({ unchanged: 4 });
  });

  it('stops before its time runs out, without failing: the next run goes on', async () => {
    const result = await handler()({ portal: portal.url }, context(STOP_MARGIN_MS - 1));
    expect(result).toMatchObject({ meetings: { 'not-tried': 4 }, stopped: 'its time ran out' });
  });

  it('fails when the event names no portal, the listing fails, or the portal keeps failing', async () => {
    await expect(handler()({ source: 'aws.events' }, context(900_000))).rejects.toThrow(/^not a sync event/);

    portal.faults.push({ path: /udvalgsliste/, status: 503, times: 2 });
    await expect(handler()({ portal: portal.url }, context(900_000))).rejects.toThrow(
      /the listing .* failed/,
    );

    portal.faults.push({ path: /dagsorden/, status: 502, times: 100 });
    const extra = Array.from({ length: 5 }, (_, i) => `f6000000-0000-4000-8000-00000000000${i}`);
    const listing = JSON.parse(new TextDecoder().decode(portal.listing));
    listing.Udvalg['2022-2025'][0].Moeder.push(...extra.map((Id) => ({ Id, Navn: 'Referat' })));
    portal.listing = new TextEncoder().encode(JSON.stringify(listing));
    await expect(handler()({ portal: portal.url }, context(900_000))).rejects.toThrow(
      /stopped: 5 meetings in a row failed \(the last: HTTP 502 Bad Gateway\)$/,
    );
  });

  it('logs a meeting that failed and goes on', async () => {
    portal.meetings.delete(FIXTURE_MEETINGS.council);
    const result = await handler()({ portal: portal.url }, context(900_000));
    expect(result.meetings).toEqual({ failed: 1, new: 3 });
  });
});
