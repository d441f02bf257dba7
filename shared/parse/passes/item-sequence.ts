import { type Notes, note } from '../explanation.ts';
import { findDate } from '../read/dates.ts';
import { decisionHeading } from '../read/decision-heading.ts';
import { remembered } from '../read/memo.ts';
import { type Numbering, namesExtraItem, readNumbering } from '../read/numbering.ts';
import { fold, joinLines } from '../read/text.ts';
import {
  accessMarker,
  caseNumberOf,
  headerLabel,
  isAttachmentOverview,
  isClosingHeading,
  isContentsHeading,
  isDocumentNumberLine,
  knownLabel,
  mentionsClosure,
  responsibleOf,
  runInLabel,
  withoutClosure,
} from '../read/vocabulary.ts';
import type { HeaderField } from '../vocabulary/header.ts';
import { sameTitle } from './contents.ts';
import type { StyledLine } from './styles.ts';
import { signaturesAfter } from './trailer.ts';

/** An item heading as the chosen sequence has it. */
export interface ItemHeading {
  /** Position of the heading's first line. */
  readonly at: number;
  /** Lines the heading takes: the number line and the title lines. */
  readonly span: number;
  readonly number: number | null;
  /** The title as printed (access markers still in it). */
  readonly title: string;
}

export interface ItemSequence {
  readonly headings: readonly ItemHeading[];
  /** How the chosen headings look, for --explain. */
  readonly description: string;
  readonly notes: Notes;
}

interface Candidate {
  readonly at: number;
  readonly number: number | null;
  readonly title: string;
  readonly span: number;
  readonly family: string;
  /**
   * The heading names its item by a label ("Åbent punkt 3", "Ekstra punkt"), whatever the
   * others' shape: it may stand among headings of another shape.
   */
  readonly selfNamed: boolean;
  readonly weight: number;
  readonly reasons: readonly string[];
}

/** How far after a heading's title an item signal (marker, case number, label) may stand. */
const SIGNAL_WINDOW = 4;
/**
 * A field only a meeting's header has: a labelled date, time, place, body or members (absence
 * and remarks may follow an item's decision), or a title block's date line ("Lørdag den 25.
 * juni 2022, kl. 13.00").
 */
function isMeetingField(text: string): boolean {
  if (MEETING_FIELDS.has(headerLabel(text)?.field ?? 'other')) return true;
  return text.length <= 60 && findDate(text) !== null && /\b(kl\.|\p{L}+dag)\b/iu.test(text);
}

/** Fields only a meeting's header has (absence and remarks may follow an item's decision). */
const MEETING_FIELDS: ReadonlySet<HeaderField> = new Set([
  'body',
  'date',
  'time',
  'start',
  'end',
  'location',
  'members',
]);
/** How far after a heading to look for the header fields that mark it as the meeting's title. */
const HEADER_WINDOW = 12;
/** A title wraps over at most this many lines of its heading's font. */
const MAX_TITLE_LINES = 5;
/** A sequence must score this much to be taken for the document's items. */
const MIN_SCORE = 2;
/** A heading in another font may stand before the first or after the last item by at most this step. */
const MAX_FILL_STEP = 5;
/** A heading in another font must weigh this much to fill a gap in the sequence. */
const FILL_WEIGHT = 3;

/** Lines that belong to an item's structure and so are never its title. */
const isStructural = remembered(readsAsStructure);

function readsAsStructure(text: string): boolean {
  return (
    // "Lukket: Køb af jord" is a closed item's title; "Lukket punkt" alone is a marker.
    (accessMarker(text) !== null && withoutClosure(text) === text.trim()) ||
    caseNumberOf(text) !== null ||
    knownLabel(text) !== null ||
    decisionHeading(text) !== null ||
    headerLabel(text)?.value === '' ||
    isContentsHeading(text) ||
    isClosingHeading(text) ||
    isDocumentNumberLine(text)
  );
}

