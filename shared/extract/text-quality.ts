import { ExtractionError } from './errors.ts';

/** Fewer letters than this per page means there is no usable text layer (a scan). */
const MIN_LETTERS_PER_PAGE = 40;
/** Below this share of letters among visible characters, the text layer is garbage. */
const MIN_LETTER_SHARE = 0.55;
/** Below this share of words with a vowel, the glyphs do not map to real text. */
const MIN_WORDLIKE_SHARE = 0.6;

/**
 * Refuses text that cannot be Danish minutes: too little text for the pages (image-only scans),
 * or a text layer of symbols and vowel-less strings (fonts without a usable Unicode map).
 */
export function assertReadableText(text: string, pages: number): void {
  const letters = text.match(/\p{L}/gu)?.length ?? 0;
  if (letters < MIN_LETTERS_PER_PAGE * Math.max(1, Math.min(pages, 3))) {
    throw new ExtractionError('needs-ocr', 'the document has no text layer; it needs OCR');
  }
  const visible = text.match(/\S/gu)?.length ?? 0;
  const words = text.match(/\p{L}{3,}/gu) ?? [];
  const wordlike = words.filter((w) => /[aeiouyæøåéAEIOUYÆØÅÉ]/.test(w)).length;
  if (letters / visible < MIN_LETTER_SHARE || wordlike / Math.max(1, words.length) < MIN_WORDLIKE_SHARE) {
    throw new ExtractionError('needs-ocr', 'the text layer is unreadable (garbage glyphs); it needs OCR');
  }
}
