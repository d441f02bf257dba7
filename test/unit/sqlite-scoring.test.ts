import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { SearchQuery } from '#domain/search.ts';
import { planSearch } from '#search/plan.ts';
import { FieldTotals } from '#search/sqlite/field-totals.ts';
import { fieldScorer, lengthNorm } from '#search/sqlite/lucene-bm25.ts';
import { columnSizes } from '#search/sqlite/schema.ts';
import { countPostings, ItemScorer, type Scorable, scoredClauses } from '#search/sqlite/scoring.ts';
import { SqliteSearchIndex } from '#search/sqlite/sqlite-index.ts';
import { indexedItem } from '#test/support/indexed-items.ts';
import { BEHAVIOUR_DOCUMENTS } from '#test/support/search-index-behaviour.ts';

describe("Lucene's BM25, as the embedded engine computes it", () => {
  it('keeps field lengths below 24 exact and coarsens longer ones to four significant bits', () => {
    for (let length = 0; length < 24; length++) expect(lengthNorm(length)).toBe(length);
    let previous = lengthNorm(24);
    for (let length = 25; length < 5000; length++) {
      const norm = lengthNorm(length);
      expect(norm).toBeGreaterThanOrEqual(previous);
      expect(norm).toBeLessThan(256);
      previous = norm;
    }
    // Lengths that differ by less than an eighth share a norm byte once they are long.
    expect(lengthNorm(1000)).toBe(lengthNorm(1010));
    expect(lengthNorm(1000)).not.toBe(lengthNorm(2000));
  });

  it('scores rarer terms, more occurrences and shorter fields higher, and saturates', () => {
    const field = fieldScorer({ docCount: 100, sumTotalTermFreq: 2000 });
    const rare = field.weight(1, 2);
    const common = field.weight(1, 60);
    expect(rare).toBeGreaterThan(common);
    expect(field.score(rare, 2, 20)).toBeGreaterThan(field.score(rare, 1, 20));
    expect(field.score(rare, 1, 10)).toBeGreaterThan(field.score(rare, 1, 40));
    // (k1 + 1) x idf x boost bounds a term's score, however often it occurs.
    expect(field.score(rare, 1000, 20)).toBeLessThan(rare);
    expect(field.weight(3, 2)).toBeCloseTo(3 * rare, 4);
  });
});

describe('the clauses a search scores', () => {
  it('scores the words of the query, and for partial matches all the parts of each of its compounds', () => {
    expect(scoredClauses(planSearch('ejendomssalg'))).toHaveLength(1);
    const [words, parts] = scoredClauses(planSearch('ejendomssalg'), 'partial');
    expect(words).toEqual({ terms: [{ term: 'ejendomssalg', boost: 1 }], minimumMatch: 1 });
    expect(parts?.terms.map((t) => t.term)).toEqual(['ejendom', 'salg']);
    expect(parts?.minimumMatch).toBe(2);
  });

  it('scores the words of phrases, case numbers and OR, not prefixes or excluded words', () => {
    const [words] = scoredClauses(planSearch('"salg af ejendommen" 24/16905 havn OR kyst lokal* -skole'));
    expect(words?.terms.map((t) => t.term)).toEqual(['salg', 'ejendom', '24/16905', 'havn', 'kyst']);
  });

  it("scores a compound's parts only where the item has as many of them as the step requires", async () => {
    const index = SqliteSearchIndex.open(':memory:');
    // 20 items with both parts of "ejendomssalg"; two items match by the word "rådhus" alone, one
    // with the part "salg": alone, that part must not count. All are partial matches.
    const both = Array.from({ length: 20 }, (_, i) =>
      indexedItem({ documentId: 'both', position: i, title: `Salg af ejendommen nr. ${i}` }),
    );
    await index.replaceDocument('both', both);
    await index.replaceDocument('word', [
      indexedItem({ documentId: 'word', title: 'Rådhus salg' }),
      indexedItem({ documentId: 'word', position: 1, title: 'Rådhus drift' }),
    ]);
    const result = await index.search(SearchQuery.parse({ q: 'ejendomssalg rådhus', size: 50 }));
    expect(result.total).toBe(0);
    expect(result.partialTotal).toBe(22);
    const score = (title: string) => result.results.find((r) => r.item.title === title)?.score;
    expect(score('Rådhus salg')).toBeGreaterThan(0);
    expect(score('Rådhus salg')).toBe(score('Rådhus drift'));
    index.close();
  });
});

/** An index in memory of the behaviour documents, with its connection. */
async function behaviourIndex(): Promise<{ db: Database.Database; index: SqliteSearchIndex }> {
  const db = new Database(':memory:');
  const index = new SqliteSearchIndex(db);
  for (const [documentId, items] of Object.entries(BEHAVIOUR_DOCUMENTS))
    await index.replaceDocument(documentId, items);
  return { db, index };
}

