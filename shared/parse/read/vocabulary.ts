/** Whole-line matchers over the vocabulary: what a line is, if the vocabulary knows it. */
import {
  BARE_CASE_NUMBER,
  CASE_NUMBER_LABELS,
  DOCUMENT_NUMBER_LABELS,
  RESPONSIBLE_LABELS,
} from '../vocabulary/cases.ts';
import { BODY_NOUNS, HEADER_LABELS, type HeaderField } from '../vocabulary/header.ts';
import {
  ATTACHMENT_OVERVIEW_HEADINGS,
  CLOSING_HEADINGS,
  CONTENTS_HEADINGS,
  MEETING_END,
  NEXT_MEETING,
} from '../vocabulary/items.ts';
import {
  ATTACHMENT_LABELS,
  DECISION_LABELS,
  LABEL_SUFFIXES,
  MONEY_LABELS,
  PRESENTATION_LABELS,
  RECOMMENDATION_LABELS,
  RUN_IN_LABELS,
  type SectionKind,
} from '../vocabulary/labels.ts';
import { CLOSED_WORDS, CLOSING_PHRASES, ITEM_NOUNS, OPEN_WORDS } from '../vocabulary/markers.ts';
import { findDate, findTimes } from './dates.ts';
import { remembered } from './memo.ts';
import { readNumbering } from './numbering.ts';
import { fold, phrasePattern, sentenceCase } from './text.ts';

/** A word that names a body, with its endings: "Økonomiudvalget", "Kommunalbestyrelsen", "Mødesystemgruppen". */
const BODY_WORD = new RegExp(`(${BODY_NOUNS.join('|')})(?:e?[nt]|s|ets|ens|ene|erne|e)?$`, 'iu');

/** Whether a word names a body (not "Direktionssekretariatet", where the noun is not the word's end). */
export function isBodyWord(word: string): boolean {
  return BODY_WORD.test(word.replace(/[,.:;]$/, ''));
}

/** No label or marker is longer; longer lines are text and skip the checks. */
export const MAX_LABEL_LENGTH = 80;

export interface KnownLabel {
  /** The label as reported: the vocabulary's spelling, else the printed one. */
  readonly heading: string;
  readonly kind: SectionKind;
}

const KNOWN = new Map<string, KnownLabel>();
for (const [kind, labels] of [
  ['presentation', PRESENTATION_LABELS],
  ['money', MONEY_LABELS],
  ['recommendation', RECOMMENDATION_LABELS],
  ['decision', DECISION_LABELS],
  ['attachments', ATTACHMENT_LABELS],
] as const) {
  for (const heading of labels) KNOWN.set(fold(heading), { heading, kind });
}
const RUN_IN = new Set(RUN_IN_LABELS.map((l) => fold(l)));

/** The vocabulary label a whole line is ("SAGSFREMSTILLING", "Økonomi:", "Tekniske konsekvenser"). */
export const knownLabel = remembered(readKnownLabel);

function readKnownLabel(line: string): KnownLabel | null {
  if (line.length > MAX_LABEL_LENGTH) return null;
  const key = fold(line);
  const known = KNOWN.get(key);
  if (known) return known;
  const words = key.split(' ');
  if (words.length > 4 || /[.,;]/.test(key)) return null;
  for (const [suffix, kind] of LABEL_SUFFIXES) {
    if (words.at(-1) === suffix) return { heading: sentenceCase(line.trim().replace(/\s*:$/, '')), kind };
  }
  return null;
}

/** "Drøftelse: Jakob orienterede …" -> the label and the text after it, for labels that run in. */
export function runInLabel(line: string): { label: KnownLabel; rest: string } | null {
  const match = /^([\p{L} /]{3,40}):\s+(\S.*)$/u.exec(line);
  if (!match) return null;
  const label = KNOWN.get(fold(match[1] ?? ''));
  if (!label) return null;
  return { label, rest: match[2] ?? '' };
}

/** Whether a label commonly runs into its text in any template ("Beslutning: Godkendt."). */
export function runsIn(label: KnownLabel): boolean {
  return RUN_IN.has(fold(label.heading));
}

