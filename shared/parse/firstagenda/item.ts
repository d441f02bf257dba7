import {
  type AgendaItem,
  closedItem,
  type Decision,
  type PriorDecision,
  type Section,
} from '#domain/meeting.ts';
import type { FirstAgendaPoint } from '#extract/firstagenda.ts';
import type { Line } from '#extract/line.ts';
import { isOwnBody } from '../passes/decisions.ts';
import { collapse } from '../read/text.ts';
import { accessMarker } from '../read/vocabulary.ts';
import { ABSENT_LINE } from '../vocabulary/decisions.ts';
import { readItemAccess } from './access.ts';
import { readPortalAttachments } from './attachments.ts';
import { decisionOf, isHistorySection, readDecisionText, readHistory } from './decisions.ts';
import { htmlLines, plainText } from './html-text.ts';
import { portalText } from './meeting.ts';
import { type HtmlSection, splitSections } from './sections.ts';

export interface ItemContext {
  /** The portal's address, for attachment links. */
  readonly origin: string | null;
  readonly meeting: { readonly body: string | null; readonly date: string | null };
}

/** One agenda item as read, and what to say about it. */
export interface PortalItem {
  readonly item: AgendaItem;
  /** How it was read, for `extract --explain`. */
  readonly explanation: string;
  /** Decision headings with no decision under them. */
  readonly emptyDecisions: readonly string[];
  readonly closedInDoubt: boolean;
}

/** "1", "12.", 7: an item's number; null for anything else ("3a"). */
export function itemNumber(value: string | number | null | undefined): number | null {
  const match = /^\s*(\d{1,4})\.?\s*$/.exec(String(value ?? ''));
  return match ? Number(match[1]) : null;
}

/**
 * The lines of an item's fields (`Felter`): each field's HTML, or its plain `Tekst` when it has
 * none, under the field's own name as a heading when it has one.
 */
export function fieldLines(point: Pick<FirstAgendaPoint, 'Felter'>): Line[] {
  return (point.Felter ?? []).flatMap((field) => {
    const name = portalText(field.Navn);
    const heading: Line[] = name ? [{ ...plainLine(name), level: 2, bold: true }] : [];
    const body = field.Html?.trim()
      ? htmlLines(field.Html)
      : (field.Tekst ?? '')
          .split(/\r?\n/)
          .map((text) => plainLine(plainText(text)))
          .filter((l) => l.text);
    return [...heading, ...body];
  });
}

function plainLine(text: string): Line {
  return { text, page: 1, x: 0, y: 0, size: 0, bold: false, italic: false, level: 0, breakBefore: true };
}

/** Who the portal lists as away for the item (`ExternalAgendaItemAttendees` with an absence as reason). */
function listedAbsent(point: Pick<FirstAgendaPoint, 'ExternalAgendaItemAttendees'>): string[] {
  return (point.ExternalAgendaItemAttendees ?? []).flatMap((attendee) => {
    const name = portalText(attendee.Name);
    return name && ABSENT_LINE.test(`${portalText(attendee.Reason) ?? ''}:`) ? [name] : [];
  });
}

type Found = { body: string | null; date: string | null; decision: Decision };

/** The last decision of the meeting's own body on its date; else, with no body or date known, the last. */
function ownDecision(found: readonly Found[], meeting: ItemContext['meeting']): number {
  const own = found.findLastIndex(
    (f) => isOwnBody(f.body, meeting.body) && (!f.date || !meeting.date || f.date === meeting.date),
  );
  return own >= 0 || meeting.body || meeting.date ? own : found.length - 1;
}

const describeSections = (sections: readonly Section[]) =>
  sections.map((s) => `${s.heading} (${s.kind})`).join(', ') || 'none';

/**
 * One `Dagsordenpunkter` entry as an agenda item: number, title and case number from its fields;
 * access by the closing marker (a closed item keeps its number, title and case number, and
 * nothing of its text is read); sections at the HTML's headings; the decision under a decision
 * heading, attendance lines and the portal's absent list as the item's absent; the history's
 * decisions of other bodies as prior decisions; attachments with their links. Null for an entry
 * without a title.
 */
