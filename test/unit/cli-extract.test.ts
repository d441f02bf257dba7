import { spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { defaultLimits } from '#config/limits.ts';
import { MeetingDocument } from '#domain/meeting.ts';
import { ExtractorPool } from '#ingest/extractor-pool.ts';
import { IsolatedExtractor, type MeetingExtractor, prestartWorker } from '#ingest/isolated-extractor.ts';

function cli(...args: string[]) {
  return cliWith({}, ...args);
}

function cliWith(env: Record<string, string>, ...args: string[]) {
  return spawnSync(process.execPath, ['functions/cli/main.js', ...args], {
    encoding: 'utf8',
    env: { ...process.env, ...env },
  });
}

describe('npm run cli -- extract FILE', () => {
  it('prints the Meeting JSON of the contract', () => {
    const run = cli('extract', 'test/fixtures/corpus/pdf/002_b1227399e4e80a2d.pdf');
    expect(run.status).toBe(0);
    const doc = MeetingDocument.parse(JSON.parse(run.stdout));
    expect(doc.source).toMatchObject({ format: 'pdf', pages: 7 });
    expect(doc.meeting).toMatchObject({ body: 'Direktionen', date: '2024-09-03' });
    expect(doc.items.map((i) => i.number)).toEqual([1, 2, 3]);
  });

  it('with --explain, prints the summary of the passes and what each line was taken for', () => {
    const run = cli('extract', 'test/fixtures/corpus/pdf/002_b1227399e4e80a2d.pdf', '--explain');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^# furniture: \d+ lines\n/);
    expect(run.stdout).toContain('# header: body "Direktionen", date 2024-09-03');
    expect(run.stdout).toMatch(/^p\d+ +\S+ +item-heading +Punkt 1: Øvrige sager {2}← /m);
    expect(run.stdout).toMatch(/^p\d+ +\S+ +furniture +.*← recurs/m);
  });

  it('exits 2 with one line naming the kind, and nothing on stdout, for unreadable input', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cli-'));
    const file = join(dir, 'minutes.pdf');
    writeFileSync(file, Buffer.from('%PDF-1.7\n1 0 obj <<'));
    const run = cli('extract', file);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^corrupt: /)]);
  });

  it('exits 2 for a file that does not exist', () => {
    const run = cli('extract', 'no/such/file.pdf');
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^cannot read no\/such\/file\.pdf: ENOENT\n$/);
  });

  it('refuses an invalid limit in the environment before reading anything', () => {
    const run = spawnSync(process.execPath, ['functions/cli/main.js', 'extract', 'x.pdf'], {
      encoding: 'utf8',
      env: { ...process.env, EXTRACT_MAX_PAGES: 'many' },
    });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^invalid configuration: EXTRACT_MAX_PAGES/);
  });
});

/** A file pdf.js refuses as corrupt, in a folder of its own. */
function corruptPdf(): string {
  const file = join(mkdtempSync(join(tmpdir(), 'cli-')), 'broken.pdf');
  writeFileSync(file, Buffer.from('%PDF-1.7\n1 0 obj <<'));
  return file;
}

// The largest first, so the smaller ones after it are read before it and order is not by luck.
const LARGE = 'test/fixtures/corpus/extra/pdf/e1_egholt_kommunalbestyrelsen_20250327.pdf';
const SMALL = 'test/fixtures/corpus/pdf/002_b1227399e4e80a2d.pdf';
const OTHER = 'test/fixtures/corpus/extra/pdf/e4_kaerholm_aeldre_sundhed_20250513.pdf';

describe('npm run cli -- extract FILE FILE...', () => {
  it('prints one Meeting JSON line per file, in the order given, and exits 0', () => {
    const run = cli('extract', LARGE, SMALL, OTHER);
    expect(run.status).toBe(0);
    expect(run.stderr).toBe('');
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines.map((line) => MeetingDocument.parse(JSON.parse(line)).source.file)).toEqual([
      LARGE,
      SMALL,
      OTHER,
    ]);
    expect(MeetingDocument.parse(JSON.parse(lines[1] ?? '')).meeting).toMatchObject({ body: 'Direktionen' });
  });

  it('reads them on as many workers as INGEST_CONCURRENCY says, one giving the same lines as several', () => {
    const several = cli('extract', LARGE, SMALL, OTHER);
    const one = cliWith({ INGEST_CONCURRENCY: '1' }, 'extract', LARGE, SMALL, OTHER);
    expect(one.status).toBe(0);
    expect(one.stdout).toBe(several.stdout);
    const wrong = cliWith({ INGEST_CONCURRENCY: '0' }, 'extract', SMALL);
    expect(wrong.status).toBe(2);
    expect(wrong.stderr).toMatch(/^invalid configuration: INGEST_CONCURRENCY/);
  });

  it('gives a failed file a line saying why in its place, the others their documents, and exits 2', () => {
    const broken = corruptPdf();
    const run = cli('extract', SMALL, broken, 'no/such/file.pdf', OTHER);
    expect(run.status).toBe(2);
    const lines = run.stdout
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines).toHaveLength(4);
    expect(MeetingDocument.parse(lines[0]).source.file).toBe(SMALL);
    expect(lines[1]).toEqual({ file: broken, error: { kind: 'corrupt', message: expect.any(String) } });
    expect(lines[2]).toEqual({ file: 'no/such/file.pdf', error: { kind: 'cannot-read', message: 'ENOENT' } });
    expect(MeetingDocument.parse(lines[3]).source.file).toBe(OTHER);
    expect(run.stderr.trimEnd().split('\n')).toEqual([
      expect.stringMatching(new RegExp(`^${broken}: corrupt: `)),
      'no/such/file.pdf: cannot-read: ENOENT',
    ]);
  });

  it('with --explain, prints each explanation under a ==> FILE <== heading, in order', () => {
    const broken = corruptPdf();
    const run = cli('extract', SMALL, broken, '--explain');
    expect(run.status).toBe(2);
    const sections = run.stdout.split(/^==> (.+) <==\n/m);
    expect(sections[0]).toBe('');
    expect(sections[1]).toBe(SMALL);
    expect(sections[2]).toMatch(/^# furniture: \d+ lines\n/);
    expect(sections[3]).toBe(broken);
    expect(sections[4]).toMatch(/^corrupt: .+\n$/);
  });
});

