import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Logger } from '@aws-lambda-powertools/logger';
import type { SQSRecord } from 'aws-lambda';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { defaultLimits } from '#config/limits.ts';
import type { DocumentRecord } from '#domain/document.ts';
import { type IndexedItem, SearchQuery } from '#domain/search.ts';
import { s3Changes } from '#ingest/events.ts';
import { extractMeeting } from '#ingest/extract-meeting.ts';
import { ingestObject } from '#ingest/ingest-object.ts';
import { IsolatedExtractor } from '#ingest/isolated-extractor.ts';
import { parseQuality } from '#ingest/quality.ts';
import { EXTRACTOR_VERSION } from '#ingest/version.ts';
import type { SearchIndex } from '#search/port.ts';
import { SqliteSearchIndex } from '#search/sqlite/sqlite-index.ts';
import type { BlobStore, OversizedObject, StoredObject } from '#storage/blob-store.ts';
import { DynamoRegistry } from '#storage/dynamo-registry.ts';
import { S3BlobStore } from '#storage/s3-blob-store.ts';
import {
  imageOnlyPdf,
  pdfWithUserPassword,
  seededRandomBytes,
  truncated,
  zipSignature,
} from '#test/support/bad-pdfs.ts';
import { type LocalAws, startLocalAws } from '#test/support/local-aws.ts';
import {
  lambdaContext,
  redelivered,
  s3NotificationBody,
  s3TestEventBody,
  sqsEvent,
  sqsMessage,
} from '#test/support/sqs-events.ts';
import {
  createIngestHandler,
  type IngestHandler,
  type IngestMetrics,
} from '../../functions/ingest/create-handler.ts';

const SEEDS = join(import.meta.dirname, '..', 'fixtures', 'corpus', 'pdf');
/** The seed minutes, in name order. */
const seeds: Uint8Array[] = readdirSync(SEEDS)
  .filter((name) => name.endsWith('.pdf'))
  .sort()
  .map((name) => new Uint8Array(readFileSync(join(SEEDS, name))));

/** Larger than every seed, smaller than the oversized object. */
const LIMITS = { ...defaultLimits, maxBytes: 200_000 };
const extractor = new IsolatedExtractor(LIMITS);

/**
 * The search index with one failure no emulator can produce: the engine applies a write, then the
 * connection drops before it answers (as a timeout after a bulk request does).
 */
class IndexThatFailsOnce implements SearchIndex {
  readonly inner: SearchIndex;
  #failNextWrite = false;
  #afterNextWrite: (() => Promise<void>) | undefined;
  constructor(inner: SearchIndex) {
    this.inner = inner;
  }
  failNextWriteAfterApplyingIt(): void {
    this.#failNextWrite = true;
  }
  /** Runs `action` (another process's doing) between the next write and the run's next step. */
  afterNextWrite(action: () => Promise<void>): void {
    this.#afterNextWrite = action;
  }
  async replaceDocument(documentId: string, items: readonly IndexedItem[]): Promise<void> {
    await this.inner.replaceDocument(documentId, items);
    const action = this.#afterNextWrite;
    this.#afterNextWrite = undefined;
    await action?.();
    if (this.#failNextWrite) {
      this.#failNextWrite = false;
      throw new Error('socket hang up');
    }
  }
  deleteDocument(documentId: string) {
    return this.inner.deleteDocument(documentId);
  }
  search(query: SearchQuery) {
    return this.inner.search(query);
  }
  get(id: string) {
    return this.inner.get(id);
  }
  itemsOf(documentId: string) {
    return this.inner.itemsOf(documentId);
  }
  caseMembers(keys: Parameters<SearchIndex['caseMembers']>[0]) {
    return this.inner.caseMembers(keys);
  }
  matchBatches(query: SearchQuery, batchSize?: number) {
    return this.inner.matchBatches(query, batchSize);
  }
}

