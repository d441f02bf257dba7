import type { ExtractLimits } from '#config/limits.ts';
import { documentIdOfBytes } from '#domain/document.ts';
import type { MeetingDocument } from '#domain/meeting.ts';
import { ExtractionError, extractLines } from '#extract/index.ts';
import { explainMinutes, parseMinutes } from '#parse/index.ts';
import { summarise, textSections } from '#summarise/summarise.ts';

/**
 * Bytes of a minutes document -> the validated Meeting document, with each open item's
 * extractive summary: reading (extract), understanding (parse) and summarising composed here.
 * Throws ExtractionError, `not-minutes` when no agenda item is found.
 */
export async function extractMeeting(
  bytes: Uint8Array,
  file: string,
  limits: ExtractLimits,
): Promise<MeetingDocument> {
  const extracted = await extractLines(bytes, limits);
  const { document } = parseMinutes(extracted, { file, sha256: documentIdOfBytes(bytes) });
  if (!readsAsMinutes(document)) {
    // Nothing would be searchable, or only headings of something else (a book's chapters, a
    // web page's title): say so, rather than index it as a meeting.
    throw new ExtractionError(
      'not-minutes',
      'no agenda items were found: it is not minutes, or a layout the parser cannot read',
    );
  }
  return {
    ...document,
    items: document.items.map((item) => ({
      ...item,
      summary:
        item.access === 'open' ? summarise({ sections: textSections(item), decision: item.decision }) : [],
    })),
  };
}

/** What the parser took each line of a document for, and why (`extract FILE --explain`). */
export async function explainExtraction(
  bytes: Uint8Array,
  file: string,
  limits: ExtractLimits,
): Promise<string> {
  const extracted = await extractLines(bytes, limits);
  return explainMinutes(extracted, parseMinutes(extracted, { file, sha256: documentIdOfBytes(bytes) }));
}

/**
 * Minutes have items, and something only minutes have: a meeting's body or date in the header,
 * or items with labelled sections, decisions or case numbers.
 */
function readsAsMinutes({ meeting, items }: MeetingDocument): boolean {
  const structured = items.some((i) => i.sections.length > 0 || i.decision !== null || i.caseNumber !== null);
  return items.length > 0 && (meeting.body !== null || meeting.date !== null || structured);
}
