import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { IndexedItem } from '#domain/search.ts';
import { SearchQuery } from '#domain/search.ts';
import { ItemScorer } from '#search/sqlite/scoring.ts';
import { type SqliteIndexOptions, SqliteSearchIndex } from '#search/sqlite/sqlite-index.ts';
import { SqliteTermVocabulary } from '#search/sqlite/vocabulary.ts';
import { indexedItem } from '#test/support/indexed-items.ts';

const TITLES = ['Havn kyst', 'Havn og kyst', 'Havnen', 'Kysten ved havnen', 'Budget', 'Havnebudget'];
const BODIES = ['Økonomiudvalget', 'Byrådet', 'Teknik- og Miljøudvalget'];

/** 36 items over three bodies and six years: words alone, together, as a phrase and in compounds. */
function items(documentId: string): IndexedItem[] {
  return Array.from({ length: 36 }, (_, position) =>
    indexedItem({
      documentId,
      position,
      title: TITLES[position % TITLES.length] as string,
      text: position % 4 === 0 ? 'Havnen og kysten skal sikres mod stormflod.' : 'Budgettet for havn og vej.',
      decision: position % 5 === 0 ? 'Godkendt.' : 'Taget til efterretning.',
      body: BODIES[position % BODIES.length],
      date: `${2019 + (position % 6)}-0${1 + (position % 9)}-1${position % 10}`,
    }),
  );
}

async function indexOf(searchCache?: number): Promise<SqliteSearchIndex> {
  const index = SqliteSearchIndex.open(':memory:', searchCache === undefined ? {} : { searchCache });
  await index.replaceDocument('doc', items('doc'));
  return index;
}

const search = (index: SqliteSearchIndex, input: Record<string, unknown>) =>
  index.search(SearchQuery.parse(input));

/**
 * A reader of items('doc') and another connection to its file, both closed and the file removed
 * after `use`.
 */
