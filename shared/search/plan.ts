import { analyze, analyzeBoth, isStopWord, stem, tokenize } from '#language/analyze.ts';
import { splitCompound } from '#language/compounds.ts';
import { valueAt } from '#lib/maps.ts';
import type { SearchFields } from './fields.ts';
import type { HighlightQuery } from './highlight.ts';
import { type ParsedQuery, parseQuery, type QueryTerm, termWords } from './query-language.ts';
import { synonymsOf } from './synonyms.ts';

/**
 * Partial matches (some of the words, or only the parts of the query's compounds) are offered
 * only when a search has fewer full matches than this: a page of full matches needs no padding.
 */
export const PARTIAL_WHEN_FEWER_THAN = 10;

/** A synonym scores this much of a word of the query. */
export const SYNONYM_WEIGHT = 0.5;

/**
 * The words of a query of several plain words, in the order written, as one phrase in a field
 * score this much more of the field's weight: "akutpladser plejecenter" ranks the items that say
 * it first. Tuned on the graded queries (docs/search.md).
 */
export const PROXIMITY_WEIGHT = 0.5;

/** A synonym as a term of the query: a word, or a phrase of several; null when all stop words. */
function synonymTerm(synonym: string): QueryTerm | null {
  const words = tokenize(synonym).map((t) => t.term);
  const meaningful = words.filter((w) => !isStopWord(w));
  if (meaningful.length === 0) return null;
  if (words.length === 1) return { kind: 'word', text: words[0] as string };
  return { kind: 'phrase', words };
}

/** The text fields a phrase or prefix is matched in: the exact ones, never compound parts. */
export const EXACT_FIELDS = ['title', 'decision', 'body'] as const satisfies readonly (keyof SearchFields)[];
export type ExactField = (typeof EXACT_FIELDS)[number];

/** A query read once, for both engines: what must match, what scores, what is highlighted. */
export interface SearchPlan {
  readonly parsed: ParsedQuery;
  /**
   * The query's positive words as text (OR alternatives, phrase and case-number words included,
   * prefixes not), scored as one `multi_match` most_fields: analysed, a repeated word counts again.
   */
  readonly scoringText: string;
  /**
   * The synonyms of the query's words as text (shared/search/synonyms.ts): each matches where its
   * word would, and they score as one `multi_match` most_fields at SYNONYM_WEIGHT.
   */
  readonly synonymText: string;
  /** The distinct analysed terms of scoringText and synonymText, for highlights and summaries. */
  readonly terms: string[];
  /**
   * The query's compound words as their stemmed parts ("ejendomssalg" -> ejendom, salg): all
   * parts of one make a partial match, and score at QUERY_PART_WEIGHT.
   */
  readonly compounds: readonly (readonly string[])[];
  /** Whether the query asks for anything: words that are not all stop words, outside exclusions. */
  readonly searchable: boolean;
  /**
   * Whether matching needs the words' positions with the stop words' gaps (a phrase of two words
   * or more): FTS5 keeps no gaps, so the embedded engine checks those in JS (matchesFully).
   */
  readonly positional: boolean;
  /**
   * A query of two or more plain words (no syntax) as a phrase, stop words kept as the gaps
   * between them: it scores where a field has it (PROXIMITY_WEIGHT) and never decides a match.
   */
  readonly proximity: readonly string[] | null;
}

export function planSearch(q: string): SearchPlan {
  const typed = parseQuery(q);
  const positive = typed.groups.flat();
  const scoringText = positive.flatMap(termWords).join(' ');
  // Each word of the query matches its synonyms too (shared/search/synonyms.ts), which score less.
  const synonyms = new Map<QueryTerm, QueryTerm[]>();
  for (const term of positive) {
    if (term.kind !== 'word') continue;
    const found = synonymsOf(term.text)
      .map(synonymTerm)
      .filter((t) => t !== null);
    if (found.length > 0) synonyms.set(term, found);
  }
  const parsed: ParsedQuery = {
    groups: typed.groups.map((group) => group.flatMap((term) => [term, ...(synonyms.get(term) ?? [])])),
    excluded: typed.excluded,
  };
  const synonymText = [...synonyms.values()].flat().flatMap(termWords).join(' ');
  const compounds = positive
    .filter((t) => t.kind === 'word')
    .map((t) => splitCompound(t.text)?.map(stem) ?? [])
    .filter((parts) => parts.length > 1);
  const phrases = [...positive, ...parsed.excluded].filter(isPositional);
  return {
    parsed,
    scoringText,
    synonymText,
    terms: [...new Set(analyze(`${scoringText} ${synonymText}`))],
    compounds,
    searchable: parsed.groups.length > 0,
    positional: phrases.length > 0,
    proximity: proximityOf(q, typed),
  };
}

