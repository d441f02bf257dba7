import { stemmer } from '@orama/stemmers/danish';
import { compoundParts, DECOMPOUND } from './compounds.ts';
import { DANISH_STOP_WORDS } from './stopwords.ts';

/**
 * The version of the analysis below: changed whenever a text's terms change, so an index made
 * with other terms is made again (SQLite re-analyses its items on open; an OpenSearch index's
 * layout differs and `cli reindex` rebuilds it).
 */
export const ANALYSIS_VERSION = '2026-14.1';

/**
 * Tokens: numbers joined by . / - stay one token (dates 05-02-2025, case numbers 24/16905, 4/2);
 * otherwise runs of letters and digits. The OpenSearch analyzer uses the same pattern.
 */
export const TOKEN_PATTERN = '\\p{N}+(?:[./-]\\p{N}+)+|[\\p{L}\\p{N}]+';
const TOKEN = new RegExp(TOKEN_PATTERN, 'gu');

export interface Token {
  /** Lower-case surface form. */
  readonly term: string;
  readonly start: number;
  readonly end: number;
}

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const match of text.matchAll(TOKEN)) {
    tokens.push({ term: match[0].toLowerCase(), start: match.index, end: match.index + match[0].length });
  }
  return tokens;
}

const stems = new Map<string, string>();

/** Snowball Danish, as OpenSearch's `danish` stemmer; cached, since minutes repeat their words. */
export function stem(term: string): string {
  let result = stems.get(term);
  if (result === undefined) {
    result = /\p{L}/u.test(term) ? stemmer(term) : term;
    if (stems.size < 200_000) stems.set(term, result);
  }
  return result;
}

export function isStopWord(term: string): boolean {
  return DANISH_STOP_WORDS.has(term);
}

/** Exact analysis: tokens, lower case, stop words out, stemmed. For text and queries alike. */
export function analyze(text: string): string[] {
  const terms: string[] = [];
  for (const { term } of tokenize(text)) if (!isStopWord(term)) terms.push(stem(term));
  return terms;
}

/**
 * What comes before a name on its line: a word or a comma, then spaces (after a number often
 * comes a heading: "Punkt 3 Lokalplanen"). Danish writes
 * only names with a capital inside a sentence ("om Vesterlund", "at Økonomiudvalget"), and the
 * parts of a name are not words of the text ("lund"). A regular expression in both engines'
 * syntax: the OpenSearch parts analyzer marks names with it (settings.ts).
 */
export const NAME_AFTER = '[\\p{L},][ \\t\\u00A0]{1,10}';
const NAME_BEFORE = new RegExp(`${NAME_AFTER}$`, 'u');
/** A name's word: a capital, a small letter, and long enough to be split (shorter words have no parts). */
export const NAME_WORD = `\\p{Lu}\\p{Ll}[\\p{L}\\p{N}]{${DECOMPOUND.minWordSize - 2}}`;
const NAME = new RegExp(`^${NAME_WORD}`, 'u');

/**
 * A capitalised word inside a sentence, long enough to be split (shorter words have no parts):
 * a name, indexed whole and never by its parts.
 */
export function isName(text: string, token: Token): boolean {
  return (
    NAME.test(text.slice(token.start, token.end)) &&
    NAME_BEFORE.test(text.slice(Math.max(0, token.start - 11), token.start))
  );
}

/**
 * Compound analysis: each word and the vocabulary words inside it, stemmed (names whole). Indexed in a field
 * of its own with a lower weight, so "fravær" finds "sygefravær" below items that say "fravær".
 */
export function analyzeParts(text: string): string[] {
  return analyzeBoth(text).parts;
}

const wordTerms = new Map<string, { readonly stem: string; readonly parts: readonly string[] }>();

/**
 * Both analyses in one pass over the text, with each distinct word analysed once (indexing is
 * dominated by words it has seen before); `added` is what the parts analysis adds to the exact
 * one (the compound parts alone), which the embedded engine stores apart.
 */
export function analyzeBoth(text: string): { exact: string[]; parts: string[]; added: string[] } {
  const exact: string[] = [];
  const parts: string[] = [];
  const added: string[] = [];
  for (const token of tokenize(text)) {
    const { term } = token;
    if (isStopWord(term)) continue;
    let analysed = wordTerms.get(term);
    if (!analysed) {
      analysed = { stem: stem(term), parts: compoundParts(term).map(stem) };
      if (wordTerms.size < 200_000) wordTerms.set(term, analysed);
    }
    exact.push(analysed.stem);
    parts.push(analysed.stem);
    if (analysed.parts.length > 0 && !isName(text, token)) {
      parts.push(...analysed.parts);
      added.push(...analysed.parts);
    }
  }
  return { exact, parts, added };
}
