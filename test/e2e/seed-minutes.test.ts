/**
 * End to end, as in AWS but on the emulators: the seed minutes are put into the bucket, their S3
 * notifications reach the real ingest handler as SQS messages, and the real API answers searches
 * with the decisions of the gold annotations, citing the pages the decisions stand on.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Logger } from '@aws-lambda-powertools/logger';
import type { OpenAPIHono } from '@hono/zod-openapi';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '#api/app.ts';
import { defaultLimits } from '#config/limits.ts';
import { Outcome } from '#domain/meeting.ts';
import { SearchResult } from '#domain/search.ts';
import { readPdf } from '#extract/pdf.ts';
import { IsolatedExtractor } from '#ingest/isolated-extractor.ts';
import { SqliteSearchIndex } from '#search/sqlite/sqlite-index.ts';
import { DynamoRegistry } from '#storage/dynamo-registry.ts';
import { S3BlobStore } from '#storage/s3-blob-store.ts';
import { type LocalAws, startLocalAws } from '#test/support/local-aws.ts';
import { lambdaContext, s3NotificationBody, sqsEvent, sqsMessage } from '#test/support/sqs-events.ts';
import { createIngestHandler } from '../../functions/ingest/create-handler.ts';

const PDFS = 'test/fixtures/corpus/pdf';
const GOLD = 'test/fixtures/corpus/gold';

interface GoldItem {
  readonly number: number | null;
  readonly title: string;
  readonly access: 'open' | 'closed';
  readonly decision: {
    readonly date: string | null;
    readonly text: string;
    readonly outcome?: string;
  } | null;
}
interface Gold {
  readonly meeting: { readonly body: string; readonly date: string };
  readonly items: readonly GoldItem[];
}

const seeds = readdirSync(PDFS)
  .filter((name) => name.endsWith('.pdf'))
  .sort()
  .map((name) => ({
    name,
    key: `referater/Direktionen ${name}`,
    bytes: new Uint8Array(readFileSync(join(PDFS, name))),
    gold: JSON.parse(readFileSync(join(GOLD, name.replace('.pdf', '.json')), 'utf8')) as Gold,
  }));

/** The words of a text: the gold writes list items as plain text, the extraction keeps their bullets. */
const words = (text: string) => (text.toLocaleLowerCase('da').match(/[\p{L}\p{N}]+/gu) ?? []).join(' ');

let aws: LocalAws;
let dir: string;
let index: SqliteSearchIndex;
let app: OpenAPIHono;
const extractor = new IsolatedExtractor(defaultLimits);

beforeAll(async () => {
  aws = await startLocalAws();
  dir = await mkdtemp(join(tmpdir(), 'e2e-'));
  index = SqliteSearchIndex.open(join(dir, 'search.sqlite'));
  const blobs = new S3BlobStore({ client: aws.s3, bucket: aws.bucket });
  const registry = new DynamoRegistry({ client: aws.dynamo, table: aws.table });
  const handler = createIngestHandler({
    blobs,
    registry,
    index,
    limits: defaultLimits,
    extractor,
    now: () => new Date(),
    logger: new Logger({ serviceName: 'e2e', logLevel: 'SILENT' }),
    metrics: { addMetric() {}, hasStoredMetrics: () => false, publishStoredMetrics() {} },
  });
  const messages = [];
  for (const seed of seeds) {
    await blobs.put(seed.key, seed.bytes, 'application/pdf');
    messages.push(sqsMessage(s3NotificationBody('ObjectCreated:Put', seed.key, seed.bytes.length)));
  }
  expect(await handler(sqsEvent(...messages), lambdaContext())).toEqual({ batchItemFailures: [] });
  app = createApp({
    index,
    registry,
    blobs,
    uploadMaxBytes: defaultLimits.maxBytes,
    linkTtlSeconds: 300,
    now: () => new Date(),
  });
}, 60_000);

afterAll(async () => {
  await extractor.close();
  index.close();
  await aws.stop();
  await rm(dir, { recursive: true, force: true });
});

async function search(params: Record<string, string>): Promise<SearchResult> {
  const response = await app.request(`/search?${new URLSearchParams(params)}`);
  expect(response.status).toBe(200);
  return SearchResult.parse(await response.json());
}

describe('seed minutes from the bucket to the search API', () => {
  it.each(seeds)('finds every decision of $name with the page it stands on', async (seed) => {
    const pageText = new Map<number, string>();
    for (const line of (await readPdf(seed.bytes, defaultLimits)).lines)
      pageText.set(line.page, `${pageText.get(line.page) ?? ''} ${line.text}`);
    const decided = seed.gold.items.filter((item) => item.access === 'open' && item.decision);
    expect(decided.length).toBeGreaterThan(0);
    for (const gold of decided) {
      const { results } = await search({
        q: gold.title,
        body: seed.gold.meeting.body,
        from: seed.gold.meeting.date,
        to: seed.gold.meeting.date,
        size: '50',
      });
      const hit = results.find((r) => r.item.title === gold.title && r.item.number === gold.number);
      expect(hit, `${seed.name} item ${gold.number} "${gold.title}"`).toBeDefined();
      expect(words(hit?.decision?.text ?? '')).toBe(words(gold.decision?.text ?? ''));
      // The gold's "maintained" is no outcome of the contract's: we say "other".
      if (gold.decision?.outcome)
        expect(hit?.decision?.outcome).toBe(Outcome.safeParse(gold.decision.outcome).data ?? 'other');
      expect(hit?.source.key).toBe(seed.key);
      const opening = words(gold.decision?.text ?? '')
        .split(' ')
        .slice(0, 6)
        .join(' ');
      expect(words(pageText.get(hit?.source.page ?? 0) ?? '')).toContain(opening);
    }
  });

  it('never shows the content of a closed item', async () => {
    const closed = seeds.flatMap((s) => s.gold.items.filter((i) => i.access === 'closed'));
    expect(closed.length).toBeGreaterThan(0);
    for (const gold of closed) {
      const hit = (await search({ q: gold.title, size: '50' })).results.find(
        (r) => r.item.title === gold.title,
      );
      expect(hit).toMatchObject({ decision: null, summary: [], item: { access: 'closed' } });
    }
  });
});
