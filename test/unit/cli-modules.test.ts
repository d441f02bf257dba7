import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/** What a command must not load: the emulators, the AWS SDK, the OpenSearch client, the service's stack. */
const NOT_FOR_EXTRACTION =
  /node_modules\/(@opensearch-project|@aws-sdk|@smithy|s3rver|dynalite|better-sqlite3|hono|@hono)\/|\/functions\/(local|api|compose)|\/shared\/(search|storage|api)\//;

interface Loaded {
  readonly main: readonly string[];
  readonly worker: readonly string[];
  readonly status: number | null;
}

/** Runs the CLI in its own process and lists every module it loaded, per thread (test/support/record-modules.ts). */
function modulesLoadedBy(...args: string[]): Loaded {
  const record = join(mkdtempSync(join(tmpdir(), 'cli-modules-')), 'modules.txt');
  const run = spawnSync(
    process.execPath,
    ['--import', './test/support/record-modules.ts', 'functions/cli/main.js', ...args],
    { encoding: 'utf8', env: { ...process.env, RECORD_MODULES_TO: record } },
  );
  const lines = readFileSync(record, 'utf8').trim().split('\n');
  const of = (thread: string) =>
    lines.filter((l) => l.startsWith(`${thread} `)).map((l) => l.slice(thread.length + 1));
  return { main: of('main'), worker: of('worker'), status: run.status };
}

const PDF = 'test/fixtures/corpus/pdf/002_b1227399e4e80a2d.pdf';

describe('each CLI command loads only what it uses', () => {
  it('--help loads commander and the configuration, and nothing of the store or the engines', () => {
    const loaded = modulesLoadedBy('--help');
    expect(loaded.status).toBe(0);
    expect(loaded.main).toContainEqual(expect.stringContaining('node_modules/commander/'));
    expect(loaded.main.filter((url) => NOT_FOR_EXTRACTION.test(url))).toEqual([]);
    expect(loaded.main.filter((url) => url.includes('/shared/ingest/'))).toEqual([]);
    expect(loaded.worker).toEqual([]);
  });

  it('extract reads in a worker that loads only the extraction, and loads no store or engine anywhere', () => {
    const loaded = modulesLoadedBy('extract', PDF);
    expect(loaded.status).toBe(0);
    expect(loaded.worker).toContainEqual(expect.stringContaining('/shared/ingest/extraction-worker.ts'));
    expect(loaded.worker).toContainEqual(expect.stringContaining('node_modules/pdfjs-dist/'));
    expect(loaded.main.filter((url) => NOT_FOR_EXTRACTION.test(url))).toEqual([]);
    expect(loaded.worker.filter((url) => NOT_FOR_EXTRACTION.test(url))).toEqual([]);
    // pdf.js runs in the worker only: the command's own thread never parses a document.
    expect(loaded.main.filter((url) => /pdfjs-dist|\/shared\/(parse|extract\/pdf)/.test(url))).toEqual([]);
  });

  it('samples loads no store or engine either', () => {
    const loaded = modulesLoadedBy('samples', '--dir', 'test/fixtures/corpus/extra/pdf');
    expect(loaded.status).toBe(0);
    expect(loaded.worker).toContainEqual(expect.stringContaining('node_modules/pdfjs-dist/'));
    expect([...loaded.main, ...loaded.worker].filter((url) => NOT_FOR_EXTRACTION.test(url))).toEqual([]);
  });
});