describe('scoring the matches', () => {
  it('gives each item its score whatever order the items come in, and nothing to an item without the words', async () => {
    const { db, index } = await behaviourIndex();
    const items = db
      .prepare('SELECT rowid, title_terms, decision_terms, body_terms FROM items ORDER BY rowid')
      .raw()
      .all()
      .map((row) => {
        const [rowid, ...lengths] = row as number[];
        return { rowid, lengths } as Scorable;
      });
    const scorer = new ItemScorer(db);
    const statistics = new FieldTotals(db).statistics();
    const clauses = scoredClauses(planSearch('fravær budget'));
    const ascending = [...scorer.scores(statistics, clauses, items)];
    expect(ascending.filter((score) => score > 0).length).toBeGreaterThan(1);
    expect(ascending).toContain(0);
    const shuffled = items.map((item, i) => ({ item, i })).sort((a, b) => (a.i % 3) - (b.i % 3) || b.i - a.i);
    const scores = scorer.scores(
      statistics,
      clauses,
      shuffled.map((s) => s.item),
    );
    expect([...scores]).toEqual(shuffled.map(({ i }) => ascending[i]));
    index.close();
  });
});

describe("a term's postings, from its occurrences as fts5vocab lists them", () => {
  // Occurrences: (rowid, column code); codes 0-2 are the exact columns (title, decision, body).
  const occurrences: [number, number][] = [
    [3, 0],
    [3, 0],
    [3, 2],
    [3, 4],
    [8, 1],
    [8, 2],
    [8, 2],
    [8, 2],
    [12, 0],
    [40, 5],
    [40, 5],
    [41, 2],
  ];
  const listed = (list: [number, number][]) =>
    countPostings(list.map(([rowid]) => rowid).join(','), list.map(([, code]) => String(code)).join(''));
  const plain = (postings: ReturnType<typeof countPostings>) => ({
    items: [...postings.items],
    fields: Object.fromEntries(
      [...postings.fields].map(([field, { docs, freqs }]) => [field, { docs: [...docs], freqs: [...freqs] }]),
    ),
  });

  it('counts each field per item, an exact column in its own field and its parts field', () => {
    const { items, fields } = plain(listed(occurrences));
    expect(items).toEqual([3, 8, 12, 40, 41]);
    expect(fields.title).toEqual({ docs: [3, 12], freqs: [2, 1] });
    expect(fields.title_parts).toEqual({ docs: [3, 12], freqs: [2, 1] });
    expect(fields.body).toEqual({ docs: [3, 8, 41], freqs: [1, 3, 1] });
    expect(fields.decision).toEqual({ docs: [8], freqs: [1] });
  });

  it('gives the same postings for occurrences in any order', () => {
    const shuffled = [...occurrences].reverse();
    expect(plain(listed(shuffled))).toEqual(plain(listed(occurrences)));
  });

  it('has none for a term without occurrences', () => {
    expect(plain(countPostings(null, null))).toEqual({ items: [], fields: {} });
  });
});

/** The index's most frequent terms, each with its occurrences, most first. */
function mostFrequent(db: Database.Database, count: number): [string, number][] {
  return db
    .prepare('SELECT term, count(*) FROM items_vocab GROUP BY term ORDER BY 2 DESC, 1 LIMIT ?')
    .raw()
    .all(count) as [string, number][];
}

describe('postings kept between searches', () => {
  it('keeps the most recently used up to its bound and reads the others again', async () => {
    const { db, index } = await behaviourIndex();
    // Three of the index's terms with their occurrences, for a bound that holds the last two read but not all three.
    const rows = mostFrequent(db, 3);
    const [terms, sizes] = [rows.map(([term]) => term), rows.map(([, n]) => n)];
    expect(terms).toHaveLength(3);
    const scorer = new ItemScorer(db, { keptOccurrences: (sizes[1] as number) + (sizes[2] as number) });
    const first = terms.map((term) => scorer.itemsWith(term));
    // The last two are kept (read again, the same lists); the first was let go and is read anew.
    expect(scorer.itemsWith(terms[2] as string)).toBe(first[2]);
    expect(scorer.itemsWith(terms[1] as string)).toBe(first[1]);
    const again = scorer.itemsWith(terms[0] as string);
    expect(again).not.toBe(first[0]);
    expect(again).toEqual(first[0]);
    // Unbounded enough, every term stays.
    const roomy = new ItemScorer(db);
    const kept = terms.map((term) => roomy.itemsWith(term));
    terms.forEach((term, i) => {
      expect(roomy.itemsWith(term)).toBe(kept[i]);
    });
    index.close();
  });
});

describe('postings larger than the bound', () => {
  it('are read each time and let none of the kept ones go', async () => {
    const { db, index } = await behaviourIndex();
    const rows = mostFrequent(db, 2);
    const [[large, largeSize], [small, smallSize]] = rows as [[string, number], [string, number]];
    expect(largeSize).toBeGreaterThan(smallSize);
    // Room for the smaller term's postings, not the larger's.
    const scorer = new ItemScorer(db, { keptOccurrences: largeSize - 1 });
    const kept = scorer.itemsWith(small);
    const first = scorer.itemsWith(large);
    const again = scorer.itemsWith(large);
    expect(again).not.toBe(first);
    expect(again).toEqual(first);
    expect(scorer.itemsWith(small)).toBe(kept);
    index.close();
  });

  it('are all read each time with a bound of none', async () => {
    const { db, index } = await behaviourIndex();
    const [[term]] = mostFrequent(db, 1) as [[string, number]];
    const scorer = new ItemScorer(db, { keptOccurrences: 0 });
    const first = scorer.itemsWith(term);
    expect(first.length).toBeGreaterThan(0);
    const again = scorer.itemsWith(term);
    expect(again).not.toBe(first);
    expect(again).toEqual(first);
    index.close();
  });
});

