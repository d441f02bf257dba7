import { ExtractionError } from './errors.ts';

/** Fewer letters than this per page means there is no usable text layer (a scan). */
const MIN_LETTERS_PER_PAGE = 40;
/** Below this share of letters among visible characters, the text layer is garbage. */
const MIN_LETTER_SHARE = 0.55;
/** Below this share of words with a vowel, the glyphs do not map to real text. */
const MIN_WORDLIKE_SHARE = 0.6;
/** A word is a run of at least this many letters. */
const MIN_WORD_LETTERS = 3;

/**
 * Refuses text that cannot be Danish minutes: too little text for the pages (image-only scans),
 * or a text layer of symbols and vowel-less strings (fonts without a usable Unicode map).
 */
export function assertReadableText(text: string, pages: number): void {
  const { letters, visible, words, wordlike } = countText(text);
  if (letters < MIN_LETTERS_PER_PAGE * Math.max(1, Math.min(pages, 3))) {
    throw new ExtractionError('needs-ocr', 'the document has no text layer; it needs OCR');
  }
  if (letters / visible < MIN_LETTER_SHARE || wordlike / Math.max(1, words) < MIN_WORDLIKE_SHARE) {
    throw new ExtractionError('needs-ocr', 'the text layer is unreadable (garbage glyphs); it needs OCR');
  }
}

interface TextCounts {
  /** Characters that are letters (\p{L}). */
  readonly letters: number;
  /** Characters that are not white space (\S). */
  readonly visible: number;
  /** Runs of MIN_WORD_LETTERS or more letters. */
  readonly words: number;
  /** Of those, the runs with a vowel. */
  readonly wordlike: number;
}

const LETTER = /\p{L}/u;
const SPACE = /\s/u;
const VOWEL = /[aeiouyæøåéAEIOUYÆØÅÉ]/;
const IS_LETTER = 1;
const IS_SPACE = 2;
const IS_VOWEL = 4;

/** A character's classes, as bits. */
function classify(char: string): number {
  return (
    (LETTER.test(char) ? IS_LETTER : 0) |
    (SPACE.test(char) ? IS_SPACE : 0) |
    (VOWEL.test(char) ? IS_VOWEL : 0)
  );
}

/** The classes of the characters up to the end of Latin Extended-B (Danish text is almost all of these), made once. */
const CLASSES = Uint8Array.from({ length: 0x250 }, (_, code) => classify(String.fromCharCode(code)));

/**
 * The counts in one pass over the code points, without an array of every letter (a document's
 * text is long): the common characters by a table, the others by the same classes.
 */
export function countText(text: string): TextCounts {
  let letters = 0;
  let visible = 0;
  let words = 0;
  let wordlike = 0;
  let run = 0;
  let runHasVowel = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    let classes = CLASSES[code];
    if (classes === undefined) {
      const point = text.codePointAt(i) as number;
      if (point > 0xffff) i++;
      classes = classify(String.fromCodePoint(point));
    }
    if ((classes & IS_SPACE) === 0) visible++;
    if ((classes & IS_LETTER) === 0) {
      if (run >= MIN_WORD_LETTERS) {
        words++;
        if (runHasVowel) wordlike++;
      }
      run = 0;
      runHasVowel = false;
      continue;
    }
    letters++;
    run++;
    if ((classes & IS_VOWEL) !== 0) runHasVowel = true;
  }
  if (run >= MIN_WORD_LETTERS) {
    words++;
    if (runHasVowel) wordlike++;
  }
  return { letters, visible, words, wordlike };
}
