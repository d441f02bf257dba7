import type { FirstAgendaMeeting } from '#extract/firstagenda.ts';
import { fold } from '../read/text.ts';
import { KIND_WORDS } from '../vocabulary/header.ts';
import { plainText } from './html-text.ts';

/** The meeting's own fields, as the portal states them in `Udvalg` and `Moede`. */
export interface PortalMeeting {
  /** As the portal names it ("Byråd 2022-2025"); the displayed name is made where all formats meet. */
  readonly body: string | null;
  readonly date: string | null;
  readonly start: string | null;
  readonly end: string | null;
  readonly location: string | null;
  readonly members: string[];
  readonly absent: string[];
  /** The kind the meeting's name says ("Referat"), or null when it says none the vocabulary knows. */
  readonly namedKind: 'minutes' | 'agenda' | null;
}

/** "2022-05-30T08:00:00+02:00": the date and the clock as the portal wrote them, with its offset. */
const STAMP = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;
/**
 * Danish clock time, whatever zone a stamp is written in. Made on first use: building it loads
 * the time zone data (~25 ms), which a worker that reads only PDFs never needs.
 */
let danishClock: Intl.DateTimeFormat | undefined;
function danishClockFormat(): Intl.DateTimeFormat {
  danishClock ??= new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Copenhagen',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  return danishClock;
}

/**
 * A portal time stamp as the meeting's date and clock time in Denmark: a stamp with an offset
 * (`+02:00`) is local time as written; one in UTC (`Z`) is turned into Danish time; a date
 * alone has no clock time.
 */
export function danishTime(stamp: string | null | undefined): { date: string; time: string | null } | null {
  const match = STAMP.exec((stamp ?? '').trim());
  if (!match) return null;
  const [, date = '', hour, minute, zone] = match;
  if (hour === undefined || minute === undefined) return { date, time: null };
  if (zone !== 'Z') return { date, time: `${hour}:${minute}` };
  const at = new Date(`${date}T${hour}:${minute}:00Z`);
  if (Number.isNaN(at.getTime())) return null;
  const parts = Object.fromEntries(
    danishClockFormat()
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  );
  return { date: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}` };
}

const truthy = (flag: boolean | string | null | undefined) => flag === true || flag === 'true';

/** A portal's text field as plain text, or null when empty. */
export function portalText(value: string | null | undefined): string | null {
  return plainText(value ?? '') || null;
}

/**
 * The meeting from `Udvalg` and `Moede`: the body's name, date and start from `Dato` (or
 * `MeetingBeginUtc`), end from `MeetingEndUtc`, place from `Sted`, every participant a member and
 * those absent or whose participation was cancelled absent.
 */
export function readPortalMeeting(agenda: FirstAgendaMeeting): PortalMeeting {
  const moede = agenda.Moede;
  const begin = danishTime(moede?.Dato) ?? danishTime(moede?.MeetingBeginUtc);
  const start = danishTime(moede?.MeetingBeginUtc)?.time ?? begin?.time ?? null;
  const participants = (moede?.Moededeltagere ?? [])
    .map((p) => ({ name: portalText(p.Name), away: truthy(p.Absent) || truthy(p.ParticipationCancelled) }))
    .filter((p): p is { name: string; away: boolean } => p.name !== null);
  return {
    body: portalText(agenda.Udvalg?.Navn),
    date: begin?.date ?? null,
    start,
    end: danishTime(moede?.MeetingEndUtc)?.time ?? null,
    location: portalText(moede?.Sted),
    members: [...new Set(participants.map((p) => p.name))],
    absent: [...new Set(participants.filter((p) => p.away).map((p) => p.name))],
    namedKind: kindOfName(portalText(moede?.Navn)),
  };
}

/** "Referat" -> minutes, "Ekstraordinær dagsorden" -> agenda: the kind word the meeting's name holds. */
export function kindOfName(name: string | null): 'minutes' | 'agenda' | null {
  if (!name) return null;
  const words = fold(name).split(/[\s,.-]+/);
  if (KIND_WORDS.minutes.some((w) => words.includes(w))) return 'minutes';
  if (KIND_WORDS.agenda.some((w) => words.includes(w))) return 'agenda';
  return null;
}
