import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { OpenAPIHono } from '@hono/zod-openapi';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '#api/app.ts';
import { ItemView } from '#api/schemas.ts';
import { SearchResult } from '#domain/search.ts';
import { SqliteSearchIndex } from '#search/sqlite/sqlite-index.ts';
import { DynamoRegistry } from '#storage/dynamo-registry.ts';
import { S3BlobStore } from '#storage/s3-blob-store.ts';
import { seedMinutes } from '#test/support/api-seed.ts';
import { type LocalAws, startLocalAws } from '#test/support/local-aws.ts';

// A search hit carries its decision's recorded vote (issue 15: votes on the card's face), the same
// as the item's own view; a hit without a vote says null, a closed item has no decision at all.

const NOW = new Date('2026-12-02T10:00:00.000Z');
/** Egholt's council: split votes with Ø against (items 14 and 15). */
const EGHOLT = 'test/fixtures/corpus/extra/pdf/e1_egholt_kommunalbestyrelsen_20250327.pdf';
/** Direktionen, 2024-09-03: no votes recorded, item 2 closed. */
const DIREKTIONEN = 'test/fixtures/corpus/pdf/002_b1227399e4e80a2d.pdf';

let aws: LocalAws;
let dir: string;
let index: SqliteSearchIndex;
let app: OpenAPIHono;

beforeAll(async () => {
  aws = await startLocalAws();
  dir = await mkdtemp(join(tmpdir(), 'search-votes-'));
  index = SqliteSearchIndex.open(join(dir, 'search.sqlite'));
  const registry = new DynamoRegistry({ client: aws.dynamo, table: aws.table });
  const blobs = new S3BlobStore({ client: aws.s3, bucket: aws.bucket });
  for (const path of [EGHOLT, DIREKTIONEN])
    await seedMinutes({ index, registry, blobs }, path, NOW.toISOString());
  app = createApp({ index, registry, blobs, uploadMaxBytes: 1_000_000, linkTtlSeconds: 120, now: () => NOW });
});

afterAll(async () => {
  index?.close();
  await aws?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function search(query: Record<string, string>): Promise<SearchResult> {
  const response = await app.request(`/search?${new URLSearchParams(query)}`);
  expect(response.status).toBe(200);
  return SearchResult.parse(await response.json());
}

describe("GET /search: the decision's votes", () => {
  it('are on every hit of a split vote, the same as the item view’s, naming the party asked for', async () => {
    const result = await search({ votes: 'split', party: 'Ø' });
    expect(result.total).toBeGreaterThan(0);
    for (const hit of result.results) {
      const votes = hit.decision?.votes;
      expect(votes, hit.item.title).toBeTruthy();
      const sides = [votes?.for, votes?.against, votes?.abstained];
      expect(sides.some((side) => side?.parties.includes('Ø'))).toBe(true);
      // Split: someone against or abstaining.
      expect(Boolean(votes?.against ?? votes?.abstained)).toBe(true);
      const view = ItemView.parse(await (await app.request(`/items/${encodeURIComponent(hit.id)}`)).json());
      expect(votes).toEqual(view.card.decision?.votes);
    }
  });

  it('are null on a hit whose minutes record no vote', async () => {
    const [hit] = (await search({ q: 'mindreforbrug' })).results;
    expect(hit?.decision).toMatchObject({ outcome: 'postponed', votes: null });
  });

  it('are never on a closed item, which has no decision', async () => {
    const closed = await search({ access: 'closed' });
    expect(closed.total).toBeGreaterThan(0);
    expect(closed.results.map((hit) => hit.decision)).toEqual(closed.results.map(() => null));
  });
});
