import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultLimits } from '#config/limits.ts';
import { SearchQuery } from '#domain/search.ts';
import { ingestObject } from '#ingest/ingest-object.ts';
import { IsolatedExtractor } from '#ingest/isolated-extractor.ts';
import { SqliteSearchIndex } from '#search/sqlite/sqlite-index.ts';
import { minutesContentType } from '#storage/blob-store.ts';
import { DynamoRegistry } from '#storage/dynamo-registry.ts';
import { S3BlobStore } from '#storage/s3-blob-store.ts';
import { type LocalAws, startLocalAws } from '#test/support/local-aws.ts';

/** A portal's meeting JSON in the bucket, where the portal sync puts it, read by the ingest as any document. */
const FIXTURE = 'test/fixtures/firstagenda/egholt-byraad-2025-03-27.json';
const KEY = 'firstagenda/dagsordener.vesterlund.dk/9b7c2f0e-1d3a-4c5b-8e6f-0a1b2c3d4e5f.json';

let aws: LocalAws;
let index: SqliteSearchIndex;
const extractor = new IsolatedExtractor(defaultLimits);

beforeAll(async () => {
  aws = await startLocalAws();
  index = SqliteSearchIndex.open(':memory:');
});

afterAll(async () => {
  await extractor.close();
  index?.close();
  await aws?.stop();
});

describe('a FirstAgenda meeting JSON in the bucket', () => {
  it('is indexed like a PDF, its municipality from the portal in its key, its closed item by title only', async () => {
    const blobs = new S3BlobStore({ client: aws.s3, bucket: aws.bucket });
    const registry = new DynamoRegistry({ client: aws.dynamo, table: aws.table });
    const deps = { blobs, registry, index, limits: defaultLimits, extractor, now: () => new Date() };
    expect(minutesContentType(KEY)).toBe('application/json');
    await blobs.put(KEY, new Uint8Array(readFileSync(FIXTURE)), minutesContentType(KEY));

    const outcome = await ingestObject(deps, KEY);
    expect(outcome).toMatchObject({ status: 'indexed', items: 5, pages: 0 });
    const record = await registry.get(outcome.documentId ?? '');
    expect(record).toMatchObject({ status: 'indexed', key: KEY });

    const search = async (q: string) => (await index.search(SearchQuery.parse({ q }))).results;
    const [hit] = await search('lokalplan Mosevej');
    expect(hit?.meeting).toMatchObject({
      body: 'Byråd',
      municipality: 'Vesterlund Kommune',
      date: '2025-03-27',
    });
    expect(hit?.decision).toMatchObject({ outcome: 'approved' });
    expect(hit?.source.key).toBe(KEY);
    expect((await search('Havnevej')).map((r) => r.item)).toEqual([
      expect.objectContaining({ title: 'Salg af grund ved Havnevej', access: 'closed' }),
    ]);
    expect(await search('køber')).toEqual([]);
  });
});
