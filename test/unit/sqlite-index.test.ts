import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SearchQuery } from '#domain/search.ts';
import { SqliteSearchIndex } from '#search/sqlite/sqlite-index.ts';
import { indexedItem } from '#test/support/indexed-items.ts';
import { searchIndexBehaviour } from '#test/support/search-index-behaviour.ts';

searchIndexBehaviour('SQLite FTS5', async () => SqliteSearchIndex.open(':memory:'));

describe('SQLite FTS5 index file', () => {
  it('keeps its items across a reopen', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'index-')), 'search.sqlite');
    const first = SqliteSearchIndex.open(path);
    await first.replaceDocument('doc-a', [indexedItem({ title: 'Budgetopfølgning' })]);
    first.close();
    const second = SqliteSearchIndex.open(path);
    expect((await second.search(SearchQuery.parse({ q: 'budgetopfølgning' }))).total).toBe(1);
    second.close();
  });

  it('finds a compound the minutes write apart, all parts before any part', async () => {
    const index = SqliteSearchIndex.open(':memory:');
    await index.replaceDocument('doc-a', [
      indexedItem({ position: 0, title: 'Salg af ejendommen Skolevej 4' }),
      indexedItem({ position: 1, title: 'Salg af erhvervsgrund' }),
      indexedItem({ position: 2, title: 'Ejendommens vedligehold' }),
    ]);
    const titles = async (q: string) =>
      (await index.search(SearchQuery.parse({ q }))).results.map((r) => r.item.title);
    // Few items have both parts, so the search widens to any part, the one with both first.
    expect((await titles('ejendomssalg'))[0]).toBe('Salg af ejendommen Skolevej 4');
    expect(await titles('ejendomssalg')).toHaveLength(3);
    index.close();
  });

  it('requires all words when enough items have them all, and any word when too few do', async () => {
    const index = SqliteSearchIndex.open(':memory:');
    const both = Array.from({ length: 25 }, (_, i) =>
      indexedItem({ documentId: 'both', position: i, title: `Lokalplan for havnen ${i}` }),
    );
    const one = Array.from({ length: 30 }, (_, i) =>
      indexedItem({ documentId: 'one', position: i, title: `Lokalplan for skolen ${i}` }),
    );
    await index.replaceDocument('both', both);
    await index.replaceDocument('one', one);
    const total = async (q: string) => (await index.search(SearchQuery.parse({ q }))).total;
    expect(await total('lokalplan havnen')).toBe(25);
    expect(await total('lokalplan skolen')).toBe(30);
    // Only 25 items say "havnen" and none "bibliotek": too few with both, so any word counts.
    expect(await total('havnen bibliotek')).toBe(25);
    expect(await total('lokalplan bibliotek')).toBe(55);
    index.close();
  });
});
