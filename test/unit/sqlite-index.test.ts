import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { type IndexedItem, SearchQuery } from '#domain/search.ts';
import { analyzedFields, FIELD_WEIGHTS, searchFields } from '#search/fields.ts';
import { sqlFilters } from '#search/sqlite/filters.ts';
import { FTS_TABLE_COLUMNS } from '#search/sqlite/schema.ts';
import { SqliteSearchIndex } from '#search/sqlite/sqlite-index.ts';
import { storeAsEarlierVersions } from '#test/support/earlier-index-file.ts';
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

  it('says how many documents it analyses again before opening a file an earlier version made, and only then', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'index-')), 'search.sqlite');
    const told: number[] = [];
    const onReanalyse = (documents: number) => told.push(documents);
    const made = SqliteSearchIndex.open(path, { onReanalyse });
    await made.replaceDocument('doc-a', [indexedItem({ title: 'Vejbelysning' })]);
    await made.replaceDocument('doc-b', [
      indexedItem({ documentId: 'doc-b', title: 'Skolebus' }),
      indexedItem({ documentId: 'doc-b', position: 1, title: 'Takst' }),
    ]);
    made.close();
    const old = new Database(path);
    storeAsEarlierVersions(old);
    old.close();

    const upgraded = SqliteSearchIndex.open(path, { onReanalyse });
    expect(told).toEqual([2]);
    expect((await upgraded.search(SearchQuery.parse({ q: 'skolebus' }))).total).toBe(1);
    upgraded.close();
    SqliteSearchIndex.open(path, { onReanalyse }).close();
    expect(told).toEqual([2]);
  });

  it("cuts its write-ahead log back to one checkpoint's worth once it has grown past it", async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'index-')), 'search.sqlite');
    const db = new Database(path);
    const index = new SqliteSearchIndex(db);
    // A stretch between checkpoints of 12 MB (a large group of documents and FTS5's merges).
    db.exec('CREATE TABLE ballast (b BLOB); INSERT INTO ballast VALUES (zeroblob(12000000))');
    expect(statSync(`${path}-wal`).size).toBeGreaterThan(12_000_000);
    await index.replaceDocument('doc-a', [indexedItem({ title: 'Budget' })]);
    expect(statSync(`${path}-wal`).size).toBeLessThanOrEqual(1000 * 8192);
    index.close();
  });

  it('makes new files with 8 KB pages and opens files made with others as they are', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'index-'));
    const pageSize = (path: string) => {
      const db = new Database(path, { readonly: true });
      const size = db.pragma('page_size', { simple: true });
      db.close();
      return size;
    };
    const made = SqliteSearchIndex.open(join(dir, 'new.sqlite'));
    await made.replaceDocument('doc-a', [indexedItem({ title: 'Budgetopfølgning' })]);
    made.close();
    expect(pageSize(join(dir, 'new.sqlite'))).toBe(8192);
    // A file an earlier version made with SQLite's default pages.
    const earlier = SqliteSearchIndex.open(join(dir, 'earlier.sqlite'));
    earlier.close();
    const db = new Database(join(dir, 'earlier.sqlite'));
    db.pragma('journal_mode = DELETE');
    db.pragma('page_size = 4096');
    db.exec('VACUUM');
    db.close();
    expect(pageSize(join(dir, 'earlier.sqlite'))).toBe(4096);
    const reopened = SqliteSearchIndex.open(join(dir, 'earlier.sqlite'));
    await reopened.replaceDocument('doc-a', [indexedItem({ title: 'Budgetopfølgning' })]);
    expect((await reopened.search(SearchQuery.parse({ q: 'budgetopfølgning' }))).total).toBe(1);
    reopened.close();
    expect(pageSize(join(dir, 'earlier.sqlite'))).toBe(4096);
  });

  it("writes a document's terms as one FTS5 segment, however many items it has", async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'index-')), 'search.sqlite');
    const index = SqliteSearchIndex.open(path);
    // Each item names a case: its reference is written with INSERT OR IGNORE, which opens a savepoint.
    const items = [0, 1, 2].map((position) =>
      indexedItem({ position, title: `Sag ${position} om budgetopfølgning`, text: 'Se sagsnr. 24/16905.' }),
    );
    await index.replaceDocument('doc-a', items);
    index.close();
    const db = new Database(path, { readonly: true });
    const segments = db.prepare('SELECT count(DISTINCT segid) FROM items_fts_idx').pluck().get();
    db.close();
    expect(segments).toBe(1);
  });

  it('analyses its items again when it was made with another analysis', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'index-')), 'search.sqlite');
    const first = SqliteSearchIndex.open(path);
    const item = indexedItem({ title: 'Trafik og sygefravær', text: 'Sygefraværet steg.' });
    await first.replaceDocument('doc-a', [item]);
    const before = await first.search(SearchQuery.parse({ q: 'fravær' }));
    const stored = await first.get(item.id);
    first.close();
    // Terms an earlier analysis made are gone when it changed: nothing finds the item until it is analysed again.
    const db = new Database(path);
    db.exec(
      "DELETE FROM items_fts; DELETE FROM field_totals; UPDATE meta SET value = 'earlier' WHERE name = 'analysis'",
    );
    db.close();
    const reopened = SqliteSearchIndex.open(path);
    expect(await reopened.search(SearchQuery.parse({ q: 'fravær' }))).toEqual(before);
    expect(await reopened.get(item.id)).toEqual(stored);
    expect(stored).toMatchObject(item);
    reopened.close();
  });

  it('finds what another connection wrote to the file, and forgets what it changed or removed', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'index-')), 'search.sqlite');
    const reader = SqliteSearchIndex.open(path);
    const writer = SqliteSearchIndex.open(path);
    const budget = SearchQuery.parse({ q: 'budget' });
    const found = async () => (await reader.search(budget)).results.map((r) => [r.item.title, r.score]);
    await writer.replaceDocument('doc-a', [indexedItem({ title: 'Budget 2026', decision: 'Godkendt.' })]);
    const one = await found();
    expect(one.map(([title]) => title)).toEqual(['Budget 2026']);
    // The reader has kept the term's postings and the item's row: a write elsewhere must reach it.
    await writer.replaceDocument('doc-b', [
      indexedItem({
        documentId: 'doc-b',
        title: 'Budget for veje',
        text: 'Budget, budget og budget.',
        date: '2026-02-01',
      }),
    ]);
    const two = await found();
    expect(two.map(([title]) => title)).toEqual(['Budget for veje', 'Budget 2026']);
    expect(two[1]?.[1]).not.toBe(one[0]?.[1]);
    await writer.deleteDocument('doc-b');
    expect(await found()).toEqual(one);
    // Its own writes too.
    await reader.replaceDocument('doc-a', [indexedItem({ title: 'Trafik', decision: 'Godkendt.' })]);
    expect(await found()).toEqual([]);
    reader.close();
    writer.close();
  });

  it('offers a compound the minutes write apart as a partial match, all its parts needed', async () => {
    const index = SqliteSearchIndex.open(':memory:');
    await index.replaceDocument('doc-a', [
      indexedItem({ position: 0, title: 'Salg af ejendommen Skolevej 4' }),
      indexedItem({ position: 1, title: 'Salg af erhvervsgrund' }),
      indexedItem({ position: 2, title: 'Ejendommens vedligehold' }),
    ]);
    const result = await index.search(SearchQuery.parse({ q: 'ejendomssalg' }));
    expect(result.total).toBe(0);
    expect(result.partialTotal).toBe(1);
    expect(result.results.map((r) => [r.item.title, r.match])).toEqual([
      ['Salg af ejendommen Skolevej 4', 'partial'],
    ]);
    index.close();
  });

  it('counts only items with every word, and offers the others only when those are few', async () => {
    const index = SqliteSearchIndex.open(':memory:');
    const both = Array.from({ length: 25 }, (_, i) =>
      indexedItem({ documentId: 'both', position: i, title: `Lokalplan for havnen ${i}` }),
    );
    const one = Array.from({ length: 30 }, (_, i) =>
      indexedItem({ documentId: 'one', position: i, title: `Lokalplan for skolen ${i}` }),
    );
    await index.replaceDocument('both', both);
    await index.replaceDocument('one', one);
    const search = (q: string) => index.search(SearchQuery.parse({ q, size: 100 }));
    expect(await search('lokalplan havnen')).toMatchObject({ total: 25, partialTotal: 0 });
    expect(await search('lokalplan skolen')).toMatchObject({ total: 30, partialTotal: 0 });
    const none = await search('havnen bibliotek');
    expect(none).toMatchObject({ total: 0, partialTotal: 25 });
    expect(none.results.every((r) => r.match === 'partial')).toBe(true);
    index.close();
  });

  it('finds for a query of words from the postings what FTS5 finds, after each replacement, rowids reused', async () => {
    const index = SqliteSearchIndex.open(':memory:');
    const item = (documentId: string, position: number, title: string, text: string) =>
      indexedItem({ documentId, position, title, text });
    const queries = [
      'budget',
      'lokalplan',
      'budget lokalplan',
      'havnen OR skolen',
      'fravær 4/2',
      'klimatilpasning',
      'drift',
    ];
    // Every item is open, so `access: open` keeps them all, but sends the words to FTS5 in SQL.
    const queriesAgreeing = async () => {
      for (const q of queries) {
        const [postings, fts5] = await Promise.all([
          index.search(SearchQuery.parse({ q, size: 50 })),
          index.search(SearchQuery.parse({ q, size: 50, access: 'open' })),
        ]);
        expect(postings, q).toEqual(fts5);
      }
      // How many of the queries find something: the checks above compared more than empty results.
      const totals = await Promise.all(
        queries.map(async (q) => (await index.search(SearchQuery.parse({ q }))).total),
      );
      return totals.filter((total) => total > 0).length;
    };
    await index.replaceDocument('a', [
      item('a', 0, 'Lokalplan for havnen', 'Budget og sygefravær'),
      item('a', 1, 'Skolestruktur', 'Fravær i skolerne, møde 4/2'),
    ]);
    await index.replaceDocument('b', [item('b', 0, 'Budget 2025', 'Lokalplan ved skolen')]);
    expect(await queriesAgreeing()).toBeGreaterThan(4);
    // The last document again, with other words: SQLite gives its new rows the rowids just freed.
    await index.replaceDocument('b', [
      item('b', 0, 'Havnebad', 'Klimatilpasning'),
      item('b', 1, 'Budget', 'Drift'),
    ]);
    expect(await queriesAgreeing()).toBeGreaterThan(4);
    await index.deleteDocument('a');
    await index.replaceDocument('c', [item('c', 0, 'Sygefravær', 'Lokalplan og budget')]);
    expect(await queriesAgreeing()).toBeGreaterThan(4);
    index.close();
  });

  it("makes its terms' table again when a file keeps its columns in an earlier order, and answers as before", async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'index-')), 'search.sqlite');
    const items = ['Sygefravær i Trafik', 'Trafik og vej', 'Budget for fravær'].map((title, position) =>
      indexedItem({
        position,
        title,
        text: `${title}. Sygefraværet steg i trafikken.`,
        decision: 'Godkendt.',
      }),
    );
    const current = SqliteSearchIndex.open(path);
    await current.replaceDocument('doc-a', items);
    const queries = [{ q: 'fravær' }, { q: 'trafik' }, { q: '"sygefraværet steg"' }, { q: 'budget fravær' }];
    const answers = async (index: SqliteSearchIndex) =>
      Promise.all(queries.map(async (input) => index.search(SearchQuery.parse(input))));
    const expected = await answers(current);
    current.close();

    // Versions before kept the columns in FIELD_WEIGHTS order.
    const old = new Database(path);
    const earlierOrder = Object.keys(FIELD_WEIGHTS) as (keyof typeof FIELD_WEIGHTS)[];
    old.exec(`DROP TABLE items_vocab; DROP TABLE items_fts;
      CREATE VIRTUAL TABLE items_fts USING fts5(${earlierOrder.join(', ')}, content = '', contentless_delete = 1,
        tokenize = "unicode61 remove_diacritics 0 tokenchars '-./'");`);
    const insert = old.prepare(
      `INSERT INTO items_fts (rowid, ${earlierOrder.join(', ')}) VALUES (?, ?, ?, ?, ?, ?, ?)`,
    );
    items.forEach((item, i) => {
      const terms = analyzedFields(searchFields(item));
      insert.run(i + 1, ...earlierOrder.map((col) => terms[col].join(' ')));
    });
    storeAsEarlierVersions(old);
    old.close();

    const reopened = SqliteSearchIndex.open(path);
    expect(await answers(reopened)).toEqual(expected);
    reopened.close();
    const db = new Database(path, { readonly: true });
    expect(db.prepare("SELECT name FROM pragma_table_info('items_fts')").pluck().all()).toEqual(
      FTS_TABLE_COLUMNS,
    );
    db.close();
  });

  it('opens a file an earlier version made: body and municipality keys made again, facets counted again', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'index-')), 'search.sqlite');
    const items: IndexedItem[] = [
      ['Byråd 2022-2025', 'Greve Kommune', '2022'],
      ['Byrådet', 'greve kommune', '2022'],
      ['Byråd 2022-2025', 'Greve Kommune', '2023'],
      ['Økonomiudvalget', 'Norddjurs Kommune', '2023'],
    ].map(([body, municipality, year], position) =>
      indexedItem({
        documentId: 'doc-a',
        position,
        title: `Vintertjeneste ${position}`,
        body,
        municipality,
        date: `${year}-05-01`,
      }),
    );
    const current = SqliteSearchIndex.open(path);
    await current.replaceDocument('doc-a', items);
    const queries = [
      {},
      { q: 'vintertjeneste' },
      { body: 'byrådet' },
      { municipality: 'Greve' },
      { q: 'vintertjeneste', body: 'Byråd' },
    ];
    const answers = async (index: SqliteSearchIndex) =>
      Promise.all(queries.map(async (input) => index.search(SearchQuery.parse(input))));
    const expected = await answers(current);
    current.close();

    // The layout before: bodies and municipalities as written, lower-cased as keys, and facet
    // totals per combination of body, year and outcome.
    const old = new Database(path);
    storeAsEarlierVersions(old);
    old.exec(`DROP TRIGGER items_counted; DROP TRIGGER items_uncounted; DROP TABLE facet_totals; DROP TABLE meta;
      UPDATE items SET
        body = (SELECT json_extract(json, '$.meeting.body') FROM item_json j WHERE j.rowid = items.rowid),
        municipality = (SELECT json_extract(json, '$.meeting.municipality') FROM item_json j WHERE j.rowid = items.rowid);`);
    const rows = old.prepare('SELECT rowid, body, municipality FROM items').all() as {
      rowid: number;
      body: string;
      municipality: string;
    }[];
    for (const row of rows) {
      old
        .prepare('UPDATE items SET body_key = ?, municipality_key = ? WHERE rowid = ?')
        .run(row.body.toLocaleLowerCase('da'), row.municipality.toLocaleLowerCase('da'), row.rowid);
    }
    old.exec(`CREATE INDEX items_facets ON items(body, year, outcome);
      CREATE TABLE facet_totals (
        body TEXT NOT NULL, year TEXT NOT NULL, outcome TEXT NOT NULL, n INTEGER NOT NULL,
        PRIMARY KEY (body, year, outcome)
      );
      INSERT INTO facet_totals
        SELECT coalesce(body, ''), coalesce(year, ''), coalesce(outcome, ''), count(*) FROM items GROUP BY 1, 2, 3;
      CREATE TRIGGER items_counted AFTER INSERT ON items BEGIN
        INSERT INTO facet_totals VALUES (coalesce(new.body, ''), coalesce(new.year, ''), coalesce(new.outcome, ''), 1)
        ON CONFLICT DO UPDATE SET n = n + 1;
      END;
      CREATE TRIGGER items_uncounted AFTER DELETE ON items BEGIN
        UPDATE facet_totals SET n = n - 1
        WHERE body = coalesce(old.body, '') AND year = coalesce(old.year, '') AND outcome = coalesce(old.outcome, '');
      END;`);
    old.close();

    const reopened = SqliteSearchIndex.open(path);
    expect(await answers(reopened)).toEqual(expected);
    expect(expected[0]?.facets).toMatchObject({
      body: { Byråd: 3, Økonomiudvalget: 1 },
      municipality: { 'Greve Kommune': 3, 'Norddjurs Kommune': 1 },
    });
    // Written and deleted after the upgrade, the totals follow.
    await reopened.replaceDocument('doc-b', [
      indexedItem({ documentId: 'doc-b', title: 'Budget', body: 'Byrådet' }),
    ]);
    expect((await reopened.search(SearchQuery.parse({}))).facets.body).toEqual({
      Byråd: 4,
      Økonomiudvalget: 1,
    });
    await reopened.deleteDocument('doc-a');
    expect(await reopened.search(SearchQuery.parse({}))).toMatchObject({
      total: 1,
      facets: { body: { Byrådet: 1 }, municipality: { 'Vesterlund Kommune': 1 } },
    });
    reopened.close();
  });
});

