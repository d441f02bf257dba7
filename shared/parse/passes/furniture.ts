import type { Line } from '#extract/line.ts';
import { type Notes, note } from '../explanation.ts';
import { decisionHeading } from '../read/decision-heading.ts';
import { readNumbering } from '../read/numbering.ts';
import { phrasePattern } from '../read/text.ts';
import { accessMarker, caseNumberOf, knownLabel } from '../read/vocabulary.ts';
import { PAGE_WORDS, WEB_CHROME } from '../vocabulary/furniture.ts';

/** A running line recurs on at least this share of the pages (a heading that happens to open two pages does not). */
const MIN_PAGE_SHARE = 0.4;
/** A running line set in the body text's font and size recurs on at least this share of the pages. */
const BODY_PAGE_SHARE = 0.6;
/** Points a running line may move between pages. */
const Y_TOLERANCE = 4;
/** Text set smaller than this share of the body text is not meant to be read (hidden dates, tags). */
const TINY_SHARE = 0.45;
/** A page's margin: running lines stand within this share of the page's height from its edge. */
const MARGIN_SHARE = 0.15;

export interface Furniture {
  /** Indexes of lines that are no part of the minutes. */
  readonly indexes: ReadonlySet<number>;
  readonly notes: Notes;
}

/** Chrome phrases, longest first, so "Kopier link til punktet" goes before "Kopier link". */
const CHROME = new RegExp(
  `(?:^|\\s)(?:${[...WEB_CHROME]
    .sort((a, b) => b.length - a.length)
    .map(phrasePattern)
    .join('|')})(?=\\s|[.!]?$)`,
  'giu',
);

/** A line made of web chrome alone: "Til toppen", "Til toppen Udskriv", "Kopier link til punktet". */
function isChrome(text: string): boolean {
  const rest = text.replace(CHROME, ' ').replace(/[\s|·•.!]+/gu, '');
  return rest.length === 0 && text.trim().length > 0;
}
const PAGE_MARK = new RegExp(
  `^(?:-\\s*)?(?:(?:${PAGE_WORDS.map((w) => w.replace('.', '\\.')).join('|')})\\s*)?(\\d{1,4})(?:\\s*(?:af|of|/)\\s*(\\d{1,4}))?(?:\\s*-)?$`,
  'i',
);

/**
 * Finds page furniture by repetition, not by a list: the lines at a page's top or bottom whose
 * shape (digits folded) recurs at the same height on many pages, however many lines deep the
 * band is; page marks at a page's edge; text too small to read; and the chrome of web pages.
 */
export function findFurniture(lines: readonly Line[], pageHeights: readonly number[] = []): Furniture {
  const indexes = new Set<number>();
  const notes: Notes = new Map();
  const take = (index: number, reason: string) => {
    indexes.add(index);
    note(notes, index, 'furniture', reason);
  };
  const bodySize = dominantSize(lines);
  for (const [index, line] of lines.entries()) {
    if (line.size > 0 && bodySize > 0 && line.size < bodySize * TINY_SHARE)
      take(index, 'text too small to be read');
    else if (isChrome(line.text)) take(index, 'web page chrome');
  }
  const pages = byPage(lines);
  const recurrence = recurrenceOf(lines, pages, pageHeights);
  // A running line set like the body text must recur on most pages: two pages that happen to
  // hold a vote line at one height make no running line.
  const needed = (line: Line) =>
    Math.max(
      line.size === bodySize ? 3 : 2,
      Math.ceil(pages.size * (line.size === bodySize ? BODY_PAGE_SHARE : MIN_PAGE_SHARE)),
    );
  const recurring = (line: Line, index: number) =>
    pages.size >= 2 && (recurrence.get(index) ?? 0) >= needed(line) && !isStructure(line, bodySize);
  for (const members of pages.values()) {
    const open = members.filter((i) => !indexes.has(i));
    for (const band of [open, [...open].reverse()]) {
      for (const [n, i] of band.entries()) {
        const line = lines[i] as Line;
        if (recurring(line, i))
          take(i, `recurs at this height on ${recurrence.get(i)} of ${pages.size} pages`);
        else if (n === 0 && isPageMark(line.text)) take(i, 'page number at the edge of the page');
        else break;
      }
      // A page of its own (a one-page document, a first page) has no recurrence to show its
      // running lines: small print at its edge that carries a page number is one.
      const small = smallPrintAtEdge(
        band.filter((i) => !indexes.has(i)),
        lines,
        bodySize,
        pageHeights,
      );
      if (small.some((i) => carriesPageMark((lines[i] as Line).text)))
        for (const i of small) take(i, 'small print at the edge of the page, with a page number');
    }
  }
  return { indexes, notes };
}

/**
 * The lines from a page's edge inwards (the band in that order) set smaller than the body text
 * and standing in the page's margin, up to the first that is not.
 */
function smallPrintAtEdge(
  band: readonly number[],
  lines: readonly Line[],
  bodySize: number,
  pageHeights: readonly number[],
): number[] {
  const small: number[] = [];
  for (const i of band) {
    const line = lines[i] as Line;
    const height = pageHeights[line.page - 1];
    if (!height || line.size <= 0 || line.size >= bodySize) break;
    if (position(line, height).distance > height * MARGIN_SHARE) break;
    small.push(i);
  }
  return small;
}

