import type { ExtractLimits } from '#config/limits.ts';
import { detectFormat } from './detect.ts';
import { ExtractionError } from './errors.ts';
import { isHtmlPage, readHtml } from './html.ts';
import type { ExtractedText } from './line.ts';
import { readPdf } from './pdf.ts';
import { readText } from './text.ts';

/** A text file with fewer letters than this cannot be minutes. */
const MIN_TEXT_LETTERS = 40;

/** Bytes -> lines, whatever the format (PDF, a portal's HTML page, text); refuses what it cannot read with a typed error. */
export async function extractLines(bytes: Uint8Array, limits: ExtractLimits): Promise<ExtractedText> {
  if (bytes.length > limits.maxBytes) {
    throw new ExtractionError('too-large', `${bytes.length} bytes exceeds the limit of ${limits.maxBytes}`);
  }
  if (detectFormat(bytes) === 'pdf') return readPdf(bytes, limits);
  const text = new TextDecoder('utf-8').decode(bytes);
  const extracted = isHtmlPage(text) ? readHtml(text) : readText(text);
  const letters = extracted.lines.reduce((n, line) => n + (line.text.match(/\p{L}/gu)?.length ?? 0), 0);
  if (letters < MIN_TEXT_LETTERS) {
    throw new ExtractionError('unsupported-format', 'the text file holds too little text to be minutes');
  }
  return extracted;
}

export { ExtractionError } from './errors.ts';
export type { ExtractedText, Line } from './line.ts';
