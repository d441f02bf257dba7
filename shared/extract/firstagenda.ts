import { z } from 'zod';
import { ExtractionError } from './errors.ts';

/**
 * A FirstAgenda publication portal's meeting, as `/api/agenda/dagsorden/{id}` serves it: only
 * the fields the reader uses (shared/parse/firstagenda), each optional, since portals leave
 * fields out or null. Unknown fields are dropped.
 */
const Text = z.string().nullish();
const Flag = z.union([z.boolean(), z.string()]).nullish();
const NumberOrText = z.union([z.string(), z.number()]).nullish();

export const FirstAgendaParticipant = z.object({
  Name: Text,
  Absent: Flag,
  ParticipationCancelled: Flag,
});

export const FirstAgendaField = z.object({
  Navn: Text,
  Html: Text,
  Tekst: Text,
  Link: Text,
  DocumentId: Text,
});

export const FirstAgendaAttachment = z.object({
  Id: Text,
  Navn: Text,
  HarPdfVersion: Flag,
  Order: NumberOrText,
});

export const FirstAgendaAttendee = z.object({ Name: Text, Reason: Text });

export const FirstAgendaPoint = z.object({
  Punktnummer: NumberOrText,
  Number: NumberOrText,
  Navn: Text,
  Caption: Text,
  SagsNummer: Text,
  CaseNumber: Text,
  /** Not to be trusted: Greve's portal says false for every item, open or closed. */
  IsOpen: Flag,
  Felter: z.array(FirstAgendaField).nullish(),
  Bilag: z.array(FirstAgendaAttachment).nullish(),
  ExternalAgendaItemAttendees: z.array(FirstAgendaAttendee).nullish(),
});

export const FirstAgendaMeeting = z.object({
  Id: Text,
  Udvalg: z.object({ Id: Text, Navn: Text }).nullish(),
  Moede: z
    .object({
      Dato: Text,
      MeetingBeginUtc: Text,
      MeetingEndUtc: Text,
      Sted: Text,
      Navn: Text,
      Moededeltagere: z.array(FirstAgendaParticipant).nullish(),
    })
    .nullish(),
  Dagsordenpunkter: z.array(FirstAgendaPoint),
});
export type FirstAgendaMeeting = z.infer<typeof FirstAgendaMeeting>;
export type FirstAgendaPoint = z.infer<typeof FirstAgendaPoint>;
export type FirstAgendaAttachment = z.infer<typeof FirstAgendaAttachment>;

/** A JSON object with the portal's list of agenda items: what tells the format from the bytes. */
const AGENDA_KEY = /"Dagsordenpunkter"\s*:/;

/** Whether a text is a FirstAgenda agenda JSON: a JSON object holding the portal's `Dagsordenpunkter`. */
export function isFirstAgendaJson(text: string): boolean {
  return /^\uFEFF?\s*\{/.test(text) && AGENDA_KEY.test(text);
}

/** The bytes of a FirstAgenda agenda JSON as the typed meeting; `corrupt` when it does not parse or fit. */
export function readFirstAgendaJson(bytes: Uint8Array): FirstAgendaMeeting {
  const text = new TextDecoder('utf-8').decode(bytes);
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new ExtractionError('corrupt', `the FirstAgenda JSON does not parse: ${(error as Error).message}`, {
      cause: error,
    });
  }
  const parsed = FirstAgendaMeeting.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ExtractionError(
      'corrupt',
      `the JSON is not a FirstAgenda agenda: ${issue?.path.join('.') || 'the document'}: ${issue?.message ?? 'invalid'}`,
    );
  }
  return parsed.data;
}
