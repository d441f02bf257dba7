import { isStopWord, tokenize } from '#language/analyze.ts';
import { BARE_CASE_NUMBER } from '#parse/vocabulary/cases.ts';

/**
 * One thing a query asks for:
 * - `word`: the word (its stem), or a compound containing it as a part;
 * - `prefix`: a word of the text (as analysed, i.e. stemmed) beginning with `text` (`word*`);
 * - `phrase`: the words adjacent and in order, in one field (`"…"`); `words` keeps the stop words,
 *   which stand between the others as gaps, as OpenSearch's analysis leaves them;
 * - `case`: a case number (24/16905, 25-002921, EMN-2024-123…), found in an item's title (which
 *   holds its case number) as a phrase of its tokens.
 */
export type QueryTerm =
  | { readonly kind: 'word'; readonly text: string }
  | { readonly kind: 'prefix'; readonly text: string }
  | { readonly kind: 'phrase'; readonly words: readonly string[] }
  | { readonly kind: 'case'; readonly words: readonly string[] };

/**
 * A parsed query: every group must match (any of its terms: `a OR b`), no excluded term may
 * (`-word`, `-"phrase"`, `-word*`).
 */
export interface ParsedQuery {
  readonly groups: readonly (readonly QueryTerm[])[];
  readonly excluded: readonly QueryTerm[];
}

/** A prefix shorter than this is searched as a word: "a*" would match half the archive. */
export const MIN_PREFIX = 2;

type Piece = { readonly term: QueryTerm; readonly excluded: boolean } | 'OR';

/**
 * Reads what people type into a search box. Never fails: whatever is not syntax is words.
 * `"…"` is a phrase (an unmatched quote is ignored); `-` before a word or phrase excludes it (a
 * lone `-` is nothing); `*` after a word makes it a prefix (`*` alone is nothing; a prefix
 * shorter than MIN_PREFIX is a word); `OR` (upper case) between two terms lets either match (at
 * either end, or twice, it is ignored); a case number is one term. Stop words are dropped, except
 * inside a phrase, where they keep their place.
 */
export function parseQuery(q: string): ParsedQuery {
  const pieces: Piece[] = [];
  const quotes = [...q.matchAll(/"/g)].map((m) => m.index);
  // An odd quote out: the last one is text.
  const paired = quotes.length % 2 === 0 ? quotes : quotes.slice(0, -1);
  let at = 0;
  for (let i = 0; i < paired.length; i += 2) {
    const open = paired[i] as number;
    const close = paired[i + 1] as number;
    const before = q.slice(at, open);
    const excluded = /(^|\s)-$/.test(before);
    pieces.push(...unquoted(excluded ? before.slice(0, -1) : before));
    const words = tokenize(q.slice(open + 1, close)).map((t) => t.term);
    const meaningful = words.filter((w) => !isStopWord(w));
    if (meaningful.length > 0) {
      pieces.push({ term: { kind: 'phrase', words: trimStopWords(words) }, excluded });
    }
    at = close + 1;
  }
  pieces.push(...unquoted(q.slice(at).replaceAll('"', ' ')));
  return grouped(pieces);
}

/** Stop words at a phrase's ends stand for nothing; between words they keep their place. */
function trimStopWords(words: readonly string[]): string[] {
  let start = 0;
  let end = words.length;
  while (start < end && isStopWord(words[start] as string)) start++;
  while (end > start && isStopWord(words[end - 1] as string)) end--;
  return words.slice(start, end);
}

/** The pieces of text outside quotes, chunk by chunk (split at white space). */
function unquoted(text: string): Piece[] {
  const pieces: Piece[] = [];
  for (const chunk of text.split(/\s+/).filter(Boolean)) {
    if (chunk === 'OR') {
      pieces.push('OR');
      continue;
    }
    const excluded = chunk.startsWith('-');
    const rest = excluded ? chunk.replace(/^-+/, '') : chunk;
    const bare = rest.replace(/[.,;:!?)]+$/, '').replace(/^[(]+/, '');
    if (BARE_CASE_NUMBER.test(bare.toUpperCase())) {
      pieces.push({ term: { kind: 'case', words: tokenize(bare).map((t) => t.term) }, excluded });
      continue;
    }
    const tokens = tokenize(rest);
    const prefix = /[\p{L}\p{N}]\*+[^\p{L}\p{N}]*$/u.test(rest);
    tokens.forEach((token, i) => {
      const last = i === tokens.length - 1;
      if (isStopWord(token.term) && !(last && prefix)) return;
      const term: QueryTerm =
        last && prefix && token.term.length >= MIN_PREFIX
          ? { kind: 'prefix', text: token.term }
          : { kind: 'word', text: token.term };
      pieces.push({ term, excluded });
    });
  }
  return pieces;
}

/** Terms joined by OR into groups; a dangling OR, or one next to an excluded term, is ignored. */
function grouped(pieces: readonly Piece[]): ParsedQuery {
  const groups: QueryTerm[][] = [];
  const excluded: QueryTerm[] = [];
  let joinNext = false;
  let lastWasPositive = false;
  for (const piece of pieces) {
    if (piece === 'OR') {
      joinNext = lastWasPositive;
      continue;
    }
    if (piece.excluded) {
      excluded.push(piece.term);
      joinNext = false;
      lastWasPositive = false;
      continue;
    }
    const previous = groups.at(-1);
    if (joinNext && previous) previous.push(piece.term);
    else groups.push([piece.term]);
    joinNext = false;
    lastWasPositive = true;
  }
  return { groups, excluded };
}

/** The surface words a term contributes to scoring (stop words included; analysis drops them). */
export function termWords(term: QueryTerm): readonly string[] {
  switch (term.kind) {
    case 'word':
      return [term.text];
    case 'prefix':
      return [];
    case 'phrase':
    case 'case':
      return term.words;
  }
}
