import { type Notes, note } from '../explanation.ts';
import { readNumbering } from '../read/numbering.ts';
import { collapse } from '../read/text.ts';
import { accessMarker, isContentsHeading } from '../read/vocabulary.ts';
import type { StyledLine } from './styles.ts';

/** A table of contents: not the items, but it tells their titles. */
export interface Contents {
  /** Position of the contents' heading, or of its first entry when it has none. */
  readonly start: number | null;
  readonly positions: ReadonlySet<number>;
  readonly titles: readonly string[];
  readonly notes: Notes;
}

/** "Title ........ 12", "Title\t12", "1. Title 3": dot leaders or a tab before a page number, or a trailing page number. */
const LEADERS = /\s*(?:\.{3,}|…{2,}|\t)\s*(\d{1,3})?\s*$/u;
const PAGE_NUMBER = /\s+(\d{1,3})$/;
const DOT_LEADERS = /(?:\.{3,}|…{2,})\s*\d{0,3}\s*$/u;
/** Runs of this many entries with dot leaders make a table of contents even without a heading. */
const MIN_UNHEADED = 3;

/**
 * Finds the table of contents: a contents heading ("Indholdsfortegnelse", "Punkter på
 * dagsordenen" …) and the entries after it, or a run of entries with dot leaders and page
 * numbers. Entries may wrap and may be grouped under sub-headings ("Åbent referat").
 */
export function findContents(lines: readonly StyledLine[]): Contents {
  const notes: Notes = new Map();
  const headed = lines.findIndex((l) => isContentsHeading(l.text));
  const start = headed >= 0 ? headed + 1 : firstLeaderRun(lines);
  if (start < 0) return { start: null, positions: new Set(), titles: [], notes };
  const positions = new Set<number>(headed >= 0 ? [headed] : []);
  const titles: string[] = [];
  // A web page lists its items as links, with no pages: entries whose titles the items repeat.
  const links = headed >= 0 ? linkedEntries(lines, start) : [];
  for (const [k, title] of links.entries()) {
    positions.add(start + k);
    titles.push(title);
  }
  let pending: string[] = [];
  let misses = 0;
  let entryFont: string | null = null;
  let lastPage = 0;
  for (let i = start + links.length; i < lines.length && misses <= 2; i++) {
    const line = lines[i] as StyledLine;
    // Entries share one font: a line in another size or weight with an entry's shape is a heading.
    const read =
      entryFont === null || fontOf(line) === entryFont ? entryOf(line.text, titles.length > 0) : null;
    // Entries name their pages in order: a lower page is a number in a title ("…, etape 2"), not a page.
    const entry = read && (read.page === null || read.page >= lastPage) ? read : null;
    if (entry === null) {
      // A wrapped entry's first line, or a sub-heading, is taken only if an entry follows.
      if (line.text.length > 140) break;
      pending.push(line.text);
      misses++;
      continue;
    }
    entryFont ??= fontOf(line);
    lastPage = entry.page ?? lastPage;
    for (let j = i - pending.length; j <= i; j++) positions.add(j);
    const wrapped = readNumbering(pending.at(-1) ?? '') ? [pending.at(-1) ?? ''] : [];
    titles.push(cleanTitle([...wrapped, entry.title].join(' ')));
    pending = [];
    misses = 0;
  }
  if (headed >= 0) note(notes, lines[headed]?.index ?? 0, 'contents', 'contents heading');
  for (const p of positions) {
    if (p !== headed) note(notes, lines[p]?.index ?? 0, 'contents', 'an entry of the table of contents');
  }
  return { start: headed >= 0 ? headed : start, positions, titles, notes };
}

const fontOf = (line: StyledLine) => `${line.size}|${line.bold}|${line.level}`;

/** A contents entry: its title and the page it names, if any. */
interface Entry {
  readonly title: string;
  readonly page: number | null;
}

/** The title of a contents entry, or null when the line is none. */
function entryOf(text: string, inList: boolean): Entry | null {
  const leaders = LEADERS.exec(text);
  if (leaders && /\p{L}/u.test(text)) return { title: text.replace(LEADERS, ''), page: pageOf(leaders[1]) };
  if (accessMarker(text)) return null;
  const numbered = readNumbering(text);
  const page = PAGE_NUMBER.exec(text);
  if (!page || !(numbered || inList)) return null;
  // "Dagsordenspunkt 1" is a heading and its number, not a title and its page.
  const entry = text.replace(PAGE_NUMBER, '');
  return readNumbering(entry)?.title || (!numbered && /\p{L}{2}/u.test(entry))
    ? { title: entry, page: pageOf(page[1]) }
    : null;
}

const pageOf = (digits: string | undefined) => (digits ? Number(digits) : null);

/** A list of links is at least this long: one line that recurs later is a heading, not a list. */
const MIN_LINKED = 2;

/**
 * The lines right after a contents heading, in one font, whose titles recur later in the
 * document (the items' headings): a contents without page numbers ("1. Budget" / "2. Skoler"
 * as a portal's list of links). Their titles, or none when fewer than two.
 */
function linkedEntries(lines: readonly StyledLine[], start: number): string[] {
  const run: string[] = [];
  const font = lines[start] ? fontOf(lines[start]) : '';
  for (let i = start; i < lines.length; i++) {
    const line = lines[i] as StyledLine;
    const title = cleanTitle(line.text);
    // A line with leaders or a page number is an entry of the printed kind, read as such.
    if (fontOf(line) !== font || line.text.length > 150 || !/\p{L}{2}/u.test(title)) break;
    if (entryOf(line.text, true) !== null) break;
    if (!lines.slice(i + 1).some((later) => sameTitle(title, cleanTitle(later.text)))) break;
    run.push(title);
  }
  return run.length >= MIN_LINKED ? run : [];
}

function cleanTitle(text: string): string {
  const numbered = readNumbering(text);
  return collapse(numbered?.title || text).replace(/^[-–:]\s*/, '');
}

function firstLeaderRun(lines: readonly StyledLine[]): number {
  let run = 0;
  for (const [i, line] of lines.entries()) {
    run = DOT_LEADERS.test(line.text) && /\p{L}/u.test(line.text) ? run + 1 : 0;
    if (run === MIN_UNHEADED) return i - MIN_UNHEADED + 1;
  }
  return -1;
}

/** TOC entries may be cut or wrapped: titles match when one starts with the other. */
export function sameTitle(a: string, b: string): boolean {
  const x = a.toLocaleLowerCase('da').replace(/\W+/gu, ' ').trim();
  const y = b.toLocaleLowerCase('da').replace(/\W+/gu, ' ').trim();
  const n = Math.min(x.length, y.length, 40);
  return n >= 4 && x.slice(0, n) === y.slice(0, n);
}
