import { readFileSync } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalConfig } from '#config/local.ts';
import { serviceConfigFromEnv } from '#config/service.ts';
import { documentIdOfBytes } from '#domain/document.ts';
import { SearchResult } from '#domain/search.ts';
import { EXTRACTOR_VERSION } from '#ingest/version.ts';
import { composeAdapters } from '../../functions/compose.ts';
import { PortInUseError, startEmulators } from '../../functions/local/emulators.ts';
import type { QueueReport } from '../../functions/local/ingest-queue.ts';
import { onEmulators, runningService, startLocalService } from '../../functions/local/service.ts';

const SEED = new Uint8Array(readFileSync('test/fixtures/corpus/pdf/002_b1227399e4e80a2d.pdf'));

let dataDir: string;

function localConfig(overrides: Partial<LocalConfig> = {}): LocalConfig {
  const loaded = serviceConfigFromEnv({ DATA_DIR: dataDir });
  if (!loaded.ok) throw new Error(loaded.error);
  return { host: '127.0.0.1', port: 0, s3Port: 0, dynamoPort: 0, service: loaded.config, ...overrides };
}

async function search(url: string, q: string): Promise<SearchResult> {
  const response = await fetch(`${url}/search?${new URLSearchParams({ q })}`);
  expect(response.status).toBe(200);
  return SearchResult.parse(await response.json());
}

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'local-service-'));
});

afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

describe('the local service', () => {
  it('ingests what lands in its bucket, serves the API, and keeps it all across a restart', async () => {
    const reports: QueueReport[] = [];
    const first = await startLocalService(localConfig(), { onReport: (r) => reports.push(r) });
    expect(await runningService(dataDir)).toMatchObject({ pid: process.pid, url: first.url });
    await first.adapters.blobs.put('minutes/Økonomi referat.pdf', SEED, 'application/pdf');
    while (reports.length === 0) await new Promise((resolve) => setTimeout(resolve, 10));
    await first.queue.idle();
    expect(reports).toMatchObject([{ kind: 'ingested', outcome: { status: 'indexed' } }]);
    const before = await search(first.url, 'budget');
    expect(before.total).toBeGreaterThan(0);
    await first.stop();
    expect(await runningService(dataDir)).toBeNull();
    await stat(join(dataDir, 'search.sqlite'));

    const again: QueueReport[] = [];
    const second = await startLocalService(localConfig(), { onReport: (r) => again.push(r) });
    try {
      expect(await search(second.url, 'budget')).toEqual(before);
      const { records } = await second.adapters.registry.list({ limit: 10 });
      expect(records).toMatchObject([{ status: 'indexed', attempts: 1, key: 'minutes/Økonomi referat.pdf' }]);
      expect(again).toEqual([]);
    } finally {
      await second.stop();
    }
  });

  it('names the port that is taken, and leaves nothing running', async () => {
    const blocker: Server = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as { port: number }).port;
    try {
      const refused = await startLocalService(localConfig({ port })).catch((e: unknown) => e);
      expect(refused).toBeInstanceOf(PortInUseError);
      expect(refused).toMatchObject({ service: 'API', port });
      const s3Refused = await startLocalService(localConfig({ s3Port: port })).catch((e: unknown) => e);
      expect(s3Refused).toMatchObject({ service: 'S3 endpoint', port });
      // The emulators of the failed starts were stopped: a new start gets the data folder's lock.
      const service = await startLocalService(localConfig());
      await service.stop();
    } finally {
      blocker.close();
    }
  });
});

describe('a start after a stop that cut work short', () => {
  it('reads what the bucket got meanwhile, retries what was left processing, forgets what was deleted, once', async () => {
    const OTHER = new Uint8Array(readFileSync('test/fixtures/corpus/pdf/003_0ef5c3c12aec06f5.pdf'));
    const STUCK = new Uint8Array(readFileSync('test/fixtures/corpus/pdf/004_60c343e47a70d8f7.pdf'));
    const GONE = new Uint8Array(readFileSync('test/fixtures/corpus/pdf/000_0a24eb9eb155f3ad.pdf'));
    const config = localConfig();
    const first = await startLocalService(config);
    await first.adapters.blobs.put('minutes/gone.pdf', GONE, 'application/pdf');
    while ((await first.adapters.registry.documentAt('minutes/gone.pdf')) === null) await first.queue.idle();
    await first.stop();

    // While nothing listens: an upload, a run killed while processing, a deletion.
    const emulators = await startEmulators({
      bucket: config.service.bucket,
      host: '127.0.0.1',
      s3Port: 0,
      dynamoPort: 0,
      s3Directory: join(dataDir, 's3'),
      dynamoDirectory: join(dataDir, 'dynamodb'),
    });
    const adapters = await composeAdapters(onEmulators(config.service, emulators.endpoints));
    try {
      await adapters.blobs.put('minutes/new.pdf', OTHER, 'application/pdf');
      await adapters.blobs.put('minutes/stuck.pdf', STUCK, 'application/pdf');
      const stuck = documentIdOfBytes(STUCK);
      await adapters.registry.receive({
        id: stuck,
        key: 'minutes/stuck.pdf',
        size: STUCK.length,
        at: new Date().toISOString(),
      });
      await adapters.registry.claim(stuck, EXTRACTOR_VERSION, new Date().toISOString());
      await adapters.blobs.delete('minutes/gone.pdf');
    } finally {
      adapters.close();
      await emulators.stop();
    }

    const reports: QueueReport[] = [];
    const second = await startLocalService(config, { onReport: (r) => reports.push(r) });
    try {
      expect(second.reconciled).toBe(3);
      while (reports.length < 3) await second.queue.idle();
      const byKey = Object.fromEntries(reports.map((r) => ['outcome' in r ? r.outcome.key : r.key, r]));
      expect(byKey['minutes/new.pdf']).toMatchObject({ kind: 'ingested', outcome: { status: 'indexed' } });
      expect(byKey['minutes/stuck.pdf']).toMatchObject({ kind: 'ingested', outcome: { status: 'indexed' } });
      expect(byKey['minutes/gone.pdf']).toMatchObject({ kind: 'removed', outcome: { status: 'removed' } });
      expect(await second.adapters.registry.get(documentIdOfBytes(STUCK))).toMatchObject({
        status: 'indexed',
        attempts: 2,
      });
    } finally {
      await second.stop();
    }
    const third = await startLocalService(config);
    expect(third.reconciled).toBe(0);
    await third.stop();
  });
});
