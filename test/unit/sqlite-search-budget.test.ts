import { describe, expect, it } from 'vitest';
import { SearchQuery } from '#domain/search.ts';
import { analyze } from '#language/analyze.ts';
import { SearchTooBroadError, type TermOccurrences } from '#search/errors.ts';
import { SqliteSearchIndex } from '#search/sqlite/sqlite-index.ts';
import { indexedItem } from '#test/support/indexed-items.ts';

const [HAVN, KYST] = analyze('havn kyst') as [string, string];

/** An index in memory with a budget, where "havn" occurs `havn` times and "kyst" `kyst` times. */
async function indexWith(searchBudget: number, havn: number, kyst: number): Promise<SqliteSearchIndex> {
  const index = SqliteSearchIndex.open(':memory:', { searchBudget });
  await replace(index, havn, kyst);
  return index;
}

/** The document as it is written anew: one item for each occurrence, in title, text or decision. */
async function replace(index: SqliteSearchIndex, havn: number, kyst: number): Promise<void> {
  const words = [...Array<string>(havn).fill('havn'), ...Array<string>(kyst).fill('kyst')];
  const fields = (word: string, i: number) =>
    i % 3 === 0
      ? { title: `Om ${word}` }
      : i % 3 === 1
        ? { title: 'Sag', text: word }
        : { title: 'Sag', decision: word };
  await index.replaceDocument(
    'doc',
    words.map((word, i) => indexedItem({ documentId: 'doc', position: i, ...fields(word, i) })),
  );
}

/** The index of indexWith, and three items whose titles have "havn" and "kyst" side by side. */
async function withPhrases(searchBudget: number): Promise<SqliteSearchIndex> {
  const index = await indexWith(searchBudget, 6, 5);
  const titles = ['Havn kyst', 'Havn og kyst', 'Havn kyst'];
  await index.replaceDocument(
    'phrases',
    titles.map((title, position) => indexedItem({ documentId: 'phrases', position, title })),
  );
  return index;
}

/** The words of `withPhrases`, as a refusal counts them: "havn" 9 times, "kyst" 8. */
const WORDS_WITH_PHRASES = [
  { term: HAVN, occurrences: 9 },
  { term: KYST, occurrences: 8 },
];

/** What a search of `withPhrases(searchBudget)` answers: its total, or what its refusal counted. */
async function phrased(
  searchBudget: number,
  q: string,
): Promise<number | { readonly terms: readonly TermOccurrences[]; readonly checks: number }> {
  const index = await withPhrases(searchBudget);
  try {
    const refused = await refusal(index, { q });
    if (refused) return { terms: refused.terms, checks: refused.checks };
    return (await index.search(SearchQuery.parse({ q }))).total;
  } finally {
    index.close();
  }
}

/** The search's refusal, or null when it was answered. */
async function refusal(index: SqliteSearchIndex, input: object): Promise<SearchTooBroadError | null> {
  try {
    await index.search(SearchQuery.parse(input));
    return null;
  } catch (error) {
    if (error instanceof SearchTooBroadError) return error;
    throw error;
  }
}

