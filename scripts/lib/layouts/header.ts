/** The header block of generated minutes: title lines and labelled fields, with their truth. */
import { between, chance, type DanishDate, pick, shuffled } from '../invented.ts';
import type { Random } from '../random.ts';
import type { Block, MinutesTruth } from './blocks.ts';
import { MORE_LOCATIONS, ORGANISATION_LINES, TITLES_OF_OFFICERS } from './content.ts';
import type { HouseStyle } from './style.ts';

export interface MeetingFacts {
  readonly body: string;
  readonly municipality: string;
  readonly date: DanishDate;
  /** Minutes after midnight. */
  readonly start: number;
  readonly end: number;
  readonly members: readonly string[];
  readonly parties: readonly string[];
  readonly absent: readonly string[];
  readonly referent: string;
  readonly administrative: boolean;
}

/** "16.00" or "9:00" as printed, and its truth ("16:00", "9:00"). */
export interface Clock {
  readonly printed: string;
  readonly truth: string;
}

export function clock(minutes: number, separator: '.' | ':', pad: boolean): Clock {
  const hours = Math.floor(minutes / 60);
  const h = pad ? String(hours).padStart(2, '0') : String(hours);
  const mm = String(minutes % 60).padStart(2, '0');
  return { printed: `${h}${separator}${mm}`, truth: `${h}:${mm}` };
}

export function printedDate(style: HouseStyle, date: DanishDate): string {
  switch (style.dateForm) {
    case 'long':
      return date.long;
    case 'text':
      return date.text;
    case 'dashed':
      return date.dashed;
    case 'dotted':
      return date.dotted;
    case 'slashed':
      return date.slashed;
    case 'abbreviated':
      return date.abbreviated;
    case 'iso':
      return date.iso;
  }
}

function person(style: HouseStyle, facts: MeetingFacts, index: number, random: Random): string {
  const name = facts.members[index] ?? '';
  const party = facts.parties[index] ?? 'A';
  const role = index === 0 ? 'formand' : index === 1 ? 'næstformand' : null;
  switch (style.personForm) {
    case 'party':
      return `${name} (${party})`;
    case 'party-role':
      return role ? `${name} (${party}) - ${role}` : `${name} (${party})`;
    case 'comma-role':
      return role ? `${name}, ${role}` : name;
    case 'title':
      return facts.administrative ? `${pick(random, TITLES_OF_OFFICERS)} ${name}` : `${name} (${party})`;
    case 'plain':
      return name;
  }
}

/** Members as the form prints them: one per line, a comma list, bullets or two columns. */
function memberValues(style: HouseStyle, facts: MeetingFacts, random: Random): string[] {
  const printed = facts.members.map((_, i) => person(style, facts, i, random));
  switch (style.membersForm) {
    case 'lines':
    case 'columns':
      return printed;
    case 'comma':
      return [printed.join(', ')];
    case 'bullets':
      return printed.map((p) => `• ${p}`);
  }
}

interface Times {
  readonly fields: [string, string][];
  readonly start: Clock | null;
  /** The end as the header prints it (not "Mødet hævet kl. …"). */
  readonly end: Clock | null;
}

function timeFields(style: HouseStyle, facts: MeetingFacts, random: Random): Times {
  const separator = chance(random, 0.5) ? '.' : ':';
  const pad = chance(random, 0.5);
  const start = clock(facts.start, separator, pad);
  const end = clock(facts.end, separator, pad);
  const label = pick(random, ['Tid', 'Tidspunkt', 'Mødetidspunkt']);
  switch (style.timeForm) {
    case 'kl':
    case 'adjourned':
      return { fields: [[label, `kl. ${start.printed}`]], start, end: null };
    case 'range':
      return { fields: [[label, `${start.printed} – ${end.printed}`]], start, end };
    case 'from-to':
      return { fields: [[label, `fra kl. ${start.printed} til kl. ${end.printed}`]], start, end };
    case 'start-end':
      return {
        fields: [
          ['Start kl.', start.printed],
          ['Slut kl.', end.printed],
        ],
        start,
        end,
      };
    case 'none':
      return { fields: [], start: null, end: null };
  }
}

/** The place over one or two lines ("Mødelokale 2" / "Rådhuset, Torvet 3, 8410 Egholt"). */
function place(style: HouseStyle, facts: MeetingFacts, random: Random): string[] {
  if (style.placeLines === 0) return [];
  const room = pick(random, MORE_LOCATIONS);
  if (style.placeLines === 1) return [room];
  return [
    room,
    `Rådhuset, Torvet ${between(random, 1, 30)}, ${between(random, 1000, 9990)} ${facts.municipality}`,
  ];
}

export interface HeaderResult {
  readonly blocks: Block[];
  readonly meeting: MinutesTruth['meeting'];
  /** The end time when the document closes with "Mødet hævet kl. …". */
  readonly adjourned: Clock | null;
}

