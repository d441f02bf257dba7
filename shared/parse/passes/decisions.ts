import type { Decision, PriorDecision, Section } from '#domain/meeting.ts';
import { type Notes, note } from '../explanation.ts';
import { type AsideState, NO_ASIDE, readAside } from '../read/asides.ts';
import { classifyOutcome } from '../read/outcome.ts';
import { collapse, type Paragraph, paragraphs } from '../read/text.ts';
import { readVotes } from '../read/votes.ts';
import { ASIDE_INSIDE, VOTES_LINE } from '../vocabulary/decisions.ts';
import type { SectionDraft } from './item-content.ts';
import type { StyledLine } from './styles.ts';

export interface MeetingContext {
  readonly body: string | null;
  readonly date: string | null;
}

export interface ItemDecisions {
  readonly decision: Decision | null;
  readonly priorDecisions: PriorDecision[];
  readonly absent: string[];
  readonly protocolNote: string | null;
  /** Decision headings of minutes with no decision text under them. */
  readonly empty: string[];
}

/** A sub-item's heading: "1.2 Status på udviklingsønsker", "b. Konference den …". */
const SUB_ITEM = /^(?:\d+\.\d+\.?|[a-zæøå][.)])\s+\p{Lu}/u;
/**
 * Reads an item's decisions from its decision sections. The text of a decision is its section's
 * paragraphs without the lines that record attendance ("Fraværende: …", eDoc's "Følgende deltog
 * ikke i behandlingen af punktet:") or protocol notes, which go to the item's absent and
 * protocol note. A decision that opens the item (FirstAgenda prints the decision first, the case
 * after it) ends at its first paragraph, votes included. The meeting's own decision is the last
 * one of its body on its date; the others are prior decisions, in order.
 */
export function readDecisions(
  drafts: readonly SectionDraft[],
  sections: readonly Section[],
  meeting: MeetingContext,
  minutes: boolean,
  notes: Notes,
): ItemDecisions {
  const found: Found[] = [];
  const absent: string[] = [];
  const empty: string[] = [];
  const protocol: string[] = [];
  for (const [index, draft] of drafts.entries()) {
    if (draft.kind !== 'decision') continue;
    // FirstAgenda prints the decision first and the case after it: such a decision is one paragraph.
    const opening =
      drafts.slice(0, index).every((d) => d.kind === 'decision') &&
      drafts.slice(index + 1).some((d) => d.kind !== 'decision' && d.kind !== 'attachments');
    const read = decisionText(draft, opening, notes);
    absent.push(...read.absent);
    protocol.push(...read.protocol);
    if (!read.text) {
      if (minutes) empty.push(draft.heading);
      continue;
    }
    found.push({
      body: draft.decision?.body ?? null,
      date: draft.decision?.date ?? null,
      decision: {
        date: draft.decision?.date ?? meeting.date,
        text: read.text,
        outcome: classifyOutcome(read.text),
        votes: readVotes(read.text),
        page: read.page ?? sections[index]?.page ?? null,
      },
    });
  }
  const decisions = mergeSubItems(found);
  const own = ownDecision(decisions, meeting);
  return {
    decision: decisions[own]?.decision ?? null,
    priorDecisions: decisions.filter((_, i) => i !== own).map((f) => ({ ...f.decision, body: f.body })),
    absent: [...new Set(absent)],
    protocolNote: protocol.length ? collapse(protocol.join(' ')) : null,
    empty,
  };
}

/** A paragraph's text, or the part of it before or after an aside that runs on in it. */
interface Part {
  readonly text: string;
  readonly paragraph: Paragraph<StyledLine>;
}

function partsOf(lines: readonly StyledLine[]): Part[] {
  return paragraphs(lines).flatMap((paragraph) =>
    paragraph.text.split(ASIDE_INSIDE).map((text) => ({ text, paragraph })),
  );
}

/**
 * A decision section's words: its parts up to where the decision ends (a sub-heading, or the
 * first paragraph of a decision that opens the item), without attendance and protocol notes.
 */
