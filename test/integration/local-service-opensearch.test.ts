import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Client } from '@opensearch-project/opensearch';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalConfig } from '#config/local.ts';
import { serviceConfigFromEnv } from '#config/service.ts';
import { documentIdOfBytes } from '#domain/document.ts';
import { SearchResult } from '#domain/search.ts';
import { createOpenSearchClient } from '#search/opensearch/client.ts';
import { composeAdapters } from '../../functions/compose.ts';
import { startEmulators } from '../../functions/local/emulators.ts';
import {
  indexFile,
  type LocalService,
  loadFiles,
  onEmulators,
  runningService,
  startLocalService,
} from '../../functions/local/service.ts';
import { pdfsIn, SAMPLE_FOLDERS } from '../../functions/samples.ts';

const run = promisify(execFile);

/** Ranked by relevance: words, a compound part, phrases, a filter, a later page. */
const RANKED: readonly Record<string, string>[] = [
  { q: 'sygefravær' },
  { q: 'fravær' },
  { q: 'lokalplan' },
  { q: 'budget' },
  { q: 'arbejdstidsregistrering' },
  { q: 'forenkling af politikker' },
  { q: 'sygefravær', body: 'Direktionen' },
  { q: 'godkendt', page: '2', size: '5' },
];
/** Ordered by date: the date sort, browsing without words. */
const DATED: readonly Record<string, string>[] = [
  { q: 'budget', from: '2025-01-01', sort: 'date' },
  { q: 'lokalplan', sort: 'date', page: '2', size: '5' },
  { q: '' },
  { q: '', body: 'økonomiudvalget' },
];

/** The local service's configuration on a data folder of its own, on the engine `env` names. */
function localConfig(dataDir: string, env: Record<string, string> = {}): LocalConfig {
  const loaded = serviceConfigFromEnv({ DATA_DIR: dataDir, ...env });
  if (!loaded.ok) throw new Error(loaded.error);
  return { host: '127.0.0.1', port: 0, s3Port: 0, dynamoPort: 0, service: loaded.config };
}

async function search(service: LocalService, query: Record<string, string>): Promise<SearchResult> {
  const response = await fetch(`${service.url}/search?${new URLSearchParams(query)}`);
  expect(response.status).toBe(200);
  return SearchResult.parse(await response.json());
}

/** The page: how many items match, and which are shown, in which order. */
const page = ({ total, results }: SearchResult) => ({ total, ids: results.map((hit) => hit.id) });

