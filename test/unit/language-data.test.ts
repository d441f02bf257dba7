import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import {
  COMPACT_VOCABULARY_FILE,
  compactVocabularyBytes,
  compoundParts,
  DECOMPOUND,
  loadCompoundVocabulary,
  sortedVocabularyWords,
  splitCompound,
  vocabularyWordFrom,
  vocabularyWords,
} from '#language/compounds.ts';
import { SortedVocabulary, VocabularyEncodingError } from '#language/sorted-vocabulary.ts';

/** The vocabulary as a Set, as compounds.ts looked words up before the compact form. */
const dictionarySet = new Set(vocabularyWords());

/** Compound parts by the plain definition: in a long word, every substring of 4-20 letters the dictionary has. */
function partsBySet(word: string): string[] {
  const parts: string[] = [];
  if (word.length < DECOMPOUND.minWordSize) return parts;
  for (let i = 0; i <= word.length - DECOMPOUND.minSubwordSize; i++) {
    for (let j = DECOMPOUND.minSubwordSize; j <= DECOMPOUND.maxSubwordSize && i + j <= word.length; j++) {
      if (dictionarySet.has(word.slice(i, i + j))) parts.push(word.slice(i, i + j));
    }
  }
  return parts;
}

const folder = mkdtempSync(join(tmpdir(), 'language-data-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe('compact language data', () => {
  it('was built at install and holds the dictionary-derived word list, sorted and distinct', () => {
    const built = SortedVocabulary.decode(readFileSync(COMPACT_VOCABULARY_FILE), DECOMPOUND.minSubwordSize);
    expect(built?.words()).toEqual([...dictionarySet].sort());
    expect(Buffer.from(compactVocabularyBytes()).equals(readFileSync(COMPACT_VOCABULARY_FILE))).toBe(true);
  });

  it('keeps the OpenSearch word list as the dictionary gives it, in its order and with its repeats', () => {
    const words = vocabularyWords();
    expect(words.length).toBeGreaterThan(100_000);
    expect(words.length).toBeGreaterThan(dictionarySet.size);
    expect(words.every((w) => /^[a-zæøåéü]{4,}$/.test(w))).toBe(true);
    expect(sortedVocabularyWords()).toEqual([...dictionarySet].sort());
  });

  it('finds the same compound parts as a lookup of every substring in the dictionary', () => {
    const words = [
      'sygefraværet',
      'databeskyttelsesrådgiverens',
      'kystbeskyttelsesprojektet',
      'børnehaveklasselederen',
      'ældreplejecentrenes',
      'budgetforligsforhandlingerne',
      'ejendomssalg',
      'αβγδεζηθικλ',
      'fravær',
      ...vocabularyWords().filter((_, i) => i % 97 === 0),
    ];
    for (const word of words) expect(compoundParts(word), word).toEqual(partsBySet(word));
  });

  it('gives the first vocabulary word not before a text, as a lower bound over the sorted list does', () => {
    const sorted = sortedVocabularyWords();
    const lowerBound = (text: string) => sorted.find((word) => word >= text);
    for (const text of ['kystbeskyt', 'budgetfor', 'a', 'ærgrelse', 'zzzz', 'øvelse', 'åben', 'ü']) {
      expect(vocabularyWordFrom(text), text).toBe(lowerBound(text));
    }
  });

  it('splits query compounds into the fewest vocabulary words', () => {
    expect(splitCompound('ejendomssalg')).toEqual(['ejendom', 'salg']);
    expect(splitCompound('kystbeskyttelse')).toEqual(['kyst', 'beskyttelse']);
    expect(splitCompound('budget')).toBeNull();
  });

  it('is made from the dictionary when the compact file is absent, damaged or from other data', () => {
    const expected = [...dictionarySet].sort();
    const absent = pathToFileURL(join(folder, 'absent.bin'));
    expect(loadCompoundVocabulary(absent).words()).toEqual(expected);

    const damaged = join(folder, 'damaged.bin');
    writeFileSync(damaged, readFileSync(COMPACT_VOCABULARY_FILE).subarray(0, 5000));
    expect(loadCompoundVocabulary(pathToFileURL(damaged)).words()).toEqual(expected);

    const other = join(folder, 'other.bin');
    writeFileSync(other, SortedVocabulary.encode(['abcde', 'fghij'], DECOMPOUND.minSubwordSize + 1));
    expect(loadCompoundVocabulary(pathToFileURL(other)).words()).toEqual(expected);
  });
});

describe('SortedVocabulary', () => {
  const vocabulary = SortedVocabulary.of(
    ['skole', 'skolebestyrelse', 'bestyrelse', 'sko', 'ældre', 'skole'],
    3,
  );

  it('answers membership, lower bounds and the words starting at a place', () => {
    expect(vocabulary.size).toBe(5);
    expect(vocabulary.has('skole')).toBe(true);
    expect(vocabulary.has('skol')).toBe(false);
    expect(vocabulary.has('ældre')).toBe(true);
    expect(vocabulary.has('zzz')).toBe(false);
    expect(vocabulary.wordFrom('skolea')).toBe('skolebestyrelse');
    expect(vocabulary.wordFrom('ø')).toBeUndefined();
    expect(vocabulary.lengthsAt('skolebestyrelsen', 0, 20)).toEqual([3, 5, 15]);
    expect(vocabulary.lengthsAt('skolebestyrelsen', 0, 10)).toEqual([3, 5]);
    expect(vocabulary.lengthsAt('skolebestyrelsen', 5, 20)).toEqual([10]);
  });

  it('finds two-letter words, and nothing for letters outside Latin-1', () => {
    const short = SortedVocabulary.of(['ab', 'abc', 'abcd', 'bær'], 2);
    expect(short.lengthsAt('abcde', 0, 20)).toEqual([2, 3, 4]);
    expect(short.lengthsAt('abcde', 0, 2)).toEqual([2]);
    expect(short.lengthsAt('xbær', 1, 20)).toEqual([3]);
    expect(short.lengthsAt('αβγ', 0, 20)).toEqual([]);
    expect(short.lengthsAt('a', 0, 20)).toEqual([]);
    expect(() => SortedVocabulary.encode(['a'], 1)).toThrow(RangeError);
  });

  it('is used only for the shortest word length it was made for', () => {
    const bytes = SortedVocabulary.encode(['skole'], 4);
    expect(SortedVocabulary.decode(bytes, 4)?.words()).toEqual(['skole']);
    expect(SortedVocabulary.decode(bytes, 3)).toBeUndefined();
    expect(SortedVocabulary.decode(bytes.subarray(0, 8), 4)).toBeUndefined();
  });

  it('refuses a word it cannot hold: a letter outside Latin-1, or too short', () => {
    expect(() => SortedVocabulary.encode(['καλός'], 3)).toThrow(VocabularyEncodingError);
    expect(() => SortedVocabulary.encode(['sko'], 4)).toThrow(VocabularyEncodingError);
  });
});
