import { z } from 'zod';
import { documentIdOfBytes } from '#domain/document.ts';

/**
 * A FirstAgenda publication portal's list of bodies and meetings (`GET /api/agenda/udvalgsliste`):
 * `{ Udvalg: { "<election period>": [ { Id, Navn, Historisk, Moeder: [ meeting, … ] } ] } }`.
 * Fields this code does not read are let through unchecked; a field it reads may be null.
 */
const ListingMeeting = z.object({
  Id: z.string(),
  /** "Dagsorden", "Referat", "Tillægsdagsorden", "Lukket referat", …: changes as minutes replace an agenda. */
  Navn: z.string().nullish(),
  Dato: z.string().nullish(),
  MeetingBeginUtc: z.string().nullish(),
  Sted: z.string().nullish(),
  IsSupplementaryAgenda: z.boolean().nullish(),
  /** When the portal published the meeting's current version. */
  ReleasedDate: z.string().nullish(),
});

const ListingBody = z.object({
  Id: z.string().nullish(),
  Navn: z.string().nullish(),
  Moeder: z.array(ListingMeeting).nullish(),
});

export const PortalListing = z.object({
  Udvalg: z.record(z.string(), z.array(ListingBody).nullish()),
});
export type PortalListing = z.infer<typeof PortalListing>;

/** A meeting as the listing names it: enough to choose it, fetch it and tell whether it changed. */
export interface ListedMeeting {
  /** The portal's meeting id (a GUID): `/api/agenda/dagsorden/{id}`. */
  readonly id: string;
  /** The body's name as the portal writes it, e.g. "Byråd 2022-2025". */
  readonly body: string;
  /** "Dagsorden", "Referat", …, or null. */
  readonly name: string | null;
  /** The meeting's day as the portal writes it in local time (YYYY-MM-DD), or null. */
  readonly date: string | null;
  /**
   * What the listing says about the meeting's version, as one value: the name (agenda or
   * minutes), date, start, place, supplementary flag, release time and the body's name. When it
   * differs from the one stored with the object, the meeting is fetched again.
   */
  readonly fingerprint: string;
}

/** What a meeting id may be: it goes into a URL path and an object key. */
const MEETING_ID = /^[A-Za-z0-9-]{1,64}$/;

export interface ListedMeetings {
  readonly meetings: readonly ListedMeeting[];
  /** Entries whose id cannot name a URL path or an object key, skipped. */
  readonly badIds: readonly string[];
}

/**
 * Every meeting of the listing once (a meeting listed under two periods or bodies counts once,
 * as first listed), newest first, meetings without a date last.
 */
export function listedMeetings(listing: PortalListing): ListedMeetings {
  const meetings = new Map<string, ListedMeeting>();
  const badIds: string[] = [];
  for (const bodies of Object.values(listing.Udvalg)) {
    for (const body of bodies ?? []) {
      for (const meeting of body.Moeder ?? []) {
        if (!MEETING_ID.test(meeting.Id)) {
          badIds.push(meeting.Id);
          continue;
        }
        const id = meeting.Id.toLowerCase();
        if (meetings.has(id)) continue;
        meetings.set(id, listedMeeting(id, body.Navn ?? '', meeting));
      }
    }
  }
  const newestFirst = [...meetings.values()].sort(
    (a, b) => (b.date ?? '').localeCompare(a.date ?? '') || a.id.localeCompare(b.id),
  );
  return { meetings: newestFirst, badIds };
}

function listedMeeting(id: string, body: string, meeting: z.infer<typeof ListingMeeting>): ListedMeeting {
  const version = [
    meeting.Navn,
    meeting.Dato,
    meeting.MeetingBeginUtc,
    meeting.Sted,
    meeting.IsSupplementaryAgenda,
    meeting.ReleasedDate,
    body,
  ].map((value) => value ?? null);
  return {
    id,
    body,
    name: meeting.Navn ?? null,
    date: localDay(meeting.Dato ?? meeting.MeetingBeginUtc ?? null),
    fingerprint: documentIdOfBytes(JSON.stringify(version)).slice(0, 32),
  };
}

/** "2022-01-14T08:00:00+01:00" -> "2022-01-14": the portal writes local times with their offset. */
function localDay(value: string | null): string | null {
  const day = value?.match(/^(\d{4}-\d{2}-\d{2})/)?.[1];
  return day ?? null;
}
