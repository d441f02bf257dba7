import { isStopWord, stem } from '#language/analyze.ts';

/** A term of the index (analysed: lower case, stemmed) and the items that contain it. */
export interface KnownTerm {
  readonly term: string;
  /** The most items that contain the term in one exact field (title, decision or body). */
  readonly docFreq: number;
}

/**
 * The index's own vocabulary, as typo suggestions need it. Both engines' implementations
 * (sqlite/vocabulary.ts, opensearch/vocabulary.ts) answer alike on the same items.
 */
export interface TermVocabulary {
  /**
   * The terms of the index's exact fields (title, decision, body; not the compound parts) within
   * Damerau-Levenshtein distance MAX_EDITS of `term` (an analysed term) that begin with its first
   * PREFIX_LENGTH letters, the term itself included when the index knows it. Order is free.
   */
  near(term: string): Promise<readonly KnownTerm[]>;
}

/**
 * Candidates share the query term's first two letters: a speller's usual assumption (people
 * rarely mistype the start of a word), and what keeps a look-up to a small range of the terms
 * in both engines (OpenSearch's `prefix_length`).
 */
export const PREFIX_LENGTH = 2;
/** The most edits any word is corrected by (a term of 8 letters or more). */
export const MAX_EDITS = 2;
/** Words shorter than this (as stems) are never corrected: too many real words are one edit apart. */
const MIN_LENGTH = 4;
/**
 * The most words of a query corrected, its first: each costs a look-up of a range of the index's
 * terms (up to 70 ms at 100k items), and a long query that finds nothing is rarely a typo.
 */
export const MAX_CORRECTED = 8;
/** A word the index knows is corrected only to a term in this many times more items. */
const MORE_COMMON = 10;

/** How far a stem of this length may be corrected: none below 4 letters, 1 edit to 7, 2 above. */
export function allowedEdits(length: number): number {
  if (length < MIN_LENGTH) return 0;
  return length <= 7 ? 1 : MAX_EDITS;
}

/**
 * Damerau-Levenshtein distance, as Lucene's fuzzy automata count it (optimal string alignment:
 * an insertion, deletion, substitution or swap of two neighbours is one edit, and no substring
 * is edited twice). Stops early, answering max + 1, once the distance is above max.
 */
export function editDistance(a: string, b: string, max = Number.POSITIVE_INFINITY): number {
  const x = [...a];
  const y = [...b];
  if (Math.abs(x.length - y.length) > max) return max + 1;
  let before: number[] = [];
  let previous = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const current = [i];
    let best = i;
    for (let j = 1; j <= y.length; j++) {
      const cost = x[i - 1] === y[j - 1] ? 0 : 1;
      let d = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && x[i - 1] === y[j - 2] && x[i - 2] === y[j - 1]) {
        d = Math.min(d, (before[j - 2] ?? 0) + 1);
      }
      current.push(d);
      best = Math.min(best, d);
    }
    if (best > max) return max + 1;
    before = previous;
    previous = current;
  }
  return previous[y.length] ?? 0;
}

/**
 * The best correction of one analysed term among the terms near it, or null: the nearest term
 * within the edits its length allows, then the most common, then the first in order; only when
 * the index does not know the term, or knows it in at most a tenth as many items.
 */
export function bestCorrection(term: string, near: readonly KnownTerm[]): KnownTerm | null {
  const allowed = allowedEdits([...term].length);
  if (allowed === 0) return null;
  const own = near.find((known) => known.term === term)?.docFreq ?? 0;
  let best: { known: KnownTerm; distance: number } | null = null;
  for (const known of near) {
    if (known.term === term || known.docFreq === 0) continue;
    if (own > 0 && known.docFreq < own * MORE_COMMON) continue;
    if (known.term.slice(0, PREFIX_LENGTH) !== term.slice(0, PREFIX_LENGTH)) continue;
    const distance = editDistance(term, known.term, allowed);
    if (distance > allowed) continue;
    if (
      !best ||
      distance < best.distance ||
      (distance === best.distance &&
        (known.docFreq > best.known.docFreq ||
          (known.docFreq === best.known.docFreq && known.term < best.known.term)))
    ) {
      best = { known, distance };
    }
  }
  return best?.known ?? null;
}

/**
 * Endings a Danish word may have on its stem, to find a word a user would type for a stem; on a
 * tie the earlier one (the bare stem, then the commonest endings of nouns and verbs).
 */
const ENDINGS = ['', 'er', 'e', 'en', 'et', 'r', 'n', 's', 'ne', 'erne', 'ene', 'ens', 'ets'];

