import type { MeetingInfo } from '#domain/meeting.ts';
import type { Line } from '#extract/line.ts';
import { type Notes, note } from '../explanation.ts';
import { findDate, findDateAt, findTimes } from '../read/dates.ts';
import { personNames } from '../read/people.ts';
import { collapse, despaced, fold, joinLines, titleCase } from '../read/text.ts';
import { accessMarker, caseNumberOf, headerLabel, isBodyWord } from '../read/vocabulary.ts';
import { type HeaderField, KIND_WORDS, NOT_A_BODY } from '../vocabulary/header.ts';
import type { StyledLine } from './styles.ts';

/** The meeting's header: its kind may be unstated there. */
export type HeaderInfo = Omit<MeetingInfo, 'kind'> & { kind: MeetingInfo['kind'] | null };

export interface Header {
  readonly info: HeaderInfo;
  readonly notes: Notes;
}

interface Field {
  readonly field: HeaderField;
  readonly label: string;
  readonly values: string[];
  readonly at: number;
}

/** Fields whose value may run over several lines (people, places). */
const MULTILINE: ReadonlySet<HeaderField> = new Set([
  'members',
  'absent',
  'substitutes',
  'location',
  'other',
]);
/** "Referat", "Dagsorden for", "Referat af møde i", "Referat fra det ordinære møde i". */
const KIND = new RegExp(
  `^(${[...KIND_WORDS.minutes, ...KIND_WORDS.agenda].join('|')})\\b(?:\\s+(?:af|fra|for)(?:\\s+(?:det|et)?\\s*(?:ordinære|ekstraordinære|ordinært|ekstraordinært))?(?:\\s+møde(?:t)?)?(?:\\s+i)?)?`,
  'iu',
);
const MUNICIPALITY = /(\p{Lu}[\p{L}-]+)\s+Kommune\b/u;
const NOT_BODY = new Set(NOT_A_BODY);

/**
 * Reads the meeting's header: labelled fields ("Dato:", "Mødested", "Medlemmer" with names on
 * the lines below, label and value in two columns or on separate lines), the title block (the
 * kind of document, the body, a date and time line, an "i <place>" line), and the municipality
 * from the header, the page furniture or the text. The body comes from a label or the title,
 * never from running headers (they are furniture), an organisation line or a room.
 */
export function readHeader(
  lines: readonly StyledLine[],
  furniture: readonly Line[],
  all: readonly Line[],
): Header {
  const notes: Notes = new Map();
  const fields: Field[] = [];
  const free: StyledLine[] = [];
  let open: Field | null = null;
  let valueIndent = 0;
  for (const [at, line] of lines.entries()) {
    const label = headerLabel(line.text);
    // Under a label standing alone, a line is its value even if it opens with a label's word
    // ("Mødelokale" / "Mødelokale Fjorden"), unless a colon or a column marks it a label.
    const valueOfOpen = open !== null && open.values.length === 0 && label !== null && !label.marked;
    if (label && !valueOfOpen) {
      open = { field: label.field, label: label.label, values: label.value ? [label.value] : [], at };
      valueIndent = line.x;
      fields.push(open);
      note(notes, line.index, 'header-field', `${label.field} (label "${label.label}")`);
      continue;
    }
    // A value runs on below its label: wrapped, indented under the value column, or as list entries.
    const continues =
      open !== null &&
      !caseNumberOf(line.text) &&
      // Any value wraps onto a line under its value column; people and places run on further.
      (open.values.length === 0 ||
        MULTILINE.has(open.field) ||
        (!line.spacedBefore && line.x > valueIndent + 4)) &&
      (!line.spacedBefore ||
        open.values.length === 0 ||
        line.x > valueIndent + 4 ||
        /^[•▪◦*–-]\s/.test(line.text));
    if (open && continues) {
      open.values.push(line.text);
      note(notes, line.index, 'header-field', `${open.field}, continued`);
      continue;
    }
    open = null;
    free.push(line);
  }
  const title = readTitle(free, notes);
  const value = (field: HeaderField) => {
    const found = fields.filter((f) => f.field === field);
    return found.length ? collapse(found.flatMap((f) => f.values).join(' ')) : null;
  };
  const dateText = value('date');
  const timeTexts = [value('time'), dateText, value('start'), title.when].filter(
    (t): t is string => t !== null,
  );
  const times = timeTexts.flatMap(findTimes);
  const ends = findTimes(value('end') ?? '');
  const people = (field: HeaderField) =>
    personNames(fields.filter((f) => f.field === field).flatMap((f) => f.values));
  const body = value('body') || title.body;
  return {
    info: {
      body,
      municipality: municipalityOf(lines, furniture, all, body),
      kind: title.kind,
      date: findDate(dateText ?? '') ?? findDate(value('time') ?? '') ?? title.date,
      start: findTimes(value('start') ?? '')[0] ?? times[0] ?? null,
      end: ends[0] ?? (timeTexts.length ? (times[1] ?? null) : null),
      location:
        locationOf(fields.filter((f) => f.field === 'location').flatMap((f) => f.values)) ?? title.location,
      members: people('members'),
      absent: people('absent'),
    },
    notes,
  };
}