describe("browsing a body's items without words", () => {
  it("reads only that body's rows, by date, through the filters the search makes", async () => {
    const db = new Database(':memory:');
    const index = new SqliteSearchIndex(db);
    const bodies = ['Byrådet', 'Direktionen'];
    await index.replaceDocument(
      'doc',
      Array.from({ length: 12 }, (_, position) =>
        indexedItem({
          position,
          title: `Punkt ${position}`,
          body: bodies[position % 2],
          date: `202${position % 6}-01-01`,
        }),
      ),
    );
    const query = SearchQuery.parse({ body: 'Direktionen', from: '2023-01-01' });
    const found = await index.search(query);
    // Direktionen's items of 2023 and 2025: positions 3, 5, 9 and 11.
    expect(found.results.map((hit) => [hit.meeting.body, hit.meeting.date])).toEqual([
      ['Direktionen', '2025-01-01'],
      ['Direktionen', '2025-01-01'],
      ['Direktionen', '2023-01-01'],
      ['Direktionen', '2023-01-01'],
    ]);
    const { where, params } = sqlFilters(query);
    const plan = db.prepare(`EXPLAIN QUERY PLAN SELECT i.rowid FROM items i ${where}`).all(params) as {
      detail: string;
    }[];
    expect(plan.map((step) => step.detail).join(' ')).toMatch(
      /USING (COVERING )?INDEX items_body_date \(body_key=\? AND date>\?\)/,
    );
    index.close();
  });
});

describe('the members of many cases at once', () => {
  it('reads them in one statement, oldest first, however many cases are asked for', async () => {
    const index = SqliteSearchIndex.open(':memory:');
    // More cases than SQLite takes bound parameters for two columns each, twice (32,766 / 4).
    const cases = 9_000;
    const items = Array.from({ length: cases }, (_, position) =>
      indexedItem({
        documentId: 'many',
        position,
        title: `Sag ${position}`,
        caseNumber: `25/${10_000 + position}`,
        date: '2025-03-04',
      }),
    );
    await index.replaceDocument('many', items);
    const keys = items.map((item) => ({
      municipalityKey: 'vesterlund',
      caseNumber: item.item.caseNumber as string,
    }));
    const members = await index.caseMembers(keys);
    expect(members.map((m) => m.caseNumber)).toEqual(keys.map((k) => k.caseNumber));
    expect(members.every((m) => m.via === 'number' && m.municipalityKey === 'vesterlund')).toBe(true);
    index.close();
  });
});
