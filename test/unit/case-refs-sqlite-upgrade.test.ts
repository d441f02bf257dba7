import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { SqliteSearchIndex } from '#search/sqlite/sqlite-index.ts';
import { caseKeyOf } from '../../shared/cases/members.ts';
import { CASE, CASE_MUNICIPALITY, caseDocuments, REFERRING_MEETING } from '../support/case-items.ts';
import { storeAsEarlierVersions } from '../support/earlier-index-file.ts';

let dir: string | undefined;

afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('SQLite index file made before case references were kept', () => {
  it('reads the references from its stored items once on open, and keeps them as new writes do', async () => {
    dir = await mkdtemp(join(tmpdir(), 'case-refs-'));
    const path = join(dir, 'search.sqlite');
    const key = caseKeyOf(CASE_MUNICIPALITY, CASE);
    if (!key) throw new Error('no key');
    const current = SqliteSearchIndex.open(path);
    for (const [documentId, items] of Object.entries(caseDocuments()))
      await current.replaceDocument(documentId, items);
    const expected = await current.caseMembers([key]);
    current.close();
    expect(expected.filter((m) => m.via === 'reference')).toHaveLength(2);

    // The layout before: no references' table, stored items without caseRefs.
    const old = new Database(path);
    storeAsEarlierVersions(old);
    old.exec(`DROP TABLE case_refs; UPDATE item_json SET json = json_remove(json, '$.caseRefs');`);
    old.close();

    const reopened = SqliteSearchIndex.open(path);
    expect(await reopened.caseMembers([key])).toEqual(expected);
    await reopened.deleteDocument(REFERRING_MEETING);
    expect((await reopened.caseMembers([key])).map((m) => m.via)).toEqual(['number', 'number', 'reference']);
    reopened.close();
  });
});
