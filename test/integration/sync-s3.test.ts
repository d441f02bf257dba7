import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { S3BlobStore } from '#storage/s3-blob-store.ts';
import { LISTING_METADATA, meetingKey } from '#sync/keys.ts';
import { createPoliteFetcher } from '#sync/polite-fetcher.ts';
import { syncPortal } from '#sync/sync-portal.ts';
import { type LocalAws, startLocalAws } from '#test/support/local-aws.ts';
import { FIXTURE_MEETINGS, PORTAL_FIXTURES, ReplayPortal } from '../support/sync-replay-portal.ts';

let aws: LocalAws;
let portal: ReplayPortal;

beforeAll(async () => {
  aws = await startLocalAws();
  portal = (await new ReplayPortal().start()).load(
    join(PORTAL_FIXTURES, 'udvalgsliste.json'),
    join(PORTAL_FIXTURES, 'dagsorden'),
  );
});

afterAll(async () => {
  await portal.close();
  await aws.stop();
});

describe('the sync on an S3 bucket (s3rver)', () => {
  it('keeps the listing version as object metadata, so the next run fetches nothing', async () => {
    const blobs = new S3BlobStore({ client: aws.s3, bucket: aws.bucket });
    const deps = {
      http: createPoliteFetcher({ userAgent: 'minutes-search-test', delayMs: 0 }),
      blobs,
      now: () => new Date(),
    };
    const first = await syncPortal(deps, { portal: portal.url });
    expect(first.outcomes.map((o) => o.status)).toEqual(['new', 'new', 'new', 'new']);
    const head = await blobs.head(meetingKey(portal.host, FIXTURE_MEETINGS.economy));
    expect(head?.metadata?.[LISTING_METADATA]).toMatch(/^[0-9a-f]{32}$/);
    expect(head?.contentType).toBe('application/json; charset=utf-8');

    const fetched = portal.meetingRequests().length;
    const second = await syncPortal(deps, { portal: portal.url });
    expect(second.plan).toMatchObject({ unchanged: 4, toFetch: 0 });
    expect(portal.meetingRequests()).toHaveLength(fetched);
  });
});
