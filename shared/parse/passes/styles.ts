import type { Line } from '#extract/line.ts';
import { dominantSize } from './furniture.ts';

/** A line of the minutes with what the document's own typography says about it. */
export interface StyledLine extends Line {
  /** The line's index among the extracted lines. */
  readonly index: number;
  /** Font size, weight, slant, capitals and markup level: lines of one style share it. */
  readonly style: string;
  /** Points (characters in text input) right of the page's text margin; negative when hanging. */
  readonly indent: number;
  /** How much the line stands out from the body text: 0 for body text. */
  readonly prominence: number;
  /** Space stands before the line (a blank line, a gap wider than the pitch, a new page), whatever its style. */
  readonly spacedBefore: boolean;
}

export interface DocumentStyles {
  readonly lines: readonly StyledLine[];
  readonly bodyStyle: string;
  readonly bodySize: number;
}

/** A gap this much larger than the document's own line pitch starts a paragraph. */
const PARAGRAPH_GAP = 1.25;

/**
 * Infers the document's typography: its body style, the line pitch of each font size (so a
 * paragraph break is a gap larger than the document's own spacing, not a fixed number of
 * points), each page's text margin, and each line's style and prominence. Paragraphs that run
 * over a page break are joined.
 */
export function inferStyles(lines: readonly Line[], indexes: readonly number[]): DocumentStyles {
  const bodySize = dominantSize(lines);
  const pitch = linePitch(lines);
  const margins = pageMargins(lines, bodySize);
  const full = fullWidth(lines, bodySize);
  const styled: StyledLine[] = [];
  for (const [n, line] of lines.entries()) {
    const previous = lines[n - 1];
    const caps = isCaps(line.text);
    styled.push({
      ...line,
      index: indexes[n] ?? n,
      style: styleKey(line, caps),
      indent: Math.round(line.x - (margins.get(line.page) ?? 0)),
      prominence: prominence(line, bodySize, caps),
      breakBefore: startsParagraph(previous, line, pitch, full),
      spacedBefore: spaced(previous, line, pitch),
    });
  }
  const bodyStyle = dominantStyle(styled);
  return { lines: styled, bodyStyle, bodySize };
}

function isCaps(text: string): boolean {
  const letters = text.replace(/[^\p{L}]/gu, '');
  return (
    letters.length >= 3 &&
    // Danish needs no locale-specific case mapping; the plain one is many times faster.
    letters === letters.toUpperCase() &&
    letters !== letters.toLowerCase()
  );
}

/**
 * Two lines set alike: the same style, or the same font where one line has no letters (a
 * number has no case, so capitals cannot tell "PUNKT" from the "177" wrapped under it).
 */
export function setAlike(a: StyledLine, b: StyledLine): boolean {
  if (a.style === b.style) return true;
  const caseless = (line: StyledLine) => !/\p{L}/u.test(line.text);
  const uncased = (style: string) => style.replace('C', '');
  return (caseless(a) || caseless(b)) && uncased(a.style) === uncased(b.style);
}

function styleKey(line: Line, caps: boolean): string {
  return `${line.size}|${line.bold ? 'b' : ''}${line.italic ? 'i' : ''}${caps ? 'C' : ''}${line.level ? `h${line.level}` : ''}`;
}

function prominence(line: Line, bodySize: number, caps: boolean): number {
  const larger = line.size > 0 && bodySize > 0 ? ((line.size - bodySize) / bodySize) * 10 : 0;
  const markup = line.level > 0 ? 7 - line.level : 0;
  return Math.max(0, larger) + (line.bold ? 2 : 0) + (caps ? 1 : 0) + (line.italic ? 0.5 : 0) + markup;
}

const MIN_LEADING = 0.9;
const MAX_LEADING = 1.6;

/** The baseline distance between consecutive lines of a paragraph, for each font size. */
function linePitch(lines: readonly Line[]): Map<number, number> {
  const counts = new Map<number, Map<number, number>>();
  for (const [n, line] of lines.entries()) {
    const previous = lines[n - 1];
    if (!previous || previous.page !== line.page || previous.size !== line.size || line.size === 0) continue;
    const gap = Math.round((previous.y - line.y) * 2) / 2;
    // Lines of a paragraph sit about one to one and a half font sizes apart; wider gaps are
    // paragraph breaks, however common they are in a document of short paragraphs.
    if (gap < line.size * MIN_LEADING || gap > line.size * MAX_LEADING) continue;
    const bySize = counts.get(line.size) ?? new Map<number, number>();
    bySize.set(gap, (bySize.get(gap) ?? 0) + 1);
    counts.set(line.size, bySize);
  }
  const pitch = new Map<number, number>();
  for (const [size, gaps] of counts) {
    // The pitch is the smallest common gap: in a document of one-line paragraphs the gap
    // between paragraphs may be the most common one, but it is never the smallest.
    const most = Math.max(...gaps.values());
    const [smallest] = [...gaps].filter(([, n]) => n >= most / 3).sort((a, b) => a[0] - b[0]);
    if (smallest) pitch.set(size, smallest[0]);
  }
  return pitch;
}