const CLOSED = CLOSED_WORDS.map(phrasePattern).join('|');
const NOUNS = ITEM_NOUNS.join('|');
/** The whole line is the marker, perhaps with a short qualifier ("- personsag", ", jf. … § 15"). */
const CLOSED_MARKER = new RegExp(
  `^\\(?(?:${CLOSED})(?:\\s+(?:${NOUNS}))?\\)?(?:\\s*[-–,:.;]\\s*.{0,60})?$`,
  'i',
);
const OPEN_MARKER = new RegExp(
  `^\\(?(?:${OPEN_WORDS.map(phrasePattern).join('|')})(?:\\s+(?:${NOUNS}))?\\)?\\.?$`,
  'i',
);
const CLOSING_PHRASE = new RegExp(CLOSING_PHRASES.map(phrasePattern).join('|'), 'i');
/** "Lukket: Køb", "Lukket punkt. Personalesag", "Personalesag (lukket)", "Personalesag - lukket". */
const CLOSED_PREFIX = new RegExp(`^(?:${CLOSED})(?:\\s+(?:${NOUNS}))?\\s*[:.–—-]`, 'i');
const CLOSED_SUFFIX = new RegExp(`[(–—-]\\s*(?:${CLOSED})(?:\\s+(?:${NOUNS}))?\\s*\\)?\\.?$`, 'i');

/**
 * An access marker on a line of its own: "Åben sag", "Lukket punkt.", "(Lukket)", "Fortroligt",
 * "Lukket sag - personsag", "Lukket punkt, jf. forvaltningslovens § 15", "Sagen behandles for lukkede døre".
 */
export function accessMarker(line: string): 'open' | 'closed' | null {
  if (line.length > MAX_LABEL_LENGTH) return null;
  // "- Lukket -", "[Fortroligt]", "*Lukket punkt*": decoration around the marker is no part of it.
  const text = line.trim().replace(DECORATION, '');
  // A line opening with an item number ("3. Lukket punkt", "§ 2 Fortroligt punkt") is a
  // heading whose title may be closed, not a marker.
  if (/^\d/.test(text) || readNumbering(text) !== null) return null;
  if (CLOSED_MARKER.test(text) || (CLOSING_PHRASE.test(text) && text.length <= 60)) return 'closed';
  if (OPEN_MARKER.test(text)) return 'open';
  return null;
}

/** Dashes, brackets, stars and bullets around a marker, and its closing punctuation. */
const DECORATION = /^[-–—([*•\s]+|[-–—)\]*\s.:;]+$/gu;

/** A closing marker in a heading or title ("Lukket: Køb", "Personalesag (lukket)", "… for lukkede døre"). */
export function mentionsClosure(text: string): boolean {
  const t = text.trim();
  return CLOSED_PREFIX.test(t) || CLOSED_SUFFIX.test(t) || CLOSING_PHRASE.test(t);
}

/** The title without its closing marker: "Lukket: Køb af jord" -> "Køb af jord". */
export function withoutClosure(title: string): string {
  const t = title.trim();
  const stripped = t.replace(CLOSED_PREFIX, '').replace(CLOSED_SUFFIX, '').trim();
  return stripped || t;
}

const CASE_LABEL = new RegExp(`^(?:${CASE_NUMBER_LABELS.map(phrasePattern).join('|')})\\s*:?\\s*(\\S+)`, 'i');
const DOCUMENT_LABEL = new RegExp(`^(?:${DOCUMENT_NUMBER_LABELS.map(phrasePattern).join('|')})\\s*:?`, 'i');

/** "Sagsnr.: 25/4418", "J.nr. 00.01.00-A00-12-24", or a case number on a line of its own. */
export function caseNumberOf(line: string): string | null {
  const text = line.trim();
  const labelled = CASE_LABEL.exec(text);
  if (labelled) return labelled[1]?.replace(/[.,;]$/, '') ?? null;
  return BARE_CASE_NUMBER.exec(text)?.[1] ?? null;
}

/** "Dok.nr.: 2012-202935": a document number beside the case number. */
export function isDocumentNumberLine(line: string): boolean {
  return DOCUMENT_LABEL.test(line.trim());
}

const RESPONSIBLE = new RegExp(`^(?:${RESPONSIBLE_LABELS.map(phrasePattern).join('|')})\\s*:\\s*(.+)$`, 'i');

