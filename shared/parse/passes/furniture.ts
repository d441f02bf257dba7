import type { Line } from '#extract/line.ts';
import { type Notes, note } from '../explanation.ts';
import { fold } from '../read/text.ts';
import { PAGE_WORDS, WEB_CHROME } from '../vocabulary/furniture.ts';

/** A running line recurs on at least this share of the pages (a heading that happens to open two pages does not). */
const MIN_PAGE_SHARE = 0.4;
/** Points a running line may move between pages. */
const Y_TOLERANCE = 6;
/** Text set smaller than this share of the body text is not meant to be read (hidden dates, tags). */
const TINY_SHARE = 0.45;

export interface Furniture {
  /** Indexes of lines that are no part of the minutes. */
  readonly indexes: ReadonlySet<number>;
  readonly notes: Notes;
}

const CHROME = new Set(WEB_CHROME.map((c) => fold(c)));
const PAGE_MARK = new RegExp(
  `^(?:-\\s*)?(?:(?:${PAGE_WORDS.map((w) => w.replace('.', '\\.')).join('|')})\\s*)?(\\d{1,4})(?:\\s*(?:af|of|/)\\s*(\\d{1,4}))?(?:\\s*-)?$`,
  'i',
);

/**
 * Finds page furniture by repetition, not by a list: the lines at a page's top or bottom whose
 * shape (digits folded) recurs at the same height on many pages, however many lines deep the
 * band is; page marks at a page's edge; text too small to read; and the chrome of web pages.
 */
export function findFurniture(lines: readonly Line[]): Furniture {
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
    else if (CHROME.has(fold(line.text).replace(/[.!]$/, ''))) take(index, 'web page chrome');
  }
  const pages = byPage(lines);
  const positioned = lines.some((l) => l.size > 0);
  const key = (line: Line) =>
    `${shapeOf(line.text)}${positioned ? `@${Math.round(line.y / Y_TOLERANCE)}` : ''}`;
  const seen = new Map<string, Set<number>>();
  for (const [page, members] of pages) {
    for (const i of members) {
      const k = key(lines[i] as Line);
      seen.set(k, (seen.get(k) ?? new Set()).add(page));
    }
  }
  const needed = Math.max(2, Math.ceil(pages.size * MIN_PAGE_SHARE));
  const recurring = (line: Line) => pages.size >= 2 && (seen.get(key(line))?.size ?? 0) >= needed;
  for (const members of pages.values()) {
    const open = members.filter((i) => !indexes.has(i));
    for (const band of [open, [...open].reverse()]) {
      for (const [n, i] of band.entries()) {
        const line = lines[i] as Line;
        if (recurring(line))
          take(i, `recurs at this height on ${seen.get(key(line))?.size} of ${pages.size} pages`);
        else if (n === 0 && isPageMark(line.text)) take(i, 'page number at the edge of the page');
        else break;
      }
    }
  }
  return { indexes, notes };
}

function byPage(lines: readonly Line[]): Map<number, number[]> {
  const pages = new Map<number, number[]>();
  for (const [index, line] of lines.entries()) pages.set(line.page, [...(pages.get(line.page) ?? []), index]);
  return pages;
}

/** "Side 2 af 9", "2/9", "- 2 -" or a bare "2" (a case number such as 24/16905 is not a page mark). */
export function isPageMark(text: string): boolean {
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
