/** Abbreviations after which a full stop does not end a Danish sentence. */
const ABBREVIATIONS = new Set([
  'd',
  'kr',
  'mio',
  'mia',
  'pkt',
  'bl.a',
  'f.eks',
  'jf',
  'ca',
  'nr',
  'mv',
  'm.v',
  'evt',
  'inkl',
  'ekskl',
  'vedr',
  'pga',
  'p.g.a',
  'ift',
  'ifm',
  'iht',
  'aht',
  'pt',
  'dvs',
  'etc',
  'mht',
  'osv',
  'o.l',
  'kl',
  'stk',
  'tlf',
  'jan',
  'feb',
  'mar',
  'apr',
  'jun',
  'jul',
  'aug',
  'sep',
  'sept',
  'okt',
  'nov',
  'dec',
  'hhv',
  'gns',
  'max',
  'min',
  'ref',
  'ang',
  'bilag',
  'kap',
  'afd',
  'att',
  'fx',
  'h.c',
  'dir',
  'sekr',
]);

export interface Sentence {
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

/**
 * Splits Danish text into sentences: at . ! ? followed by space and an upper-case letter or a
 * digit, except after abbreviations (d., kr., mio., bl.a., f.eks., jf., ...), so "d. 5. februar"
 * and "4 mio. kr. til" stay whole; and at line breaks, where list items and paragraphs end.
 */
export function splitSentences(text: string): Sentence[] {
  const sentences: Sentence[] = [];
  let start = 0;
  const push = (end: number) => {
    const raw = text.slice(start, end);
    const offset = raw.length - raw.trimStart().length;
    const trimmed = raw.trim();
    if (trimmed)
      sentences.push({ text: trimmed, start: start + offset, end: start + offset + trimmed.length });
    start = end;
  };
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (char === '\n') {
      push(i);
      continue;
    }
    if ((char === '.' || char === '!' || char === '?') && endsSentence(text, i)) push(i + 1);
  }
  push(text.length);
  return sentences;
}

function endsSentence(text: string, index: number): boolean {
  // A sentence ends only where the next one visibly starts (or the text ends).
  const next = text.slice(index + 1, index + 4);
  if (index + 1 < text.length && !/^\s+[\p{Lu}\d"»“(]/u.test(next)) return false;
  if (text[index] !== '.') return true;
  const word = /[\p{L}.]+$/u.exec(text.slice(Math.max(0, index - 12), index))?.[0] ?? '';
  return !ABBREVIATIONS.has(word.toLowerCase());
}
