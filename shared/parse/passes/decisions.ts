import type { Decision, PriorDecision, Section } from '#domain/meeting.ts';
import { type Notes, note } from '../explanation.ts';
import { classifyOutcome } from '../read/outcome.ts';
import { personNames } from '../read/people.ts';
import { collapse, type Paragraph, paragraphs } from '../read/text.ts';
import { readVotes } from '../read/votes.ts';
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

/** "Fraværende: …", "Afbud: …": who was away, not what was decided. */
const ABSENT_LINE = /^(?:fraværende|afbud|fravær|forfald|inhabil)\s*:\s*(.*)$/i;
/** eDoc's "Følgende deltog ikke i behandlingen af punktet:", names on the line or the next. */
const NOT_TAKING_PART = /^følgende deltog ikke i behandlingen(?: af (?:punktet|sagen))?\s*:?\s*(.*)$/i;
/** "Jesper Kjeldsen deltog ikke i sagens behandling." */
const DID_NOT_TAKE_PART =
  /^(\p{Lu}[\p{L} .-]+?) deltog ikke i (?:sagens |punktets )?behandling(?:en)?(?: af (?:punktet|sagen))?\.?$/u;
const PROTOCOL_NOTE = /^(?:protokol(?:tilførsel|bemærkning)|mindretalsudtalelse)\s*:?\s*(.*)$/i;
/** A sub-item's heading: "1.2 Status på udviklingsønsker", "b. Konference den …". */
const SUB_ITEM = /^(?:\d+\.\d+\.?|[a-zæøå][.)])\s+\p{Lu}/u;
/** What may follow a decision's first paragraph and still be part of it: votes. */
const DECISION_CONTINUATION =
  /^(for stemte|imod stemte|imod:|for:|undlod|et flertal|et mindretal|enstemmig)/i;

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
  let protocolNote: string | null = null;
  for (const [index, draft] of drafts.entries()) {
    if (draft.kind !== 'decision') continue;
    // FirstAgenda prints the decision first and the case after it: such a decision is one paragraph.
    const opening =
      drafts.slice(0, index).every((d) => d.kind === 'decision') &&
      drafts.slice(index + 1).some((d) => d.kind !== 'decision' && d.kind !== 'attachments');
    const parts = paragraphs(draft.lines);
    const kept: Paragraph<StyledLine>[] = [];
    const attendance = new Set<Paragraph<StyledLine>>();
    let away = false;
    let inNote = false;
    for (const [n, paragraph] of parts.entries()) {
      const text = paragraph.text;
      const absence = ABSENT_LINE.exec(text) ?? NOT_TAKING_PART.exec(text);
      const didNot = DID_NOT_TAKE_PART.exec(text);
      const protocol = PROTOCOL_NOTE.exec(text);
      if (absence || didNot || protocol || inNote) attendance.add(paragraph);
      if (absence || didNot) {
        absent.push(...personNames([absence ? (absence[1] ?? '') : (didNot?.[1] ?? '')]));
        away = NOT_TAKING_PART.test(text) && !(absence?.[1] ?? '').trim();
      } else if (protocol || inNote) {
        protocolNote = collapse(`${protocolNote ?? ''} ${protocol ? (protocol[1] ?? '') : text}`);
        inNote = true;
      } else if (
        away &&
        personNames([text]).length > 0 &&
        text.split(' ').length <= 12 &&
        !/[.!?]$/.test(text)
      ) {
        absent.push(...personNames([text]));
        attendance.add(paragraph);
      } else if (
        SUB_ITEM.test(text) ||
        (kept.length > 0 &&
          (isSubheading(paragraph) || (opening && n > 0 && !DECISION_CONTINUATION.test(text))))
      ) {
        break;
      } else {
        kept.push(paragraph);
        away = false;
      }
    }
    for (const paragraph of parts) {
      for (const line of paragraph.lines) {
        if (kept.includes(paragraph)) note(notes, line.index, 'decision', 'decision text');
        else if (attendance.has(paragraph))
          note(notes, line.index, 'attendance', 'attendance or protocol, not decision text');
        else note(notes, line.index, 'text', 'after the decision that opens the item');
      }
    }
    const text = kept
      .map((p) => p.text)
      .join('\n')
      .trim();
    if (!text) {
      if (minutes) empty.push(draft.heading);
      continue;
    }
    found.push({
      body: draft.decision?.body ?? null,
      date: draft.decision?.date ?? null,
      decision: {
        date: draft.decision?.date ?? meeting.date,
        text,
        outcome: classifyOutcome(text),
        votes: readVotes(text),
        page: kept[0]?.page ?? sections[index]?.page ?? null,
      },
    });
  }
  const decisions = mergeSubItems(found);
  const own = ownDecision(decisions, meeting);
  return {
    decision: decisions[own]?.decision ?? null,
    priorDecisions: decisions.filter((_, i) => i !== own).map((f) => ({ ...f.decision, body: f.body })),
    absent: [...new Set(absent)],
    protocolNote,
    empty,
  };
}

/**
 * A decision is prose: a short line set apart (capitals, bold, larger) that closes no sentence
 * heads what follows it ("BESLUTNINGSFORSLAG FRA DD"), which is no longer the decision.
 */
function isSubheading(paragraph: Paragraph<StyledLine>): boolean {
  const first = paragraph.lines[0];
  if (!first || DECISION_CONTINUATION.test(first.text)) return false;
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