function spaced(previous: Line | undefined, line: Line, pitch: ReadonlyMap<number, number>): boolean {
  if (!previous || previous.page !== line.page) return true;
  if (line.size === 0) return line.breakBefore;
  const gap = previous.y - line.y;
  return gap <= 0 || gap > (pitch.get(line.size) ?? line.size * 1.2) * PARAGRAPH_GAP;
}

function startsParagraph(
  previous: Line | undefined,
  line: Line,
  pitch: ReadonlyMap<number, number>,
  full: number | null,
): boolean {
  if (!previous) return true;
  // Text input: blank lines and markup say where paragraphs start; a bold line is a heading of its own.
  if (line.size === 0)
    return line.breakBefore || previous.bold !== line.bold || previous.level !== line.level;
  const sameStyle = Math.abs(previous.size - line.size) < 0.3 && previous.bold === line.bold;
  if (previous.page !== line.page) {
    // A paragraph runs on over a page break: the new page starts in lower case, or the last
    // line before it ends without closing its sentence.
    // A short last line ends its paragraph (a list of titles), however it ends.
    const short = full !== null && previous.width !== undefined && previous.width < full * SHORT_LINE;
    const continues =
      (sameStyle &&
        (/^\p{Ll}/u.test(line.text) ||
          /[,-]$/u.test(previous.text) ||
          (/\p{L}$/u.test(previous.text) && !short)) &&
        !/[.:!?]$/.test(previous.text)) ||
      // The rest of a run-in label's line ("… beslutning: Taget til efter-") goes on over the break too.
      (carriesOnRunIn(previous, line) && line.level === previous.level);
    return !continues;
  }
  const gap = previous.y - line.y;
  const expected = pitch.get(line.size) ?? line.size * 1.2;
  const close = gap > 0 && gap <= expected * PARAGRAPH_GAP;
  const carriesOn = close && carriesOnRunIn(previous, line);
  if ((!sameStyle && !carriesOn) || line.level !== previous.level) return true;
  return !close;
}

/**
 * A line whose weight differs but which carries on a word or sentence of the line before is the
 * rest of a line that opened with a bold run-in label ("Beslutning: Godkendt med …").
 */
function carriesOnRunIn(previous: Line, line: Line): boolean {
  return (
    Math.abs(previous.size - line.size) < 0.3 &&
    /^\p{Ll}/u.test(line.text) &&
    /[\p{L},-]$/u.test(previous.text)
  );
}

/** A line narrower than this share of the document's full line ends its paragraph. */
const SHORT_LINE = 0.75;

/** The width of a full line of body text: most body lines of a page-long paragraph reach it. */
function fullWidth(lines: readonly Line[], bodySize: number): number | null {
  const widths = lines
    .filter((l) => l.size === bodySize && l.width !== undefined)
    .map((l) => l.width as number)
    .sort((a, b) => a - b);
  return widths.length ? (widths[Math.floor(widths.length * 0.9)] ?? null) : null;
}

/** A page with fewer body lines than this takes the document's margin. */
const MIN_MARGIN_LINES = 4;

/** Each page's text margin: the left edge most body-size lines start at (the document's on sparse pages). */
function pageMargins(lines: readonly Line[], bodySize: number): Map<number, number> {
  const counts = new Map<number, Map<number, number>>();
  const all = new Map<number, number>();
  for (const line of lines) {
    if (line.size !== bodySize) continue;
    const x = Math.round(line.x);
    const page = counts.get(line.page) ?? new Map<number, number>();
    page.set(x, (page.get(x) ?? 0) + 1);
    counts.set(line.page, page);
    all.set(x, (all.get(x) ?? 0) + 1);
  }
  // The most common x; of several as common, the document's margin (a page of closed items holds
  // as many hanging headings as lines under them), else the leftmost.
  const mode = (xs: ReadonlyMap<number, number>, prefer?: number) =>
    [...xs].sort(
      (a, b) => b[1] - a[1] || Number(b[0] === prefer) - Number(a[0] === prefer) || a[0] - b[0],
    )[0]?.[0] ?? 0;
  const documentMargin = mode(all);
  const margins = new Map<number, number>();
  for (const line of lines) {
    const xs = counts.get(line.page);
    const enough = xs !== undefined && [...xs.values()].reduce((a, b) => a + b, 0) >= MIN_MARGIN_LINES;
    margins.set(line.page, enough ? mode(xs, documentMargin) : documentMargin);
  }
  return margins;
}

function dominantStyle(lines: readonly StyledLine[]): string {
  const weight = new Map<string, number>();
  for (const line of lines) weight.set(line.style, (weight.get(line.style) ?? 0) + line.text.length);
  return [...weight].sort((a, b) => b[1] - a[1])[0]?.[0] ?? '';
}
