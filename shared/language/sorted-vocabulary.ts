/**
 * A word list in a compact, binary-searchable form: the sorted distinct words as Latin-1 bytes
 * (every letter the vocabulary allows, a-z æ ø å é ü, is one byte there, and byte order is then
 * JavaScript's string order) with the offset of each. Loading it is one file read: no Set is
 * built and no word becomes a string until asked for (building a Set of the 100,000 words took
 * 45-65 ms, splitting them into strings 25-80 ms; see docs/benchmarks.md).
 *
 * Layout, little-endian 32-bit words: format, the shortest word's length the list was made for,
 * word count n; for each two-letter beginning (first byte x 256 + second), the first word that
 * begins with it or later (65,537 words: the first two steps of every search are a table read,
 * not 34 comparisons of interpreted code in a fresh process); n + 1 offsets into the text; then
 * the text, the words joined by '\n' (offset n is the text's length + 1). Whether the words are
 * still the dictionary's is for a test to say (test/unit/language-data.test.ts): checking the
 * 3.7 MB dictionary here would cost what the compact form saves.
 */
const FORMAT = 2;
const HEADER_WORDS = 3;
const PAIRS = 256 * 256;

export class VocabularyEncodingError extends Error {
  constructor(word: string, minLength: number) {
    super(
      `"${word}" cannot be in the compact vocabulary: it holds words of ${minLength} or more Latin-1 letters`,
    );
    this.name = 'VocabularyEncodingError';
  }
}

export class SortedVocabulary {
  private readonly text: Uint8Array;
  private readonly offsets: Uint32Array;
  private readonly pairStarts: Uint32Array;

  private constructor(text: Uint8Array, offsets: Uint32Array, pairStarts: Uint32Array) {
    this.text = text;
    this.offsets = offsets;
    this.pairStarts = pairStarts;
  }

  /** The bytes of the compact form: the distinct words, sorted, none shorter than `minLength` (2 or more). */
  static encode(words: Iterable<string>, minLength: number): Uint8Array {
    if (minLength < 2)
      throw new RangeError(`the compact vocabulary holds words of 2 or more letters, not ${minLength}`);
    const sorted = [...new Set(words)].sort();
    for (const word of sorted) {
      if (!isLatin1Word(word) || word.length < minLength) throw new VocabularyEncodingError(word, minLength);
    }
    const header = new Uint32Array(HEADER_WORDS + PAIRS + 1 + sorted.length + 1);
    header.set([FORMAT, minLength, sorted.length]);
    let k = 0;
    for (let pair = 0; pair <= PAIRS; pair++) {
      while (k < sorted.length && pairOf(sorted[k] as string) < pair) k++;
      header[HEADER_WORDS + pair] = k;
    }
    const offsetsStart = HEADER_WORDS + PAIRS + 1;
    let offset = 0;
    sorted.forEach((word, i) => {
      header[offsetsStart + i] = offset;
      offset += word.length + 1;
    });
    header[offsetsStart + sorted.length] = offset;
    return Buffer.concat([Buffer.from(header.buffer), Buffer.from(sorted.join('\n'), 'latin1')]);
  }

  /** The list in `bytes`, or undefined when they are not this format or not made for `minLength`. */
  static decode(bytes: Uint8Array, minLength: number): SortedVocabulary | undefined {
    if (bytes.byteLength < HEADER_WORDS * 4) return undefined;
    // A typed array view needs an aligned start; Node's file buffers of this size are, a pooled one may not be.
    const aligned = bytes.byteOffset % 4 === 0 ? bytes : new Uint8Array(bytes);
    const header = new Uint32Array(aligned.buffer, aligned.byteOffset, HEADER_WORDS);
    const [format, madeFor, count = 0] = header;
    if (format !== FORMAT || madeFor !== minLength) return undefined;
    const offsetsStart = HEADER_WORDS + PAIRS + 1;
    const textStart = (offsetsStart + count + 1) * 4;
    if (aligned.byteLength < textStart) return undefined;
    const word = (at: number, length: number) =>
      new Uint32Array(aligned.buffer, aligned.byteOffset + at * 4, length);
    const offsets = word(offsetsStart, count + 1);
    const text = aligned.subarray(textStart);
    if (offsets[count] !== text.byteLength + 1) return undefined;
    return new SortedVocabulary(text, offsets, word(HEADER_WORDS, PAIRS + 1));
  }

