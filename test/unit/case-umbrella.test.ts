import { describe, expect, it } from 'vitest';
import type { CaseMember } from '../../shared/cases/members.ts';
import {
  spreadOf,
  titleKey,
  UMBRELLA_THRESHOLDS,
  type UmbrellaSign,
  umbrellaSigns,
} from '../../shared/cases/umbrella.ts';

/** A small seeded generator (mulberry32): the same numbers every run, many shapes of case. */
function random(seed: number) {
  let a = seed;
  const next = () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(values: readonly T[]) => values[int(0, values.length - 1)] as T;
  return { int, pick };
}

const BODIES = ['Teknik- og Miljøudvalget', 'Børne- og Skoleudvalget', 'Økonomiudvalget', 'Byrådet'];
const TOPICS = ['lokalplan 12', 'Vesterlund Skole', 'cykelsti langs Strandvejen', 'ny daginstitution'];

let n = 0;
function member(documentId: string, body: string, date: string, title: string): CaseMember {
  n++;
  return {
    id: `${documentId}:${n}`,
    documentId,
    position: n,
    municipality: 'Vesterlund Kommune',
    municipalityKey: 'vesterlund',
    caseNumber: '24/1',
    itemCaseNumber: '24/1',
    via: 'number',
    body,
    date,
    number: 1,
    title,
    access: 'open',
  };
}

const date = (year: number, month: number, day = 10) =>
  `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;

/**
 * A real case: from a committee through Økonomiudvalget to Byrådet, two or three times to one
 * body a year at most, a few titles on its way, at most two items at one meeting (an open and a
 * closed part).
 */
function realCase(seed: number): CaseMember[] {
  const r = random(seed);
  const topic = r.pick(TOPICS);
  const titles = [topic, `Forslag til ${topic}`, `Vedtagelse af ${topic}`, `Lukket: ${topic}.`];
  const year = r.int(2019, 2025);
  const members: CaseMember[] = [];
  for (
    let round = 0, month = r.int(1, 3);
    round < r.int(1, 3) && month <= 12;
    round++, month += r.int(2, 4)
  ) {
    for (const [step, body] of BODIES.slice(r.int(0, 2)).entries()) {
      const meeting = `${body}-${year}-${month}-${step}`;
      const title = r.pick(titles);
      members.push(member(meeting, body, date(year, month, 1 + step * 7), title));
      if (r.int(0, 5) === 0)
        members.push(member(meeting, body, date(year, month, 1 + step * 7), `Lukket: ${title}`));
    }
  }
  return members;
}

/** A standing item: at every meeting of one body, a year or more. */
function standingItem(seed: number): CaseMember[] {
  const r = random(seed);
  const body = r.pick(BODIES);
  const title = r.pick(['Godkendelse af dagsorden', 'Spørgetid', 'Underskriftsark']);
  const meetings = r.int(UMBRELLA_THRESHOLDS.meetingsOfOneBodyInAYear, 15);
  return Array.from({ length: meetings }, (_, i) =>
    member(
      `${body}-${i}`,
      body,
      date(2022, 1 + (i % 12), 1 + Math.floor(i / 12)),
      i % 3 ? title : `${title}.`,
    ),
  );
}

/** A budget number: many topics, each to one committee or two, never three items at a meeting. */
function budgetNumber(seed: number): CaseMember[] {
  const r = random(seed);
  const topics = r.int(UMBRELLA_THRESHOLDS.distinctTitles, 12);
  return Array.from({ length: topics }, (_, i) => {
    const body = BODIES[i % BODIES.length] as string;
    return member(
      `${body}-${Math.floor(i / 2)}`,
      body,
      date(2023, 8, 1 + i),
      `Budget 2024-27: emne ${i + 1}`,
    );
  });
}

/** Many items of one number at one meeting, under one or two titles. */
function oneMeeting(seed: number): CaseMember[] {
  const r = random(seed);
  const items = r.int(UMBRELLA_THRESHOLDS.itemsAtOneMeeting, 6);
  return Array.from({ length: items }, (_, i) =>
    member('oeu-1', 'Økonomiudvalget', date(2024, 9), i % 2 ? 'Regnskab, bilag' : 'Regnskab'),
  );
}

const SEEDS = Array.from({ length: 200 }, (_, i) => 1000 + i);

describe('umbrella case numbers (shared/cases/umbrella.ts), on generated items', () => {
  it('never takes a real case for an umbrella, however it went between bodies', () => {
    for (const seed of SEEDS) {
      const members = realCase(seed);
      expect(umbrellaSigns(spreadOf(members)), `seed ${seed}: ${JSON.stringify(spreadOf(members))}`).toEqual(
        [],
      );
    }
  });

  const kinds: [string, (seed: number) => CaseMember[], UmbrellaSign][] = [
    ['a standing item at every meeting', standingItem, 'meetingsOfOneBodyInAYear'],
    ['a budget number over many topics', budgetNumber, 'distinctTitles'],
    ['many items at one meeting', oneMeeting, 'itemsAtOneMeeting'],
  ];
  it.each(kinds)('recognises %s by its spread, by that sign alone', (_, generate, sign) => {
    for (const seed of SEEDS) expect(umbrellaSigns(spreadOf(generate(seed))), `seed ${seed}`).toEqual([sign]);
  });

  it('is one step short of each threshold a case', () => {
    const below = [
      standingItem(1).slice(0, UMBRELLA_THRESHOLDS.meetingsOfOneBodyInAYear - 1),
      budgetNumber(1).slice(0, UMBRELLA_THRESHOLDS.distinctTitles - 1),
      oneMeeting(1).slice(0, UMBRELLA_THRESHOLDS.itemsAtOneMeeting - 1),
    ];
    for (const members of below) expect(umbrellaSigns(spreadOf(members))).toEqual([]);
  });

  it('compares titles without case, "Lukket:", punctuation and spacing', () => {
    expect(titleKey('Lukket: Huskeliste/ orientering.')).toBe(titleKey('huskeliste/orientering'));
    expect(titleKey('Budget 2023 - drift')).not.toBe(titleKey('Budget 2023 - anlæg'));
  });

  it('counts meetings per body and calendar year, not per body', () => {
    const twoYears = [2022, 2023].flatMap((year) =>
      [1, 4, 8].map((month) => member(`byr-${year}-${month}`, 'Byrådet', date(year, month), 'Lokalplan 12')),
    );
    expect(spreadOf(twoYears)).toMatchObject({ items: 6, meetings: 6, meetingsOfOneBodyInAYear: 3 });
    expect(umbrellaSigns(spreadOf(twoYears))).toEqual([]);
  });
});
