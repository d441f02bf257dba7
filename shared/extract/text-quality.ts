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

/**
 * The counts in one pass over the code points, without an array of every letter (a document's
 * text is long): ASCII is classified by its code, other characters by the same classes as before.
 */
export function countText(text: string): TextCounts {
  let letters = 0;
  let visible = 0;
  let words = 0;
  let wordlike = 0;
  let run = 0;
  let runHasVowel = false;
  const endRun = () => {
    if (run >= MIN_WORD_LETTERS) {
      words++;
      if (runHasVowel) wordlike++;
    }
    run = 0;
    runHasVowel = false;
  };
  for (const char of text) {
    const code = char.charCodeAt(0);
    const letter = code < 0x80 ? isAsciiLetter(code) : LETTER.test(char);
    const space = code < 0x80 ? isAsciiSpace(code) : SPACE.test(char);
    if (!space) visible++;
    if (!letter) {
      endRun();
      continue;
    }
    letters++;
    run++;
    if (!runHasVowel && VOWEL.test(char)) runHasVowel = true;
  }
  endRun();
  return { letters, visible, words, wordlike };
}

function isAsciiLetter(code: number): boolean {
  return (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
}

/** \s among ASCII: tab, line feed, vertical tab, form feed, carriage return, space. */
function isAsciiSpace(code: number): boolean {
  return (code >= 0x09 && code <= 0x0d) || code === 0x20;
}
