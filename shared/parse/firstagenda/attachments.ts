import type { Attachment } from '#domain/meeting.ts';
import type { FirstAgendaAttachment } from '#extract/firstagenda.ts';
import { mentionsClosure, withoutClosure } from '../read/vocabulary.ts';
import { plainText } from './html-text.ts';

/** "Bilag 1 - Valgdistrikter", "Bilag 2: …": the number an attachment's name gives it ("Bilag 4.3-…" gives none). */
const NUMBERED = /^bilag\s+(\d{1,3})(?![.,]?\d)\s*[:.)–-]\s*(\S.*)$/iu;

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The portal's link to an attachment's document: `<portal>/Vis/Pdf/bilag/<id>`, the address the
 * portal gives its items' own documents; null without a portal, an id, or a PDF version.
 */
export function attachmentLink(origin: string | null, attachment: FirstAgendaAttachment): string | null {
  const id = attachment.Id?.trim() ?? '';
  const hasPdf = attachment.HarPdfVersion !== false && attachment.HarPdfVersion !== 'false';
  return origin && GUID.test(id) && hasPdf ? `${origin}/Vis/Pdf/bilag/${id}` : null;
}

/**
 * An item's attachments (`Bilag`) in the portal's order: each name as its title (a "Bilag N"
 * prefix as its number), a closing marker in the name making it closed and linkless, and the
 * portal's link to it.
 */
export function readPortalAttachments(
  attachments: readonly FirstAgendaAttachment[] | null | undefined,
  origin: string | null,
): Attachment[] {
  return (attachments ?? []).flatMap((attachment) => {
    const name = plainText(attachment.Navn ?? '');
    if (!name) return [];
    const numbered = NUMBERED.exec(name);
    const closed = mentionsClosure(name);
    const title = withoutClosure(numbered?.[2] ?? name);
    return [
      {
        number: numbered ? Number(numbered[1]) : null,
        title,
        access: closed ? 'closed' : 'open',
        reference: null,
        link: closed ? null : attachmentLink(origin, attachment),
      } satisfies Attachment,
    ];
  });
}