/** "Sagsbehandler: Rasmus Friis", "Sagsansvarlig: …" on one line. */
export function responsibleOf(line: string): string | null {
  return RESPONSIBLE.exec(line.trim())?.[1]?.trim() ?? null;
}

const short = (line: string) => line.length <= MAX_LABEL_LENGTH;
const CONTENTS = new Set(CONTENTS_HEADINGS.map(fold));
const CLOSING = new Set(CLOSING_HEADINGS.map(fold));
const OVERVIEW = new Set(ATTACHMENT_OVERVIEW_HEADINGS.map(fold));

export const isContentsHeading = (line: string) => short(line) && CONTENTS.has(fold(line));
export const isClosingHeading = (line: string) => short(line) && CLOSING.has(fold(line));
export const isAttachmentOverview = (line: string) => short(line) && OVERVIEW.has(fold(line));

/** "Mødet hævet kl. 20.15." -> "20.15.": the line that ends the meeting, with the time it names. */
export function meetingEnd(line: string): { readonly time: string } | null {
  const match = MEETING_END.exec(line.trim());
  return match ? { time: match[1] ?? '' } : null;
}

/** Lines after which no item continues: the meeting's end, the next meeting, the signature page. */
export function endsItems(line: string): boolean {
  return isClosingHeading(line) || meetingEnd(line) !== null || NEXT_MEETING.test(line.trim());
}

const HEADER_FIELDS = HEADER_LABELS.flatMap(([field, labels]) =>
  labels.map((label) => [field, label] as const),
).sort((a, b) => b[1].length - a[1].length);
/**
 * A header label opens the line and is followed by a colon, a tab, or its value. Case matters:
 * a label is written as a label ("Lokale", "LOKALE"), and a value after it starts with a
 * capital, a digit or a list's bullet; "lokale foreninger" in running text is no label. A
 * value in lower case ("Mødetidspunkt kl. 13.30", "Tid fra kl. 10.00 til kl. 11.00",
 * "Mødedato onsdag den 5. marts 2025") is one only where its field has a shape to recognise:
 * a clock time or a date.
 */
const HEADER_LABEL = new RegExp(
  `^(${HEADER_FIELDS.flatMap(([, l]) => [l, l.toLocaleUpperCase('da')])
    .map(phrasePattern)
    .join('|')})(\\s*:|\\t|\\s+(?=[\\p{Lu}\\d(•▪◦])|\\s+(?=\\p{Ll})|\\s*$)\\s*`,
  'u',
);
/** Fields whose value reads as a date or a clock time, so a lower-case value can be told from prose. */
const TEMPORAL_FIELDS: ReadonlySet<HeaderField> = new Set(['date', 'time', 'start', 'end']);
/** "kl. 13.30", "fra kl. 10.00 til …", "onsdag den 5. marts 2025": a time or date opening after its small words. */
const TEMPORAL_OPENING = /^(?:(?:fra|kl\.?|klokken|den|d\.|\p{L}+dag)\s*)+\d/iu;
const readsAsTemporal = (value: string) =>
  TEMPORAL_OPENING.test(value) && (findTimes(value).length > 0 || findDate(value) !== null);
const FIELD_OF = new Map(HEADER_FIELDS.map(([field, label]) => [fold(label), field]));

export interface HeaderLabel {
  readonly field: HeaderField;
  readonly label: string;
  readonly value: string;
  /** A colon or a column after the label says it is one. */
  readonly marked: boolean;
}

/** "Dato: 5. februar 2025", "Mødested⇥Byrådssalen", "Medlemmer" alone: a header field's label and value. */
export function headerLabel(line: string): HeaderLabel | null {
  const match = HEADER_LABEL.exec(line);
  const field = match ? FIELD_OF.get(fold(match[1] ?? '')) : undefined;
  if (!match || !field) return null;
  const value = line.slice(match[0].length).trim();
  if (
    /^\p{Ll}/u.test(value) &&
    /^\s+$/.test(match[2] ?? '') &&
    !(TEMPORAL_FIELDS.has(field) && readsAsTemporal(value))
  )
    return null;
  return {
    field,
    label: match[1] ?? '',
    value,
    marked: /[:\t]/.test(match[2] ?? ''),
  };
}
