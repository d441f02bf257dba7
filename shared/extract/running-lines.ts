import type { Line } from './line.ts';

/** How many lines at the top and the bottom of a page can belong to a running header or footer. */
const EDGE_LINES = 2;

/** A running line recurs on at least this share of the pages (a heading that happens to end two pages does not). */
const MIN_PAGE_SHARE = 0.4;

/** Points a running line may move between pages. */
const Y_TOLERANCE = 6;

const PAGE_MARK = /^(?:side|page|s\.)?\s*(\d{1,4})(?:\s*(?:af|of|\/)\s*(\d{1,4}))?$/i;

/**
 * Removes running headers and footers: lines at a page's edge whose text, digits aside, recurs at
 * the edge of other pages ("Direktionen 05-02-2025", "Side 2 af 10"), and bare page marks.
 */
export function removeRunningLines(pages: readonly (readonly Line[])[]): Line[][] {
  const counts = new Map<string, number>();
  for (const lines of pages) {
    for (const key of new Set(edgeLines(lines).map(shapeOf))) counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const needed = Math.max(2, Math.ceil(pages.length * MIN_PAGE_SHARE));
  const recurring = (line: Line) =>
    /\p{L}.*\p{L}.*\p{L}/u.test(line.text) && (counts.get(shapeOf(line)) ?? 0) >= needed;
  return pages.map((lines) => {
    const edges = new Set(edgeLines(lines));
    const outermost = new Set([lines[0], lines.at(-1)]);
    return lines.filter(
      (line) => !(edges.has(line) && (recurring(line) || (outermost.has(line) && isPageMark(line.text)))),
    );
  });
}

function edgeLines(lines: readonly Line[]): Line[] {
  if (lines.length <= EDGE_LINES * 2) return [...lines];
  return [...lines.slice(0, EDGE_LINES), ...lines.slice(-EDGE_LINES)];
}

/** "Side 2 af 9", "2/9" or a bare "2" (a case number such as 24/16905 is not a page mark). */
function isPageMark(text: string): boolean {
  return text.split('\t').every((cell) => {
    const match = PAGE_MARK.exec(cell.trim());
    if (!match) return cell.trim() === '';
    return match[2] === undefined || Number(match[1]) <= Number(match[2]);
  });
}

/**
 * Text with digits folded, so "Side 2 af 9" and "Side 3 af 9" share a shape, and the height it
 * stands at: running lines keep their place, a heading that happens to open two pages does not.
 */
function shapeOf(line: Line): string {
  const text = line.text.replace(/\d+/g, '#').replace(/\s+/g, ' ').trim().toLowerCase();
  return `${text}@${Math.round(line.y / Y_TOLERANCE)}`;
}