describe("a search's budget of occurrences on the embedded engine", () => {
  it('refuses a search whose words occur more often together than the budget, naming the most common first', async () => {
    const index = await indexWith(10, 6, 5);
    expect((await index.search(SearchQuery.parse({ q: 'havn' }))).total).toBe(6);
    expect((await index.search(SearchQuery.parse({ q: 'kyst' }))).total).toBe(5);
    for (const input of [{ q: 'kyst havn' }, { q: 'kyst OR havn' }, { q: 'havn kyst', access: 'open' }]) {
      const refused = await refusal(index, input);
      expect(refused?.budget, JSON.stringify(input)).toBe(10);
      expect(refused?.terms).toEqual([
        { term: HAVN, occurrences: 6 },
        { term: KYST, occurrences: 5 },
      ]);
      expect(refused?.message).toMatch(
        /^The search is too broad: its words occur 11 times in the index \(.*\), more than the 10 one search may read;/,
      );
      expect(refused?.checks).toBe(0);
    }
    index.close();
  });

  it('answers a search whose words occur as often as the budget', async () => {
    const index = await indexWith(11, 6, 5);
    const result = await index.search(SearchQuery.parse({ q: 'havn OR kyst' }));
    expect(result.total).toBe(11);
    index.close();
  });

  it('counts a word the same whether its postings were read by an earlier search or not', async () => {
    const index = await indexWith(10, 6, 5);
    const before = await refusal(index, { q: 'havn kyst' });
    await index.search(SearchQuery.parse({ q: 'havn' }));
    await index.search(SearchQuery.parse({ q: 'kyst' }));
    const after = await refusal(index, { q: 'havn kyst' });
    expect(after?.terms).toEqual(before?.terms);
    index.close();
  });

  it("counts a prefix's occurrences at a quarter each, as FTS5 merges them without their being read", async () => {
    const index = await indexWith(6, 6, 5);
    // "ha*" begins the 6 occurrences of "havn" and "ky*" the 5 of "kyst": ceil(6 / 4) + ceil(5 / 4) = 4.
    expect((await index.search(SearchQuery.parse({ q: 'ha* OR ky*' }))).total).toBe(11);
    // An excluded prefix too: FTS5 merges its terms to leave them out.
    for (const q of ['kyst -ha*', 'ha* kyst']) {
      expect((await refusal(index, { q }))?.terms, q).toEqual([
        { term: KYST, occurrences: 5 },
        { term: 'ha*', occurrences: 2 },
      ]);
    }
    index.close();
  });

  it('counts the text of the items a phrase is checked in, two occurrences a term', async () => {
    // The words: 9 of "havn", 8 of "kyst"; FTS5 finds the phrase in all three titles (it keeps no
    // stop-word gaps), whose 2 terms each are checked at 2: 12. The check keeps two.
    expect(await phrased(29, '"havn kyst"')).toBe(2);
    expect(await phrased(28, '"havn kyst"')).toEqual({ terms: WORDS_WITH_PHRASES, checks: 12 });
  });

  it('reads and counts only the matches FTS5 finds a phrase in: an excluded phrase checks three of nine', async () => {
    // Nine items have "havn"; FTS5 finds the phrase in the three titles, of which "Havn og kyst"
    // keeps it (a stop word stands between): 7 full matches, 3 items of 2 terms checked at 2. The
    // partial matches are checked for it too: the other two titles, 8. Checking all nine: 32.
    expect(await phrased(29, 'havn -"havn kyst"')).toBe(7);
    expect(await phrased(28, 'havn -"havn kyst"')).toEqual({
      terms: [{ term: HAVN, occurrences: 9 }],
      checks: 20,
    });
  });

  it('counts the text of each item it counts the words of a plain query in as a phrase, two occurrences a term', async () => {
    // The words: 17 occurrences; the three titles of both words are each read for the phrase: 4 each.
    expect(await phrased(29, 'havn kyst')).toBe(3);
    expect(await phrased(20, 'havn kyst')).toEqual({ terms: WORDS_WITH_PHRASES, checks: 4 });
  });

  it('counts what the index holds now: the words of a document written anew count as they are now', async () => {
    const index = await indexWith(10, 6, 5);
    await index.search(SearchQuery.parse({ q: 'havn' }));
    expect(await refusal(index, { q: 'havn OR kyst' })).not.toBeNull();
    await replace(index, 3, 5);
    expect((await index.search(SearchQuery.parse({ q: 'havn OR kyst' }))).total).toBe(8);
    await replace(index, 3, 9);
    expect((await refusal(index, { q: 'havn OR kyst' }))?.terms).toEqual([
      { term: KYST, occurrences: 9 },
      { term: HAVN, occurrences: 3 },
    ]);
    index.close();
  });
});
