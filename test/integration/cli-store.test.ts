import { spawn } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serviceConfigFromEnv } from '#config/service.ts';
import { DocumentRecord } from '#domain/document.ts';
import { SearchResult } from '#domain/search.ts';
import { runCli } from '#test/support/cli-process.ts';
import { startLocalService } from '../../functions/local/service.ts';

const SEEDS = 'test/fixtures/corpus/pdf';

let root: string;
let minutes: string;

/** The CLI in a process of its own, on a data folder, as `npm run cli --` runs it. */
const cli = (dataDir: string, ...args: string[]) => runCli(args, { DATA_DIR: dataDir });

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'cli-store-'));
  // A folder as a secretariat has it: minutes in a subfolder, and one file that is no PDF at all.
  minutes = join(root, 'referater');
  await mkdir(join(minutes, '2024'), { recursive: true });
  await copyFile(join(SEEDS, '002_b1227399e4e80a2d.pdf'), join(minutes, '2024', 'Direktionen 3. sep.pdf'));
  await copyFile(join(SEEDS, '003_0ef5c3c12aec06f5.pdf'), join(minutes, 'Direktionen maj.pdf'));
  await writeFile(join(minutes, 'noter.pdf'), 'Dette er ikke en PDF');
  // A portal page saved without its header: read, but with neither body nor date, so flagged for review.
  await copyFile('test/fixtures/portal/needs-review.html', join(minutes, 'portal.html'));
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('the CLI on the local store', () => {
  const dataDir = () => join(root, 'store');

  it('ingests a folder recursively, says what failed and why, and skips what it has', async () => {
    const first = await cli(dataDir(), 'ingest', minutes);
    expect(first.code).toBe(1);
    expect(first.stdout).toContain('3 indexed, 1 failed, 0 skipped');
    expect(first.stdout).toMatch(/failed {2}.*noter\.pdf: unsupported-format: /);

    const again = await cli(dataDir(), 'ingest', minutes);
    expect(again.stdout).toContain('0 indexed, 1 failed, 3 skipped');
  });

  it('takes several files at once, indexes the same minutes given twice once, and says each in order', async () => {
    const folder = join(root, 'twice');
    await mkdir(folder);
    await copyFile(join(SEEDS, '003_0ef5c3c12aec06f5.pdf'), join(folder, 'a.pdf'));
    await copyFile(join(SEEDS, '003_0ef5c3c12aec06f5.pdf'), join(folder, 'b.pdf'));
    await writeFile(join(folder, 'c.pdf'), 'Ikke en PDF');
    await writeFile(join(folder, 'd.pdf'), 'Heller ikke en PDF');
    const result = await cli(join(root, 'twice-store'), 'ingest', folder);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('1 indexed, 2 failed, 1 skipped');
    expect(result.stdout.indexOf('c.pdf')).toBeLessThan(result.stdout.indexOf('d.pdf'));
    // The first of the two given is the one indexed, whichever is read first.
    const status = await cli(join(root, 'twice-store'), 'status', '--json');
    const indexed = DocumentRecord.array()
      .parse(JSON.parse(status.stdout))
      .filter((record) => record.status === 'indexed');
    expect(indexed.map((record) => record.key)).toEqual(['twice/a.pdf']);

    const wrong = await cli(join(root, 'twice-store'), 'ingest', folder, '--concurrency', '0');
    expect(wrong).toMatchObject({ code: 2, stdout: '' });
    expect(wrong.stderr).toMatch(/^invalid ingest: --concurrency: /);
  });

  it('searches the store: readable, or the API JSON', async () => {
    const json = await cli(dataDir(), 'search', 'sygefravær', '--json', '--size', '3');
    expect(json.code).toBe(0);
    const result = SearchResult.parse(JSON.parse(json.stdout));
    expect(result.total).toBeGreaterThan(0);
    expect(result.results.every((hit) => hit.source.key.startsWith('referater/'))).toBe(true);

    const readable = await cli(dataDir(), 'search', 'sygefravær', '--size', '1');
    expect(readable.stdout).toMatch(/^\d+ hits/);
    expect(readable.stdout).toContain(result.results[0]?.item.title);

    const bad = await cli(dataDir(), 'search', 'x', '--from', '2024-02-30');
    expect(bad).toMatchObject({ code: 2, stdout: '' });
    expect(bad.stderr).toMatch(/^invalid search: from: /);

    const broad = await runCli(['search', 'sygefravær'], { DATA_DIR: dataDir(), SEARCH_BUDGET: '1' });
    expect(broad).toMatchObject({ code: 2, stdout: '' });
    expect(broad.stderr).toMatch(/^invalid search: The search is too broad: .*; use fewer or rarer words\n$/);
  });

  it('shows the registry, and one document with its parse-quality report', async () => {
    const all = await cli(dataDir(), 'status', '--json');
    const records = DocumentRecord.array().parse(JSON.parse(all.stdout));
    expect(records.map((r) => r.status).sort()).toEqual(['failed', 'indexed', 'indexed', 'indexed']);
    const indexed = records.find((r) => r.status === 'indexed' && !r.quality?.needsReview);
    const one = await cli(dataDir(), 'status', indexed?.id ?? '');
    expect(one.stdout).toContain(`id           ${indexed?.id}`);
    expect(one.stdout).toMatch(/items {8}\d+ \(\d+ closed\), \d+ decisions/);
    expect(one.stdout).toMatch(/confidence {3}(1|0\.\d+)\n/);
  });

  it('flags the documents a person should check, and says why', async () => {
    const table = await cli(dataDir(), 'status');
    expect(table.stdout).toMatch(/portal\.html {2}2 items, 2 decisions, needs review \(confidence 0\.6\)/);
    expect(table.stdout).toMatch(/4 documents: .*; 1 to review/);

    const flagged = DocumentRecord.array().parse(
      JSON.parse((await cli(dataDir(), 'status', '--needs-review', '--json')).stdout),
    );
    expect(flagged.map((r) => r.key)).toEqual(['referater/portal.html']);
    expect(flagged[0]?.quality?.reasons.map((r) => r.code)).toEqual(['no-body', 'no-date']);

    const one = await cli(dataDir(), 'status', flagged[0]?.id ?? '');
    expect(one.stdout).toContain('confidence   0.6, needs review');
    expect(one.stdout).toContain('why          the meeting body was not found');
  });

  it('reindexes every object in the bucket', async () => {
    const reindexed = await cli(dataDir(), 'reindex');
    expect(reindexed.stdout.trim()).toBe('3 indexed, 1 failed');
    const records = DocumentRecord.array().parse(
      JSON.parse((await cli(dataDir(), 'status', '--json')).stdout),
    );
    expect(records.filter((r) => r.status === 'indexed').every((r) => r.attempts === 2)).toBe(true);
  });
});

