import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MeetingDocument } from '#domain/meeting.ts';

function cli(...args: string[]) {
  return spawnSync(process.execPath, ['functions/cli/main.ts', ...args], { encoding: 'utf8' });
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
    const run = spawnSync(process.execPath, ['functions/cli/main.ts', 'extract', 'x.pdf'], {
      encoding: 'utf8',
      env: { ...process.env, EXTRACT_MAX_PAGES: 'many' },
    });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^invalid configuration: EXTRACT_MAX_PAGES/);
  });
});