/** Title lines, then labelled fields: date, time, place, members, absent, referent. */
export function composeHeader(style: HouseStyle, facts: MeetingFacts, random: Random): HeaderResult {
  const kindWord = style.kind === 'agenda' ? 'Dagsorden' : 'Referat';
  const municipalityName = `${facts.municipality} Kommune`;
  const blocks: Block[] = [];
  if (style.municipality === 'title') blocks.push({ role: 'title', text: municipalityName, rank: 2 });
  if (style.municipality === 'spaced')
    blocks.push({ role: 'title', text: municipalityName.toUpperCase().split('').join(' '), rank: 2 });
  const date = printedDate(style, facts.date);
  const times = timeFields(style, facts, random);
  const places = place(style, facts, random);
  const fields: [string, string[]][] = [];
  const location = places.length ? places.join(', ') : null;
  switch (style.title) {
    case 'municipality-body-kind':
      blocks.push({ role: 'title', text: facts.body, rank: 1 }, { role: 'title', text: kindWord, rank: 2 });
      break;
    case 'kind-body-when-where': {
      blocks.push({ role: 'title', text: kindWord, rank: 1 }, { role: 'title', text: facts.body, rank: 2 });
      const kl = times.start
        ? `, kl. ${times.start.printed}${times.end ? ` – ${times.end.printed}` : ''}`
        : '';
      blocks.push({ role: 'title', text: `${facts.date.long}${kl}`, rank: 3 });
      if (places.length) blocks.push({ role: 'title', text: `i ${places.join(', ')}`, rank: 3 });
      return finish(style, facts, random, blocks, fields, times, location);
    }
    case 'kind-body-date':
      blocks.push({
        role: 'title',
        text: `${kindWord.toUpperCase()} ${facts.body} d. ${facts.date.dashed}`,
        rank: 1,
      });
      break;
    case 'kind-dash-body':
      blocks.push({ role: 'title', text: `${kindWord} – ${facts.body}`, rank: 1 });
      break;
    case 'labelled-body':
      blocks.push({ role: 'title', text: kindWord, rank: 1 });
      fields.push([pick(random, ['Udvalg', 'Mødeforum', 'Forum']), [facts.body]]);
      break;
    case 'organisation-kind-body':
      blocks.push(
        { role: 'title', text: pick(random, ORGANISATION_LINES), rank: 2 },
        { role: 'title', text: kindWord, rank: 2 },
        { role: 'title', text: facts.body, rank: 1 },
      );
      break;
  }
  const dateLabel = pick(random, ['Dato', 'Mødedato']);
  const klInDate = times.fields.length === 1 && chance(random, 0.4);
  fields.push([dateLabel, [klInDate ? `${date}, ${times.fields[0]?.[1] ?? ''}` : date]]);
  if (!klInDate) for (const [label, value] of times.fields) fields.push([label, [value]]);
  if (places.length) fields.push([pick(random, ['Sted', 'Mødested', 'Mødelokale', 'Lokale']), places]);
  return finish(style, facts, random, blocks, fields, times, location);
}

function finish(
  style: HouseStyle,
  facts: MeetingFacts,
  random: Random,
  blocks: Block[],
  fields: [string, string[]][],
  times: Times,
  location: string | null,
): HeaderResult {
  fields.push([style.membersLabel, memberValues(style, facts, random)]);
  if (style.absentLabel)
    fields.push([style.absentLabel, facts.absent.length ? [...facts.absent] : ['Ingen']]);
  if (style.referent) fields.push([pick(random, ['Referent', 'Sekretær']), [facts.referent]]);
  for (const [label, values] of fields) {
    blocks.push({
      role: 'field',
      label,
      values,
      twoColumns: label === style.membersLabel && style.membersForm === 'columns',
    });
  }
  const adjourned = style.timeForm === 'adjourned' ? clock(facts.end, '.', false) : null;
  return {
    blocks,
    adjourned,
    meeting: {
      body: facts.body,
      municipality: style.municipality === 'none' ? null : `${facts.municipality} Kommune`,
      date: facts.date.iso,
      start: times.start?.truth ?? null,
      end: adjourned?.truth ?? times.end?.truth ?? null,
      location,
      members: [...facts.members],
      absent: style.absentLabel ? [...facts.absent] : [],
    },
  };
}

/** The people of a meeting: members with party letters, some absent, a referent. */
export function drawPeople(
  random: Random,
  names: readonly string[],
  parties: readonly string[],
): Pick<MeetingFacts, 'members' | 'parties' | 'absent' | 'referent'> {
  const pool = shuffled(random, names);
  const count = between(random, 5, Math.min(11, pool.length - 3));
  const members = pool.slice(0, count);
  const absentCount = chance(random, 0.6) ? between(random, 1, 2) : 0;
  return {
    members,
    parties: members.map(() => pick(random, parties)),
    absent: pool.slice(count, count + absentCount),
    referent: pool[count + absentCount] ?? 'Maja Holst',
  };
}