/** The words of a query of plain words only (no phrase, exclusion, prefix, OR or case number), two or more. */
function proximityOf(q: string, typed: ParsedQuery): string[] | null {
  const plain =
    typed.excluded.length === 0 && typed.groups.every((g) => g.length === 1 && g[0]?.kind === 'word');
  if (!plain || typed.groups.length < 2) return null;
  const words = tokenize(q).map((t) => t.term);
  return phrasePattern(words).length > 1 ? words : null;
}

/** A word term's stem (its only analysed term: words are single tokens, stop words dropped). */
export function wordStem(text: string): string {
  return stem(text);
}

/** A phrase's stems with their places relative to the first: stop words are gaps. */
export function phrasePattern(words: readonly string[]): { offset: number; stem: string }[] {
  const pattern: { offset: number; stem: string }[] = [];
  let first = -1;
  words.forEach((word, i) => {
    if (isStopWord(word)) return;
    if (first < 0) first = i;
    pattern.push({ offset: i - first, stem: stem(word) });
  });
  return pattern;
}

/** A text's stems by position, stop words as gaps (null), as Lucene's positions have them. */
function stemPositions(text: string): (string | null)[] {
  return tokenize(text).map(({ term }) => (isStopWord(term) ? null : stem(term)));
}

/**
 * An item's text as matching needs it: each exact field's stems by position, and all its terms.
 * Each is made the first time a term asks for it: a phrase needs only the positions, and a query
 * without an excluded term asks nothing of the items it checks for one.
 */
class ItemText {
  readonly #fields: SearchFields;
  readonly #positions = new Map<ExactField, (string | null)[]>();
  #terms: { readonly exact: Set<string>; readonly any: Set<string> } | null = null;

  constructor(fields: SearchFields) {
    this.#fields = fields;
  }

