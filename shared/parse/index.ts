import {
  type AgendaItem,
  closedItem,
  type MeetingDocument,
  MeetingDocument as MeetingDocumentSchema,
  type Section,
  type SourceInfo,
} from '#domain/meeting.ts';
import type { ExtractedText, Line } from '#extract/line.ts';
import { formatExplanation, mergeNotes, type Notes, note } from './explanation.ts';
import { findAgendaParts, underClosedPart } from './passes/agenda-parts.ts';
import { assessConfidence } from './passes/confidence.ts';
import { findContents } from './passes/contents.ts';
import { readDecisions } from './passes/decisions.ts';
import { findFurniture } from './passes/furniture.ts';
import { readHeader } from './passes/header.ts';
import { type ItemDraft, readItemContent } from './passes/item-content.ts';
import { chooseItemSequence, closingAfter, type ItemHeading } from './passes/item-sequence.ts';
import { findSectionLabels, type ItemRange } from './passes/section-labels.ts';
import { inferStyles, type StyledLine } from './passes/styles.ts';
import { readAttachmentOverview } from './passes/trailer.ts';
import { findTimes } from './read/dates.ts';
import { decisionHeading } from './read/decision-heading.ts';
import { forgetAnswers } from './read/memo.ts';
import { paragraphs } from './read/text.ts';
import { caseNumberOf, endsItems, meetingEnd } from './read/vocabulary.ts';

export interface ParsedMinutes {
  readonly document: MeetingDocument;
  /** What each input line was taken for, and why. */
  readonly notes: Notes;
  /** One line per pass: what it found for the document as a whole. */
  readonly summary: readonly string[];
}

/**
 * Lines -> the Meeting document, as a pipeline of passes that first learn the document's own
 * template (its furniture, styles, item headings and section labels) and then read it: header,
 * items, sections, decisions; validated by the domain schema before it leaves.
 */
export function parseMinutes(
  extracted: ExtractedText,
  source: Omit<SourceInfo, 'format' | 'pages'>,
): ParsedMinutes {
  forgetAnswers();
  const all = extracted.lines;
  const furniture = findFurniture(all, extracted.pageHeights);
  const keptIndexes = all.map((_, i) => i).filter((i) => !furniture.indexes.has(i));
  const styles = inferStyles(
    keptIndexes.map((i) => all[i] as Line),
    keptIndexes,
  );
  const lines = styles.lines;
  const contents = findContents(lines);
  const sequence = chooseItemSequence(lines, contents, styles.bodyStyle);
  const {
    ranges: itemRanges,
    headerEnd,
    trailerStart,
    preceding,
    layoutNotes,
  } = layout(lines, sequence.headings, contents.start);
  const firstStart = (sequence.headings[0]?.at ?? 0) - (preceding[0] ? 1 : 0);
  const parts = findAgendaParts(lines, firstStart, itemRanges, sequence.headings);
  const ranges = parts.ranges;
  // A part's heading read as an item's heading is none: the items are those the pass kept.
  const headings = parts.items.map((n) => sequence.headings[n] as ItemHeading);
  const labels = findSectionLabels(lines, ranges, styles.bodyStyle);
  const header = readHeader(
    lines.slice(0, headerEnd),
    [...furniture.indexes].map((i) => all[i] as Line),
    all,
  );
  const firstDecision = latestDatedDecision(lines);
  const body = header.info.body ?? firstDecision?.body ?? null;
  const date = header.info.date ?? firstDecision?.date ?? null;
  const kind = header.info.kind ?? 'minutes';
  const itemNotes: Notes = new Map();
  const drafts = headings.map((heading, n) =>
    underClosedPart(
      readItemContent(
        lines,
        heading,
        ranges[n]?.to ?? heading.at + heading.span,
        labels.labels,
        preceding[parts.items[n] ?? n] ?? null,
        itemNotes,
      ),
      parts.closed.get(n),
    ),
  );
  const emptyDecisions: string[] = [];
  const items = drafts.map((draft) => {
    const item = toItem(draft, { body, date }, kind === 'minutes', itemNotes);
    emptyDecisions.push(...item.empty.map((h) => `${item.item.number ?? item.item.title}: ${h}`));
    return item.item;
  });
  readAttachmentOverview(items, lines.slice(trailerStart));
  const quality = assessConfidence({
    items,
    kind,
    body,
    date,
    emptyDecisions,
    closedInDoubt: drafts
      .filter((d) => d.accessReason?.startsWith('title only'))
      .map((d) => String(d.number ?? d.title)),
  });
  const document = MeetingDocumentSchema.parse({
    source: { ...source, format: extracted.format, pages: extracted.pages },
    meeting: { ...header.info, body, date, kind, end: header.info.end ?? endTime(lines) },
    items,
    quality,
  });
  return {
    document,
    notes: mergeNotes(
      furniture.notes,
      contents.notes,
      layoutNotes,
      header.notes,
      sequence.notes,
      parts.notes,
      labels.notes,
      itemNotes,
    ),
    summary: [
      `furniture: ${furniture.indexes.size} lines`,
      `styles: body text ${styles.bodyStyle}, labels ${labels.labelStyle ?? 'none found'}`,
      `contents: ${contents.titles.length} entries`,
      `items: ${itemsSummary(sequence.description, sequence.headings.length - headings.length)}`,
      `header: body ${JSON.stringify(body)}, date ${date}`,
      `confidence ${quality.confidence}${quality.reasons.length ? `: ${quality.reasons.map((r) => r.message).join('; ')}` : ''}`,
    ],
  };
}

