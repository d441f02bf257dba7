import type { Attachment } from '#domain/meeting.ts';
import { type Notes, note } from '../explanation.ts';
import { readAttachments } from '../read/attachments.ts';
import type { DecisionHeading } from '../read/decision-heading.ts';
import { collapse, fold } from '../read/text.ts';
import {
  accessMarker,
  caseNumberOf,
  isDocumentNumberLine,
  mentionsClosure,
  responsibleOf,
  withoutClosure,
} from '../read/vocabulary.ts';
import { STANDING_ITEMS } from '../vocabulary/items.ts';
import type { SectionKind } from '../vocabulary/labels.ts';
import type { ItemHeading } from './item-sequence.ts';
import type { Label } from './section-labels.ts';
import type { StyledLine } from './styles.ts';

/** A section as found: its label and its lines, before its text and decision are read. */
export interface SectionDraft {
  readonly heading: string;
  readonly kind: SectionKind;
  readonly decision: DecisionHeading | null;
  readonly page: number;
  readonly lines: StyledLine[];
}

/** An item as found: everything but the reading of its decisions. */
export interface ItemDraft {
  readonly number: number | null;
  readonly title: string;
  readonly access: 'open' | 'closed';
  /** Why the item is closed, or why it is open though it could be closed; null for a plain open item. */
  readonly accessReason: string | null;
  readonly caseNumber: string | null;
  readonly responsible: string | null;
  readonly pages: { first: number; last: number } | null;
  /** Text before the first label. */
  readonly lead: readonly StyledLine[];
  readonly sections: readonly SectionDraft[];
  readonly attachments: readonly Attachment[];
}

const STANDING = new Set<string>(STANDING_ITEMS);
/** Points (characters in text) an entry may stand left of its list's first entry and still belong to it. */
const ATTACHMENT_INDENT_SLACK = 6;

/**
 * Reads one item's lines: access markers, case and document numbers and the responsible
 * officer before the first label, then one section per label (a run-in label's text opens its
 * section), attachment lists, and the text before any label. A closed item ("Lukket" in its
 * heading or title, or a closing marker on the lines after it) keeps its title, number and case
 * number only. An open-looking item printed with its title and nothing else is closed too: in
 * doubt, closed.
 */
export function readItemContent(
  lines: readonly StyledLine[],
  heading: ItemHeading,
  to: number,
  labels: ReadonlyMap<number, Label>,
  precedingCaseNumber: string | null,
  notes: Notes,
): ItemDraft {
  const from = heading.at + heading.span;
  let access: 'open' | 'closed' = 'open';
  let accessReason: string | null = null;
  // "Lukket: Køb af jord", or a title that is nothing but the marker ("Lukket", "Lukket punkt").
  if (mentionsClosure(heading.title) || accessMarker(heading.title) === 'closed') {
    access = 'closed';
    accessReason = 'closed in its title';
  }
  let caseNumber = precedingCaseNumber;
  let responsible: string | null = null;
  const lead: StyledLine[] = [];
  const sections: SectionDraft[] = [];
  const attachmentLines: StyledLine[][] = [];
  let inAttachments = false;
  for (let at = from; at < to; at++) {
    const line = lines[at] as StyledLine;
    const label = labels.get(at);
    if (label) {
      at += label.span - 1;
      inAttachments = label.kind === 'attachments';
      if (inAttachments) {
        attachmentLines.push([]);
        if (label.rest) attachmentLines.at(-1)?.push({ ...line, text: label.rest });
        continue;
      }
      const first = label.rest ? [{ ...line, text: label.rest, breakBefore: true }] : [];
      sections.push({
        heading: label.heading,
        kind: label.kind,
        decision: label.decision,
        page: line.page,
        lines: first,
      });
      continue;
    }
    const list = attachmentLines.at(-1);
    // A list ends where a line stands left of its entries: the item's text resumes there.
    if (inAttachments && list?.[0] && line.x < list[0].x - ATTACHMENT_INDENT_SLACK) inAttachments = false;
    if (inAttachments) {
      list?.push(line);
      continue;
    }
    if (sections.length === 0 && lead.length === 0) {
      const marker = accessMarker(line.text);
      if (marker) {
        note(notes, line.index, 'access', `${marker} item`);
        if (marker === 'closed' || access === 'open') {
          access = marker;
          accessReason = marker === 'closed' ? `closed by "${collapse(line.text)}"` : null;
        }
        continue;
      }
      const number = caseNumberOf(line.text);
      if (number) {
        caseNumber ??= number;
        note(notes, line.index, 'case-number', 'the case number');
        continue;
      }
      if (isDocumentNumberLine(line.text)) {
        note(notes, line.index, 'case-number', 'a document number');
        continue;
      }
      const person = responsibleOf(line.text);
      if (person) {
        responsible ??= person;
        note(notes, line.index, 'header-field', 'the responsible officer');
        continue;
      }
    }
    const current = sections.at(-1);
    if (current) current.lines.push(line);
    else lead.push(line);
  }
  const itemLines = lines.slice(heading.at, to);
  const pages = itemLines.length
    ? { first: Math.min(...itemLines.map((l) => l.page)), last: Math.max(...itemLines.map((l) => l.page)) }
    : null;
  const title = collapse(withoutClosure(heading.title)) || heading.title;
  const attachments: Attachment[] = [];
  for (const list of attachmentLines) {
    attachments.push(...readAttachments(list));
    for (const l of list) note(notes, l.index, 'attachment', 'attachment list');
  }
  const empty = lead.length === 0 && sections.every((s) => s.lines.length === 0) && attachments.length === 0;
  if (access === 'open' && empty && sections.length === 0 && !STANDING.has(fold(title))) {
    access = 'closed';
    accessReason = 'title only, nothing printed under it: taken as closed';
  }
  const dropped = sections.filter((s) => s.decision?.bare && s.lines.length === 0);
  return {
    number: heading.number,
    title,
    access,
    accessReason,
    caseNumber,
    responsible,
    pages,
    lead,
    sections: sections.filter((s) => !dropped.includes(s)),
    attachments,
  };
}
