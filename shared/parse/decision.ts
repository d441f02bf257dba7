import type { Outcome, Votes } from '#domain/meeting.ts';
import { findDate } from './dates.ts';
import { collapse } from './text.ts';

export interface DecisionHeading {
  readonly heading: string;
  readonly body: string | null;
  readonly date: string | null;
}

const DATE_TAIL = /\s+(?:den|d\.)\s+(.+)$/i;

/**
 * Reads a decision heading: "Beslutning i Direktionen den 05-02-2025", "Beslutning Direktionen den
 * 03-09-2024", "Afgørelse", "Kommunalbestyrelsens beslutning den 27. marts 2025:".
 */
export function decisionHeading(line: string): DecisionHeading | null {
  if (line.length > 120) return null;
  const text = collapse(line).replace(/:$/, '');
  if (text.length > 90 || (/[.!?]$/.test(text) && !findDate(text))) return null;
  const leading = /^(Beslutning|Afgørelse)(?:\s+(?:i|på mødet i|truffet i|fra|af))?(?:\s+(.*))?$/i.exec(text);
  if (leading) {
    const heading = leading[1]?.toLowerCase() === 'afgørelse' ? 'Afgørelse' : 'Beslutning';
    const rest = bodyAndDate(leading[2] ?? '');
    return rest && { heading, ...rest };
  }
  const genitive = /^(\p{Lu}[\p{L}. -]*?)s\s+(beslutning|afgørelse)(\s+(?:den|d\.)\s+.+)?$/iu.exec(text);
  if (genitive) {
    const heading = genitive[2]?.toLowerCase() === 'afgørelse' ? 'Afgørelse' : 'Beslutning';
    return { heading, body: genitive[1] ?? null, date: findDate(genitive[3] ?? '') };
  }
  return null;
}

/** What follows "Beslutning": a body and a date, or null when it is prose ("Beslutning om ..."). */
function bodyAndDate(rest: string): { body: string | null; date: string | null } | null {
  if (!rest) return { body: null, date: null };
  const tail = DATE_TAIL.exec(rest);
  const date = findDate(tail ? (tail[1] ?? '') : rest);
  const bodyText = (tail ? rest.slice(0, tail.index) : rest).trim();
  if (!bodyText || findDate(bodyText)) return { body: null, date };
  if (!/^\p{Lu}/u.test(bodyText) || bodyText.split(' ').length > 6) return null;
  return { body: bodyText, date };
}

/** True when a decision heading names the meeting's own body (or none at all). */
export function isOwnBody(headingBody: string | null, meetingBody: string | null): boolean {
  if (!headingBody || !meetingBody) return true;
  const a = normaliseBody(headingBody);
  const b = normaliseBody(meetingBody);
  return a === b || a.includes(b) || b.includes(a);
}

function normaliseBody(body: string): string {
  return body
    .toLocaleLowerCase('da')
    .replace(/\b(byrådet|byråd)\b/g, 'kommunalbestyrelsen')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Ordered from the most to the least specific: the first rule that matches decides. */
const OUTCOME_RULES: readonly [Outcome, RegExp][] = [
  [
    'rejected',
    /\b(ikke (blev )?(godkendt|vedtaget|imødekommet|anbefalet)|forkastet|afvist|afvises|afslået|faldt)\b/i,
  ],
  [
    'postponed',
    /\b(udsat|udsættes|udskudt|udskydes|sendes tilbage|tilbagesendt|genoptages|ikke behandlet)\b/i,
  ],
  ['recommended', /\b(anbefales|anbefalet|anbefaler|indstilles til (kommunalbestyrelsen|byrådet))\b/i],
  [
    'approved',
    /\b(godkendt|godkendes|godkendte|vedtaget|vedtages|vedtog|bevilget|bevilges|tiltrådt|tiltrædes|tiltrådte|imødekommet|besluttet|indstillingen (blev )?fulgt|som indstillet|indføres|gennemføres|igangsættes|iværksættes)\b/i,
  ],
  ['noted', /\b(til efterretning|til orientering|orienteringen)\b/i],
  [
    'discussed',
    /\b(drøftet|drøftede|drøftes|gennemgået|gennemgik|gennemgås|kvalificerede|kvitterede|behandlet|arbejdede videre|evaluerede)\b/i,
  ],
];

export function classifyOutcome(text: string): Outcome {
  for (const [outcome, pattern] of OUTCOME_RULES) if (pattern.test(text)) return outcome;
  return 'other';
}

const PARTY = /^[A-ZÆØÅ]{1,2}$/;

function parties(text: string | undefined): string[] {
  if (!text) return [];
  return text
    .replace(/[()]/g, ' ')
    .split(/,|\bog\b|\s+/)
    .map((p) => p.trim())
    .filter((p) => PARTY.test(p));
}

function side(count: string | undefined, partyText: string | undefined) {
  return { count: count ? Number(count) : null, parties: parties(partyText) };
}

/** Votes as minutes record them, or null when the text records none. */
export function readVotes(text: string): Votes | null {
  const forVote =
    /for\s+stemte\s*:?\s*(\d+)?\s*(?:\(([^)]*)\))?/i.exec(text) ??
    /(\d+)\s+stemmer?\s+for\s*(?:\(([^)]*)\))?/i.exec(text) ??
    /\bfor\s*:\s*(\d+)\s*(?:\(([^)]*)\))?/i.exec(text);
  const majority =
    /flertal(?:et)?\s+(?:bestående\s+)?af\s+([A-ZÆØÅ, og]+?)\s+(?:godkendte|stemte|vedtog|anbefalede|tiltrådte)/.exec(
      text,
    );
  const against =
    /imod\s+stemte\s*:?\s*(\d+)?\s*(?:\(([^)]*)\))?/i.exec(text) ??
    /(\d+)\s+stemmer?\s+imod\s*(?:\(([^)]*)\))?/i.exec(text) ??
    /\bimod\s*:\s*(\d+)\s*(?:\(([^)]*)\))?/i.exec(text);
  const minority =
    /mindretal(?:let)?\s*(?:bestående\s+af\s+)?(\([^)]*\)|[A-ZÆØÅ, og]+?)\s+stemte\s+imod/.exec(text);
  const abstained =
    /undlod\s+at\s+stemme\s*:?\s*(\d+)?\s*(?:\(([^)]*)\))?/i.exec(text) ??
    /(\d+)\s+(?:undlod|hverken for eller imod)\s*(?:\(([^)]*)\))?/i.exec(text);
  const abstainedBefore = /([A-ZÆØÅ]{1,2}(?:\s*(?:,|og)\s*[A-ZÆØÅ]{1,2})*)\s+undlod\s+at\s+stemme/.exec(text);
  const votes: Votes = {
    for: forVote ? side(forVote[1], forVote[2]) : majority ? side(undefined, majority[1]) : null,
    against: against ? side(against[1], against[2]) : minority ? side(undefined, minority[1]) : null,
    abstained: abstainedBefore
      ? side(abstained?.[1], abstainedBefore[1])
      : abstained
        ? side(abstained[1], abstained[2])
        : null,
  };
  return votes.for || votes.against || votes.abstained ? votes : null;
}
