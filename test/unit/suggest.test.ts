import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { SqliteSearchIndex } from '#search/sqlite/sqlite-index.ts';
import { SqliteTermVocabulary } from '#search/sqlite/vocabulary.ts';
import {
  allowedEdits,
  bestCorrection,
  editDistance,
  type KnownTerm,
  MAX_CORRECTED,
  suggestQuery,
  surfaceWord,
  type TermVocabulary,
} from '#search/suggest.ts';
import { indexedItem } from '#test/support/indexed-items.ts';
import { expectSuggestVocabulary, SUGGEST_CASES, SUGGEST_ITEMS } from '#test/support/suggest-cases.ts';

/** A vocabulary of fixed terms, answering as the engines do (within two edits, same first two letters). */
function fixed(terms: Record<string, number>): TermVocabulary & { asked: string[] } {
  const asked: string[] = [];
  return {
    asked,
    async near(term) {
      asked.push(term);
      return Object.entries(terms)
        .filter(([known]) => known.slice(0, 2) === term.slice(0, 2) && editDistance(term, known, 2) <= 2)
        .map(([known, docFreq]) => ({ term: known, docFreq }));
    },
  };
}

describe('edit distance (Damerau-Levenshtein, as Lucene counts it)', () => {
  it('counts insertions, deletions, substitutions and swaps of neighbours as one edit each', () => {
    expect(editDistance('sygefravar', 'sygefravær')).toBe(1);
    expect(editDistance('sygefrav', 'sygefravær')).toBe(2);
    expect(editDistance('plejecnter', 'plejecenter')).toBe(1);
    expect(editDistance('plejecetner', 'plejecenter')).toBe(1);
    expect(editDistance('ca', 'abc')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('abc', 'abc')).toBe(0);
  });

  it('stops above the most it is asked for', () => {
    expect(editDistance('lokalplan', 'budget', 2)).toBe(3);
    expect(editDistance('a', 'abcdef', 2)).toBe(3);
  });

  it('allows no edit below 4 letters, one to 7, two above', () => {
    expect([3, 4, 7, 8, 20].map(allowedEdits)).toEqual([0, 1, 1, 2, 2]);
  });
});

describe('the best correction of a term', () => {
  const near: KnownTerm[] = [
    { term: 'sygefravær', docFreq: 12 },
    { term: 'sygefravar', docFreq: 1 },
    { term: 'sygefraværs', docFreq: 40 },
  ];

  it('takes the nearest, then the most common', () => {
    expect(bestCorrection('sygefrav', near)?.term).toBe('sygefravær');
    expect(
      bestCorrection('skolen', [
        { term: 'skole', docFreq: 3 },
        { term: 'skoler', docFreq: 9 },
      ])?.term,
    ).toBe('skoler');
  });

  it('corrects a known word only to one in ten times as many items', () => {
    expect(bestCorrection('sygefravar', near)?.term).toBe('sygefravær');
    expect(
      bestCorrection('sygefravar', [{ term: 'sygefravar', docFreq: 2 }, near[0] as KnownTerm]),
    ).toBeNull();
    expect(bestCorrection('sygefravær', near)).toBeNull();
  });

  it('keeps to the edits the length allows, and never corrects short words', () => {
    expect(bestCorrection('fravr', [{ term: 'fravær', docFreq: 5 }])?.term).toBe('fravær');
    expect(bestCorrection('frav', [{ term: 'fravær', docFreq: 5 }])).toBeNull();
    expect(bestCorrection('vej', [{ term: 'veje', docFreq: 5 }])).toBeNull();
  });
});

describe('the word shown for a stem', () => {
  it('is the word near what was typed that stems to it', () => {
    expect(surfaceWord('sygefravær', 'sygefraver')).toBe('sygefravær');
    expect(surfaceWord('plejecent', 'plejecentre')).toBe('plejecenter');
    expect(surfaceWord('lokalplan', 'Lokalpln')).toBe('Lokalplan');
    expect(surfaceWord('sfo', 'SFU')).toBe('SFO');
  });
});

describe('suggestQuery', () => {
  const vocabulary = fixed({ sygefravær: 12, lokalplan: 3, vesterlund: 3, fravær: 6 });

  it('corrects unknown words and keeps the rest as typed', async () => {
    expect(await suggestQuery('sygefravar', vocabulary)).toBe('sygefravær');
    expect(await suggestQuery('Sygefraver  og  lokalpln', vocabulary)).toBe('Sygefravær  og  lokalplan');
    expect(await suggestQuery('"sygefravar i" lokalplan', vocabulary)).toBe('"sygefravær i" lokalplan');
  });

  it('is null when nothing is better', async () => {
    expect(await suggestQuery('sygefravær', vocabulary)).toBeNull();
    expect(await suggestQuery('budget', vocabulary)).toBeNull();
    expect(await suggestQuery('', vocabulary)).toBeNull();
  });

  it('leaves operators, negated and prefix words, case numbers and stop words alone, asking nothing for them', async () => {
    const asked = fixed({ sygefravær: 12 });
    expect(await suggestQuery('-sygefravar sygefravar* OR og 24/16905 25-002921', asked)).toBeNull();
    expect(asked.asked).toEqual([]);
    expect(await suggestQuery('lokalplan -sygefravar', vocabulary)).toBeNull();
  });

  it('corrects the first MAX_CORRECTED words it could correct, asking nothing for the rest', async () => {
    const asked = fixed({ sygefravær: 12 });
    const q = Array.from({ length: MAX_CORRECTED + 3 }, () => 'sygefravar').join(' og ');
    const corrected = Array.from({ length: MAX_CORRECTED + 3 }, (_, i) =>
      i < MAX_CORRECTED ? 'sygefravær' : 'sygefravar',
    ).join(' og ');
    expect(await suggestQuery(q, asked)).toBe(corrected);
    expect(asked.asked).toHaveLength(MAX_CORRECTED);
  });
});

describe('suggestions from an SQLite index', () => {
  const index = async () => {
    const db = new Database(':memory:');
    const search = new SqliteSearchIndex(db);
    await search.replaceDocument('suggest', [...SUGGEST_ITEMS]);
    return { db, search, vocabulary: new SqliteTermVocabulary(db) };
  };

  it.each(SUGGEST_CASES)('%j → %j', async (q, expected) => {
    const { search, vocabulary } = await index();
    expect(await suggestQuery(q, vocabulary)).toBe(expected);
    search.close();
  });

  it('reads the terms of the exact fields with the most items in one field, not the compound parts', async () => {
    const { search, vocabulary } = await index();
    await expectSuggestVocabulary(vocabulary);
    search.close();
  });

  it('forgets the terms of deleted items', async () => {
    const { search, vocabulary } = await index();
    await search.replaceDocument('suggest', [indexedItem({ documentId: 'suggest', title: 'Budget' })]);
    expect(await vocabulary.near('sygefravær')).toEqual([]);
    expect(await suggestQuery('sygefravar', vocabulary)).toBeNull();
    search.close();
  });
});
