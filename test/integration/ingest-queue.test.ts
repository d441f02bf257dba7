import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { serviceConfigFromEnv } from '#config/service.ts';
import { documentIdOfBytes } from '#domain/document.ts';
import type { MeetingDocument } from '#domain/meeting.ts';
import { SearchQuery } from '#domain/search.ts';
import { truncated } from '#test/support/bad-pdfs.ts';
import type { QueueReport } from '../../functions/local/ingest-queue.ts';
import { type LocalService, startLocalService } from '../../functions/local/service.ts';

const seed = (name: string) => new Uint8Array(readFileSync(join('test/fixtures/corpus/pdf', name)));
const FIRST = seed('002_b1227399e4e80a2d.pdf');
const SECOND = seed('003_0ef5c3c12aec06f5.pdf');
const OTHER = seed('004_60c343e47a70d8f7.pdf');

let dataDir: string;
let service: LocalService;
let reports: QueueReport[];

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'ingest-queue-'));
  const loaded = serviceConfigFromEnv({ DATA_DIR: dataDir });
  if (!loaded.ok) throw new Error(loaded.error);
  reports = [];
  service = await startLocalService(
    {
      host: '127.0.0.1',
      port: 0,
      s3Port: 0,
      dynamoPort: 0,
      service: { ...loaded.config, ingestConcurrency: 2 },
    },
    { onReport: (report) => reports.push(report), serveApi: false },
  );
}, 30_000);

afterEach(async () => {
  await service?.stop();
  await rm(dataDir, { recursive: true, force: true });
});

/** A promise settled from outside. */
function gate(): { readonly opened: Promise<void>; open(): void } {
  let open = () => {};
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { opened, open };
}

/**
 * Puts `hold` in front of every extraction of the running service's pool (the queue holds the
 * same instance): it is called with the key and decides when the reading may start.
 */
function holdExtraction(hold: (key: string) => Promise<void>): string[] {
  const started: string[] = [];
  const pool = service.extractor;
  const extract = pool.extract.bind(pool);
  pool.extract = async (bytes: Uint8Array, key: string): Promise<MeetingDocument> => {
    started.push(key);
    await hold(key);
    return extract(bytes, key);
  };
  return started;
}

async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 10));
}

const keysOf = (list: readonly QueueReport[]) =>
  list.map((report) => (report.kind === 'error' ? report.key : report.outcome.key));

describe('the local ingest queue', () => {
  it('reads several objects at once, records each outcome with its reason, and loses none', async () => {
    // No reading starts until two have started: a queue reading one at a time would never get there.
    const both = gate();
    const started = holdExtraction(async () => {
      if (started.length >= 2) both.open();
      await both.opened;
    });
    const files: [string, Uint8Array][] = [
      ['minutes/first.pdf', FIRST],
      ['minutes/broken.pdf', truncated(SECOND, 0.5)],
      ['minutes/second.pdf', SECOND],
      ['minutes/other.pdf', OTHER],
    ];
    for (const [key, bytes] of files) await service.adapters.blobs.put(key, bytes, 'application/pdf');
    await until(() => reports.length === files.length);
    await service.queue.idle();

    expect(new Set(keysOf(reports))).toEqual(new Set(files.map(([key]) => key)));
    const statuses = Object.fromEntries(
      reports.map((report) => [
        keysOf([report])[0],
        report.kind === 'ingested' ? report.outcome.status : report.kind,
      ]),
    );
    expect(statuses).toEqual({
      'minutes/first.pdf': 'indexed',
      'minutes/broken.pdf': 'failed',
      'minutes/second.pdf': 'indexed',
      'minutes/other.pdf': 'indexed',
    });
    const broken = await service.adapters.registry.get(documentIdOfBytes(truncated(SECOND, 0.5)));
    expect(broken).toMatchObject({ status: 'failed', reason: expect.stringMatching(/^corrupt: /) });
    for (const [key, bytes] of files.filter(([key]) => key !== 'minutes/broken.pdf')) {
      expect(await service.adapters.registry.documentAt(key)).toBe(documentIdOfBytes(bytes));
      expect(await service.adapters.registry.get(documentIdOfBytes(bytes))).toMatchObject({
        status: 'indexed',
      });
    }
    const indexed = reports.reduce(
      (sum, r) => sum + (r.kind === 'ingested' && r.outcome.status === 'indexed' ? r.outcome.items : 0),
      0,
    );
    const { total } = await service.adapters.index.search(SearchQuery.parse({ q: '', size: 1 }));
    expect(total).toBe(indexed);
  }, 60_000);

  it('keeps the newer version at a key when the older one is still being read, while other keys go on', async () => {
    const firstVersion = gate();
    const started = holdExtraction(async (key) => {
      if (key === 'minutes/versions.pdf' && started.filter((k) => k === key).length === 1)
        await firstVersion.opened;
    });
    await service.adapters.blobs.put('minutes/versions.pdf', FIRST, 'application/pdf');
    await until(() => started.includes('minutes/versions.pdf'));
    // The first version is being read; a second lands at the key, and another object elsewhere.
    await service.adapters.blobs.put('minutes/versions.pdf', SECOND, 'application/pdf');
    await service.adapters.blobs.put('minutes/other.pdf', OTHER, 'application/pdf');
    await until(() => keysOf(reports).includes('minutes/other.pdf'));
    expect(started.filter((key) => key === 'minutes/versions.pdf')).toHaveLength(1);

    firstVersion.open();
    await until(() => reports.length === 3);
    await service.queue.idle();

    expect(keysOf(reports)).toEqual(['minutes/other.pdf', 'minutes/versions.pdf', 'minutes/versions.pdf']);
    expect(reports.map((r) => (r.kind === 'ingested' ? r.outcome.documentId : r.kind))).toEqual([
      documentIdOfBytes(OTHER),
      documentIdOfBytes(FIRST),
      documentIdOfBytes(SECOND),
    ]);
    expect(await service.adapters.registry.documentAt('minutes/versions.pdf')).toBe(
      documentIdOfBytes(SECOND),
    );
    expect(await service.adapters.registry.get(documentIdOfBytes(FIRST))).toMatchObject({
      status: 'removed',
    });
    const { results: hits, total } = await service.adapters.index.search(
      SearchQuery.parse({ q: '', size: 100 }),
    );
    expect(new Set(hits.map((hit) => hit.source.documentId))).toEqual(
      new Set([documentIdOfBytes(SECOND), documentIdOfBytes(OTHER)]),
    );
    expect(total).toBe(hits.length);
  }, 60_000);
});
