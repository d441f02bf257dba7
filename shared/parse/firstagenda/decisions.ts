import type { Decision, PriorDecision } from '#domain/meeting.ts';
import { isOwnBody } from '../passes/decisions.ts';
import { type AsideState, NO_ASIDE, readAside } from '../read/asides.ts';
import { findDateAt } from '../read/dates.ts';
import { classifyOutcome } from '../read/outcome.ts';
import { collapse, fold } from '../read/text.ts';
import { isBodyWord } from '../read/vocabulary.ts';
import { readVotes } from '../read/votes.ts';
import { ASIDE_INSIDE, HISTORY_HEADINGS, UNRELEASED_DECISION } from '../vocabulary/decisions.ts';
import type { HtmlSection } from './sections.ts';

/** A decision section's lines sorted: the decision's words, who was away, protocol notes. */
export interface DecisionText {
  /** Paragraphs separated by "\n"; empty when the section records attendance only. */
  readonly text: string;
  readonly absent: string[];
  readonly protocol: string[];
}

/**
 * The words of a decision: its lines without those that record attendance, which give the absent,
 * and protocol notes, which run to the section's end (shared/parse/read/asides.ts, as in PDFs).
 * An aside run on after a closed sentence ("Godkendt. Fraværende: …") is split off.
 */
export function readDecisionText(lines: readonly string[]): DecisionText {
  const kept: string[] = [];
  const absent: string[] = [];
  const protocol: string[] = [];
  let state: AsideState = NO_ASIDE;
  for (const part of lines.flatMap((l) => collapse(l).split(ASIDE_INSIDE)).filter(Boolean)) {
    const read = readAside(part, state);
    if (read.aside?.kind === 'absent') absent.push(...read.aside.names);
    else if (read.aside?.kind === 'protocol') protocol.push(read.aside.text);
    else kept.push(part);
    state = read.state;
  }
  return { text: kept.join('\n'), absent: [...new Set(absent)], protocol: protocol.filter(Boolean) };
}

/** A decision from its text, dated by its heading or else the meeting: outcome and votes as in PDFs. */
export function decisionOf(text: string, date: string | null): Decision {
  return { date, text, outcome: classifyOutcome(text), votes: readVotes(text), page: null };
}

const HISTORY = new Set(HISTORY_HEADINGS.map(fold));

/** Whether a section is the item's history: the earlier bodies' decisions ("Sagens forløb"). */
export function isHistorySection(section: Pick<HtmlSection, 'heading'>): boolean {
  return HISTORY.has(fold(section.heading));
}

/** "28-03-2022 Økonomiudvalget", "08-03-2022 Plan-, Trygheds- og Integrationsudvalget 2022": a date, then a body. */
export function historyEntry(line: string): { date: string; body: string } | null {
  const text = collapse(line);
  const found = findDateAt(text);
  if (found?.index !== 0) return null;
  const rest = text
    .slice(text.indexOf(' ') + 1)
    .replace(/\s+(?:19|20)\d{2}(?:\s*[-–]\s*(?:19|20)?\d{2})?$/, '')
    .trim();
  const words = rest.split(' ');
  if (
    !rest ||
    rest === text ||
    words.length > 8 ||
    !(isBodyWord(words[0] ?? '') || isBodyWord(words.at(-1) ?? ''))
  )
    return null;
  return { date: found.iso, body: rest };
}

/** An item's history as read: the earlier bodies' decisions, and the history's text without the entries that hold none. */
export interface History {
  readonly decisions: PriorDecision[];
  /** Each kept entry's line and its decision's text, one paragraph each. */
  readonly text: string;
}

/**
 * The decisions of the item's history: each entry's text up to the next entry, without
 * attendance; entries whose decision is not released, and the meeting's own entry, give none.
 */
export function readHistory(
  lines: readonly string[],
  meeting: { readonly body: string | null; readonly date: string | null },
): History {
  const entries: { line: string; date: string; body: string; lines: string[] }[] = [];
  for (const line of lines) {
    const entry = historyEntry(line);
    if (entry) entries.push({ ...entry, line, lines: [] });
    else entries.at(-1)?.lines.push(line);
  }
  const kept = entries.flatMap((entry) => {
    const { text } = readDecisionText(entry.lines);
    const own = entry.date === meeting.date && isOwnBody(entry.body, meeting.body);
    if (!text || own || UNRELEASED_DECISION.test(text)) return [];
    return [{ line: entry.line, text, decision: { ...decisionOf(text, entry.date), body: entry.body } }];
  });
  return {
    decisions: kept.map((k) => k.decision),
    text: kept.map((k) => `${k.line}\n${k.text}`).join('\n'),
  };
}
