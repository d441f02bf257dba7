import type { CaseMember } from './members.ts';

/**
 * When a case number is an umbrella: one number a municipality files many topics under (the
 * year's budget, "Godkendelse af dagsorden", "Spørgetid"), whose items are not one case and are
 * not chained into a history. A number is an umbrella when its items reach any of these:
 *
 * - `distinctTitles`: this many different titles (compared in lower case, without "Lukket:",
 *   punctuation and spacing). A case keeps its title or changes it a few times on its way
 *   (proposal, hearing, adoption); Greve's 2022 budget number has 9 titles, its budget
 *   follow-ups 10, its calendars 8; its real cases at most 5.
 * - `itemsAtOneMeeting`: this many items of one meeting. A case comes up once a meeting (twice
 *   where an open and a closed part are split); Greve's budget numbers have 3 at one meeting.
 * - `meetingsOfOneBodyInAYear`: this many meetings of one body in one calendar year. A case
 *   goes to a body a few times a year; a standing item goes to every meeting (Greve: 8 to 15 for
 *   "Godkendelse af dagsorden", "Underskriftsark", "Spørgetid"; real cases at most 4).
 *
 * Measured on Greve Kommune's 100 meetings of 2022 (../shared/realworld/greve): 450 numbers, 235
 * on more than one item. Kept here, in one place, as data: change a threshold here only.
 */
export const UMBRELLA_THRESHOLDS = {
  distinctTitles: 6,
  itemsAtOneMeeting: 3,
  meetingsOfOneBodyInAYear: 5,
} as const;

export type UmbrellaSign = keyof typeof UMBRELLA_THRESHOLDS;

/** How far a case number's items spread: what the thresholds compare. */
export interface CaseSpread {
  readonly items: number;
  readonly meetings: number;
  readonly distinctTitles: number;
  readonly itemsAtOneMeeting: number;
  readonly meetingsOfOneBodyInAYear: number;
}

/** A title as compared: "Lukket: Orientering." and "orientering" are one title. */
export function titleKey(title: string): string {
  return title
    .toLowerCase()
    .replace(/^\s*lukket\s*:\s*/u, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** The spread of a case number's items. */
export function spreadOf(members: readonly CaseMember[]): CaseSpread {
  const perMeeting = new Map<string, number>();
  const bodyYears = new Map<string, Set<string>>();
  for (const m of members) {
    perMeeting.set(m.documentId, (perMeeting.get(m.documentId) ?? 0) + 1);
    const bodyYear = `${m.body ?? ''}\u0000${m.date?.slice(0, 4) ?? ''}`;
    const meetings = bodyYears.get(bodyYear) ?? new Set<string>();
    meetings.add(m.documentId);
    bodyYears.set(bodyYear, meetings);
  }
  return {
    items: members.length,
    meetings: perMeeting.size,
    distinctTitles: new Set(members.map((m) => titleKey(m.title))).size,
    itemsAtOneMeeting: Math.max(0, ...perMeeting.values()),
    meetingsOfOneBodyInAYear: Math.max(0, ...[...bodyYears.values()].map((s) => s.size)),
  };
}

/** The thresholds a spread reaches, in UMBRELLA_THRESHOLDS order; empty for a case. */
export function umbrellaSigns(spread: CaseSpread): UmbrellaSign[] {
  return (Object.keys(UMBRELLA_THRESHOLDS) as UmbrellaSign[]).filter(
    (sign) => spread[sign] >= UMBRELLA_THRESHOLDS[sign],
  );
}

/**
 * What a case number's members are: null when no item has it as its own (a number only named is
 * no case); an umbrella when its own items reach a threshold (the items naming it are not judged,
 * and are not chained into it: it lists its own items only); else a case of its own items and the
 * items naming it.
 */
export type JudgedNumber =
  | { readonly kind: 'case'; readonly members: readonly CaseMember[] }
  | {
      readonly kind: 'umbrella';
      readonly members: readonly CaseMember[];
      readonly spread: CaseSpread;
      readonly signs: UmbrellaSign[];
    };

export function judgeNumber(members: readonly CaseMember[]): JudgedNumber | null {
  const own = members.filter((m) => m.via === 'number');
  if (own.length === 0) return null;
  const spread = spreadOf(own);
  const signs = umbrellaSigns(spread);
  return signs.length > 0 ? { kind: 'umbrella', members: own, spread, signs } : { kind: 'case', members };
}