/** A reader that answers when the test says so, and remembers what it was given. */
function heldExtractor(name: string, log: string[], release: Map<string, () => void>): MeetingExtractor {
  const held = (file: string) =>
    new Promise<never>((_, reject) => {
      log.push(`${name} ${file}`);
      release.set(file, () => reject(new Error(`${name} read ${file}`)));
    });
  return {
    extract: (_bytes, file) => held(file),
    explain: (_bytes, file) => held(file),
    close: async () => {},
  };
}

describe('ExtractorPool', () => {
  it('reads as many documents at once as it has slots, in real worker threads, each answer to its caller', async () => {
    const pool = new ExtractorPool(defaultLimits, 2);
    try {
      const files = [LARGE, SMALL, OTHER];
      const reads = files.map((file) => pool.extract(new Uint8Array(readFileSync(file)), file));
      expect(pool.reading).toBe(2);
      const documents = await Promise.all(reads);
      expect(documents.map((doc) => doc.source.file)).toEqual(files);
      expect(pool.reading).toBe(0);
    } finally {
      await pool.close();
    }
  });

  it('hands a freed slot to the document that waited longest, also when the one before failed', async () => {
    const log: string[] = [];
    const release = new Map<string, () => void>();
    const names = ['a', 'b'];
    const pool = new ExtractorPool(defaultLimits, 2, () => heldExtractor(names.shift() ?? '?', log, release));
    const bytes = new Uint8Array();
    const reads = ['1', '2', '3', '4'].map((file) =>
      pool.extract(bytes, file).catch((error: Error) => error.message),
    );
    await Promise.resolve();
    expect(log).toEqual(['b 1', 'a 2']);
    release.get('2')?.();
    await expect(reads[1]).resolves.toBe('a read 2');
    await new Promise((settled) => setImmediate(settled));
    expect(log).toEqual(['b 1', 'a 2', 'a 3']);
    expect(pool.reading).toBe(2);
    release.get('1')?.();
    await new Promise((settled) => setImmediate(settled));
    expect(log).toEqual(['b 1', 'a 2', 'a 3', 'b 4']);
  });

  it('refuses a pool without slots', () => {
    expect(() => new ExtractorPool(defaultLimits, 0)).toThrow(RangeError);
  });
});

describe('a worker started ahead of need (prestartWorker)', () => {
  const read = async (limits: typeof defaultLimits) => {
    const extractor = new IsolatedExtractor(limits);
    try {
      return await extractor.extract(new Uint8Array(readFileSync(SMALL)), SMALL);
    } finally {
      await extractor.close();
    }
  };

  /** The documents a worker answered with. */
  const answersOf = (worker: Worker) => {
    const answers: unknown[] = [];
    worker.on('message', (reply: { ok?: boolean; document?: unknown }) => {
      if (reply.ok === true) answers.push(reply.document);
    });
    return answers;
  };

  it('is taken by an extractor with its memory limit, which reads with it', async () => {
    const answers = answersOf(prestartWorker(defaultLimits.maxMemoryMb));
    const document = await read(defaultLimits);
    expect(document.source.file).toBe(SMALL);
    expect(answers).toEqual([document]);
  });

  it('is stopped, not used, by an extractor with another memory limit, which starts its own', async () => {
    const spare = prestartWorker(defaultLimits.maxMemoryMb + 128);
    const answers = answersOf(spare);
    const stopped = once(spare, 'exit');
    expect((await read(defaultLimits)).source.file).toBe(SMALL);
    await stopped;
    expect(answers).toEqual([]);
  });

  it('does not keep a process alive when nobody takes it', () => {
    const run = spawnSync(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        "const { prestartWorker } = await import('#ingest/isolated-extractor.ts'); prestartWorker(1024);",
      ],
      { encoding: 'utf8', timeout: 60_000 },
    );
    expect(run.error).toBeUndefined();
    expect(run.status).toBe(0);
  });

  it('is started by the commands that read documents with a memory limit of their own as well', () => {
    const run = spawnSync(process.execPath, ['functions/cli/main.js', 'extract', SMALL], {
      encoding: 'utf8',
      env: { ...process.env, EXTRACT_MAX_MEMORY_MB: String(defaultLimits.maxMemoryMb + 128) },
    });
    expect(run.status).toBe(0);
    expect(MeetingDocument.parse(JSON.parse(run.stdout)).source.file).toBe(SMALL);
  });
});
