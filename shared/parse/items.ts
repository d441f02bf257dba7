import type { Line } from '#extract/line.ts';
import { decisionHeading } from './decision.ts';
import { joinLines } from './text.ts';
import {
  accessMarker,
  caseNumberLine,
  endsItems,
  inlineSection,
  isAttachmentHeading,
  isClosingHeading,
  isTocHeading,
  responsibleLine,
  sectionHeading,
} from './vocabulary.ts';

/** An agenda item as found in the line stream, before its content is read. */
export interface ItemBlock {
  readonly number: number | null;
  readonly title: string;
  readonly heading: Line;
  readonly content: readonly Line[];
}

export interface Layout {
  readonly header: readonly Line[];
  readonly items: readonly ItemBlock[];
  /** Lines after the items: signature page, attachment overview. */
  readonly trailer: readonly Line[];
}

interface Start {
  readonly index: number;
  readonly number: number | null;
  readonly title: string;
  /** Lines the title takes (a heading wrapped over two lines is one title). */
  readonly span: number;
  /** How sure we are this is an item heading: marker, TOC entry, styling, signals. */
  readonly strength: number;
}

const EXPLICIT_NUMBER = /^(?:punkt|pkt\.?|dagsordenspunkt|sag)\s*(\d{1,4})\s*[.:)–—-]?\s*(.*)$/iu;
const BARE_NUMBER = /^(\d{1,4})(?:\s*[.:)]|\s+[–—-])?\s+(\p{L}.*)$/u;
const DOT_LEADER = /\s*(?:\.{4,}|…{2,}|\t)\s*\d*\s*$/u;

/** Splits the line stream into header, agenda items and trailer. */
export function segment(lines: readonly Line[]): Layout {
  const facts = lines.map(factsOf);
  const starts = chooseStarts(lines, findStarts(lines, facts, dominantSize(lines)));
  const firstStart = starts[0]?.index ?? lines.length;
  const tocIndex = lines.findIndex((line, i) => i < firstStart && isTocHeading(line.text));
  const header = lines.slice(0, tocIndex >= 0 ? tocIndex : firstStart);
  const items: ItemBlock[] = [];
  let trailerStart = lines.length;
  starts.forEach((start, n) => {
    const next = starts[n + 1]?.index ?? lines.length;
    let end = next;
    for (let i = start.index + start.span; i < next; i++) {
      const line = lines[i] as Line;
      if (endsItems(line.text)) {
        end = i;
        if (n === starts.length - 1) trailerStart = i;
        break;
      }
    }
    items.push({
      number: start.number,
      title: start.title,
      heading: lines[start.index] as Line,
      content: lines.slice(start.index + start.span, end),
    });
  });
  return { header, items, trailer: starts.length ? lines.slice(trailerStart) : [] };
}

/** What a line is, worked out once: the heading checks are the parser's hot path. */
interface LineFacts {
  readonly numbered: ReturnType<typeof numberedTitle>;
  readonly marker: boolean;
  /** Follows an item's title: an access marker, a case number, a section or a decision. */
  readonly signal: boolean;
  /** Part of the structure (markers, headings), so never a title. */
  readonly structural: boolean;
}

function factsOf(line: Line): LineFacts {
  const text = line.text;
  const marker = accessMarker(text) !== null;
  const heading =
    sectionHeading(text) !== null || decisionHeading(text) !== null || inlineSection(text) !== null;
  const caseNumber = caseNumberLine(text) !== null;
  return {
    numbered: numberedTitle(text),
    marker,
    signal: marker || heading || caseNumber || responsibleLine(text) !== null,
    structural:
      marker ||
      heading ||
      caseNumber ||
      isTocHeading(text) ||
      isClosingHeading(text) ||
      isAttachmentHeading(text),
  };
}

function findStarts(lines: readonly Line[], facts: readonly LineFacts[], bodySize: number): Start[] {
  const toc = tableOfContents(lines, facts);
  const starts: Start[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as Line;
    const { numbered, structural } = facts[i] as LineFacts;
    const styled = isStyled(line, bodySize);
    if (toc.lines.has(i) || structural || !(numbered || styled || facts[i + 1]?.marker)) continue;
    const span = titleSpan(lines, facts, i);
    const marked = facts[i + span]?.marker ?? false;
    const signalled = hasItemSignal(facts, i + span);
    const titleLines = lines.slice(i, i + span).map((l) => l.text);
    const title = cleanTitle(
      joinLines([numbered ? numbered.title : (titleLines[0] ?? ''), ...titleLines.slice(1)]),
    );
    const listed = toc.titles.some((t) => sameTitle(t, title));
    const accepted = numbered
      ? (styled || signalled || listed) && (numbered.explicit || styled || /^[\p{Lu}\d]/u.test(title))
      : (isProminent(line, bodySize) && hasItemSignal(facts, i + span, 1)) || marked;
    if (!accepted || !title) continue;
    const strength =
      (marked ? 4 : 0) +
      (listed ? 4 : 0) +
      (styled ? 2 : 0) +
      (signalled ? 1 : 0) +
      (numbered?.explicit ? 1 : 0);
    starts.push({ index: i, number: numbered?.number ?? null, title, span, strength });
    i += span - 1;
  }
  return starts;
}