describe.skipIf(!process.env.OPENSEARCH_URL)('the local service on OpenSearch (OPENSEARCH_URL)', () => {
  // Every index this run makes starts with the prefix, so the run deletes exactly what it made.
  const prefix = `test-local-${randomUUID().slice(0, 8)}`;
  const onOpenSearch = (index: string) => ({
    SEARCH_ENGINE: 'opensearch',
    OPENSEARCH_URL: process.env.OPENSEARCH_URL ?? '',
    OPENSEARCH_INDEX: `${prefix}-${index}`,
  });
  let root: string;
  let client: Client;
  let files: string[];
  let sqlite: LocalService;
  let opensearch: LocalService;

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'local-opensearch-'));
    client = createOpenSearchClient({ node: process.env.OPENSEARCH_URL ?? '' });
    files = await pdfsIn(SAMPLE_FOLDERS);
    [sqlite, opensearch] = await Promise.all([
      startLocalService(localConfig(join(root, 'sqlite'))),
      startLocalService(localConfig(join(root, 'opensearch'), onOpenSearch('served'))),
    ]);
    await Promise.all([loadFiles(sqlite, files, 'samples/'), loadFiles(opensearch, files, 'samples/')]);
  });

  afterAll(async () => {
    await Promise.all([sqlite?.stop(), opensearch?.stop()]);
    const { body } = await client.indices.get({ index: `${prefix}-*` });
    const indices = Object.keys(body);
    if (indices.length) await client.indices.delete({ index: indices });
    await client.close();
    await rm(root, { recursive: true, force: true });
  });

  it('creates its index with the Danish analysis on first start and serves /search from it', async () => {
    const alias = `${prefix}-served`;
    const { body } = await client.indices.get({ index: alias });
    const [created] = Object.values(body);
    expect(Object.keys(body)).toEqual([`${alias}-v1`]);
    expect(created?.settings?.index?.analysis?.analyzer).toHaveProperty('da_exact');

    const found = await search(opensearch, { q: 'fravær' });
    expect(found.results[0]?.item.title).toBe('Sygefravær og trivsel – APV 2025');
    expect(found.results[0]?.highlights).toContain('Syge<mark>fravær</mark> og trivsel – APV 2025');
    const { body: count } = await client.count({ index: alias });
    expect(count.count).toBe((await search(sqlite, { q: '' })).total);
  });

  it.each(DATED)('answers %j with the items of the SQLite service, in its order', async (query) => {
    const [fromSqlite, fromOpenSearch] = await Promise.all([
      search(sqlite, query),
      search(opensearch, query),
    ]);
    expect(fromSqlite.total).toBeGreaterThan(0);
    expect(page(fromOpenSearch)).toEqual(page(fromSqlite));
    expect(fromOpenSearch.facets).toEqual(fromSqlite.facets);
  });

  // Both engines rank by Lucene's BM25 (shared/search/sqlite/scoring.ts): the same order, scores alike.
  it.each(RANKED)(
    'ranks for %j the items of the SQLite service in its order, with its scores',
    async (query) => {
      const [fromSqlite, fromOpenSearch] = await Promise.all([
        search(sqlite, query),
        search(opensearch, query),
      ]);
      const ranked = (result: SearchResult) => result.results.map((hit) => [hit.id, hit.score]);
      expect(fromSqlite.total).toBeGreaterThan(0);
      expect({ total: fromOpenSearch.total, ranked: ranked(fromOpenSearch) }).toEqual({
        total: fromSqlite.total,
        ranked: ranked(fromSqlite),
      });
      expect(fromOpenSearch.facets).toEqual(fromSqlite.facets);
    },
  );

  it('lets the CLI search the index the running service serves, whatever its own environment', async () => {
    const { stdout } = await run(
      process.execPath,
      ['functions/cli/main.js', 'search', 'lokalplan', '--json', '--size', '5'],
      {
        env: { ...process.env, DATA_DIR: join(root, 'opensearch'), SEARCH_ENGINE: 'sqlite' },
        encoding: 'utf8',
      },
    );
    const fromCli = SearchResult.parse(JSON.parse(stdout));
    expect(fromCli).toEqual(await search(opensearch, { q: 'lokalplan', size: '5' }));
  });

  it('lets `cli reindex` rebuild the index into a new version behind the alias, answering as before', async () => {
    const alias = `${prefix}-served`;
    const before = await search(opensearch, { q: 'lokalplan' });
    const { stdout } = await run(process.execPath, ['functions/cli/main.js', 'reindex'], {
      env: { ...process.env, DATA_DIR: join(root, 'opensearch') },
      encoding: 'utf8',
    });
    expect(stdout).toMatch(new RegExp(`${files.length} indexed`));
    const { body } = await client.indices.getAlias({ name: alias });
    expect(Object.keys(body)).toEqual([`${alias}-v2`]);
    expect(page(await search(opensearch, { q: 'lokalplan' }))).toEqual(page(before));
  });

  it('reads the documents of a data folder SQLite served again into an empty OpenSearch index', async () => {
    await sqlite.stop();
    sqlite = await startLocalService(localConfig(join(root, 'sqlite'), onOpenSearch('switched')));
    expect(sqlite.reread).toBe(files.length);
    await sqlite.queue.idle();
    for (const query of [...RANKED, ...DATED])
      expect(page(await search(sqlite, query))).toEqual(page(await search(opensearch, query)));
  });
});

/** A URL nothing listens at: a port this host gave out and took back. */
async function closedUrl(): Promise<{ url: string; port: number }> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return { url: `http://127.0.0.1:${port}`, port };
}

/** A process of this project's, as npm runs it: its exit code and output. */
async function runScript(script: string, args: readonly string[], env: Record<string, string>) {
  const result = await run(process.execPath, [script, ...args], {
    env: { ...process.env, ...env },
    encoding: 'utf8',
  }).catch((error: { code: number; stdout: string; stderr: string }) => error);
  return { code: 'code' in result ? result.code : 0, stdout: result.stdout, stderr: result.stderr };
}