/** What follows an item's title: a marker, a case number, a label, a decision heading. Not a header field. */
function isSignal(text: string): boolean {
  return (
    (isStructural(text) && headerLabel(text) === null) ||
    runInLabel(text) !== null ||
    responsibleOf(text) !== null
  );
}

/** Font of a heading: size, weight, slant and markup, not capitals (a title may be in capitals). */
function fontOf(line: StyledLine): string {
  return `${line.size}|${line.bold ? 'b' : ''}${line.italic ? 'i' : ''}|h${line.level}`;
}

/**
 * Chooses the document's item headings as a whole. Every line that could open an item is a
 * candidate: a numbered line in any of the shapes minutes use, or a prominent line standing on
 * its own. Candidates of one numbering shape, font and indentation form a family; within a
 * family the best rising sequence of numbers is found (a weighted longest increasing
 * subsequence, where each candidate weighs its evidence: a capital initial, a paragraph start,
 * an item signal after it, a bold or larger font, a matching contents entry, and where steps
 * other than +1 and headings with nothing between them cost). The best-scoring family's
 * sequence is the items: so a year opening a sentence, a postcode line or a numbered list in a
 * recommendation never becomes an item, because it cannot outscore the headings.
 */
export function chooseItemSequence(
  lines: readonly StyledLine[],
  contents: { readonly positions: ReadonlySet<number>; readonly titles: readonly string[] },
  bodyStyle: string,
): ItemSequence {
  const families = new Map<string, Candidate[]>();
  for (const candidate of findCandidates(lines, contents, bodyStyle))
    families.set(candidate.family, [...(families.get(candidate.family) ?? []), candidate]);
  for (const [family, members] of families) families.set(family, weighContent(members, lines.length));
  const candidates = [...families.values()].flat().sort((a, b) => a.at - b.at);
  let best: { family: string; sequence: readonly Candidate[]; score: number } | null = null;
  // Headings that name their item by a label and number ("Åbent punkt 3") may stand among
  // headings of another shape: they count with every numbered family, and are the style only
  // when all are so.
  const named = candidates.filter((c) => c.selfNamed && c.number !== null);
  const plain = [...families].filter(([, members]) => members.some((c) => !c.selfNamed));
  for (const [family, members] of plain.length > 0 ? plain : families) {
    const joined =
      members[0]?.number === null
        ? members
        : [...new Set([...members, ...named])].sort((a, b) => a.at - b.at);
    const { sequence, score } = bestSequence(joined);
    if (!best || score > best.score) best = { family, sequence, score };
  }
  const notes: Notes = new Map();
  if (!best || best.score < MIN_SCORE) {
    return { headings: [], description: 'no item headings found', notes };
  }
  best.sequence = fillGaps(best.sequence, candidates);
  const chosen = new Set(best.sequence);
  for (const candidate of candidates) {
    const line = lines[candidate.at] as StyledLine;
    if (chosen.has(candidate)) {
      note(
        notes,
        line.index,
        'item-heading',
        `${describeFamily(best.family)}; ${candidate.reasons.join(', ')}`,
      );
      for (let k = 1; k < candidate.span; k++)
        note(notes, lines[candidate.at + k]?.index ?? 0, 'item-title', 'title continues');
    } else if (candidate.family !== best.family || candidate.number !== null) {
      const why =
        candidate.family === best.family
          ? 'out of the rising sequence'
          : `not the item style (${describeFamily(candidate.family)})`;
      note(notes, line.index, 'text', `looks like a heading, but ${why}`);
    }
  }
  return {
    headings: best.sequence.map((c) => ({ at: c.at, span: c.span, number: c.number, title: c.title })),
    description: `${best.sequence.length} items in the style ${describeFamily(best.family)} (score ${best.score.toFixed(1)} of ${families.size} candidate styles)`,
    notes,
  };
}

function describeFamily(family: string): string {
  const [shape, size, weight, level, indent] = family.split('|');
  const look = [
    size && size !== '0' ? `${size}pt` : '',
    weight?.includes('b') ? 'bold' : '',
    weight?.includes('i') ? 'italic' : '',
    level && level !== 'h0' ? level : '',
  ]
    .filter(Boolean)
    .join(' ');
  return `"${shape || 'unnumbered'}" ${look || 'plain'}${indent && indent !== '0' ? ` indent ${indent}` : ''}`;
}