function locationOf(values: readonly string[]): string | null {
  const parts = values
    .flatMap((v) => v.split('\t'))
    .map((v) => collapse(v).replace(/[,.]$/, ''))
    .filter(Boolean);
  return parts.length ? parts.join(', ') : null;
}

interface Title {
  body: string | null;
  kind: MeetingInfo['kind'] | null;
  date: string | null;
  /** The title block's date and time line ("tirsdag den 4. december 2012, kl. 13:00"). */
  when: string | null;
  location: string | null;
}

/**
 * The unlabelled lines: a kind word ("Referat", "Dagsorden"), the body on the same line or
 * next to it, the municipality, a date and time line and an "i <place>" line after it.
 */
function readTitle(lines: readonly StyledLine[], notes: Notes): Title {
  const title: Title = { body: null, kind: null, date: null, when: null, location: null };
  const candidates: { line: StyledLine; text: string; score: number }[] = [];
  let kindAt = -1;
  let kindProminence = 0;
  for (const [i, line] of titleLines(lines).entries()) {
    let text = collapse(line.text.replace(/\t/g, ' '));
    // A case number above the first item ("27.12.04-P16-20-22") is its item's, and no date.
    if (caseNumberOf(text)) continue;
    // The municipality's line, however it is set, names no body.
    if (MUNICIPALITY.test(text) || (isLetterSpaced(text) && /kommune/i.test(despaced(text)))) continue;
    const kind = KIND.exec(text);
    if (kind) {
      // Where lines name different kinds, the title set most prominently names the document, not
      // a small running header above it ("Referat – Chefforum – …" over "DAGSORDEN Chefforum").
      if (!title.kind || line.prominence > kindProminence) {
        title.kind = KIND_WORDS.agenda.some((w) => w === kind[1]?.toLowerCase()) ? 'agenda' : 'minutes';
        kindProminence = line.prominence;
      }
      kindAt = i;
      text = text
        .slice(kind[0].length)
        .replace(/^[\s–—:-]+/, '')
        .trim();
      note(notes, line.index, 'header', 'names the kind of document');
    }
    const date = findDateAt(text);
    if (date) {
      title.date ??= date.iso;
      title.when ??= text;
      // What stands before the date may name the body ("REFERAT Aarhus Byråd d. 27-08-2025").
      text = text
        .slice(0, date.index)
        .replace(/(?:\p{L}+dag\s+)?(?:den|d\.)?\s*$/iu, '')
        .replace(/[\s,–—·-]+$/u, '')
        .trim();
      note(notes, line.index, 'header', 'the meeting date');
    }
    const place = /^i\s+(\p{Lu}.*)$/u.exec(text);
    if (place && title.date && !title.location) {
      title.location = collapse(place[1] ?? '');
      note(notes, line.index, 'header', 'the place, after the date');
      continue;
    }
    if (!text || text.length > 80 || !/^\p{Lu}/u.test(text) || /[.:]$/.test(text) || NOT_BODY.has(fold(text)))
      continue;
    if (caseNumberOf(text) || accessMarker(text)) continue;
    candidates.push({ line, text, score: 0 });
    const last = candidates.at(-1);
    if (last) last.score = bodyScore(last.text, line, i, kindAt, kind !== null);
  }
  const [best] = [...candidates].sort((a, b) => b.score - a.score);
  if (best && best.score > 0) {
    title.body = best.text.replace(/\s*[·|].*$/, '').trim();
    note(notes, best.line.index, 'header', `the body (${best.score.toFixed(1)}: named in the title)`);
  }
  return title;
}

