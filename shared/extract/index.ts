import type { ExtractLimits } from '#config/limits.ts';
import { type DetectedFormat, detectFormat } from './detect.ts';
import { ExtractionError } from './errors.ts';
import { type FirstAgendaMeeting, readFirstAgendaJson } from './firstagenda.ts';
import { isHtmlPage, readHtml } from './html.ts';
import type { ExtractedText } from './line.ts';
import { readPdf } from './pdf.ts';
import { readText } from './text.ts';

/** A text file with fewer letters than this cannot be minutes. */
const MIN_TEXT_LETTERS = 40;

/**
 * What a document is read into: lines for the parser (PDF, a portal's HTML page, text), or the
 * typed meeting of a FirstAgenda portal's agenda JSON, whose structure needs no parsing.
 */
export type ExtractedDocument =
  | { readonly format: 'lines'; readonly text: ExtractedText }
  | { readonly format: 'firstagenda-json'; readonly agenda: FirstAgendaMeeting };

/** Bytes -> lines or a portal's agenda, by what the bytes are; refuses what it cannot read with a typed error. */
export async function extractDocument(bytes: Uint8Array, limits: ExtractLimits): Promise<ExtractedDocument> {
  refuseTooLarge(bytes, limits);
  const format = detectFormat(bytes);
  if (format === 'firstagenda-json') return { format, agenda: readFirstAgendaJson(bytes) };
  return { format: 'lines', text: await readLines(bytes, format, limits) };
}

/** Bytes -> lines, whatever the format (PDF, a portal's HTML page, text); refuses what it cannot read with a typed error. */
export async function extractLines(bytes: Uint8Array, limits: ExtractLimits): Promise<ExtractedText> {
  refuseTooLarge(bytes, limits);
  return readLines(bytes, detectFormat(bytes), limits);
}

function refuseTooLarge(bytes: Uint8Array, limits: ExtractLimits): void {
  if (bytes.length > limits.maxBytes) {
    throw new ExtractionError('too-large', `${bytes.length} bytes exceeds the limit of ${limits.maxBytes}`);
  }
}

async function readLines(
  bytes: Uint8Array,
  format: DetectedFormat,
  limits: ExtractLimits,
): Promise<ExtractedText> {
  if (format === 'pdf') return readPdf(bytes, limits);
  const text = new TextDecoder('utf-8').decode(bytes);
  const extracted = isHtmlPage(text) ? readHtml(text) : readText(text);
  const letters = extracted.lines.reduce((n, line) => n + (line.text.match(/\p{L}/gu)?.length ?? 0), 0);
  if (letters < MIN_TEXT_LETTERS) {
    throw new ExtractionError('unsupported-format', 'the text file holds too little text to be minutes');
  }
  return extracted;
}

export { ExtractionError } from './errors.ts';
export type { FirstAgendaMeeting } from './firstagenda.ts';
export type { ExtractedText, Line } from './line.ts';