/** The entries of a table of contents and the lines it takes, so they are not taken for items. */
function tableOfContents(
  lines: readonly Line[],
  facts: readonly LineFacts[],
): { titles: string[]; lines: Set<number> } {
  const titles: string[] = [];
  const taken = new Set<number>();
  const heading = lines.findIndex((l) => isTocHeading(l.text));
  if (heading < 0) return { titles, lines: taken };
  for (let i = heading + 1; i < lines.length; i++) {
    const text = (lines[i] as Line).text;
    const entry = DOT_LEADER.test(text) || /^side$/i.test(text.trim());
    const numbered = facts[i]?.numbered;
    if (!entry && !(numbered && titles.length === 0) && !(numbered && !hasItemSignal(facts, i + 1))) break;
    taken.add(i);
    const title = cleanTitle(numbered ? numbered.title : text);
    if (title && !/^side$/i.test(title)) titles.push(title);
  }
  return { titles, lines: taken };
}

/** TOC entries may be cut or wrapped: titles match when one starts with the other. */
function sameTitle(a: string, b: string): boolean {
  const x = a.toLocaleLowerCase('da').replace(/\W+/gu, ' ').trim();
  const y = b.toLocaleLowerCase('da').replace(/\W+/gu, ' ').trim();
  const n = Math.min(x.length, y.length, 40);
  return n >= 4 && x.slice(0, n) === y.slice(0, n);
}

/**
 * A table of contents or a numbered list repeats numbers: per number, the strongest candidate
 * wins (the last on a tie). Numbers then have to rise.
 */
function chooseStarts(lines: readonly Line[], starts: readonly Start[]): Start[] {
  const key = (s: Start) => (s.number !== null ? `#${s.number}` : `t:${s.title.toLocaleLowerCase('da')}`);
  const best = new Map<string, Start>();
  for (const start of starts) {
    const current = best.get(key(start));
    if (!current || start.strength >= current.strength) best.set(key(start), start);
  }
  // Where items are numbered, an unnumbered heading is an item only when an access marker says so.
  const numbered = starts.filter((s) => s.number !== null).length >= 2;
  const unique = starts.filter(
    (s) => best.get(key(s)) === s && (!numbered || s.number !== null || s.strength >= 4),
  );
  const chosen: Start[] = [];
  let previous = Number.NEGATIVE_INFINITY;
  for (const start of unique) {
    if (start.number !== null) {
      if (start.number <= previous) continue;
      previous = start.number;
    }
    chosen.push(start);
  }
  // Titles in a trailing attachment overview repeat the items: stop at its heading.
  const closing = lines.findIndex((l, i) => i > (chosen[0]?.index ?? 0) && isClosingHeading(l.text));
  return closing >= 0 ? chosen.filter((s) => s.index < closing) : chosen;
}

export function numberedTitle(text: string): { number: number; title: string; explicit: boolean } | null {
  const explicit = EXPLICIT_NUMBER.exec(text);
  const match = explicit ?? BARE_NUMBER.exec(text);
  if (!match) return null;
  const title = (match[2] ?? '').trim();
  if (!/^\p{L}/u.test(title) && title !== '') return null;
  return { number: Number(match[1]), title, explicit: explicit !== null };
}

function cleanTitle(text: string): string {
  return text
    .replace(DOT_LEADER, '')
    .replace(/^[-–:]\s*/, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** How many lines a heading's title takes: continuation lines share its font and follow without a gap. */
function titleSpan(lines: readonly Line[], facts: readonly LineFacts[], index: number): number {
  const first = lines[index] as Line;
  let span = 1;
  if (first.size === 0) return span;
  for (let j = index + 1; j < lines.length && span < 3; j++) {
    const line = lines[j] as Line;
    const sameFont =
      Math.abs(line.size - first.size) < 0.3 && line.bold === first.bold && line.page === first.page;
    if (!sameFont || line.breakBefore || facts[j]?.structural || facts[j]?.numbered) break;
    span++;
  }
  return span;
}

/** Whether an item signal follows within a few lines, before any other numbered line. */
function hasItemSignal(facts: readonly LineFacts[], from: number, within = 3): boolean {
  for (let j = from; j < Math.min(facts.length, from + within); j++) {
    const line = facts[j] as LineFacts;
    if (line.numbered && !line.marker) return false;
    if (line.signal) return true;
  }
  return false;
}

/** A heading by its looks: markup, or a bold or larger font than the body text. */
function isStyled(line: Line, bodySize: number): boolean {
  if (line.level > 0) return true;
  if (line.size === 0) return line.bold;
  return line.size > bodySize + 0.6 || (line.bold && line.size >= bodySize - 0.1);
}

/** Unnumbered headings must stand out more: markup, or a font larger than the body text. */
function isProminent(line: Line, bodySize: number): boolean {
  return line.level > 0 || (line.size > bodySize + 0.6 && (line.bold || line.size > bodySize * 1.15));
}

/** The font size most of the text is set in. */
function dominantSize(lines: readonly Line[]): number {
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
