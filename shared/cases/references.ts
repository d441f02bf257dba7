import type { IndexedItem } from '#domain/search.ts';
import { phrasePattern } from '#parse/read/text.ts';
import { BARE_CASE_NUMBER, CASE_NUMBER_LABELS, DOCUMENT_NUMBER_LABELS } from '#parse/vocabulary/cases.ts';

/**
 * Bare shapes that are something else more often than a case number: a month and year
 * ("12/2024") and a span of years ("2023-2026"). A labelled one ("sagsnr. 12/2024") is read.
 */
export const NOT_CASE_NUMBERS: readonly RegExp[] = [
  /^(?:0[1-9]|1[0-2])\/(?:19|20)\d{2}$/,
  /^20\d{2}-20\d{2}$/,
];

const labels = (list: readonly string[]) => list.map(phrasePattern).join('|');
/** Where a word starts: a label or number inside a longer word or number is not read. */
const START = '(?<![\\p{L}\\p{N}])';

/** "Sagsnr.: 24/16905", "j.nr. 00.01.00-A00-12-24", "(sags nr. 21-004456)". */
const LABELLED = new RegExp(`${START}(?:${labels(CASE_NUMBER_LABELS)})\\s*:?\\s*([^\\s,;()]+)`, 'giu');
/** "Dok.nr.: 2012-202935": a document's number beside the case's, never a case number. */
const DOCUMENT_LABELLED = new RegExp(`${START}(?:${labels(DOCUMENT_NUMBER_LABELS)})\\s*:?\\s*\\S+`, 'giu');
/** The vocabulary's bare shapes, in running text: not inside a longer number, word or path. */
const BARE = new RegExp(
  `(?<![\\p{L}\\p{N}/.-])(?:${BARE_CASE_NUMBER.source.replace(/^\^/, '').replace(/\$$/, '')})(?![\\p{L}\\p{N}/-]|\\.\\p{N})`,
  'gu',
);

const DIGIT = /\p{N}/u;

/** Longer is no case number (the API takes at most 100 characters). */
const MAX_LENGTH = 100;

const blanked = (text: string, pattern: RegExp) => text.replace(pattern, (m) => ' '.repeat(m.length));

/**
 * The case numbers a text names, in the order it names them, each once: a number after a case
 * label, and a number of a known shape anywhere (not a document number, a month or a span of
 * years). Whether a municipality has such a case is for the index to say (shared/cases).
 */
export function caseNumbersIn(text: string): string[] {
  // Every case number has a digit (a labelled one is read only with one, every bare shape has
  // them): a text without one names none, and need not be scanned for them at all.
  if (!DIGIT.test(text)) return [];
  const found: { at: number; number: string }[] = [];
  const rest = blanked(text, DOCUMENT_LABELLED);
  for (const match of rest.matchAll(LABELLED)) {
    const number = match[1]?.replace(/[.:]+$/, '') ?? '';
    if (DIGIT.test(number) && number.length <= MAX_LENGTH) found.push({ at: match.index, number });
  }
  for (const match of blanked(rest, LABELLED).matchAll(BARE)) {
    if (!NOT_CASE_NUMBERS.some((shape) => shape.test(match[0])))
      found.push({ at: match.index, number: match[0] });
  }
  return [...new Set(found.sort((a, b) => a.at - b.at).map((f) => f.number))];
}

/**
 * The case numbers an item's text names (its sections, decision and earlier bodies' decisions),
 * without its own. A closed item names none: nothing of its content is read ("in doubt closed").
 */
export function namedCases(item: IndexedItem): string[] {
  if (item.item.access !== 'open') return [];
  const texts = [
    ...item.sections.map((s) => s.text),
    item.decision?.text ?? '',
    ...(item.priorDecisions ?? []).map((d) => d.text),
  ];
  const own = item.item.caseNumber?.trim();
  return [...new Set(texts.flatMap(caseNumbersIn))].filter((number) => number !== own);
}

/** The references an item was indexed with; an item indexed before they were kept is read again. */
export const caseRefsOf = (item: IndexedItem): string[] =>
  item.item.access === 'open' ? (item.caseRefs ?? namedCases(item)) : [];