  has(term: QueryTerm): boolean {
    switch (term.kind) {
      case 'word': {
        const { exact, any } = this.#allTerms();
        return any.has(wordStem(term.text)) || exact.has(wordStem(term.text));
      }
      case 'prefix':
        return [...this.#allTerms().exact].some((t) => t.startsWith(term.text));
      case 'phrase':
        return EXACT_FIELDS.some((field) => hasPhrase(this.#positionsOf(field), phrasePattern(term.words)));
      case 'case':
        return hasPhrase(this.#positionsOf('title'), phrasePattern(term.words));
    }
  }

  #positionsOf(field: ExactField): (string | null)[] {
    return valueAt(this.#positions, field, (f) => stemPositions(this.#fields[f]));
  }

  #allTerms(): { readonly exact: Set<string>; readonly any: Set<string> } {
    if (this.#terms !== null) return this.#terms;
    const terms = { exact: new Set<string>(), any: new Set<string>() };
    for (const field of EXACT_FIELDS) {
      const { exact, parts } = analyzeBoth(this.#fields[field]);
      for (const term of exact) terms.exact.add(term);
      for (const term of parts) terms.any.add(term);
    }
    this.#terms = terms;
    return terms;
  }
}

export type PhrasePattern = readonly { offset: number; stem: string }[];

/** Where a field has a phrase: each place its words stand in order, the stop words' gaps between. */
function phraseOccurrences(positions: readonly (string | null)[], pattern: PhrasePattern): number {
  if (pattern.length === 0) return 0;
  let n = 0;
  for (let at = 0; at < positions.length; at++) {
    if (pattern.every(({ offset, stem }) => positions[at + offset] === stem)) n++;
  }
  return n;
}

const hasPhrase = (positions: readonly (string | null)[], pattern: PhrasePattern) =>
  phraseOccurrences(positions, pattern) > 0;

/** How often each exact field has a phrase (phrasePattern), as Lucene's exact phrase matching counts it. */
export function phraseCounts(fields: SearchFields, pattern: PhrasePattern): Record<ExactField, number> {
  return {
    title: countPhrase(fields.title, pattern),
    decision: countPhrase(fields.decision, pattern),
    body: countPhrase(fields.body, pattern),
  };
}

/** Characters of text read after a place the phrase may start, doubled while too few words. */
const PHRASE_WINDOW = 256;

/**
 * A phrase's places in a text without tokenizing all of it (long sections, many candidates): a
 * Danish stem begins its word (Snowball only cuts endings), so a place starts where the text has
 * the first stem. From the space before it (tokens hold no spaces, so tokenizing from there
 * splits as the whole text would) the words after it are read and compared.
 */
function countPhrase(text: string, pattern: PhrasePattern): number {
  const first = pattern[0]?.stem;
  if (first === undefined) return 0;
  const lower = text.toLowerCase();
  // Lower case of the same length keeps places; otherwise (rare letters) all of it is tokenized.
  if (lower.length !== text.length) return phraseOccurrences(stemPositions(text), pattern);
  const words = (pattern.at(-1)?.offset ?? 0) + 1;
  let count = 0;
  for (let at = lower.indexOf(first); at >= 0; at = lower.indexOf(first, at + 1)) {
    const from = Math.max(lower.lastIndexOf(' ', at), lower.lastIndexOf('\n', at)) + 1;
    for (let size = PHRASE_WINDOW; ; size *= 2) {
      const tokens = tokenize(lower.slice(from, at + size));
      const start = tokens.findIndex((t) => t.start === at - from);
      if (start < 0) break;
      // The window may cut its last token: read on until a token follows the phrase's last.
      if (tokens.length - start <= words && at + size < lower.length) continue;
      const positions = tokens
        .slice(start, start + words)
        .map(({ term }) => (isStopWord(term) ? null : stem(term)));
      if (phraseOccurrences(positions, pattern) > 0 && positions.length === words) count++;
      break;
    }
  }
  return count;
}

/**
 * Whether an item is a full match of the query, as OpenSearch decides it: every group has a term
 * the item has, and no excluded term is in it. Phrases need their words in order with the stop
 * words' gaps between them, as Lucene's positions have them.
 */
export function matchesFully(fields: SearchFields, plan: SearchPlan): boolean {
  const text = new ItemText(fields);
  return plan.parsed.groups.every((group) => group.some((term) => text.has(term))) && !isExcluded(text, plan);
}

/**
 * A phrase (or case number) of two or more stems: the terms whose matches need their words' places,
 * which FTS5's phrases, without Lucene's stop-word gaps, do not decide alone.
 */
export function isPositional(term: QueryTerm): boolean {
  return (term.kind === 'phrase' || term.kind === 'case') && phrasePattern(term.words).length > 1;
}

/**
 * Whether an item has one of the query's excluded phrases, as OpenSearch decides it: the only
 * excluded terms an FTS5 expression cannot leave out itself.
 */
export function hasExcludedPhrase(fields: SearchFields, plan: SearchPlan): boolean {
  const text = new ItemText(fields);
  return plan.parsed.excluded.some((term) => isPositional(term) && text.has(term));
}

function isExcluded(text: ItemText, plan: SearchPlan): boolean {
  return plan.parsed.excluded.some((term) => text.has(term));
}

/**
 * What highlights mark besides the query's terms (highlight.ts): the parts of its compounds, its
 * prefixes, and its phrases (synonyms' too) as their words.
 */
export function highlightQuery(plan: SearchPlan): HighlightQuery {
  const positive = plan.parsed.groups.flat();
  return {
    parts: [...new Set(plan.compounds.flat())],
    prefixes: positive.filter((t) => t.kind === 'prefix').map((t) => t.text),
    phrases: positive.filter((t) => t.kind === 'phrase').map((t) => t.words),
  };
}
