import {
  type MeetingDocument,
  MeetingDocument as MeetingDocumentSchema,
  type SourceInfo,
} from '#domain/meeting.ts';
import type { FirstAgendaMeeting } from '#extract/firstagenda.ts';
import { assessConfidence } from '../passes/confidence.ts';
import { forgetAnswers } from '../read/memo.ts';
import { type PortalItem, readPortalItem } from './item.ts';
import { readPortalMeeting } from './meeting.ts';
import { municipalityOfHost, portalOf } from './portal.ts';

/**
 * A FirstAgenda portal's meeting -> the Meeting document, the same as a PDF's: the meeting from
 * `Udvalg` and `Moede`, the municipality from the portal's host, the items from
 * `Dagsordenpunkter` in order (shared/parse/firstagenda/item.ts); minutes when an item carries a
 * decision or the meeting's name says so, else an agenda; the confidence as for any document.
 * With it, what was read from where, for the document and per item (`extract --explain`).
 */
export function parseFirstAgenda(
  agenda: FirstAgendaMeeting,
  source: Omit<SourceInfo, 'format' | 'pages'>,
): { readonly document: MeetingDocument; readonly explanation: readonly string[] } {
  forgetAnswers();
  const portal = portalOf(agenda, source.file);
  const municipality = municipalityOfHost(portal.host);
  const meeting = readPortalMeeting(agenda);
  const context = { origin: portal.origin, meeting: { body: meeting.body, date: meeting.date } };
  const read = agenda.Dagsordenpunkter.map((point) => readPortalItem(point, context));
  const kept = read.filter((r): r is PortalItem => r !== null);
  const items = kept.map((r) => r.item);
  const decided = items.some((i) => i.decision !== null);
  const kind = decided || meeting.namedKind === 'minutes' ? 'minutes' : 'agenda';
  const label = (r: PortalItem) => String(r.item.number ?? `"${r.item.title}"`);
  const quality = assessConfidence({
    items,
    kind,
    body: meeting.body,
    date: meeting.date,
    emptyDecisions:
      kind === 'minutes' ? kept.flatMap((r) => r.emptyDecisions.map((h) => `${label(r)}: ${h}`)) : [],
    closedInDoubt: kept.filter((r) => r.closedInDoubt).map(label),
  });
  const document = MeetingDocumentSchema.parse({
    source: { ...source, format: 'firstagenda-json', pages: 0 },
    meeting: {
      body: meeting.body,
      municipality,
      kind,
      date: meeting.date,
      start: meeting.start,
      end: meeting.end,
      location: meeting.location,
      members: meeting.members,
      absent: meeting.absent,
    },
    items,
    quality,
  });
  const closed = items.filter((i) => i.access === 'closed').length;
  const untitled = read.length - kept.length;
  return {
    document,
    explanation: [
      `# firstagenda-json: meeting ${agenda.Id ?? '(no id)'}; body ${JSON.stringify(meeting.body)} (Udvalg.Navn), date ${meeting.date} and start ${meeting.start} (Moede.Dato), end ${meeting.end} (Moede.MeetingEndUtc), location ${JSON.stringify(meeting.location)} (Moede.Sted), ${meeting.members.length} members with ${meeting.absent.length} absent (Moede.Moededeltagere)`,
      `# municipality ${JSON.stringify(municipality)}: ${portal.host ? `the portal ${portal.host}, from ${portal.from === 'key' ? 'the object key' : 'the items’ links'}` : 'no portal named in the key or the links'}`,
      `# kind ${kind}: ${decided ? 'items carry decisions' : 'no item carries a decision'}; Moede.Navn ${JSON.stringify(agenda.Moede?.Navn ?? null)}`,
      `# items: ${items.length} from Dagsordenpunkter (${closed} closed, ${items.filter((i) => i.decision).length} decisions${untitled ? `, ${untitled} without a title left out` : ''}); access by the title's closing marker, not IsOpen`,
      `# confidence ${quality.confidence}${quality.reasons.length ? `: ${quality.reasons.map((r) => r.message).join('; ')}` : ''}`,
      ...kept.map((r) => r.explanation),
    ],
  };
}
