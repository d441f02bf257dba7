import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { SearchQuery } from '#domain/search.ts';
import { SqliteSearchIndex } from '#search/sqlite/sqlite-index.ts';
import { storeAsEarlierVersions } from '#test/support/earlier-index-file.ts';
import { indexedItem } from '#test/support/indexed-items.ts';

const side = (count: number | null, parties: string[]) => ({ count, parties });

describe('SQLite index file made before the vote filters and the extracted details', () => {
  it('gets its vote columns from the stored items, and reads items without the new fields', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'index-')), 'search.sqlite');
    const current = SqliteSearchIndex.open(path);
    await current.replaceDocument('doc-a', [
      indexedItem({
        position: 0,
        title: 'Budget 2026',
        decision: 'Godkendt.',
        votes: { for: side(21, ['A', 'V']), against: side(4, ['Ø']), abstained: null },
      }),
      indexedItem({ position: 1, title: 'Budget for skoler', decision: 'Anbefales enstemmigt.' }),
      indexedItem({ position: 2, title: 'Budget for veje', decision: 'Godkendt.' }),
    ]);
    current.close();

    // The layout before: no vote columns, items stored without absent, attachments, format, or the
    // meeting's time and place, and marked as made by the analysis alone (before stored forms).
    const old = new Database(path);
    old.exec('ALTER TABLE items DROP COLUMN votes; ALTER TABLE items DROP COLUMN parties;');
    storeAsEarlierVersions(old);
    const rows = old.prepare('SELECT rowid, json FROM item_json').raw().all() as [number, string][];
    for (const [rowid, json] of rows) {
      const { absent, attachments, format, meeting, ...rest } = JSON.parse(json);
      const { start, end, location, ...when } = meeting;
      old
        .prepare('UPDATE item_json SET json = ? WHERE rowid = ?')
        .run(JSON.stringify({ ...rest, meeting: when }), rowid);
    }
    old.close();

    const upgraded = SqliteSearchIndex.open(path);
    const titles = async (input: Record<string, unknown>) =>
      (await upgraded.search(SearchQuery.parse({ q: 'budget', ...input }))).results.map((r) => r.item.title);
    expect(await titles({ votes: 'split' })).toEqual(['Budget 2026']);
    expect(await titles({ votes: 'unanimous' })).toEqual(['Budget for skoler']);
    expect(await titles({ party: 'Enhedslisten' })).toEqual(['Budget 2026']);
    expect(await upgraded.get('doc-a:2')).toMatchObject({
      absent: [],
      attachments: [],
      format: null,
      meeting: { start: null, end: null, location: null },
    });
    upgraded.close();
  });
});
