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
});