function findCandidates(
  lines: readonly StyledLine[],
  contents: { readonly positions: ReadonlySet<number>; readonly titles: readonly string[] },
  bodyStyle: string,
): Candidate[] {
  const candidates: Candidate[] = [];
  const labelProminence = labelsProminence(lines);
  const attachments = attachmentLists(lines);
  const recurring = recurringLines(lines);
  for (let at = 0; at < lines.length; at++) {
    if (contents.positions.has(at) || attachments.has(at)) continue;
    const line = lines[at] as StyledLine;
    if (line.text.length > 200 || isStructural(line.text)) continue;
    const numbering = readNumbering(line.text);
    const marked = accessMarker(lines[at + 1]?.text ?? '') !== null;
    const prominent =
      line.level > 0 ||
      (line.prominence >= 1.5 && line.prominence >= labelProminence && line.style !== bodyStyle);
    // A line set apart only by a bold label running into it ("Sagsfremstilling: …", "Sted: …") is no heading.
    const labelled = runInLabel(line.text) !== null || headerLabel(line.text) !== null;
    // "Ekstra punkt" names an item as surely as a number does.
    const named = !numbering && namesExtraItem(line.text);
    if (
      !numbering &&
      !named &&
      !((prominent || marked) && !labelled && line.breakBefore && /^[\p{Lu}"«„]/u.test(line.text))
    )
      continue;
    const { span, title } = titleOf(lines, at, numbering, recurring);
    if (!title) continue;
    const evidence = weigh(lines, at, span, numbering, title, contents.titles);
    candidates.push({
      at,
      number: numbering?.number ?? null,
      title,
      span,
      family: `${numbering?.shape ?? ''}|${fontOf(line)}|${Math.round(line.indent / 8)}`,
      selfNamed: Boolean(numbering?.label) || named,
      ...evidence,
    });
  }
  return candidates;
}

/**
 * An unnumbered heading outranks the section labels: a line less prominent than the labels the
 * vocabulary knows (in the style they recur in) is a sub-heading inside an item.
 */
function labelsProminence(lines: readonly StyledLine[]): number {
  const byStyle = new Map<string, number[]>();
  for (const line of lines) {
    if (knownLabel(line.text)) byStyle.set(line.style, [...(byStyle.get(line.style) ?? []), line.prominence]);
  }
  const recurring = [...byStyle.values()].filter((p) => p.length >= 2).sort((a, b) => b.length - a.length);
  return recurring[0]?.[0] ?? 0;
}

/** "Bilag 2: Title": an attachment's own numbering. */
const ATTACHMENT_NUMBER = /^bilag\s+(\d{1,3})\b/i;

/** How many lines after a numbered line (its title wrapped) an item's marker or case number may stand. */
const HEADING_SIGNAL_WINDOW = 2;

/**
 * A numbered line that names an item ("Pkt. 4 Title"), or that a case number or an access
 * marker follows ("3. Salg af jord" / "Sagsnr.: 24/1234"), opens an item: an attachment is
 * numbered with neither word nor followed by either.
 */
function opensItem(lines: readonly StyledLine[], at: number): boolean {
  if (readNumbering(lines[at]?.text ?? '')?.namesItem) return true;
  for (let k = at + 1; k <= at + HEADING_SIGNAL_WINDOW && k < lines.length; k++) {
    const text = lines[k]?.text ?? '';
    if (readNumbering(text)) return false;
    if ((caseNumberOf(text) !== null && !isDocumentNumberLine(text)) || accessMarker(text) !== null)
      return true;
  }
  return false;
}

/**
 * Numbered lines right after an attachment label ("Bilag:", then 1, 2, 3 …) are attachments,
 * not items; the list ends at a numbered line that opens an item (a list at an item's end may
 * run on to the next item's heading, its number the next in the list and its font the same).
 */
function attachmentLists(lines: readonly StyledLine[]): Set<number> {
  const taken = new Set<number>();
  for (let at = 0; at < lines.length; at++) {
    if (knownLabel(lines[at]?.text ?? '')?.kind !== 'attachments') continue;
    let expected = 1;
    let entryFont: string | null = null;
    for (let j = at + 1; j < lines.length; j++) {
      const line = lines[j] as StyledLine;
      const number =
        readNumbering(line.text)?.number ?? Number(ATTACHMENT_NUMBER.exec(line.text)?.[1] ?? Number.NaN);
      const numbered = !Number.isNaN(number);
      if (
        numbered &&
        (number !== expected || (entryFont !== null && fontOf(line) !== entryFont) || opensItem(lines, j))
      )
        break;
      if (numbered) entryFont ??= fontOf(line);
      if (!numbered && (isStructural(line.text) || line.prominence >= 2 + (lines[at + 1]?.prominence ?? 0)))
        break;
      if (numbered) expected++;
      taken.add(j);
    }
  }
  return taken;
}

/**
 * The title of a heading: after the number, or on the next line, wrapped over lines of its font.
 * A heading that names the item with its access ("Åbent punkt 3", "Lukket punkt 4") has its title
 * on the next line only when that line is set in the heading's font and is no label, known or
 * one of the document's own (a line recurring in one style); else the label is all the title
 * there is. A closing label stays before a title under it, so the item stays closed.
 */
function titleOf(
  lines: readonly StyledLine[],
  at: number,
  numbering: Numbering | null,
  recurring: ReadonlySet<string>,
): { span: number; title: string } {
  const label = numbering?.title ? '' : (numbering?.label ?? '');
  if (!label) return titleBelow(lines, at, numbering);
  const next = lines[at + 1];
  const head = lines[at] as StyledLine;
  if (!next || fontOf(next) !== fontOf(head) || isStructural(next.text) || recurring.has(recurrenceKey(next)))
    return { span: 1, title: label };
  const below = titleBelow(lines, at, numbering);
  if (!below.title) return { span: 1, title: label };
  return {
    ...below,
    title:
      mentionsClosure(label) || accessMarker(label) === 'closed' ? `${label}: ${below.title}` : below.title,
  };
}

/** A line that recurs this many times in one style is a label of the document, no item's title. */
const LABEL_RECURRENCE = 3;

const recurrenceKey = (line: StyledLine) => `${line.style}|${fold(line.text)}`;

/**
 * The document's own labels: short lines that recur in one style ("Strategisk sigte" in every
 * item), as the section-label pass later finds them; an item's title is said once.
 */
function recurringLines(lines: readonly StyledLine[]): Set<string> {
  const counts = new Map<string, number>();
  for (const line of lines) {
    if (line.text.length > 60) continue;
    const key = recurrenceKey(line);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return new Set([...counts].filter(([, n]) => n >= LABEL_RECURRENCE).map(([key]) => key));
}

function titleBelow(
  lines: readonly StyledLine[],
  at: number,
  numbering: Numbering | null,
): { span: number; title: string } {
  const head = lines[at] as StyledLine;
  const first = numbering && !numbering.title ? lines[at + 1] : head;
  const ownLine = first === head;
  // A title under its number may read as a label ("Budget"): set in the heading's font, it is the title.
  const structural = first && isStructural(first.text) && !(fontOf(first) === fontOf(head) && !ownLine);
  if (!first || first.page !== head.page || structural || (!ownLine && !/^[\p{L}"«„]/u.test(first.text)))
    return { span: 1, title: numbering?.title ?? '' };
  const parts = [ownLine ? (numbering?.title ?? head.text) : first.text];
  let span = ownLine ? 1 : 2;
  for (let j = at + span; j < lines.length && parts.length < MAX_TITLE_LINES; j++) {
    const line = lines[j] as StyledLine;
    const sameFont = line.style === first.style || fontOf(line) === fontOf(first);
    if (
      !sameFont ||
      line.breakBefore ||
      line.page !== first.page ||
      isStructural(line.text) ||
      readNumbering(line.text)
    )
      break;
    parts.push(line.text);
    span++;
  }
  return { span, title: joinLines(parts) };
}

function weigh(
  lines: readonly StyledLine[],
  at: number,
  span: number,
  numbering: Numbering | null,
  title: string,
  tocTitles: readonly string[],
): { weight: number; reasons: string[] } {
  const line = lines[at] as StyledLine;
  const reasons: string[] = [];
  let weight = numbering ? 1.5 : 0.5;
  const add = (value: number, reason: string) => {
    weight += value;
    reasons.push(reason);
  };
  if (/^[\p{Lu}\d"«„(]/u.test(title)) add(1, 'capital initial');
  else if (/^\p{Ll}/u.test(title)) add(-1.5, 'lower-case initial');
  if (!line.breakBefore) add(-2, 'inside a paragraph');
  const window = lines.slice(at + span, at + span + SIGNAL_WINDOW);
  if (window.some((l) => isSignal(l.text))) add(1.5, 'an item signal follows');
  // The meeting's title is followed by its header's fields (date, place, members), an item never is.
  const fields = lines
    .slice(at + span, at + span + HEADER_WINDOW)
    .filter((l) => isMeetingField(l.text)).length;
  if (fields >= 2) add(-100, "the meeting's title: its header fields follow");
  if (line.prominence > 0) add(Math.min(3, line.prominence) * 0.5, 'set apart by its font');
  if (line.indent < -4) add(0.5, 'hangs left of the text');
  if (tocTitles.some((t) => sameTitle(t, title))) add(2, 'listed in the contents');
  if (title.length > 150) add(-1.5, 'too long for a title');
  if (/[,;]$/.test(title) || /^at\s/i.test(title)) add(-2, 'reads as a list entry');
  if (/\.$/.test(title) && title.split(' ').length > 8) add(-1, 'reads as a sentence');
  return { weight, reasons };
}

/**
 * An item has content under its heading: a family whose members mostly follow one another at
 * once is a list or a contents page, and its members lose weight. In a family of items, one
 * with nothing under it is a closed item printed with its title only, and keeps its weight.
 */
function weighContent(members: readonly Candidate[], end: number): Candidate[] {
  const gaps = members.map((c, i) => (members[i + 1]?.at ?? end) - (c.at + c.span));
  const sorted = [...gaps].sort((a, b) => a - b);
  const list = (sorted[Math.floor(sorted.length / 2)] ?? 0) <= 2;
  return members.map((c, i) => {
    const gap = gaps[i] ?? 0;
    const [value, reason] = !list
      ? [0.5, gap > 2 ? 'text under it' : 'little under it, in a family of items']
      : gap === 0
        ? [-2.5, 'the next one follows at once']
        : gap <= 2
          ? [-1, 'only a line or two under it']
          : [0.5, 'text under it'];
    return { ...c, weight: c.weight + value, reasons: [...c.reasons, reason] };
  });
}

/**
 * A heading of the document's numbering shape set in another font (a closed item set apart),
 * or one that names the item by a label in any shape ("Åbent punkt 3" among "3." headings),
 * joins the sequence when its number fills a gap and its own evidence is strong; an unnumbered
 * one that names itself an item ("Ekstra punkt") joins after the first item, where it stands.
 */
function fillGaps(sequence: readonly Candidate[], candidates: readonly Candidate[]): Candidate[] {
  const shape = (c: Candidate) => c.family.split('|')[0];
  const chosen = [...sequence];
  const target = sequence[0];
  if (!target || target.number === null) return chosen;
  for (const c of candidates) {
    if (chosen.includes(c) || (shape(c) !== shape(target) && !c.selfNamed) || c.weight < FILL_WEIGHT)
      continue;
    if (c.number === null) {
      // Not when it is the title under a chosen heading's number ("Dagsordenspunkt 2" / "Ekstra punkt").
      const inHeading = chosen.some((s) => c.at >= s.at && c.at < s.at + s.span);
      if (c.selfNamed && c.at > target.at && !inHeading)
        chosen.splice(chosen.findLastIndex((s) => s.at < c.at) + 1, 0, c);
      continue;
    }
    const after = chosen.findLastIndex((s) => s.at < c.at);
    const before = chosen[after];
    const following = chosen[after + 1];
    // It fills a gap, or stands before the first or after the last item by a step the sequence could take.
    const step = (a: number | null, b: number | null) => (b ?? 0) - (a ?? 0);
    const fits =
      (!before || step(before.number, c.number) > 0) &&
      (!following || step(c.number, following.number) > 0) &&
      ((before && following) ||
        (before && step(before.number, c.number) <= MAX_FILL_STEP) ||
        (following && step(c.number, following.number) <= MAX_FILL_STEP));
    if (fits) chosen.splice(after + 1, 0, c);
  }
  return chosen;
}

/** Numbering starts at 1, or runs on through the year (231.); a postcode (8410) opens no agenda. */
function startCost(first: number): number {
  if (first === 1) return 0;
  if (first <= 50) return -0.5;
  if (first <= 500) return -1;
  return -3;
}

/** A step of +1 is evidence; small gaps (closed items left out) are not; a year after item 3 is no step. */
function stepCost(step: number): number {
  if (step === 1) return 1;
  if (step <= 3) return -0.3;
  if (step <= 6) return -0.8;
  if (step <= 20) return -2;
  return -4;
}

/** The best rising subsequence of a family (numbers strictly rising), or its best members when unnumbered. */
function bestSequence(members: readonly Candidate[]): { sequence: Candidate[]; score: number } {
  const duplicate = (sequence: readonly Candidate[], c: Candidate) =>
    sequence.some((s) => s.title.toLocaleLowerCase('da') === c.title.toLocaleLowerCase('da'));
  if (members[0]?.number === null) {
    const sequence: Candidate[] = [];
    let score = 0;
    for (const c of members) {
      const cost = duplicate(sequence, c) ? -3 : 0;
      if (c.weight + cost <= 0) continue;
      sequence.push(c);
      score += c.weight + cost;
    }
    return { sequence, score };
  }
  const scores: number[] = [];
  const previous: number[] = [];
  for (const [i, c] of members.entries()) {
    scores[i] = c.weight + startCost(c.number ?? 1);
    previous[i] = -1;
    // A candidate whose own evidence is nil cannot be an item, however well its number fits.
    if (c.weight <= 0.5) {
      scores[i] = Number.NEGATIVE_INFINITY;
      continue;
    }
    for (let j = 0; j < i; j++) {
      const p = members[j] as Candidate;
      if ((p.number ?? 0) >= (c.number ?? 0)) continue;
      const value = (scores[j] ?? 0) + c.weight + stepCost((c.number ?? 0) - (p.number ?? 0));
      if (value > (scores[i] ?? 0)) {
        scores[i] = value;
        previous[i] = j;
      }
    }
  }
  let end = -1;
  for (let i = 0; i < members.length; i++) if (end < 0 || (scores[i] ?? 0) > (scores[end] ?? 0)) end = i;
  if (end < 0 || !Number.isFinite(scores[end] ?? 0)) return { sequence: [], score: 0 };
  const sequence: Candidate[] = [];
  for (let i = end; i >= 0; i = previous[i] ?? -1) sequence.unshift(members[i] as Candidate);
  return { sequence, score: scores[end] ?? 0 };
}

/** Headings after the last item: the signature page, the attachment overview. */
export function closingAfter(lines: readonly StyledLine[], from: number): number {
  const index = lines.findIndex(
    (l, i) => i > from && (isClosingHeading(l.text) || isAttachmentOverview(l.text)),
  );
  // A signature page under a heading no vocabulary knows shows by its rules to sign on.
  return Math.min(index < 0 ? lines.length : index, signaturesAfter(lines, from));
}