/** Separators of a running line's parts: "Agerlund Kommune · Side 1", "Referat | 3/9". */
const RUNNING_PARTS = /\s*[·|•\t]\s*|\s+[–—-]\s+/u;
/** A running line that ends on its page number: "Åbent referat Dato: 04.12.2012 Side 3". */
const ENDS_ON_PAGE = /(?:^|\s)Side\s+\d{1,4}(?:\s+af\s+\d{1,4})?$/u;

/** A page mark, alone or as a part of a running line. */
function carriesPageMark(text: string): boolean {
  return isPageMark(text) || ENDS_ON_PAGE.test(text.trim()) || text.split(RUNNING_PARTS).some(isPageMark);
}

/**
 * Where a line stands: its distance from the top of the page in the upper half, from the
 * bottom in the lower half, so a running line keeps its place on landscape pages too.
 */
function position(line: Line, height: number | undefined): { edge: 'top' | 'bottom'; distance: number } {
  if (!height) return { edge: 'bottom', distance: line.y };
  return line.y > height / 2
    ? { edge: 'top', distance: height - line.y }
    : { edge: 'bottom', distance: line.y };
}

/**
 * On how many pages each line's shape (digits folded) stands at its place, within a few
 * points. Text input has no places: there the shape alone counts.
 */
function recurrenceOf(
  lines: readonly Line[],
  pages: ReadonlyMap<number, number[]>,
  pageHeights: readonly number[],
): Map<number, number> {
  const positioned = lines.some((l) => l.size > 0);
  const byShape = new Map<string, { index: number; page: number; edge: string; distance: number }[]>();
  for (const members of pages.values()) {
    for (const index of members) {
      const line = lines[index] as Line;
      const place = positioned ? position(line, pageHeights[line.page - 1]) : { edge: 'any', distance: 0 };
      const shape = shapeOf(line.text);
      const entries = byShape.get(shape) ?? [];
      entries.push({ index, page: line.page, ...place });
      byShape.set(shape, entries);
    }
  }
  const recurrence = new Map<number, number>();
  for (const entries of byShape.values()) {
    for (const edge of ['top', 'bottom', 'any']) {
      const atEdge = entries.filter((e) => e.edge === edge).sort((a, b) => a.distance - b.distance);
      countPagesNearby(atEdge, recurrence);
    }
  }
  return recurrence;
}

/**
 * For entries sorted by distance from their edge: on how many pages one stands within the
 * tolerance of each, by a window that slides once over the list (a body-sized label recurs
 * on every page).
 */
function countPagesNearby(
  sorted: readonly { index: number; page: number; distance: number }[],
  recurrence: Map<number, number>,
): void {
  const inWindow = new Map<number, number>();
  let low = 0;
  let high = 0;
  for (const entry of sorted) {
    for (; high < sorted.length && (sorted[high]?.distance ?? 0) <= entry.distance + Y_TOLERANCE; high++) {
      const page = sorted[high]?.page ?? 0;
      inWindow.set(page, (inWindow.get(page) ?? 0) + 1);
    }
    for (; (sorted[low]?.distance ?? 0) < entry.distance - Y_TOLERANCE; low++) {
      const page = sorted[low]?.page ?? 0;
      const left = (inWindow.get(page) ?? 0) - 1;
      if (left === 0) inWindow.delete(page);
      else inWindow.set(page, left);
    }
    recurrence.set(entry.index, inWindow.size);
  }
}

/**
 * Lines of the minutes' own structure are no running lines however often they stand at one
 * height: an item heading opening many pages ("Sag nr. 5"), case numbers, markers, and labels
 * set in the text's size (a running header's "Referat" is set small).
 */
function isStructure(line: Line, bodySize: number): boolean {
  const text = line.text;
  const label = (knownLabel(text) !== null || decisionHeading(text) !== null) && line.size >= bodySize;
  return readNumbering(text) !== null || caseNumberOf(text) !== null || accessMarker(text) !== null || label;
}

function byPage(lines: readonly Line[]): Map<number, number[]> {
  const pages = new Map<number, number[]>();
  for (const [index, line] of lines.entries()) {
    const members = pages.get(line.page) ?? [];
    members.push(index);
    pages.set(line.page, members);
  }
  return pages;
}

/** "Side 2 af 9", "2/9", "- 2 -" or a bare "2" (a case number such as 24/16905 is not a page mark). */
export function isPageMark(text: string): boolean {
  if (caseNumberOf(text.trim())) return false;
  const cells = text.split('\t').map((c) => c.trim());
  return (
    cells.some(Boolean) &&
    cells.every((cell) => {
      if (!cell) return true;
      const match = PAGE_MARK.exec(cell);
      return match !== null && (match[2] === undefined || Number(match[1]) <= Number(match[2]));
    })
  );
}

/** Text with digits folded, so "Side 2 af 9" and "Side 3 af 9" share a shape. */
function shapeOf(text: string): string {
  return text.replace(/\d+/g, '#').replace(/\s+/g, ' ').trim().toLowerCase();
}

/** The font size most of the text is set in (0 for text input). */
export function dominantSize(lines: readonly Line[]): number {
  const weight = new Map<number, number>();
  for (const line of lines) weight.set(line.size, (weight.get(line.size) ?? 0) + line.text.length);
  let best = 0;
  let bestWeight = -1;
  for (const [size, w] of weight) {
    if (w > bestWeight) {
      best = size;
      bestWeight = w;
    }
  }
  return best;
}
