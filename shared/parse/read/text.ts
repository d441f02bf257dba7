import type { Line } from '#extract/line.ts';

/** Words that follow a dangling hyphen in Danish coordinations ("Børne- og Ungdomsudvalget"). */
const KEEP_HYPHEN_BEFORE = /^(og|eller|samt|til|&|,)\b/;

/** Joins wrapped lines into running text, undoing end-of-line hyphenation ("økono- misk"). */
export function joinLines(lines: readonly string[]): string {
  let text = '';
  for (const raw of lines) {
    const line = raw.trim();
    if (!line) continue;
    // Only the tail can hold a hyphenated fragment; matching the whole text would be quadratic.
    const fragment = text.endsWith('-') ? (/(\S*)-$/u.exec(text.slice(-64))?.[1] ?? '') : '';
    const hyphenated =
      /[\p{L}\d]$/u.test(fragment) && /^\p{Ll}/u.test(line) && !KEEP_HYPHEN_BEFORE.test(line);
    if (hyphenated && keepsHyphen(fragment)) text += line;
    else if (hyphenated) text = text.slice(0, -1) + line;
    else text = text ? `${text} ${line}` : line;
  }
  return collapse(text);
}

/** "it-systemet", "HR-strategien", "2025-priser": the hyphen belongs to the word. */
function keepsHyphen(fragment: string): boolean {
  const word = /[\p{L}\d]+$/u.exec(fragment)?.[0] ?? '';
  return (
    word.length <= 2 || word === word.toLocaleUpperCase('da') || /\d/.test(word) || fragment.includes('-')
  );
}

/** Spacing that collapsing changes: a run of spaces, or any other kind of space. */
const UNEVEN_SPACE = /\s\s|[^\S ]/;

export function collapse(text: string): string {
  // Most lines are evenly spaced already; testing is cheaper than rewriting.
  return UNEVEN_SPACE.test(text) ? text.replace(/[\s\u00a0]+/g, ' ').trim() : text.trim();
}

/** Case, spacing and a trailing colon folded away: how labels and markers are compared. */
export function fold(text: string): string {
  // Danish needs no locale-specific case mapping; toLowerCase is many times faster.
  return collapse(text.toLowerCase()).replace(/\s*:$/, '');
}

export interface Paragraph<L extends Line = Line> {
  readonly text: string;
  /** The page the paragraph starts on. */
  readonly page: number;
  readonly lines: readonly L[];
}

/** Paragraphs of a run of lines, split where a line starts a paragraph or opens a list entry. */
export function paragraphs<L extends Line>(lines: readonly L[]): Paragraph<L>[] {
  const groups: L[][] = [];
  for (const line of lines) {
    const last = groups.at(-1);
    if (!last || line.breakBefore || /^[-•–*]\s|^\d+[.)]\s|^[a-zæøå]\)\s/.test(line.text))
      groups.push([line]);
    else last.push(line);
  }
  return groups
    .map((group) => ({ text: joinLines(group.map((l) => l.text)), page: group[0]?.page ?? 1, lines: group }))
    .filter((p) => p.text);
}

/** "E G H O LT K O M M U N E" -> "EGHOLTKOMMUNE" when a line is letter-spaced. */
export function despaced(text: string): string {
  return text.replace(/\s+/g, '');
}

export function titleCase(word: string): string {
  const lower = word.toLocaleLowerCase('da');
  return lower.charAt(0).toLocaleUpperCase('da') + lower.slice(1);
}

/**
 * "SAGSFREMSTILLING" -> "Sagsfremstilling", "KULTUR- OG FRITIDSUDVALGET" -> "Kultur- og
 * Fritidsudvalget": the first word capitalised, and each part of a coordination ("Kultur- og
 * Fritids…") as Danish writes a committee's name; mixed case stays as written.
 */
export function sentenceCase(text: string): string {
  if (text !== text.toLocaleUpperCase('da')) return text;
  const words = text.split(' ');
  return words
    .map((word, i) => {
      const before = words[i - 1] ?? '';
      const joiner = /^(og|eller)$/i.test(word);
      const coordinated =
        (!joiner && /-,?$/.test(before)) || (/^(og|eller)$/i.test(before) && /-,?$/.test(words[i - 2] ?? ''));
      return i === 0 || coordinated ? titleCase(word) : word.toLocaleLowerCase('da');
    })
    .join(' ');
}

/** A vocabulary phrase as a regular expression source: literal, any spacing between its words. */
export function phrasePattern(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&').replace(/ /g, '\\s*');
}
