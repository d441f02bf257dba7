import type { ExtractLimits } from '#config/limits.ts';
import { documentIdOfBytes } from '#domain/document.ts';
import type { MeetingDocument } from '#domain/meeting.ts';
import { ExtractionError, extractDocument } from '#extract/index.ts';
import { displayBodyName } from '#language/body-names.ts';
import { explainMinutes, parseMinutes } from '#parse/index.ts';
import { summarise, textSections } from '#summarise/summarise.ts';

/**
 * Bytes of a minutes document -> the validated Meeting document, with each open item's
 * extractive summary: reading (extract), understanding (parse: the passes for lines, the portal
 * reader for a FirstAgenda agenda JSON) and summarising composed here, and the body shown as
 * people write it (without an election term: "Byråd 2022-2025" -> "Byråd") for every format.
 * Throws ExtractionError, `not-minutes` when no agenda item is found.
 */
export async function extractMeeting(
  bytes: Uint8Array,
  file: string,
  limits: ExtractLimits,
): Promise<MeetingDocument> {
  const { document } = await readDocument(bytes, file, limits);
  if (!readsAsMinutes(document)) {
    // Nothing would be searchable, or only headings of something else (a book's chapters, a
    // web page's title): say so, rather than index it as a meeting.
    throw new ExtractionError(
      'not-minutes',
      'no agenda items were found: it is not minutes, or a layout the parser cannot read',
    );
  }
  const body = document.meeting.body === null ? null : displayBodyName(document.meeting.body);
  return {
    ...document,
    meeting: { ...document.meeting, body },
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
  return (await readDocument(bytes, file, limits)).explain();
}

async function readDocument(
  bytes: Uint8Array,
  file: string,
  limits: ExtractLimits,
): Promise<{ document: MeetingDocument; explain: () => string }> {
  const source = { file, sha256: documentIdOfBytes(bytes) };
  const extracted = await extractDocument(bytes, limits);
  if (extracted.format === 'firstagenda-json') {
    // The portal's reader loads with the first portal JSON: a worker reading PDFs never needs it.
    const { parseFirstAgenda } = await import('#parse/firstagenda/index.ts');
    const parsed = parseFirstAgenda(extracted.agenda, source);
    return { document: parsed.document, explain: () => parsed.explanation.join('\n') };
  }
  const parsed = parseMinutes(extracted.text, source);
  return { document: parsed.document, explain: () => explainMinutes(extracted.text, parsed) };
}

/**
 * Minutes have items, and something only minutes have: a meeting's body or date in the header,
 * or items with labelled sections, decisions or case numbers.
 */
function readsAsMinutes({ meeting, items }: MeetingDocument): boolean {
  const structured = items.some((i) => i.sections.length > 0 || i.decision !== null || i.caseNumber !== null);
  return items.length > 0 && (meeting.body !== null || meeting.date !== null || structured);
}