function decisionText(draft: SectionDraft, opening: boolean, notes: Notes) {
  const parts = partsOf(draft.lines);
  const kept: Part[] = [];
  const asides = new Set<Part>();
  const absent: string[] = [];
  const protocol: string[] = [];
  let state: AsideState = NO_ASIDE;
  for (const [n, part] of parts.entries()) {
    const read = readAside(part.text, state);
    if (read.aside) {
      if (read.aside.kind === 'absent') absent.push(...read.aside.names);
      else protocol.push(read.aside.text);
      asides.add(part);
    } else if (endsDecision(part, n, kept.length > 0, opening)) {
      break;
    } else {
      kept.push(part);
    }
    state = read.state;
  }
  for (const part of parts) {
    const [role, reason] = kept.includes(part)
      ? (['decision', 'decision text'] as const)
      : asides.has(part)
        ? (['attendance', 'attendance or protocol, not decision text'] as const)
        : (['text', 'after the decision ends'] as const);
    for (const line of part.paragraph.lines) note(notes, line.index, role, reason);
  }
  return {
    text: kept
      .map((p) => p.text)
      .join('\n')
      .trim(),
    page: kept[0]?.paragraph.page ?? null,
    absent,
    protocol,
  };
}

function endsDecision(part: Part, n: number, started: boolean, opening: boolean): boolean {
  if (SUB_ITEM.test(part.text)) return true;
  if (!started) return false;
  return isSubheading(part.paragraph) || (opening && n > 0 && !VOTES_LINE.test(part.text));
}

/**
 * A decision is prose: a short line set apart (capitals, bold, larger) that closes no sentence
 * heads what follows it ("BESLUTNINGSFORSLAG FRA DD"), which is no longer the decision.
 */
function isSubheading(paragraph: Paragraph<StyledLine>): boolean {
  const first = paragraph.lines[0];
  if (!first || VOTES_LINE.test(first.text)) return false;
  if (SUB_ITEM.test(first.text)) return true;
  return first.prominence > 0 && first.text.length <= 80 && !/[.!?,;]$/.test(first.text.trim());
}

type Found = { body: string | null; date: string | null; decision: Decision };

/**
 * Several decisions that name neither a body nor a date are the decisions of an item's
 * sub-items (1.1, 1.2 …, each with its "Referat:"): together they are the item's decision.
 */
function mergeSubItems(found: readonly Found[]): Found[] {
  const plain = found.filter((f) => !f.body && !f.date);
  if (plain.length < 2) return [...found];
  const text = plain.map((f) => f.decision.text).join('\n');
  const merged: Found = {
    body: null,
    date: null,
    decision: {
      ...(plain[0] as Found).decision,
      text,
      outcome: classifyOutcome(text),
      votes: readVotes(text),
    },
  };
  return [...found.filter((f) => f.body || f.date), merged];
}

/** The last decision of the meeting's own body on its date; else of its body; else the last one. */
function ownDecision(
  found: readonly { body: string | null; date: string | null }[],
  meeting: MeetingContext,
): number {
  const ownBody = (f: { body: string | null }) => isOwnBody(f.body, meeting.body);
  const ownDate = (f: { date: string | null }) => !f.date || !meeting.date || f.date === meeting.date;
  const exact = found.findLastIndex((f) => ownBody(f) && ownDate(f));
  if (exact >= 0) return exact;
  if (meeting.body || meeting.date) return -1;
  return found.length - 1;
}

/** True when a decision heading names the meeting's own body (or none at all). */
export function isOwnBody(headingBody: string | null, meetingBody: string | null): boolean {
  if (!headingBody || !meetingBody) return true;
  const a = normaliseBody(headingBody);
  const b = normaliseBody(meetingBody);
  return a === b || a.includes(b) || b.includes(a) || a === 'udvalget';
}

/** "Byråd 2022-2025", "Aarhus Byråd", "Byrådet" and "Kommunalbestyrelsen" name one body. */
export function normaliseBody(body: string): string {
  return body
    .toLocaleLowerCase('da')
    .replace(/\s*\d{4}\s*[-–]\s*\d{4}\s*$/, '')
    .replace(/\b(byrådet|byråd|kommunalbestyrelse)\b/g, 'kommunalbestyrelsen')
    .replace(/\s+/g, ' ')
    .trim();
}