/** The bucket, noting which keys were downloaded (an object over a read's limit is not). */
class WatchedBlobStore implements BlobStore {
  readonly inner: BlobStore;
  readonly downloaded: string[] = [];
  constructor(inner: BlobStore) {
    this.inner = inner;
  }
  head(key: string) {
    return this.inner.head(key);
  }
  get(key: string): Promise<StoredObject | null>;
  get(key: string, options: { readonly maxBytes: number }): Promise<StoredObject | OversizedObject | null>;
  async get(key: string, options?: { readonly maxBytes: number }) {
    const object = options === undefined ? await this.inner.get(key) : await this.inner.get(key, options);
    if (object?.bytes) this.downloaded.push(key);
    return object;
  }
  put(key: string, bytes: Uint8Array, contentType: string) {
    return this.inner.put(key, bytes, contentType);
  }
  delete(key: string) {
    return this.inner.delete(key);
  }
  list(prefix?: string) {
    return this.inner.list(prefix);
  }
  presignPut(key: string, options: { contentType: string; size: number; expiresIn: number }) {
    return this.inner.presignPut(key, options);
  }
  presignGet(key: string, options: { expiresIn: number }) {
    return this.inner.presignGet(key, options);
  }
}

/** Metrics as the handler publishes them, per invocation. */
class PublishedMetrics implements IngestMetrics {
  #stored: [string, number][] = [];
  #published: [string, number][] = [];
  addMetric(name: string, _unit: unknown, value: number) {
    this.#stored.push([name, value]);
  }
  hasStoredMetrics() {
    return this.#stored.length > 0;
  }
  publishStoredMetrics() {
    this.#published.push(...this.#stored);
    this.#stored = [];
  }
  /** Sums of the metrics published since the last call. */
  take(): Record<string, number> {
    const sums: Record<string, number> = {};
    for (const [name, value] of this.#published) sums[name] = (sums[name] ?? 0) + value;
    this.#published = [];
    return sums;
  }
}

let aws: LocalAws;
let dataDir: string;
let blobs: WatchedBlobStore;
let registry: DynamoRegistry;
let sqlite: SqliteSearchIndex;
let index: IndexThatFailsOnce;
let metrics: PublishedMetrics;
let handler: IngestHandler;

beforeAll(async () => {
  aws = await startLocalAws();
  dataDir = await mkdtemp(join(tmpdir(), 'minutes-ingest-'));
  blobs = new WatchedBlobStore(new S3BlobStore({ client: aws.s3, bucket: aws.bucket }));
  registry = new DynamoRegistry({ client: aws.dynamo, table: aws.table });
  sqlite = SqliteSearchIndex.open(join(dataDir, 'search.sqlite'));
  index = new IndexThatFailsOnce(sqlite);
  metrics = new PublishedMetrics();
  handler = createIngestHandler({
    blobs,
    registry,
    index,
    limits: LIMITS,
    extractor,
    now: () => new Date(),
    logger: new Logger({ serviceName: 'ingest-test', logLevel: 'SILENT' }),
    metrics,
  });
});

afterAll(async () => {
  await extractor.close();
  sqlite?.close();
  await aws?.stop();
  await rm(dataDir, { recursive: true, force: true });
});

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** A seed saved once more: the same minutes in other bytes (a comment after %%EOF), so another document. */
function resaved(seed: Uint8Array, label: string): Uint8Array {
  const tail = new TextEncoder().encode(`\n% ${label}\n`);
  const bytes = new Uint8Array(seed.length + tail.length);
  bytes.set(seed);
  bytes.set(tail, seed.length);
  return bytes;
}

const seed = (n: number) => seeds[n] ?? Uint8Array.of();

async function upload(key: string, bytes: Uint8Array): Promise<SQSRecord> {
  await blobs.put(key, bytes, 'application/pdf');
  return sqsMessage(s3NotificationBody('ObjectCreated:Put', key, bytes.length));
}

async function remove(key: string): Promise<SQSRecord> {
  await blobs.delete(key);
  return sqsMessage(s3NotificationBody('ObjectRemoved:Delete', key));
}

function deliver(...messages: SQSRecord[]) {
  return handler(sqsEvent(...messages), lambdaContext());
}

async function record(id: string): Promise<DocumentRecord> {
  const found = await registry.get(id);
  if (found === null) throw new Error(`no registry record ${id}`);
  return found;
}

/** How often a search for an item's title finds that item: once, however often its file was delivered. */
async function timesFound(item: IndexedItem | undefined): Promise<number> {
  if (item === undefined) throw new Error('no item to search for');
  const result = await sqlite.search(SearchQuery.parse({ q: item.item.title, size: 100 }));
  return result.results.filter((hit) => hit.id === item.id).length;
}

const firstOpen = (items: readonly IndexedItem[]) => items.find((item) => item.item.access === 'open');

const NO_FAILURES = { batchItemFailures: [] };

describe('the ingest handler on s3rver, dynalite and SQLite', () => {
  beforeEach(() => {
    metrics.take();
  });

  it('indexes a seed PDF with its quality report, and its items are searchable', async () => {
    const key = 'referater/Direktionen 2025-02-05 +bilag 100% æøå.pdf';
    const bytes = seed(0);
    const id = sha256(bytes);

    expect(await deliver(await upload(key, bytes))).toEqual(NO_FAILURES);

    const doc = await extractMeeting(bytes, key, LIMITS);
    const stored = await record(id);
    expect(stored).toMatchObject({
      status: 'indexed',
      key,
      size: bytes.length,
      pages: doc.source.pages,
      attempts: 1,
      reason: null,
      extractorVersion: EXTRACTOR_VERSION,
      quality: parseQuality(doc),
      meeting: { body: doc.meeting.body, municipality: doc.meeting.municipality, date: doc.meeting.date },
    });
    expect(stored.quality?.items).toBeGreaterThan(0);
    expect(await registry.documentAt(key)).toBe(id);

    const items = await sqlite.itemsOf(id);
    expect(items).toHaveLength(doc.items.length);
    expect(items.every((item) => item.key === key)).toBe(true);
    expect(await timesFound(firstOpen(items))).toBe(1);
    expect(metrics.take()).toEqual({ DocumentsIndexed: 1, PagesIndexed: doc.source.pages });
  });

  it.each([
    'referater/Økonomiudvalget 2025-02-05.pdf',
    'referater/a+b.pdf',
    'referater/100% sikker.pdf',
    'referater/Æble Øl Åen æøå.pdf',
    'referater/%20 and %2B literally.pdf',
  ])('finds the object at the URL-encoded key %j', async (key) => {
    const bytes = resaved(seed(0), 'keys');
    await deliver(await upload(key, bytes));
    expect(await registry.documentAt(key)).toBe(sha256(bytes));
    expect((await record(sha256(bytes))).status).toBe('indexed');
  });

  it('finds objects at keys s3rver notifies unencoded (the local server’s path)', async () => {
    const key = 'lokalt/Møde referat+bilag 100%.pdf';
    const bytes = resaved(seed(0), 'local');
    const notified = once(aws.s3rver, 'event');
    await blobs.put(key, bytes, 'application/pdf');
    const [event] = (await notified) as [{ Records: unknown[] }];

    const changes = s3Changes(event.Records, 'local');
    expect(changes).toEqual([{ kind: 'created', key, size: bytes.length }]);
    const outcome = await ingestObject(
      { blobs, registry, index, limits: LIMITS, extractor, now: () => new Date() },
      key,
    );
    expect(outcome).toMatchObject({ status: 'indexed', documentId: sha256(bytes), key });
  });

  it('indexes the same bytes once, whether uploaded again at the same key or at another', async () => {
    const bytes = resaved(seed(1), 'twice');
    const id = sha256(bytes);
    const [first, second] = ['twice/første.pdf', 'twice/anden.pdf'];

    await deliver(await upload(first, bytes));
    const items = await sqlite.itemsOf(id);
    expect(items.length).toBeGreaterThan(0);
    expect(await deliver(await upload(first, bytes), await upload(second, bytes))).toEqual(NO_FAILURES);

    expect(metrics.take()).toMatchObject({ DocumentsIndexed: 1, DocumentsDuplicate: 2 });
    expect(await sqlite.itemsOf(id)).toEqual(items);
    expect((await record(id)).attempts).toBe(1);
    expect((await registry.keysOf(id)).sort()).toEqual([second, first].sort());
    expect(await timesFound(firstOpen(items))).toBe(1);
  });

  it('keeps a document while another key holds it, citing that key, and removes it with the last key', async () => {
    const bytes = resaved(seed(1), 'removal');
    const id = sha256(bytes);
    const [first, second] = ['removal/første.pdf', 'removal/anden.pdf'];
    await deliver(await upload(first, bytes), await upload(second, bytes));
    const itemCount = (await sqlite.itemsOf(id)).length;

    expect(await deliver(await remove(first))).toEqual(NO_FAILURES);
    const kept = await sqlite.itemsOf(id);
    expect(kept).toHaveLength(itemCount);
    expect(kept.every((item) => item.key === second)).toBe(true);
    expect((await record(id)).status).toBe('indexed');

    expect(await deliver(await remove(second))).toEqual(NO_FAILURES);
    expect(await sqlite.itemsOf(id)).toEqual([]);
    expect((await record(id)).status).toBe('removed');
    expect(await registry.documentAt(second)).toBeNull();
    expect(metrics.take()).toMatchObject({ DocumentsRemoved: 1 });
  });

  it('ignores a removal that arrives after the key was uploaded again', async () => {
    const key = 'stale/referat.pdf';
    const bytes = resaved(seed(1), 'stale');
    const removal = await remove(key);
    await deliver(await upload(key, bytes));

    expect(await deliver(removal)).toEqual(NO_FAILURES);
    expect(await registry.documentAt(key)).toBe(sha256(bytes));
    expect((await record(sha256(bytes))).status).toBe('indexed');
  });

  it('replaces the old items when a new version is uploaded at the same key', async () => {
    const key = 'versions/byrådet.pdf';
    const [old, current] = [seed(2), seed(3)];
    await deliver(await upload(key, old));
    expect((await sqlite.itemsOf(sha256(old))).length).toBeGreaterThan(0);

    expect(await deliver(await upload(key, current))).toEqual(NO_FAILURES);

    expect(await sqlite.itemsOf(sha256(old))).toEqual([]);
    expect((await record(sha256(old))).status).toBe('removed');
    const items = await sqlite.itemsOf(sha256(current));
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((item) => item.key === key)).toBe(true);
    expect(await registry.documentAt(key)).toBe(sha256(current));
  });

  it('reports a crash mid-way as a batch item failure; the retry indexes once, on attempt 2', async () => {
    const bytes = resaved(seed(4), 'crash');
    const id = sha256(bytes);
    const message = await upload('crash/referat.pdf', bytes);
    index.failNextWriteAfterApplyingIt();

    expect(await deliver(message)).toEqual({ batchItemFailures: [{ itemIdentifier: message.messageId }] });
    expect(await record(id)).toMatchObject({ status: 'processing', attempts: 1 });
    expect(metrics.take()).toMatchObject({ MessagesFailed: 1 });

    expect(await deliver(redelivered(message))).toEqual(NO_FAILURES);
    const stored = await record(id);
    expect(stored).toMatchObject({ status: 'indexed', attempts: 2 });
    const items = await sqlite.itemsOf(id);
    expect(items).toHaveLength(stored.quality?.items ?? -1);
    expect(new Set(items.map((item) => item.id)).size).toBe(items.length);
    expect(await timesFound(firstOpen(items))).toBe(1);
  });

  it('takes the items out again when the object is removed while it is being read', async () => {
    const bytes = resaved(seed(3), 'removed meanwhile');
    const id = sha256(bytes);
    const key = 'removed-meanwhile/referat.pdf';
    const created = await upload(key, bytes);
    index.afterNextWrite(async () => {
      expect(await deliver(await remove(key))).toEqual(NO_FAILURES);
    });

    expect(await deliver(created)).toEqual(NO_FAILURES);
    expect(await record(id)).toMatchObject({ status: 'removed' });
    expect(await sqlite.itemsOf(id)).toEqual([]);
    expect(await registry.documentAt(key)).toBeNull();
  });

  it('settles two runs of the same bytes at once: the one that records last finds it done', async () => {
    const bytes = resaved(seed(2), 'two at once');
    const id = sha256(bytes);
    const first = await upload('at-once/a.pdf', bytes);
    index.afterNextWrite(async () => {
      expect(await deliver(await upload('at-once/b.pdf', bytes))).toEqual(NO_FAILURES);
    });

    expect(await deliver(first)).toEqual(NO_FAILURES);
    expect(await record(id)).toMatchObject({ status: 'indexed', attempts: 2 });
    expect((await registry.keysOf(id)).sort()).toEqual(['at-once/a.pdf', 'at-once/b.pdf']);
    expect(await timesFound(firstOpen(await sqlite.itemsOf(id)))).toBe(1);
  });

  it('records unreadable files as failed or needs-ocr with a reason, and the batch succeeds', async () => {
    const files: [key: string, bytes: Uint8Array, status: string, reason: RegExp][] = [
      ['bad/afbrudt.pdf', truncated(seed(0), 0.4), 'failed', /^corrupt: /],
      ['bad/låst.pdf', await pdfWithUserPassword(), 'failed', /^encrypted: /],
      ['bad/referat.docx', zipSignature(), 'failed', /^unsupported-format: /],
      ['bad/støj.pdf', seededRandomBytes(4096, 'ingest'), 'failed', /^not-a-pdf: /],
      ['bad/scannet.pdf', await imageOnlyPdf(), 'needs-ocr', /^needs-ocr: /],
    ];
    const messages = await Promise.all(files.map(([key, bytes]) => upload(key, bytes)));

    expect(await deliver(...messages)).toEqual(NO_FAILURES);

    for (const [key, bytes, status, reason] of files) {
      const stored = await record(sha256(bytes));
      expect(stored.status, key).toBe(status);
      expect(stored.reason, key).toMatch(reason);
      expect(stored.quality, key).toBeNull();
      expect(await registry.documentAt(key), key).toBe(sha256(bytes));
      expect(await sqlite.itemsOf(sha256(bytes)), key).toEqual([]);
    }
    expect(metrics.take()).toEqual({ DocumentsFailed: 4, DocumentsNeedingOcr: 1 });
  });

  it('refuses an oversized object as too-large without downloading it', async () => {
    const key = 'big/kæmpe referat.pdf';
    const bytes = seededRandomBytes(LIMITS.maxBytes + 1, 'oversized');

    expect(await deliver(await upload(key, bytes))).toEqual(NO_FAILURES);

    expect(blobs.downloaded).not.toContain(key);
    const id = await registry.documentAt(key);
    expect(id).not.toBeNull();
    expect(await record(id ?? '')).toMatchObject({
      status: 'failed',
      size: bytes.length,
      reason: `too-large: ${bytes.length} bytes exceeds the limit of ${LIMITS.maxBytes}`,
    });
    expect(metrics.take()).toEqual({ DocumentsFailed: 1 });
  });

  it('reports only the unreadable message of a batch as failed', async () => {
    const bad = sqsMessage('{"this is": "not an S3 notification"}');
    const bytes = resaved(seed(2), 'batch');
    const good = await upload('batch/referat.pdf', bytes);

    expect(await deliver(bad, good)).toEqual({ batchItemFailures: [{ itemIdentifier: bad.messageId }] });
    expect((await record(sha256(bytes))).status).toBe('indexed');
  });

  it('ignores the s3:TestEvent', async () => {
    expect(await deliver(sqsMessage(s3TestEventBody()))).toEqual(NO_FAILURES);
    expect(metrics.take()).toEqual({});
  });

  it('reports an object deleted before its notification was handled as missing', async () => {
    const key = 'gone/referat.pdf';
    const message = await upload(key, resaved(seed(3), 'gone'));
    await blobs.delete(key);

    expect(await deliver(message)).toEqual(NO_FAILURES);
    expect(await registry.documentAt(key)).toBeNull();
    expect(metrics.take()).toMatchObject({ DocumentsMissing: 1 });
  });
});