async function withTwoConnections(
  readerOptions: SqliteIndexOptions,
  use: (reader: SqliteSearchIndex, writer: SqliteSearchIndex) => Promise<void>,
): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'search-connections-'));
  const path = join(dir, 'index.sqlite');
  const reader = SqliteSearchIndex.open(path, readerOptions);
  const writer = SqliteSearchIndex.open(path);
  try {
    await reader.replaceDocument('doc', items('doc'));
    await use(reader, writer);
  } finally {
    writer.close();
    reader.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('the embedded engine keeps what a search found for its next pages, sorts and repeats', () => {
  it('answers every page and sort of a search as an engine that keeps nothing does', async () => {
    const [keeping, fresh] = [await indexOf(), await indexOf(0)];
    const queries = ['havn', 'havn kyst', '"havn kyst"', 'havn -kyst', 'kyst*', 'havn OR budget', 'hvan'];
    const filters = [{}, { from: '2021-01-01' }, { body: 'Byrådet' }];
    for (const q of queries) {
      for (const filter of filters) {
        // Later pages and the other sort first, then page 1 again: each answered from what was kept.
        for (const [page, sort] of [
          [2, 'relevance'],
          [1, 'date'],
          [3, 'relevance'],
          [1, 'relevance'],
          [2, 'date'],
        ] as const) {
          const input = { q, ...filter, page, size: 5, sort };
          expect(await search(keeping, input), JSON.stringify(input)).toEqual(await search(fresh, input));
        }
      }
    }
    keeping.close();
    fresh.close();
  });

  it('finds and ranks a search once for all its pages and sorts, and again once the index changes', async () => {
    const scores = vi.spyOn(ItemScorer.prototype, 'scores');
    const index = await indexOf();
    const first = await search(index, { q: 'havn', size: 5 });
    const ranked = scores.mock.calls.length;
    expect(ranked).toBeGreaterThan(0);
    await search(index, { q: 'havn', size: 5, page: 2 });
    await search(index, { q: 'havn', size: 5, sort: 'date' });
    expect(scores.mock.calls.length).toBe(ranked);

    await index.replaceDocument('more', [indexedItem({ documentId: 'more', title: 'Ny havn' })]);
    const after = await search(index, { q: 'havn', size: 5 });
    expect(scores.mock.calls.length).toBeGreaterThan(ranked);
    expect(after.total).toBe(first.total + 1);
    index.close();
  });

  it('answers a facet clicked from what the words found without it, as finding it anew answers', async () => {
    const [keeping, fresh] = [await indexOf(), await indexOf(0)];
    const scores = vi.spyOn(ItemScorer.prototype, 'scores');
    for (const q of ['havn', 'havn OR budget']) {
      await search(keeping, { q });
      for (const filter of [{ body: 'Byrådet' }, { from: '2021-01-01', outcome: 'approved' }]) {
        const input = { q, ...filter };
        scores.mockClear();
        expect(await search(keeping, input), JSON.stringify(input)).toEqual(await search(fresh, input));
        // Only the engine that keeps nothing ranked again.
        expect(scores.mock.calls.length).toBe(1);
      }
    }
    // A phrase's checks count against the budget by the items read: found anew, filtered.
    await search(keeping, { q: '"havn kyst"' });
    scores.mockClear();
    await search(keeping, { q: '"havn kyst"', body: 'Byrådet' });
    expect(scores.mock.calls.length).toBeGreaterThan(0);
    keeping.close();
    fresh.close();
  });

  it('keeps nothing when told to keep no matches', async () => {
    const scores = vi.spyOn(ItemScorer.prototype, 'scores');
    const index = await indexOf(0);
    await search(index, { q: 'havn' });
    const once = scores.mock.calls.length;
    await search(index, { q: 'havn' });
    expect(scores.mock.calls.length).toBe(2 * once);
    index.close();
  });

  it('keeps nothing a write overtook while a search that found nothing looked for a correction', async () => {
    const index = await indexOf();
    const pending = search(index, { q: 'qqxylofon' });
    await index.replaceDocument('more', [indexedItem({ documentId: 'more', title: 'Qqxylofon' })]);
    expect((await pending).total).toBe(0);
    expect((await search(index, { q: 'qqxylofon' })).total).toBe(1);
    index.close();
  });

  it('looks for a correction once for all the pages of a search that found nothing, none found or one', async () => {
    const near = vi.spyOn(SqliteTermVocabulary.prototype, 'near');
    const index = await indexOf();
    const suggestions: (string | null)[] = [];
    for (const q of ['qqxylofon', 'kystne']) {
      near.mockClear();
      const first = await search(index, { q });
      suggestions.push(first.suggestion);
      expect(first.total + first.partialTotal).toBe(0);
      const asked = near.mock.calls.length;
      expect(asked).toBeGreaterThan(0);
      expect(await search(index, { q, page: 2 })).toEqual({ ...first, page: 2 });
      expect(near.mock.calls.length).toBe(asked);
    }
    expect(suggestions[0]).toBeNull();
    expect(suggestions[1]).not.toBeNull();
    index.close();
  });

  it('refuses a repeat and a next page exactly where an engine that keeps nothing refuses them', async () => {
    // 30 items with both words, 200 with a synonym of the first, which a search counts too.
    const items = [
      ...Array.from({ length: 30 }, (_, position) =>
        indexedItem({
          documentId: 'd',
          position,
          title: 'Genbrugsplads vej',
          text: 'Ny genbrugsplads ved vej.',
        }),
      ),
      ...Array.from({ length: 200 }, (_, p) =>
        indexedItem({
          documentId: 'd',
          position: 30 + p,
          title: 'Genbrugsstation',
          text: 'Genbrugsstation genbrugsstation genbrugsstation.',
        }),
      ),
    ];
    const outcomes = async (searchBudget: number, searchCache?: number) => {
      const index = SqliteSearchIndex.open(':memory:', { searchBudget, searchCache });
      await index.replaceDocument('d', items);
      const answers: string[] = [];
      for (const page of [1, 1, 3, 1, 3]) {
        const answer = search(index, { q: 'genbrugsplads vej', page, size: 10 });
        answers.push(await answer.then((r) => `total ${r.total}`).catch((e: Error) => e.name));
      }
      index.close();
      return answers;
    };
    const seen = new Set<string>();
    for (let budget = 2080; budget <= 2200; budget += 20) {
      const fresh = await outcomes(budget, 0);
      expect(await outcomes(budget), `budget ${budget}`).toEqual(fresh);
      for (const outcome of fresh) seen.add(outcome);
    }
    // The budgets tried are refused and answered.
    expect(seen).toEqual(new Set(['SearchTooBroadError', 'total 30']));
  });

  it('answers a search as the index was when it was asked, whatever is written before the answer is read', async () => {
    const unchanged = await indexOf(0);
    const before = await search(unchanged, { q: 'havn', size: 50 });
    for (const searchCache of [undefined, 0]) {
      const index = await indexOf(searchCache);
      const pending = search(index, { q: 'havn', size: 50 });
      await index.deleteDocument('doc');
      expect(await pending).toEqual(before);
      expect((await search(index, { q: 'havn' })).total).toBe(0);
      index.close();
    }
    unchanged.close();
  });

  it('reads one state of the index through a search, whatever another connection writes meanwhile', async () => {
    await withTwoConnections({ searchCache: 0 }, async (reader, writer) => {
      const before = await search(reader, { q: 'havn', size: 50 });
      // The other connection deletes every item while this one ranks what it found.
      const scores = ItemScorer.prototype.scores;
      vi.spyOn(ItemScorer.prototype, 'scores').mockImplementationOnce(function (this: ItemScorer, ...args) {
        void writer.deleteDocument('doc');
        return scores.apply(this, args);
      });
      expect(await search(reader, { q: 'havn', size: 50 })).toEqual(before);
      expect((await search(reader, { q: 'havn' })).total).toBe(0);
    });
  });

  it("forgets what it kept when another connection writes to the index's file", async () => {
    await withTwoConnections({}, async (reader, writer) => {
      const before = await search(reader, { q: 'stormflod' });
      await writer.replaceDocument('more', [
        indexedItem({ documentId: 'more', title: 'Stormflod i havnen' }),
      ]);
      expect((await search(reader, { q: 'stormflod' })).total).toBe(before.total + 1);
    });
  });

  it('forgets that a word occurred nowhere when another connection writes it, with nothing kept', async () => {
    await withTwoConnections({ searchCache: 0 }, async (reader, writer) => {
      expect((await search(reader, { q: 'qqzzxw' })).total).toBe(0);
      expect((await search(reader, { q: 'qqzzxw' })).total).toBe(0);
      await writer.replaceDocument('more', [indexedItem({ documentId: 'more', title: 'Om qqzzxw' })]);
      expect((await search(reader, { q: 'qqzzxw' })).total).toBe(1);
    });
  });
});
