/**
 * Generated minutes: a document in one drawn house style, rendered in its format, and whether
 * the extractor's reading of it round-trips.
 */
import { defaultLimits } from '#config/limits.ts';
import { extractMeeting } from '#ingest/extract-meeting.ts';
import { type GeneratedDocument, generateDocument } from './document.ts';
import { renderHtml } from './html.ts';
import { renderPdf } from './pdf.ts';
import { roundTrip } from './round-trip.ts';

export interface RoundTrip {
  readonly seed: number;
  readonly document: GeneratedDocument;
  /** The differences between the reading and the truth; empty when it round-trips. */
  readonly failures: readonly string[];
}

/** The document of a seed in its own format: PDF bytes, or an HTML page as UTF-8 bytes. */
export async function renderDocument(document: GeneratedDocument): Promise<Uint8Array> {
  return document.style.format === 'html'
    ? new TextEncoder().encode(renderHtml(document))
    : renderPdf(document);
}

/** Generates, renders and reads one document, and compares the reading with its truth. */
export async function roundTripSeed(seed: number): Promise<RoundTrip> {
  const document = generateDocument(seed);
  const bytes = await renderDocument(document);
  try {
    const read = await extractMeeting(bytes, `generated-${seed}.${document.style.format}`, defaultLimits);
    return { seed, document, failures: roundTrip(read, document.truth) };
  } catch (error) {
    return {
      seed,
      document,
      failures: [`not read: ${error instanceof Error ? error.message : String(error)}`],
    };
  }
}
