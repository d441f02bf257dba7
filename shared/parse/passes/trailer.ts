import type { AgendaItem } from '#domain/meeting.ts';
import { readAttachments } from '../read/attachments.ts';
import { readNumbering } from '../read/numbering.ts';
import { isAttachmentOverview, isClosingHeading } from '../read/vocabulary.ts';
import type { StyledLine } from './styles.ts';

/**
 * The attachment overview after the items ("Bilagsoversigt") lists attachments under their
 * items' numbers; an open item without an attachment list of its own takes them from there.
 */
export function readAttachmentOverview(items: AgendaItem[], trailer: readonly StyledLine[]): void {
  const start = trailer.findIndex((l) => isAttachmentOverview(l.text));
  if (start < 0) return;
  const left = trailer[start]?.x ?? 0;
  let current: AgendaItem | undefined;
  let pending: StyledLine[] = [];
  const flush = () => {
    if (current && current.attachments.length === 0 && current.access === 'open') {
      current.attachments.push(...readAttachments(pending));
    }
    pending = [];
  };
  for (const line of trailer.slice(start + 1)) {
    if (isClosingHeading(line.text)) break;
    const numbered = readNumbering(line.text);
    const owner =
      numbered && line.x <= left + 2 ? items.find((i) => i.number === numbered.number) : undefined;
    if (owner) {
      flush();
      current = owner;
    } else pending.push(line);
  }
  flush();
}

/** A row of rules to sign on, one run per signature: "__________  __________", "……………". */
const SIGNATURE_RULES = /^(?:(?:_{6,}|\.{8,}|…{3,})\s*)+$/u;
/** A heading over signatures is a short line, not the end of a sentence. */
const MAX_SIGNATURE_HEADING = 40;

/**
 * Where a signature page begins when its heading is none the vocabulary knows ("Godkendt af",
 * or no heading at all): it shows by its shape, rows of rules to sign on. It begins at the line
 * heading the first row, if that line is set apart (bold or larger, ending in a colon, or first
 * on its page), else at the row itself; `lines.length` when there is none after `from`.
 */
export function signaturesAfter(lines: readonly StyledLine[], from: number): number {
  const rule = lines.findIndex((l, i) => i > from && SIGNATURE_RULES.test(l.text.trim()));
  if (rule < 0) return lines.length;
  const heading = lines[rule - 1];
  return heading && rule - 1 > from && headsSignatures(heading, lines[rule - 2]) ? rule - 1 : rule;
}

function headsSignatures(line: StyledLine, previous: StyledLine | undefined): boolean {
  const text = line.text.trim();
  if (text.length > MAX_SIGNATURE_HEADING || /[.!?]$/.test(text)) return false;
  return line.prominence > 0 || text.endsWith(':') || line.page !== previous?.page;
}
