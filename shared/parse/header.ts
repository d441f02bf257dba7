import type { MeetingInfo } from '#domain/meeting.ts';
import type { Line } from '#extract/line.ts';
import { findDate, findTimes } from './dates.ts';
import { collapse, despaced, joinLines, titleCase } from './text.ts';

type Field = 'date' | 'start' | 'end' | 'time' | 'location' | 'members' | 'absent' | 'other';

const LABELS: readonly [Field, RegExp][] = [
  ['date', /^(mødedato|dato|mødedag|dag)\b/i],
  ['start', /^(start(\s*kl\.?)?|mødestart|starttidspunkt|mødet (start|begynd)\w*)\b/i],
  ['end', /^(slut(\s*kl\.?)?|sluttidspunkt|mødet slut\w*)\b/i],
  ['time', /^(mødetidspunkt|tidspunkt|tid|kl\.)\b/i],
  ['location', /^(mødested|sted|lokale|mødelokale)\b/i],
  ['members', /^(medlemmer|mødedeltagere|deltagere|til stede|tilstede|fremmødte)\b/i],
  ['absent', /^(fraværende|afbud|fravær|forfald)\b/i],
  [
    'other',
    /^(referent|sekretær|mødeleder|desuden deltog|gæster|øvrige deltagere|inviterede|sagsbehandler)\b/i,
  ],
];

const LABEL_SEPARATOR = /^\s*(kl\.)?\s*:?\s*/i;

/** Title words ahead of a name: roles, offices, ordinals ("1. viceborgmester", "HR-chef"). */
const TITLE_WORD =
  /^(\d+\.|og|[\p{L}-]*(direktør|chef|borgmester|formand|rådmand|konsulent|sekretær|leder|koordinator|medarbejder|referent)|[\p{L}]+-)$/iu;

/** The meeting's header: its kind may be unstated there. */
export type HeaderInfo = Omit<MeetingInfo, 'kind'> & { kind: MeetingInfo['kind'] | null };

/** Reads the meeting's header block: labelled fields, the body's name, the municipality. */
export function readHeader(lines: readonly Line[]): HeaderInfo {
  const fields = new Map<Field, string[]>();
  const free: Line[] = [];
  let current: Field | null = null;
  for (const line of lines) {
    const label = LABELS.find(([, pattern]) => pattern.test(line.text));
    if (label) {
      const [field, pattern] = label;
      current = field;
      const value = line.text.replace(pattern, '').replace(LABEL_SEPARATOR, '');
      fields.set(field, [...(fields.get(field) ?? []), ...(value ? [value] : [])]);
      if (field === 'time' && /^kl\./i.test(line.text)) fields.set(field, [line.text]);
    } else if (current && (current === 'members' || current === 'absent') && !line.breakBefore) {
      fields.get(current)?.push(line.text);
    } else if (
      current &&
      (current === 'members' || current === 'absent') &&
      line.x > (lines[0]?.x ?? 0) + 20
    ) {
      fields.get(current)?.push(line.text);
    } else {
      current = null;
      free.push(line);
    }
  }
  const text = (field: Field) => (fields.has(field) ? collapse((fields.get(field) ?? []).join(' ')) : null);
  const dateText = text('date');
  const times = [text('date'), text('time'), text('start')].flatMap((t) => (t ? findTimes(t) : []));
  const endTimes = text('end') ? findTimes(text('end') ?? '') : [];
  const { body, municipality, kind, date: titleDate } = readTitle(free);
  return {
    body,
    municipality,
    kind,
    date: (dateText && findDate(dateText)) ?? titleDate,
    start: times[0] ?? null,
    end: endTimes[0] ?? times[1] ?? null,
    location: text('location') || null,
    members: personNames(fields.get('members')),
    absent: personNames(fields.get('absent')),
  };
}

/** The unlabelled lines of the header name the municipality, the kind of document and the body. */
function readTitle(lines: readonly Line[]) {
  let municipality: string | null = null;
  let kind: MeetingInfo['kind'] | null = null;
  let body: string | null = null;
  let date: string | null = null;
  for (const line of lines) {
    const compact = despaced(line.text).replace(/^[^\p{L}]+/u, '');
    const town = /^(\p{L}+?)kommune/iu.exec(compact);
    if (town?.[1] && !municipality) {
      municipality = `${titleCase(town[1])} Kommune`;
      continue;
    }
    let rest = collapse(line.text);
    const kindWord =
      /^(referat|dagsorden|beslutningsprotokol|protokol)\b(\s+(af|fra)\s+(\p{L}+\s+)?møde(t)?(\s+i)?)?/iu.exec(
        rest,
      );
    if (kindWord) {
      kind ??= /^dagsorden/i.test(kindWord[1] ?? '') ? 'agenda' : 'minutes';
      rest = rest.slice(kindWord[0].length).trim();
    }
    date ??= findDate(rest);
    rest = rest
      .replace(/\s*(?:·|–|-|,)?\s*(?:(?:den|d\.)\s+)?\d{1,2}[-./]\d{1,2}[-./]\d{2,4}.*$/, '')
      .replace(/\s*·.*$/, '')
      .trim();
    if (!body && rest && /^\p{Lu}/u.test(rest) && rest.split(' ').length <= 8 && !/[.:]$/.test(rest))
      body = rest;
  }
  return { municipality, kind, body, date };
}

/**
 * "Helle Winther (A), formand · Bjarne Husted (V)" -> ["Helle Winther", "Bjarne Husted"]. A list
 * that starts with several names on one line is running text wrapped anywhere; otherwise each
 * line holds one name.
 */
export function personNames(values: readonly string[] | undefined): string[] {
  if (!values || values.length === 0) return [];
  const entries = (text: string) =>
    text
      .replace(/\([^)]*\)/g, '')
      .replace(/\b(formand|næstformand|mødeleder|referent)\b/gi, ',')
      .split(/\s*[,·;]\s*|\s+og\s+(?=\p{Lu})/u)
      .map(stripTitles)
      .filter((name) => /^\p{Lu}/u.test(name) && !/^ingen\b/i.test(name));
  const runningText = entries(values[0] ?? '').length > 1;
  return runningText ? entries(joinLines(values)) : values.flatMap(entries);
}

function stripTitles(entry: string): string {
  const words = collapse(entry).split(' ');
  while (words.length > 1 && (TITLE_WORD.test(words[0] ?? '') || /^\p{Ll}/u.test(words[0] ?? '')))
    words.shift();
  return words.join(' ');
}