describe('npm start and the CLI when no OpenSearch node answers', () => {
  let root: string;
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'no-opensearch-'));
  });
  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('npm start ends with one line naming the node and how to start one, and leaves nothing running', async () => {
    const { url, port } = await closedUrl();
    const dataDir = join(root, 'start');
    const { code, stdout, stderr } = await runScript('functions/local/main.ts', [], {
      SEARCH_ENGINE: 'opensearch',
      OPENSEARCH_URL: url,
      DATA_DIR: dataDir,
      PORT: '0',
      S3_PORT: '0',
      DYNAMODB_PORT: '0',
    });
    expect(code).toBe(1);
    expect(stdout).not.toContain('is running');
    expect(stderr).toBe(
      `Cannot start: OpenSearch indices.exists failed: connect ECONNREFUSED 127.0.0.1:${port}. Is it running? \`npm run opensearch\` starts one\n`,
    );
    // No service.json: no CLI takes a service for running that never ran.
    expect(await readdir(dataDir)).not.toContain('service.json');
  });

  it.each([
    ['search', ['search', 'budget']],
    ['status', ['status']],
    ['ingest', ['ingest', 'test/fixtures/corpus/pdf/002_b1227399e4e80a2d.pdf']],
  ])("the CLI's %s ends with one line and exit code 3, no stack trace", async (command, args) => {
    const { url, port } = await closedUrl();
    const { code, stderr } = await runScript('functions/cli/main.js', args, {
      SEARCH_ENGINE: 'opensearch',
      OPENSEARCH_URL: url,
      DATA_DIR: join(root, 'cli'),
    });
    expect(code).toBe(3);
    expect(stderr).toMatch(
      new RegExp(
        `^${command} stopped: OpenSearch [a-z.]+ failed: connect ECONNREFUSED 127\\.0\\.0\\.1:${port} \\(is OpenSearch running\\? \`npm run opensearch\` starts one\\)\\n$`,
      ),
    );
  });
});

describe('a start on an index that lost everything (SQLite)', () => {
  it('reads every indexed document again, from a key whose object is still there', async () => {
    const root = await mkdtemp(join(tmpdir(), 'emptied-index-'));
    const config = localConfig(join(root, 'data'));
    const SEED = new Uint8Array(readFileSync('test/fixtures/corpus/pdf/002_b1227399e4e80a2d.pdf'));
    const OTHER = new Uint8Array(readFileSync('test/fixtures/corpus/pdf/003_0ef5c3c12aec06f5.pdf'));
    try {
      const first = await startLocalService(config);
      let before: ReturnType<typeof page>;
      let ownKey: string;
      try {
        // One document under two keys (the same bytes), and one more.
        for (const [key, bytes] of [
          ['minutes/seed.pdf', SEED],
          ['copies/seed.pdf', SEED],
          ['minutes/other.pdf', OTHER],
        ] as const) {
          const handled = first.queue.handled;
          await first.adapters.blobs.put(key, bytes, 'application/pdf');
          while (first.queue.handled === handled) await new Promise((resolve) => setTimeout(resolve, 20));
          await first.queue.idle();
        }
        const record = await first.adapters.registry.get(documentIdOfBytes(SEED));
        expect(record).toMatchObject({ status: 'indexed', key: expect.stringMatching(/\/seed\.pdf$/) });
        ownKey = record?.key ?? '';
        before = page(await search(first, { q: '', size: '100' }));
        expect(before.total).toBeGreaterThan(0);
      } finally {
        await first.stop();
      }

      // While it is down: the index file is lost, and the document's own key is deleted.
      await rm(indexFile(config.service.dataDir));
      const emulators = await startEmulators({
        bucket: config.service.bucket,
        host: '127.0.0.1',
        s3Port: 0,
        dynamoPort: 0,
        s3Directory: join(config.service.dataDir, 's3'),
        dynamoDirectory: join(config.service.dataDir, 'dynamodb'),
      });
      const adapters = await composeAdapters(onEmulators(config.service, emulators.endpoints));
      try {
        await adapters.blobs.delete(ownKey);
      } finally {
        adapters.close();
        await emulators.stop();
      }

      const second = await startLocalService(config);
      try {
        expect(second.reread).toBe(2);
        await second.queue.idle();
        expect(page(await search(second, { q: '', size: '100' }))).toEqual(before);
      } finally {
        await second.stop();
      }
      // Read once: the index holds items again, so the next start reads nothing again.
      const third = await startLocalService(config);
      expect(third.reread).toBe(0);
      await third.stop();
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });
});

describe('a service running since before it named its engine', () => {
  it('is taken to serve the embedded index of its data folder', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'older-service-'));
    try {
      const endpoints = { s3: 'http://127.0.0.1:4569', dynamodb: 'http://127.0.0.1:4567' };
      const older = { pid: process.pid, url: 'http://localhost:3000', endpoints };
      await writeFile(join(dataDir, 'service.json'), JSON.stringify(older));
      expect(await runningService(dataDir)).toEqual({
        ...older,
        search: { engine: 'sqlite', path: indexFile(dataDir) },
      });
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
