import type { AgendaItem, Decision, PriorDecision, Section } from '#domain/meeting.ts';
import type { Line } from '#extract/line.ts';
import { readAttachments } from './attachments.ts';
import { classifyOutcome, type DecisionHeading, decisionHeading, isOwnBody, readVotes } from './decision.ts';
import { personNames } from './header.ts';
import type { ItemBlock } from './items.ts';
import { collapse, paragraphs } from './text.ts';
import {
  accessMarker,
  caseNumberLine,
  DECISION_HEADINGS,
  inlineSection,
  isAttachmentHeading,
  responsibleLine,
  sectionHeading,
} from './vocabulary.ts';

interface SectionDraft {
  readonly heading: string;
  readonly page: number;
  readonly decision: DecisionHeading | null;
  readonly lines: Line[];
}

export interface MeetingContext {
  readonly body: string | null;
  readonly date: string | null;
}

const ABSENT_LINE = /^(?:fraværende|afbud|fravær)\s*:\s*(.*)$/i;
const PROTOCOL_NOTE = /^protokol(?:tilførsel|bemærkning)\s*:?\s*(.*)$/i;
/** Standing items that may legitimately be empty. */
const OPEN_WITHOUT_CONTENT = /^(eventuelt|evt\.|meddelelser|orientering|godkendelse af dagsorden)/i;
const CLOSED_TITLE = /^(?:lukket(?:\s+(?:punkt|sag))?)(?:\s*[-–:]\s*|$)/i;

/** Reads one agenda item's content: access, case number, sections, decisions, attachments. */
export function readItem(block: ItemBlock, meeting: MeetingContext): AgendaItem {
  // Published minutes print a closed item's title and nothing else, often without a marker.
  const titleOnly = block.content.length === 0 && !OPEN_WITHOUT_CONTENT.test(block.title);
  let access: 'open' | 'closed' = CLOSED_TITLE.test(block.title) || titleOnly ? 'closed' : 'open';
  let caseNumber: string | null = null;
  let responsible: string | null = null;
  const sections: SectionDraft[] = [];
  const attachmentLines: string[] = [];
  let inAttachments = false;
  for (const line of block.content) {
    const text = line.text;
    const beforeSections = sections.length === 0;
    const marker = accessMarker(text);
    if (marker && beforeSections) {
      access = marker;
      continue;
    }
    const caseNo = caseNumberLine(text);
    if (caseNo && (beforeSections || /^sags/i.test(text))) {
      caseNumber ??= caseNo;
      continue;
    }
    const person = responsibleLine(text);
    if (person && beforeSections) {
      responsible ??= person;
      continue;
    }
    const opened = openSection(line);
    if (opened) {
      sections.push(opened);
      inAttachments = false;
      continue;
    }
    const attachmentsInline = /^bilag\s*:\s*(.+)$/i.exec(text);
    if (isAttachmentHeading(text) || attachmentsInline) {
      inAttachments = true;
      if (attachmentsInline?.[1]) attachmentLines.push(attachmentsInline[1]);
      continue;
    }
    if (inAttachments) attachmentLines.push(text);
    else sections.at(-1)?.lines.push(line);
  }
  const title = collapse(block.title.replace(CLOSED_TITLE, '')) || block.title;
  const pages = pageRange([block.heading, ...block.content]);
  if (access === 'closed') return closedItem(block, title, caseNumber, pages);
  const finished = sections.map(toSection);
  const { decision, priorDecisions, absent, protocolNote } = readDecisions(sections, finished, meeting);
  const responsibleSection = finished.find((s) => s.heading === 'Sagsansvarlig' || s.heading === 'Ansvarlig');
  return {
    number: block.number,
    title,
    access,
    caseNumber,
    responsible: responsible ?? (collapse(responsibleSection?.text ?? '') || null),
    pages,
    sections: finished,
    decision,
    priorDecisions,
    absent,
    protocolNote,
    attachments: readAttachments(attachmentLines),
    summary: [],
  };
}

function openSection(line: Line): SectionDraft | null {
  const decision = decisionHeading(line.text);
  if (decision) return { heading: decision.heading, page: line.page, decision, lines: [] };
  const heading = sectionHeading(line.text);
  if (heading) return { heading, page: line.page, decision: null, lines: [] };
  const inline = inlineSection(line.text);
  if (inline) {
    const [name, rest] = inline;
    return { heading: name, page: line.page, decision: null, lines: [{ ...line, text: rest }] };
  }
  return null;
}

function toSection(draft: SectionDraft): Section {
  const parts = paragraphs(draft.lines);
  return {
    heading: draft.heading,
    text: parts.map((p) => p.text).join('\n'),
    page: draft.page,
    pages: parts.map((p) => p.page),
  };
}

/** The decisions of the sections (drafts for their headings' meaning, finished for their text). */
function readDecisions(
  drafts: readonly SectionDraft[],
  sections: readonly Section[],
  meeting: MeetingContext,
) {
  const found: { own: boolean; body: string | null; decision: Decision }[] = [];
  const absent: string[] = [];
  let protocolNote: string | null = null;
  for (const [index, section] of sections.entries()) {
    if (!DECISION_HEADINGS.has(section.heading)) continue;
    const heading = drafts[index]?.decision ?? null;
    const kept: string[] = [];
    let inNote = false;
    for (const paragraph of section.text.split('\n').filter(Boolean)) {
      const away = ABSENT_LINE.exec(paragraph);
      const note = PROTOCOL_NOTE.exec(paragraph);
      if (away) absent.push(...personNames([away[1] ?? '']));
      else if (note || inNote) {
        protocolNote = collapse(`${protocolNote ?? ''} ${note ? (note[1] ?? '') : paragraph}`);
        inNote = true;
      } else kept.push(paragraph);
    }
    const text = kept.join('\n').trim();
    if (!text) continue;
    const body = heading?.body ?? null;
    found.push({
      own: isOwnBody(body, meeting.body),
      body,
      decision: {
        date: heading?.date ?? meeting.date,
        text,
        outcome: classifyOutcome(text),
        votes: readVotes(text),
        page: section.page,
      },
    });
  }
  const ownIndex = found.findLastIndex((f) => f.own);
  const decision = found[ownIndex]?.decision ?? null;
  const priorDecisions: PriorDecision[] = found
    .filter((_, i) => i !== ownIndex)
    .map((f) => ({ ...f.decision, body: f.body }));
  return { decision, priorDecisions, absent: [...new Set(absent)], protocolNote };
}

function pageRange(lines: readonly Line[]): { first: number; last: number } | null {
  if (lines.length === 0) return null;
  return { first: Math.min(...lines.map((l) => l.page)), last: Math.max(...lines.map((l) => l.page)) };
}

/** A closed item keeps its title and metadata only, never its content. */
function closedItem(
  block: ItemBlock,
  title: string,
  caseNumber: string | null,
  pages: AgendaItem['pages'],
): AgendaItem {
  return {
    number: block.number,
    title,
    access: 'closed',
    caseNumber,
    responsible: null,
    pages,
    sections: [],
    decision: null,
    priorDecisions: [],
    absent: [],
    protocolNote: null,
    attachments: [],
    summary: [],
  };
}