/**
 * A line that ends on a word that cannot end a title ("… d.", "… og", "… for") runs on, as does
 * an address that ends on a postcode before its town ("…, Torvet 16, 2106" / "Tårnholm").
 */
const OPEN_END = /(?:(?:^|\s)(?:d\.|den|i|og|for|af|fra|til)|,\s*\d{4}|[-–,])$/i;

/** Title lines wrapped in their own font ("REFERAT Social- og Sundhedsudvalget d." / "13-03-2025") read as one. */
function titleLines(lines: readonly StyledLine[]): StyledLine[] {
  const joined: StyledLine[] = [];
  for (const line of lines) {
    const last = joined.at(-1);
    if (last && !line.breakBefore && line.style === last.style && OPEN_END.test(last.text.trim())) {
      joined[joined.length - 1] = { ...last, text: joinLines([last.text, line.text]) };
    } else joined.push(line);
  }
  return joined;
}

function bodyScore(text: string, line: StyledLine, at: number, kindAt: number, withKind: boolean): number {
  const words = text.split(' ');
  let score = 0;
  const word = (w: string | undefined) => isBodyWord(w ?? '');
  if (word(words[0]) || word(words.at(-1))) score += 3;
  else if (words.some(word)) score += 1;
  if (withKind) score += 2.5;
  else if (kindAt >= 0 && at === kindAt + 1) score += 2;
  else if (kindAt >= 0 && at === kindAt - 1) score += 0.5;
  score += Math.min(3, line.prominence) * 0.5;
  if (words.length > 8) score -= 2;
  return score;
}

/** "E G H O L T  K O M M U N E": most of the line's pieces are single letters. */
function isLetterSpaced(text: string): boolean {
  const pieces = text.split(/\s+/).filter((p) => /\p{L}/u.test(p));
  return pieces.length >= 4 && pieces.filter((p) => p.length <= 2).length >= pieces.length * 0.6;
}

/**
 * "X Kommune" in the header, on a letter-spaced wordmark, in a running header or footer; else
 * from a body named "X Byråd"; else the municipality the text mentions most.
 */
function municipalityOf(
  header: readonly Line[],
  furniture: readonly Line[],
  all: readonly Line[],
  body: string | null,
): string | null {
  for (const line of [...header, ...furniture]) {
    if (isLetterSpaced(line.text)) {
      const compact = despaced(line.text).replace(/^[^\p{L}]+/u, '');
      const spaced = /^(\p{L}+?)kommune/iu.exec(compact);
      if (spaced?.[1]) return `${titleCase(spaced[1])} Kommune`;
    }
    const named = MUNICIPALITY.exec(line.text);
    if (named?.[1]) return `${named[1]} Kommune`;
  }
  const town = /^(\p{Lu}[\p{L}-]+)\s+(?:byråd|kommunalbestyrelse)/iu.exec(body ?? '');
  if (town?.[1]) return `${titleCase(town[1])} Kommune`;
  return mostNamed(all);
}

/**
 * Of the municipalities the text names ("X Kommune"), the one whose name ("X", "X Kommunes")
 * it mentions most, when that is at least twice and more than any other.
 */
function mostNamed(lines: readonly Line[]): string | null {
  const text = lines.map((l) => l.text).join('\n');
  const names = new Set([...text.matchAll(new RegExp(MUNICIPALITY.source, 'gu'))].map((m) => m[1] ?? ''));
  const counts = [...names]
    .map(
      (name) => [name, text.split(new RegExp(`(?<![\\p{L}])${name}(?![\\p{L}])`, 'u')).length - 1] as const,
    )
    .sort((a, b) => b[1] - a[1]);
  const [best, second] = counts;
  return best && best[1] >= 2 && (!second || best[1] > second[1]) ? `${best[0]} Kommune` : null;
}
