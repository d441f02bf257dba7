import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfsIn, SAMPLE_FOLDERS } from '../../functions/samples.ts';

/** `npm start` as the README's Quick start runs it: a process of its own, on free ports. */
function start(dataDir: string): { child: ChildProcessWithoutNullStreams; output: () => string } {
  const child = spawn(process.execPath, ['functions/local/main.ts'], {
    env: {
      ...process.env,
      DATA_DIR: dataDir,
      SEARCH_ENGINE: 'sqlite',
      PORT: '0',
      S3_PORT: '0',
      DYNAMODB_PORT: '0',
    },
  });
  const chunks: string[] = [];
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => chunks.push(chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => chunks.push(chunk));
  return { child, output: () => chunks.join('') };
}

/** The URL the welcome names, once the service says it is running. */
async function running(run: ReturnType<typeof start>): Promise<string> {
  for (;;) {
    const url = /is running: (http:\/\/\S+)/.exec(run.output())?.[1];
    if (url) return url;
    if (run.child.exitCode !== null) throw new Error(`npm start ended early:\n${run.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Ctrl-C: the service stops what it started and ends with code 0. */
function interrupt(run: ReturnType<typeof start>): Promise<number | null> {
  return new Promise((resolve) => {
    run.child.once('close', (code) => resolve(code));
    run.child.kill('SIGINT');
  });
}

describe('the Quick start: npm start on an empty data folder', () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'quick-start-'));
  });
  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('loads every sample, one line each, and serves searches over them', async () => {
    const samples = (await pdfsIn(SAMPLE_FOLDERS)).map((file) => basename(file));
    const run = start(dataDir);
    const url = await running(run);
    const output = run.output();
    expect(output).toContain(`First start: loading ${samples.length} sample minutes…`);
    expect(output).not.toMatch(/^ {2}error/m);
    for (const name of samples) {
      const line = new RegExp(
        `^ {2}indexed {4}samples/${name.replace(/\./g, '\\.')} {2}\\((\\d+) (items?), (\\d+) (pages?)\\)$`,
        'm',
      ).exec(output);
      expect(line, name).not.toBeNull();
      const [, items, itemNoun, pages, pageNoun] = line as RegExpExecArray;
      expect(itemNoun).toBe(items === '1' ? 'item' : 'items');
      expect(pageNoun).toBe(pages === '1' ? 'page' : 'pages');
    }
    const search = (await (await fetch(`${url}/search?q=${encodeURIComponent('fravær')}`)).json()) as {
      total: number;
    };
    expect(search.total).toBeGreaterThan(0);
    expect(await interrupt(run)).toBe(0);
    expect(run.output()).toContain('Stopping…');
  }, 120_000);

  it('a second start on the same data loads nothing again', async () => {
    const run = start(dataDir);
    await running(run);
    expect(run.output()).not.toContain('First start');
    expect(run.output()).not.toMatch(/^ {2}(indexed|error)/m);
    expect(await interrupt(run)).toBe(0);
  }, 120_000);
});
