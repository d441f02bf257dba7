import {
  type MeetingDocument,
  MeetingDocument as MeetingDocumentSchema,
  type SourceInfo,
} from '#domain/meeting.ts';
import type { ExtractedText, Line } from '#extract/line.ts';
import { readAttachments } from './attachments.ts';
import { findTimes } from './dates.ts';
import { decisionHeading } from './decision.ts';
import { readHeader } from './header.ts';
import { readItem } from './item.ts';
import { numberedTitle, segment } from './items.ts';
import { isAttachmentOverview, isClosingHeading, meetingEnd } from './vocabulary.ts';

/** Lines -> the Meeting document, validated by the domain schema before it leaves. */
export function parseMeeting(
  extracted: ExtractedText,
  source: Omit<SourceInfo, 'format' | 'pages'>,
): MeetingDocument {
  const layout = segment(extracted.lines);
  const header = readHeader(layout.header);
  const firstDecision = firstDatedDecision(extracted.lines);
  const body = header.body ?? firstDecision?.body ?? null;
  const date = header.date ?? firstDecision?.date ?? null;
  const items = layout.items.map((block) => readItem(block, { body, date }));
  attachOverview(items, layout.trailer);
  const document = {
    source: { ...source, format: extracted.format, pages: extracted.pages },
    meeting: {
      ...header,
      body,
      date,
      kind: header.kind ?? 'minutes',
      end: header.end ?? endTime(extracted.lines),
    },
    items,
  };
  return MeetingDocumentSchema.parse(document);
}

function firstDatedDecision(lines: readonly Line[]) {
  for (const line of lines) {
    const heading = decisionHeading(line.text);
    if (heading?.date) return heading;
  }
  return null;
}

function endTime(lines: readonly Line[]): string | null {
  for (const line of lines) {
    const end = meetingEnd(line.text);
    if (end) return findTimes(end.time)[0] ?? null;
  }
  return null;
}

/** The attachment overview ("Bilagsoversigt") lists attachments under their items' numbers. */
function attachOverview(items: MeetingDocument['items'], trailer: readonly Line[]): void {
  const start = trailer.findIndex((l) => isAttachmentOverview(l.text));
  if (start < 0) return;
  let current: MeetingDocument['items'][number] | undefined;
  let pending: string[] = [];
  const flush = () => {
    if (current && current.attachments.length === 0 && current.access === 'open') {
      current.attachments.push(...readAttachments(pending));
    }
    pending = [];
  };
  for (const line of trailer.slice(start + 1)) {
    if (isClosingHeading(line.text)) break;
    const numbered = numberedTitle(line.text);
    const owner =
      numbered && line.x <= (trailer[start]?.x ?? 0) + 2
        ? items.find((i) => i.number === numbered.number)
        : undefined;
    if (owner) {
      flush();
      current = owner;
    } else pending.push(line.text);
  }
  flush();
}