describe('the CLI while npm start runs on the same data folder', () => {
  it('hands the files to the running service and follows them to indexed', async () => {
    const dataDir = join(root, 'running');
    // A service whose searches may read 20 occurrences: "direktionen" occurs 28 times in the minutes.
    const loaded = serviceConfigFromEnv({ DATA_DIR: dataDir, SEARCH_BUDGET: '20' });
    if (!loaded.ok) throw new Error(loaded.error);
    const service = await startLocalService({
      host: '127.0.0.1',
      port: 0,
      s3Port: 0,
      dynamoPort: 0,
      service: loaded.config,
    });
    try {
      const ingested = await cli(dataDir, 'ingest', join(minutes, 'Direktionen maj.pdf'));
      expect(ingested.stderr).toContain(`into the service running at ${service.url}`);
      expect(ingested.stdout).toContain('1 indexed, 0 failed, 0 skipped');
      const response = await fetch(`${service.url}/search?q=verdensmål`);
      expect(SearchResult.parse(await response.json()).total).toBeGreaterThan(0);

      const viaApi = await cli(dataDir, 'search', 'verdensmål', '--api', service.url, '--json');
      expect(viaApi.code).toBe(0);
      expect(SearchResult.parse(JSON.parse(viaApi.stdout)).total).toBeGreaterThan(0);
      const broad = await cli(dataDir, 'search', 'direktionen', '--api', service.url);
      expect(broad).toMatchObject({ code: 2, stdout: '' });
      expect(broad.stderr).toMatch(/^invalid search: The search is too broad: .*direktion \(28\)/);
    } finally {
      await service.stop();
    }
  });
});

describe('the CLI searching an API that answers 400 without a problem document (a proxy)', () => {
  it('says what it answered, in one line, and exits 2', async () => {
    const proxy = createServer((_request, response) => {
      response.writeHead(400, { 'content-type': 'text/html' }).end('<h1>Bad Request</h1>');
    });
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
    try {
      const answer = await cli(join(root, 'proxy'), 'search', 'budget', '--api', url);
      expect(answer).toMatchObject({ code: 2, stdout: '' });
      expect(answer.stderr).toBe(`invalid search: ${url} answered 400: <h1>Bad Request</h1>\n`);
    } finally {
      proxy.close();
    }
  });
});

describe('the CLI when the service it goes through stops', () => {
  it('ends with one line on stderr naming what happened and exit code 3, no stack trace', async () => {
    const dataDir = join(root, 'stopping');
    const loaded = serviceConfigFromEnv({ DATA_DIR: dataDir });
    if (!loaded.ok) throw new Error(loaded.error);
    let firstHandled: () => void = () => {};
    const handled = new Promise<void>((resolve) => {
      firstHandled = resolve;
    });
    const service = await startLocalService(
      { host: '127.0.0.1', port: 0, s3Port: 0, dynamoPort: 0, service: loaded.config },
      { onReport: () => firstHandled() },
    );
    // More minutes than the CLI hands over at once: some are still to be put when the service stops.
    const many = join(root, 'many');
    await mkdir(many);
    const pdf = await readFile(join(SEEDS, '002_b1227399e4e80a2d.pdf'));
    for (let n = 0; n < 6; n++)
      await writeFile(join(many, `referat ${n}.pdf`), Buffer.concat([pdf, Buffer.from(`\n% ${n}\n`)]));
    const child = spawn(process.execPath, ['functions/cli/main.js', 'ingest', many, '--concurrency', '2'], {
      env: { ...process.env, DATA_DIR: dataDir },
    });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
    });
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    // The CLI has handed over its first files and follows them when the service goes away.
    await handled;
    await service.stop();
    const code = await exited;

    expect(code).toBe(3);
    expect(stderr).not.toMatch(/^\s+at /m);
    const lines = stderr.trim().split('\n');
    expect(lines[0]).toContain(`into the service running at ${service.url}`);
    expect(lines.slice(1)).toHaveLength(1);
    expect(lines[1]).toMatch(
      new RegExp(`^ingest stopped: the service running at ${service.url} has stopped \\(.*ECONNREFUSED`),
    );
  });
});
