import type { Attachment } from '#domain/meeting.ts';
import type { Line } from '#extract/line.ts';
import { collapse } from './text.ts';

/** "2012-208960 - Title": an eDoc document number, then the title. */
const DOCUMENT_ENTRY = /^(\d{4}[-–]\d{3,7}|\d{5,})\s*[-–]\s*(.+)$/u;
/** "Bilag 1: Title", "Bilag 2 - Title". */
const BILAG_ENTRY = /^bilag\s+(\d{1,3})\s*[:.)–-]\s*(.+)$/iu;
/** "1. Title", "1) Title", "- 1 Lukket", "1 Åben Bilag - Notat …", "1. (Lukket bilag)". */
const NUMBERED_ENTRY = /^[-•]?\s*(\d{1,3})(?!\d)\s*[.):]?\s*(?:[-–]\s*)?(?:(Åben|Lukket)\b\s*)?(.*)$/iu;
/** A case or document number at the end: "(40064/24)", "16864/25", "(dok.nr. 123456)". */
const REFERENCE = /\s*\(?(?:dok\.?\s*nr\.?\s*)?(\d+\/\d{2}|\d{5,})\)?\s*(?:\(\w*\))?\s*$/i;
const EMPTY_REFERENCE = /\s*\(\)\s*\(\)\s*$/;
/** "Åben Title", "Lukket Title": the access word some systems print before a title. */
const ACCESS_WORD = /^(?:åben|lukket)\s+/i;

/**
 * Reads an attachment list: numbered entries, "Bilag N:" entries, eDoc's "document number -
 * title" entries, and unnumbered entries one per paragraph; a line that opens no entry continues
 * the title before it.
 */
export function readAttachments(lines: readonly Line[]): Attachment[] {
  const attachments: Attachment[] = [];
  for (const line of lines) {
    const text = collapse(line.text.replace(/\t/g, ' '));
    if (!text) continue;
    const entry = entryOf(text);
    const previous = attachments.at(-1);
    if (entry) attachments.push(entry);
    else if (previous && (!line.breakBefore || !previous.title || /^[\p{Ll}(]/u.test(text)))
      attachments[attachments.length - 1] = extend(previous, text);
    else attachments.push(toAttachment(null, null, text, null));
  }
  return attachments.filter((a) => a.title.length > 0);
}

function entryOf(text: string): Attachment | null {
  const document = DOCUMENT_ENTRY.exec(text);
  if (document) return toAttachment(null, null, document[2] ?? '', document[1] ?? null);
  const bilag = BILAG_ENTRY.exec(text);
  if (bilag) return toAttachment(Number(bilag[1]), null, bilag[2] ?? '', null);
  const numbered = NUMBERED_ENTRY.exec(text);
  if (numbered) return toAttachment(Number(numbered[1]), numbered[2] ?? null, numbered[3] ?? '', null);
  return null;
}

function toAttachment(
  number: number | null,
  accessWord: string | null,
  rest: string,
  reference: string | null,
): Attachment {
  const found = reference ?? REFERENCE.exec(rest)?.[1] ?? null;
  const title = collapse(rest.replace(REFERENCE, '').replace(EMPTY_REFERENCE, '')).replace(
    /^\((.*)\)$/,
    '$1',
  );
  const closed = /lukket/i.test(accessWord ?? '') || /^lukket\b/i.test(title);
  return {
    number,
    title: title || (closed ? 'Lukket bilag' : ''),
    access: closed ? 'closed' : 'open',
    reference: found,
    link: null,
  };
}

/** A line after an entry: its title wrapped, its document number alone, or its title under an empty entry. */
function extend(attachment: Attachment, rest: string): Attachment {
  if (/^\d{5,}$/.test(rest)) return { ...attachment, reference: attachment.reference ?? rest };
  if (!attachment.title) {
    const next = toAttachment(attachment.number, null, rest.replace(ACCESS_WORD, ''), attachment.reference);
    return { ...next, access: /^lukket/i.test(rest) ? 'closed' : next.access };
  }
  const reference = REFERENCE.exec(rest)?.[1] ?? attachment.reference;
  const more = collapse(rest.replace(REFERENCE, '').replace(EMPTY_REFERENCE, ''));
  return { ...attachment, reference, title: collapse(`${attachment.title.replace(/-$/, '- ')} ${more}`) };
}