/** The sequence's description, and how many of its headings were over parts of the agenda instead. */
function itemsSummary(description: string, parts: number): string {
  if (parts === 0) return description;
  return `${description}; ${parts} of them ${parts === 1 ? 'a heading' : 'headings'} over a part of the agenda, not ${parts === 1 ? 'an item' : 'items'}`;
}

/** Lines -> the Meeting document. */
export function parseMeeting(
  extracted: ExtractedText,
  source: Omit<SourceInfo, 'format' | 'pages'>,
): MeetingDocument {
  return parseMinutes(extracted, source).document;
}

/** The explanation of a parse, one line per input line. */
export function explainMinutes(extracted: ExtractedText, parsed: ParsedMinutes): string {
  return formatExplanation(extracted.lines, parsed.notes, parsed.summary);
}

/**
 * Where the header ends, each item's lines, and where the trailer (signature page, attachment
 * overview, the meeting's end) begins. A case number standing right before a heading belongs
 * to that heading's item.
 */
function layout(
  lines: readonly StyledLine[],
  headings: readonly { at: number; span: number }[],
  contentsStart: number | null,
) {
  const layoutNotes: Notes = new Map();
  const first = headings[0]?.at ?? lines.length;
  const headerEnd = contentsStart !== null && contentsStart < first ? contentsStart : first;
  for (let i = headerEnd; i < first; i++)
    note(layoutNotes, lines[i]?.index ?? 0, 'contents', 'between the contents heading and the first item');
  const lastStart = headings.at(-1)?.at ?? lines.length;
  let trailerStart = Math.min(closingAfter(lines, lastStart), lines.length);
  for (let i = lastStart + 1; i < trailerStart; i++) {
    if (endsItems(lines[i]?.text ?? '')) {
      trailerStart = i;
      break;
    }
  }
  if (headings.length === 0) trailerStart = lines.length;
  for (let i = trailerStart; i < lines.length; i++)
    note(layoutNotes, lines[i]?.index ?? 0, 'trailer', 'after the last item');
  // Some templates print the case number on the line before the heading: the document shows
  // which, by where its bare case numbers stand more often.
  const bare = (line: StyledLine | undefined) =>
    line && caseNumberOf(line.text) === line.text.trim() ? line.text.trim() : null;
  // After a heading the case number may follow an access marker ("Åben sag" / "24/16905").
  const after = headings.filter((h) =>
    lines.slice(h.at + h.span, h.at + h.span + 3).some((l) => bare(l)),
  ).length;
  const before = headings.filter((h) => bare(lines[h.at - 1])).length;
  const leading = before > after;
  const preceding: (string | null)[] = [leading ? bare(lines[(headings[0]?.at ?? 0) - 1]) : null];
  const ranges: ItemRange[] = headings.map((h, n) => {
    const next = headings[n + 1]?.at ?? trailerStart;
    const own = leading && n + 1 < headings.length ? bare(lines[next - 1]) : null;
    preceding[n + 1] = own;
    return { from: h.at + h.span, to: own ? next - 1 : next };
  });
  return { ranges, headerEnd, trailerStart, preceding, layoutNotes };
}

function toItem(
  draft: ItemDraft,
  meeting: { body: string | null; date: string | null },
  minutes: boolean,
  notes: Notes,
): { item: AgendaItem; empty: string[] } {
  const base = {
    number: draft.number,
    title: draft.title,
    access: draft.access,
    caseNumber: draft.caseNumber,
    pages: draft.pages,
    summary: [],
  };
  if (draft.access === 'closed') {
    for (const line of [...draft.lead, ...draft.sections.flatMap((s) => s.lines)])
      note(notes, line.index, 'closed-content', 'a closed item shows its title only');
    return { item: closedItem(base), empty: [] };
  }
  const sections: Section[] = draft.sections.map((s) => {
    const parts = paragraphs(s.lines);
    return {
      heading: s.heading,
      kind: s.kind,
      text: parts.map((p) => p.text).join('\n'),
      page: s.page,
      pages: parts.map((p) => p.page),
    };
  });
  const decisions = readDecisions(draft.sections, sections, meeting, minutes, notes);
  const responsibleSection = sections.find((s) => s.heading === 'Sagsansvarlig' || s.heading === 'Ansvarlig');
  return {
    item: {
      ...base,
      responsible: draft.responsible ?? (responsibleSection?.text.trim() || null),
      lead: paragraphs(draft.lead)
        .map((p) => p.text)
        .join('\n'),
      sections,
      decision: decisions.decision,
      priorDecisions: decisions.priorDecisions,
      absent: decisions.absent,
      protocolNote: decisions.protocolNote,
      attachments: [...draft.attachments],
    },
    empty: decisions.empty,
  };
}

/** A document without a header (an item exported alone) takes body and date from its latest dated decision heading. */
function latestDatedDecision(lines: readonly StyledLine[]) {
  let latest: { body: string | null; date: string } | null = null;
  for (const line of lines) {
    const heading = decisionHeading(line.text);
    if (heading?.date && (!latest || heading.date >= latest.date))
      latest = { body: heading.body, date: heading.date };
  }
  return latest;
}

function endTime(lines: readonly Line[]): string | null {
  for (const line of lines) {
    const end = meetingEnd(line.text);
    if (end) return findTimes(end.time)[0] ?? null;
  }
  return null;
}