  /** The list of `words` in memory, as decoding its compact form would give it. */
  static of(words: Iterable<string>, minLength: number): SortedVocabulary {
    return SortedVocabulary.decode(SortedVocabulary.encode(words, minLength), minLength) as SortedVocabulary;
  }

  get size(): number {
    return this.offsets.length - 1;
  }

  has(word: string): boolean {
    const at = this.lowerBound(word);
    return at < this.size && this.compare(at, word) === 0;
  }

  /** The first word not before `text` in code-unit order. */
  wordFrom(text: string): string | undefined {
    const at = this.lowerBound(text);
    return at < this.size ? this.wordAt(at) : undefined;
  }

  /**
   * The lengths of the words that begin at `start` in `word`, shortest first, none longer than
   * `maxLength`: the words sharing each longer prefix are a narrower range of the sorted list,
   * so one walk finds them all.
   */
  lengthsAt(word: string, start: number, maxLength: number): number[] {
    const lengths: number[] = [];
    // No word is shorter than two letters, and a letter outside Latin-1 begins none.
    if (maxLength < 2 || start + 2 > word.length) return lengths;
    const first = word.charCodeAt(start);
    const second = word.charCodeAt(start + 1);
    if (first > 0xff || second > 0xff) return lengths;
    const pair = (first << 8) | second;
    let low = this.pairStarts[pair] as number;
    let high = this.pairStarts[pair + 1] as number;
    if (low < high && this.lengthOf(low) === 2) lengths.push(2);
    for (let j = 2; low < high && j < maxLength && start + j < word.length; j++) {
      const code = word.charCodeAt(start + j);
      low = this.firstWithCodeAtLeast(low, high, j, code);
      high = this.firstWithCodeAtLeast(low, high, j, code + 1);
      // The prefix itself, when it is a word, sorts first among the words that begin with it.
      if (low < high && this.lengthOf(low) === j + 1) lengths.push(j + 1);
    }
    return lengths;
  }

  /** Every word, sorted, as strings (made on the first call). */
  words(): readonly string[] {
    this.materialised ??= Buffer.from(this.text.buffer, this.text.byteOffset, this.text.byteLength)
      .toString('latin1')
      .split('\n');
    return this.materialised;
  }

  private materialised: readonly string[] | undefined;

  private wordAt(k: number): string {
    const start = this.offsets[k] as number;
    return Buffer.from(this.text.buffer, this.text.byteOffset + start, this.lengthOf(k)).toString('latin1');
  }

  private lengthOf(k: number): number {
    return (this.offsets[k + 1] as number) - (this.offsets[k] as number) - 1;
  }

  /**
   * In [low, high), where the words share their first j letters, the first whose letter j is
   * `code` or later (past a word's end counts as -1: a shorter word sorts first). Written out
   * rather than through helpers: a fresh process runs it interpreted, where calls cost most.
   */
  private firstWithCodeAtLeast(low: number, high: number, j: number, code: number): number {
    const { offsets, text } = this;
    while (low < high) {
      const middle = (low + high) >> 1;
      const at = (offsets[middle] as number) + j;
      const letter = at < (offsets[middle + 1] as number) - 1 ? (text[at] as number) : -1;
      if (letter < code) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  private lowerBound(text: string): number {
    let low = 0;
    let high = this.size;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (this.compare(middle, text) < 0) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  /** Word k against `text` in code-unit order: negative, zero or positive. */
  private compare(k: number, text: string): number {
    const start = this.offsets[k] as number;
    const length = this.lengthOf(k);
    const shared = Math.min(length, text.length);
    for (let i = 0; i < shared; i++) {
      const difference = (this.text[start + i] as number) - text.charCodeAt(i);
      if (difference !== 0) return difference;
    }
    return length - text.length;
  }
}

/** A word's first two letters as one number, the index of the two-letter table. */
function pairOf(word: string): number {
  return (word.charCodeAt(0) << 8) | word.charCodeAt(1);
}

/** Letters Latin-1 holds as one byte each, and no newline (the separator). */
function isLatin1Word(word: string): boolean {
  for (let i = 0; i < word.length; i++) {
    const code = word.charCodeAt(i);
    if (code > 0xff || code === 0x0a) return false;
  }
  return true;
}
