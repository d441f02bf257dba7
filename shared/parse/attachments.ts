import type { Attachment } from '#domain/meeting.ts';
import { collapse } from './text.ts';

const ENTRY = /^[-•]?\s*(\d{1,3})\s*[.)]?\s*(?:-\s*)?(?:(Åben|Lukket)\b\s*)?(.*)$/iu;
const REFERENCE = /\s*\(?(\d+\/\d{2})\)?\s*(?:\(\w*\))?\s*$/;
const EMPTY_REFERENCE = /\s*\(\)\s*\(\)\s*$/;
const DOCUMENT_ID = /^\d{5,}\b\s*/;

/**
 * Reads an attachment list ("1 - Åben Titel (40064/24) (H)", "- 2 Lukket", "1. (Lukket bilag)").
 * Lines that do not open a new entry continue the previous title.
 */
export function readAttachments(lines: readonly string[]): Attachment[] {
  const result: Attachment[] = [];
  for (const raw of lines) {
    const line = collapse(raw.replace(/\t/g, ' '));
    if (!line) continue;
    const entry = ENTRY.exec(line);
    if (entry && !DOCUMENT_ID.test(line)) {
      result.push(toAttachment(Number(entry[1]), entry[2] ?? null, entry[3] ?? ''));
      continue;
    }
    const previous = result.at(-1);
    const rest = collapse(line.replace(DOCUMENT_ID, ''));
    if (previous && rest) result[result.length - 1] = extend(previous, rest);
  }
  return result.filter((a) => a.title.length > 0);
}

function toAttachment(number: number, accessWord: string | null, rest: string): Attachment {
  const reference = REFERENCE.exec(rest)?.[1] ?? null;
  const title = collapse(rest.replace(REFERENCE, '').replace(EMPTY_REFERENCE, '')).replace(
    /^\((.*)\)$/,
    '$1',
  );
  const closed = /lukket/i.test(accessWord ?? '') || /^lukket\b/i.test(title);
  return {
    number,
    title: title || (closed ? 'Lukket bilag' : ''),
    access: closed ? 'closed' : 'open',
    reference,
  };
}

function extend(attachment: Attachment, rest: string): Attachment {
  const reference = REFERENCE.exec(rest)?.[1] ?? attachment.reference;
  const more = collapse(rest.replace(REFERENCE, '').replace(EMPTY_REFERENCE, ''));
  return { ...attachment, reference, title: collapse(`${attachment.title.replace(/-$/, '- ')} ${more}`) };
}