/**
 * The word a user would type for a corrected stem, near the word they typed: of the stem with a
 * Danish ending (or the typed word's own ending), the one that stems back to it and is the
 * fewest edits from the typed word (on a tie, the earlier ending in ENDINGS); the stem itself
 * when none does. The
 * index keeps stems, not words, so the word is made again ("sygefraver" → stem "sygefrav" →
 * "sygefravær", not "sygefraværer").
 */
export function surfaceWord(correctedStem: string, typed: string): string {
  const lower = typed.toLowerCase();
  const typedStem = stem(lower);
  const ownEnding = lower.startsWith(typedStem) ? lower.slice(typedStem.length) : '';
  let best = correctedStem;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const ending of ENDINGS.includes(ownEnding) ? ENDINGS : [...ENDINGS, ownEnding]) {
    const word = correctedStem + ending;
    if (stem(word) !== correctedStem) continue;
    const distance = editDistance(word, lower);
    if (distance < bestDistance) {
      best = word;
      bestDistance = distance;
    }
  }
  return sameCase(best, typed);
}

/** The word in the typed word's case: all capitals, a capital first, or lower case. */
function sameCase(word: string, typed: string): string {
  if (typed.length > 1 && typed === typed.toUpperCase()) return word.toUpperCase();
  const first = typed.charAt(0);
  if (first !== first.toLowerCase()) return word.charAt(0).toUpperCase() + word.slice(1);
  return word;
}

/** A word of a query: letters only, not an operator, not negated (-ord), not a prefix (ord*). */
const WORD = /[\p{L}\p{N}]+/gu;

/**
 * The query as the user would type it with its unknown or rare words corrected from the index's
 * vocabulary ("sygefravar" → "sygefravær"; "aeldre" → "ældre" where the index knows æ, ø, å for
 * ae, oe, aa), everything else (quotes, -ord, ord*, OR, case
 * numbers, spacing) as typed; null when no word has a better known neighbour.
 */
export async function suggestQuery(q: string, vocabulary: TermVocabulary): Promise<string | null> {
  const words = [...q.matchAll(WORD)]
    .filter((match) => {
      const word = match[0];
      const before = q[match.index - 1];
      const after = q[match.index + word.length];
      if (word === 'OR' || /\p{N}/u.test(word) || after === '*' || after === '/') return false;
      if (before === '-' && (match.index === 1 || /\s/u.test(q[match.index - 2] ?? ''))) return false;
      const lower = word.toLowerCase();
      return !isStopWord(lower) && allowedEdits([...stem(lower)].length) > 0;
    })
    .slice(0, MAX_CORRECTED);
  const corrections = await Promise.all(
    words.map(async (match) => {
      const word = await correctWord(match[0], vocabulary);
      return word && { at: match.index, typed: match[0], word };
    }),
  );
  let corrected = '';
  let from = 0;
  for (const correction of corrections) {
    if (!correction) continue;
    corrected += q.slice(from, correction.at) + correction.word;
    from = correction.at + correction.typed.length;
  }
  return from === 0 ? null : corrected + q.slice(from);
}

/** How Danish letters are written without a Danish keyboard: ae for æ, oe for ø, aa for å. */
const TRANSLITERATED = /ae|oe|aa/g;
const DANISH_LETTER: Record<string, string> = { ae: 'æ', oe: 'ø', aa: 'å' };

/** The count of items the index gives a term among the terms near it, 0 when it does not know it. */
const docFreqOf = (term: string, near: readonly KnownTerm[]) =>
  near.find((known) => known.term === term)?.docFreq ?? 0;

/**
 * The word to show instead of a typed word, or null: first the word with ae, oe, aa written æ,
 * ø, å when the index knows that and not (or rarely) the word as typed ("aeldreplejen" →
 * "ældreplejen"); else the best correction of its stem, as a word near what was typed.
 */
async function correctWord(typed: string, vocabulary: TermVocabulary): Promise<string | null> {
  const lower = typed.toLowerCase();
  const term = stem(lower);
  const near = await vocabulary.near(term);
  const danish = lower.replace(TRANSLITERATED, (pair) => DANISH_LETTER[pair] ?? pair);
  if (danish !== lower) {
    const own = docFreqOf(term, near);
    const found = docFreqOf(stem(danish), await vocabulary.near(stem(danish)));
    if (found > 0 && found >= own * MORE_COMMON) return sameCase(danish, typed);
  }
  const known = bestCorrection(term, near);
  // The index may know the word as typed as the stem of another form ("akutpladser"): no typo.
  if (!known || known.term === lower) return null;
  const word = surfaceWord(known.term, typed);
  return word.toLowerCase() === lower ? null : word;
}