describe('the ingest handler’s preparation', () => {
  it('prepares once before the first batch, and again after a failed attempt', async () => {
    let calls = 0;
    const prepared = createIngestHandler({
      blobs,
      registry,
      index,
      limits: LIMITS,
      extractor,
      now: () => new Date(),
      logger: new Logger({ serviceName: 'ingest-test', logLevel: 'SILENT' }),
      metrics: new PublishedMetrics(),
      prepare: async () => {
        calls += 1;
        if (calls === 1) throw new Error('search engine unreachable');
      },
    });
    const batch = () => prepared(sqsEvent(sqsMessage(s3TestEventBody())), lambdaContext());

    await expect(batch()).rejects.toThrow('search engine unreachable');
    expect(await batch()).toEqual(NO_FAILURES);
    expect(await batch()).toEqual(NO_FAILURES);
    expect(calls).toBe(2);
  });
});

describe('the ingest entry point', () => {
  const env = (overrides: Record<string, string>) => {
    vi.stubEnv('AWS_REGION', 'us-east-1');
    vi.stubEnv('BUCKET_NAME', aws.bucket);
    vi.stubEnv('TABLE_NAME', aws.table);
    vi.stubEnv('S3_ENDPOINT', aws.endpoints.s3);
    vi.stubEnv('DYNAMODB_ENDPOINT', aws.endpoints.dynamodb);
    vi.stubEnv('DATA_DIR', dataDir);
    vi.stubEnv('POWERTOOLS_LOG_LEVEL', 'SILENT');
    vi.stubEnv('POWERTOOLS_METRICS_DISABLED', 'true');
    for (const [name, value] of Object.entries(overrides)) vi.stubEnv(name, value);
  };

  it('wires the configuration into a working handler and hands pdf.js its worker', async () => {
    env({});
    vi.resetModules();
    try {
      const { handler: entry } = await import('../../functions/ingest/handler.ts');
      expect(
        (globalThis as { pdfjsWorker?: { WorkerMessageHandler?: unknown } }).pdfjsWorker
          ?.WorkerMessageHandler,
      ).toBeTypeOf('function');
      const bytes = resaved(seed(4), 'entry');
      const message = await upload('entry/referat.pdf', bytes);

      expect(await entry(sqsEvent(message), lambdaContext())).toEqual(NO_FAILURES);
      expect((await record(sha256(bytes))).status).toBe('indexed');
      // The entry wrote to the search index file under DATA_DIR, which this test's index reads too.
      expect((await sqlite.itemsOf(sha256(bytes))).length).toBeGreaterThan(0);
    } finally {
      vi.unstubAllEnvs();
    }
  });

  it('refuses to start with an invalid configuration, saying what is wrong', async () => {
    env({ SEARCH_ENGINE: 'opensearch' });
    // A test run exports the node it started (opensearch-global-setup.ts): here there is none.
    vi.stubEnv('OPENSEARCH_URL', undefined);
    vi.stubEnv('OPENSEARCH_ENDPOINT', undefined);
    vi.resetModules();
    try {
      await expect(import('../../functions/ingest/handler.ts')).rejects.toThrow(/OPENSEARCH_ENDPOINT/);
    } finally {
      vi.unstubAllEnvs();
    }
  });
});