describe('words that occur nowhere', () => {
  it('are remembered as absent, the oldest let go past a bound, without postings; words that occur stay kept', async () => {
    const { db, index } = await behaviourIndex();
    // Room for one six-letter word.
    const scorer = new ItemScorer(db, { absentChars: 6 });
    const read = scorer.itemsWith('qqzzxw');
    expect(read).toEqual([]);
    // Remembered: the same (empty) list each time, not read again.
    const remembered = scorer.itemsWith('qqzzxw');
    expect(remembered).not.toBe(read);
    expect(scorer.itemsWith('qqzzxw')).toBe(remembered);
    // A second takes its place: it is remembered, the first is read again.
    expect(scorer.itemsWith('qqzzxy')).not.toBe(remembered);
    expect(scorer.itemsWith('qqzzxy')).toBe(remembered);
    expect(scorer.itemsWith('qqzzxw')).not.toBe(remembered);
    const term = db.prepare('SELECT term FROM items_vocab LIMIT 1').pluck().get() as string;
    expect(scorer.itemsWith(term)).toBe(scorer.itemsWith(term));
    index.close();
  });

  it('are read each time with no room to remember them', async () => {
    const { db, index } = await behaviourIndex();
    const scorer = new ItemScorer(db, { absentChars: 0 });
    const first = scorer.itemsWith('qqzzxw');
    expect(first).toEqual([]);
    expect(scorer.itemsWith('qqzzxw')).not.toBe(first);
    index.close();
  });

  it('are found once an item has them: what was absent is forgotten when the index changes', async () => {
    const { index } = await behaviourIndex();
    const query = SearchQuery.parse({ q: 'qqzzxw' });
    expect((await index.search(query)).total).toBe(0);
    await index.replaceDocument('made-up', [indexedItem({ documentId: 'made-up', title: 'Om qqzzxw' })]);
    const found = await index.search(query);
    expect(found.total).toBe(1);
    expect(found.results.map((hit) => [hit.id, hit.match])).toEqual([['made-up:0', 'full']]);
    index.close();
  });
});

describe("the index's statistics and field lengths", () => {
  it('keeps the per-field totals as a count from scratch gives them, through replacements and deletions', async () => {
    const { db, index } = await behaviourIndex();
    const [first, second] = Object.entries(BEHAVIOUR_DOCUMENTS);
    if (!first || !second) throw new Error('two documents expected');
    await index.replaceDocument(first[0], first[1].slice(0, 1));
    await index.deleteDocument(second[0]);
    const kept = new FieldTotals(db).statistics();
    db.exec('DELETE FROM field_totals');
    const counted = new FieldTotals(db).statistics();
    expect(kept).toEqual(counted);
    expect(counted.title.docCount).toBe(
      (db.prepare('SELECT count(*) FROM items').pluck().get() as number) -
        (db.prepare('SELECT count(*) FROM items WHERE title_terms = 0').pluck().get() as number),
    );
    index.close();
  });

  it("keeps each item's field lengths as FTS5 counts the terms of its columns", async () => {
    const { db, index } = await behaviourIndex();
    const rows = db
      .prepare(
        'SELECT i.title_terms, i.decision_terms, i.body_terms, d.sz FROM items i JOIN items_fts_docsize d ON d.id = i.rowid',
      )
      .raw()
      .all() as [number, number, number, Uint8Array][];
    expect(rows.length).toBeGreaterThan(0);
    for (const [title, decision, body, sz] of rows)
      expect([title, decision, body]).toEqual(columnSizes(sz).slice(0, 3));
    index.close();
  });

  it('gives an index made before it kept field lengths the lengths, ranking as a new one does', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'index-')), 'search.sqlite');
    const index = SqliteSearchIndex.open(path);
    for (const [documentId, items] of Object.entries(BEHAVIOUR_DOCUMENTS))
      await index.replaceDocument(documentId, items);
    const query = SearchQuery.parse({ q: 'fravær' });
    const before = await index.search(query);
    expect(before.total).toBeGreaterThan(1);
    index.close();
    // The layout of the version before: no length columns, no totals.
    const old = new Database(path);
    for (const field of ['title', 'decision', 'body'])
      old.exec(`ALTER TABLE items DROP COLUMN ${field}_terms`);
    old.exec('DROP TABLE field_totals');
    old.close();
    const reopened = SqliteSearchIndex.open(path);
    expect(await reopened.search(query)).toEqual(before);
    reopened.close();
  });
});
