import { createHash } from 'node:crypto';
import type { ExtractLimits } from '#config/limits.ts';
import type { MeetingDocument } from '#domain/meeting.ts';
import { extractLines } from '#extract/index.ts';
import { explainMinutes, parseMinutes } from '#parse/index.ts';
import { summarise, textSections } from '#summarise/summarise.ts';

/**
 * Bytes of a minutes document -> the validated Meeting document, with each open item's
 * extractive summary: reading (extract), understanding (parse) and summarising composed here.
 * Throws ExtractionError.
 */
export async function extractMeeting(
  bytes: Uint8Array,
  file: string,
  limits: ExtractLimits,
): Promise<MeetingDocument> {
  const extracted = await extractLines(bytes, limits);
  const { document } = parseMinutes(extracted, { file, sha256: sha256(bytes) });
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
  return explainMinutes(extracted, parseMinutes(extracted, { file, sha256: sha256(bytes) }));
}

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}
