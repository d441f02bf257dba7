import { copyFile, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DocumentRecord } from '#domain/document.ts';
import { DynamoRegistry } from '#storage/dynamo-registry.ts';
import { runCli } from '#test/support/cli-process.ts';
import { startLocalAws } from '#test/support/local-aws.ts';
import { resolveDocument } from '../../functions/cli/document-ref.ts';

const SEEDS = 'test/fixtures/corpus/pdf';

let root: string;
let dataDir: string;
let records: DocumentRecord[];

/** The CLI in a process of its own, on a data folder, as `npm run cli --` runs it. */
const cli = (...args: string[]) => runCli(args, { DATA_DIR: dataDir });

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'cli-status-'));
  dataDir = join(root, 'store');
  const minutes = join(root, 'referater');
  await mkdir(minutes, { recursive: true });
  await copyFile(join(SEEDS, '003_0ef5c3c12aec06f5.pdf'), join(minutes, 'maj.pdf'));
  await copyFile(join(SEEDS, '004_60c343e47a70d8f7.pdf'), join(minutes, 'juni.pdf'));
  expect((await cli('ingest', minutes)).stdout).toContain('2 indexed');
  records = DocumentRecord.array().parse(JSON.parse((await cli('status', '--json')).stdout));
}, 120_000);

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('cli status DOC', () => {
  it('finds a document by its id, the short id the list shows, and its object key', async () => {
    const [record] = records;
    if (!record) throw new Error('nothing was ingested');
    const table = await cli('status');
    const short = record.id.slice(0, 12);
    expect(table.stdout).toContain(short);
    for (const ref of [record.id, short, short.toUpperCase(), record.key]) {
      const one = await cli('status', ref, '--json');
      expect({ ref, code: one.code }).toEqual({ ref, code: 0 });
      expect(DocumentRecord.parse(JSON.parse(one.stdout)).id).toBe(record.id);
    }
    const readable = await cli('status', short);
    expect(readable.stdout).toContain(`id           ${record.id}`);
  });

  it('exits non-zero, saying so on stderr, for what names no document', async () => {
    for (const ref of ['0'.repeat(64), '000000', 'referater/nowhere.pdf', 'x']) {
      const none = await cli('status', ref);
      expect({ ref, code: none.code, stdout: none.stdout }).toEqual({ ref, code: 1, stdout: '' });
      expect(none.stderr).toContain(`no document ${ref} in the registry`);
    }
  });
});

describe('resolveDocument on the registry (dynalite)', () => {
  it('refuses a short id that several documents begin with, and takes a longer one', async () => {
    const aws = await startLocalAws();
    try {
      const registry = new DynamoRegistry({ client: aws.dynamo, table: aws.table });
      const at = '2026-11-23T10:00:00.000Z';
      const [first, second] = ['abcdef01', 'abcdef02'].map((start) => start + '0'.repeat(56));
      for (const id of [first, second])
        await registry.receive({ id: id ?? '', key: `${id}.pdf`, size: 1, at });
      expect(await resolveDocument(registry, 'abcdef')).toEqual({
        error: 'abcdef is the beginning of 2 document ids: give more of it',
      });
      expect(await resolveDocument(registry, 'abcdef02')).toMatchObject({ record: { id: second } });
    } finally {
      await aws.stop();
    }
  });
});
