import { analyze, stem, tokenize } from '#language/analyze.ts';
import data from '../language/synonyms.json' with { type: 'json' };

/**
 * The curated synonyms of municipal Danish (shared/language/synonyms.json, reviewed like code:
 * each group says why its words are one), for query time in both engines.
 */
export interface SynonymGroup {
  /** As people write them; a multi-word entry is a phrase. */
  readonly words: readonly string[];
  readonly why: string;
}

export const SYNONYM_GROUPS: readonly SynonymGroup[] = data.groups;

/**
 * How a word or phrase is looked up: its analysed terms (lower case, stop words out, stemmed),
 * joined by a space. "SFO", "sfo" and "Skolefritidsordningen" find their groups by this key.
 */
function keyOf(text: string): string {
  return analyze(text).join(' ');
}

/** Where an entry stands: its group and its place in the group. */
interface Entry {
  readonly group: number;
  readonly word: number;
}

let index: ReadonlyMap<string, Entry> | undefined;

/** Each entry's keys (analysed, and for one word also its lower case and that one's stem) → the entry. */
function lookup(): ReadonlyMap<string, Entry> {
  if (index) return index;
  const keys = new Map<string, Entry>();
  SYNONYM_GROUPS.forEach((group, n) => {
    group.words.forEach((word, w) => {
      const lower = word.toLowerCase();
      for (const key of [keyOf(word), lower, stem(lower)]) {
        if (key && !keys.has(key)) keys.set(key, { group: n, word: w });
      }
    });
  });
  index = keys;
  return keys;
}

/** The entry a word or phrase is: by its analysis, or (typed as a stem or inflected) by its lower case. */
function entryOf(text: string): Entry | undefined {
  const keys = lookup();
  const lower = text.trim().toLowerCase();
  const candidates = [keyOf(text), lower, tokenize(lower).length === 1 ? stem(lower) : ''];
  for (const key of candidates) {
    const entry = key ? keys.get(key) : undefined;
    if (entry) return entry;
  }
  return undefined;
}

/** The group of a word or phrase, if it has one. */
export function synonymGroupOf(text: string): SynonymGroup | undefined {
  const entry = entryOf(text);
  return entry && SYNONYM_GROUPS[entry.group];
}

/**
 * The other words of the group of a query word (any case, inflected, or its stem), as written in
 * the list (unanalysed; a multi-word synonym is a phrase for the caller); none when it has none.
 * A phrase ("pædagogisk psykologisk rådgivning") is looked up the same way.
 */
export function synonymsOf(word: string): readonly string[] {
  const entry = entryOf(word);
  if (!entry) return [];
  return SYNONYM_GROUPS[entry.group]?.words.filter((_, w) => w !== entry.word) ?? [];
}