export function readPortalItem(point: FirstAgendaPoint, context: ItemContext): PortalItem | null {
  const printedTitle = portalText(point.Navn) ?? portalText(point.Caption);
  if (!printedTitle) return null;
  const number = itemNumber(point.Punktnummer ?? point.Number);
  const caseNumber = portalText(point.SagsNummer) ?? portalText(point.CaseNumber);
  const lines = fieldLines(point);
  const access = readItemAccess(printedTitle, lines[0]?.text, lines.length > 0);
  const label = `item ${String(number ?? '-').padEnd(4)} ${access.access.padEnd(6)} ${access.title}`;
  const base = { number, title: access.title, caseNumber, pages: null };
  if (access.access === 'closed') {
    return {
      item: closedItem(base),
      explanation: `${label}  ← ${access.reason}; ${lines.length} line(s) of text and ${point.Bilag?.length ?? 0} attachment(s) not read`,
      emptyDecisions: [],
      closedInDoubt: access.inDoubt,
    };
  }
  // An "Åben sag" opening the text says what the item is, and is no part of it.
  const text = accessMarker(lines[0]?.text ?? '') === 'open' ? lines.slice(1) : lines;
  const split = splitSections(text);
  const found: Found[] = [];
  const prior: PriorDecision[] = [];
  const absent: string[] = [];
  const protocol: string[] = [];
  const emptyDecisions = split.empty.filter((s) => s.kind === 'decision').map((s) => s.heading);
  const sections: Section[] = [];
  for (const section of split.sections) {
    const read = readSection(section, context, found, prior);
    absent.push(...read.absent);
    protocol.push(...read.protocol);
    // A history holds decisions: the earlier bodies', like a PDF's "Beslutning i Økonomiudvalget".
    const kind = isHistorySection(section) ? 'decision' : section.kind;
    if (read.text) sections.push({ heading: section.heading, kind, text: read.text, page: null, pages: [] });
    else if (section.kind === 'decision') emptyDecisions.push(section.heading);
  }
  const own = ownDecision(found, context.meeting);
  const decision = found[own]?.decision ?? null;
  const priorDecisions = [
    ...found.filter((_, i) => i !== own).map((f) => ({ ...f.decision, body: f.body })),
    ...prior,
  ];
  const responsible = sections.find((s) => s.heading === 'Sagsansvarlig' || s.heading === 'Ansvarlig');
  const attachments = readPortalAttachments(point.Bilag, context.origin);
  const skipped = split.empty.map((s) => s.heading);
  return {
    item: {
      ...base,
      access: 'open',
      responsible: responsible?.text.split('\n')[0] ?? null,
      lead: split.lead.join('\n'),
      sections,
      decision,
      priorDecisions,
      absent: [...new Set([...absent, ...listedAbsent(point)])],
      protocolNote: protocol.length ? collapse(protocol.join(' ')) : null,
      attachments,
      summary: [],
    },
    explanation:
      `${label}  ← sections: ${describeSections(sections)}` +
      (skipped.length ? `; headings without text skipped: ${skipped.join(', ')}` : '') +
      `; decision: ${decision ? `${decision.outcome}${decision.votes ? ', with votes' : ''}` : 'none'}` +
      (priorDecisions.length ? `; ${priorDecisions.length} prior decision(s)` : '') +
      `; ${attachments.length} attachment(s)`,
    emptyDecisions,
    closedInDoubt: false,
  };
}

/**
 * A section's text: a decision section's decision (its attendance and protocol notes taken out,
 * the decision added to `found`), a history's earlier decisions (added to `prior`), else its lines.
 */
function readSection(
  section: HtmlSection,
  context: ItemContext,
  found: Found[],
  prior: PriorDecision[],
): { text: string; absent: string[]; protocol: string[] } {
  if (isHistorySection(section)) {
    const history = readHistory(section.lines, context.meeting);
    prior.push(...history.decisions);
    return { text: history.text, absent: [], protocol: [] };
  }
  if (section.kind !== 'decision') return { text: section.lines.join('\n'), absent: [], protocol: [] };
  const read = readDecisionText(section.lines);
  if (read.text) {
    const date = section.decision?.date ?? context.meeting.date;
    found.push({
      body: section.decision?.body ?? null,
      date: section.decision?.date ?? null,
      decision: decisionOf(read.text, date),
    });
  }
  return read;
}
