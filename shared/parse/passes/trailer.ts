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
