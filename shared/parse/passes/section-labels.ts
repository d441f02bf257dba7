import { type Notes, note } from '../explanation.ts';
import { type DecisionHeading, decisionHeading } from '../read/decision-heading.ts';
import { readNumbering } from '../read/numbering.ts';
import { fold, joinLines, phrasePattern, sentenceCase } from '../read/text.ts';
import {
  accessMarker,
  caseNumberOf,
  headerLabel,
  isDocumentNumberLine,
  knownLabel,
  MAX_LABEL_LENGTH,
  responsibleOf,
  runInLabel,
  runsIn,
} from '../read/vocabulary.ts';
import { isDecisionAside } from '../vocabulary/decisions.ts';
import { ITEM_NUMBER_WORDS } from '../vocabulary/items.ts';
import type { SectionKind } from '../vocabulary/labels.ts';
import { type StyledLine, setAlike } from './styles.ts';

/** A line taken for a section label. */
export interface Label {
  readonly heading: string;
  readonly kind: SectionKind;
  /** The text after a run-in label ("Drøftelse: Jakob orienterede …"), else null. */
  readonly rest: string | null;
  /** What a decision heading names (body, date), for decision labels. */
  readonly decision: DecisionHeading | null;
  /** Lines the label takes (a heading wrapped onto a second line). */
  readonly span: number;
}

export interface SectionLabels {
  readonly labels: ReadonlyMap<number, Label>;
  /** The style most labels of this document are set in, for --explain. */
  readonly labelStyle: string | null;
  readonly notes: Notes;
}

/** Item content as positions in the styled lines. */
export interface ItemRange {
  readonly from: number;
  readonly to: number;
}

interface LabelCandidate {
  readonly at: number;
  readonly item: number;
  readonly key: string;
  readonly text: string;
  readonly rest: string | null;
  readonly standalone: boolean;
  readonly span: number;
}

/** A label is a short line: a few words, no sentence. */
const MAX_LABEL_WORDS = 8;

/**
 * Finds each document's own section labels. Candidates are short lines standing on their own
 * and run-in "Label: text" openings. The vocabulary is a prior: the style most vocabulary
 * labels of this document share is its label style; a line in that style that recurs across
 * items is a label even when no vocabulary knows it, and a vocabulary word in the body text's
 * style is not a label when the document sets its labels apart. Decision headings that name a
 * body and a date are labels in any style.
 */
export function findSectionLabels(
  lines: readonly StyledLine[],
  items: readonly ItemRange[],
  bodyStyle: string,
): SectionLabels {
  const candidates = items.flatMap((range, item) => candidatesIn(lines, range, item));
  const labelStyle = learnLabelStyle(lines, candidates);
  const emphasised = labelStyle !== null && labelStyle !== bodyStyle;
  const recurrence = new Map<string, Set<number>>();
  for (const c of candidates) recurrence.set(c.key, (recurrence.get(c.key) ?? new Set()).add(c.item));
  const recurs = (c: LabelCandidate) => (recurrence.get(c.key)?.size ?? 0) >= 2;
  // A document that runs its known labels into their text runs its own labels in too.
  const runInDocument =
    candidates.filter((c) => !c.standalone && runInLabel((lines[c.at] as StyledLine).text)).length >= 2;
  const labels = new Map<number, Label>();
  const notes: Notes = new Map();
  for (const c of candidates) {
    const line = lines[c.at] as StyledLine;
    const decision = decisionHeading(c.text);
    const known = c.standalone ? knownLabel(c.text) : (runInLabel(line.text)?.label ?? null);
    let reason: string | null = null;
    if (decision && (decision.body || decision.date)) reason = 'a decision heading naming its body or date';
    else if (c.standalone && (known || decision)) {
      if (!emphasised || line.style !== bodyStyle)
        reason = emphasised ? 'a known label in the label style' : 'a known label';
    } else if (c.standalone) {
      if (
        recurs(c) &&
        ((emphasised && line.style === labelStyle) || (!emphasised && /:$/.test(line.text.trim())))
      )
        reason = `recurs in ${recurrence.get(c.key)?.size} items in the label style`;
    } else if (known) {
      if (runsIn(known) || !emphasised || recurs(c)) reason = 'a known label running into its text';
    } else if (recurs(c) && (!emphasised || runInDocument))
      reason = `a run-in label recurring in ${recurrence.get(c.key)?.size} items`;
    if (!reason) continue;
    const heading = decision
      ? decision.heading
      : (known?.heading ?? sentenceCase(c.text.replace(/\s*:$/, '').trim()));
    const kind: SectionKind = decision ? 'decision' : (known?.kind ?? 'other');
    labels.set(c.at, { heading, kind, rest: c.rest, decision, span: c.span });
    for (let k = 0; k < c.span; k++) {
      const role = decision ? 'decision-heading' : 'section-label';
      note(
        notes,
        lines[c.at + k]?.index ?? 0,
        role,
        k === 0 ? `${reason} → ${heading}` : 'the label continues',
      );
    }
  }
  return { labels, labelStyle, notes };
}

function candidatesIn(lines: readonly StyledLine[], range: ItemRange, item: number): LabelCandidate[] {
  const out: LabelCandidate[] = [];
  for (let at = range.from; at < range.to; at++) {
    const line = lines[at] as StyledLine;
    const text = line.text.trim();
    // A label is a short line or runs into its text after a colon: most lines of prose are neither.
    if (text.length > MAX_LABEL_LENGTH && !text.includes(':')) continue;
    if (
      readNumbering(text) ||
      isDecisionAside(text) ||
      accessMarker(text) ||
      caseNumberOf(text) ||
      responsibleOf(text) ||
      isDocumentNumberLine(text) ||
      (headerLabel(text) && !knownLabel(text))
    )
      continue;
    const next = lines[at + 1];
    const words = text.split(/\s+/).length;
    // "Beslutning i Økonomiudvalget den 5. november 2025: Tiltrådt.": a decision heading running in.
    const runInDecision = /^(.{3,110}?):\s+(\S.*)$/u.exec(text);
    if (runInDecision && decisionHeading(runInDecision[1] ?? '')?.body) {
      const label = runInDecision[1] ?? '';
      out.push({
        at,
        item,
        key: `${fold(label)}:`,
        text: label,
        rest: runInDecision[2] ?? '',
        standalone: false,
        span: 1,
      });
      continue;
    }
    // "Drøftelse: Jakob orienterede …": a label opening its paragraph, its text after the colon.
    const runIn = /^([\p{Lu}][\p{L} /-]{2,40}):\s+(\S.*)$/u.exec(text);
    if (runIn && line.breakBefore && (runIn[1] ?? '').split(' ').length <= 5) {
      const label = runIn[1] ?? '';
      out.push({
        at,
        item,
        key: `${fold(label)}:`,
        text: label,
        rest: runIn[2] ?? '',
        standalone: false,
        span: 1,
      });
      continue;
    }
    // A decision heading cut before its date or number ("… beslutning den" / "14.01.2026 Punkt
    // 259") is one as surely as when it stands whole, though its next line is in its own style.
    const cut = RUNS_ON.test(text) ? wrappedLabel(lines, at, range.to) : null;
    const decision = decisionHeading(text) ?? (cut ? decisionHeading(cut) : null);
    const shortLine =
      text.length <= MAX_LABEL_LENGTH &&
      (words <= MAX_LABEL_WORDS || decision !== null) &&
      /^[\p{Lu}]/u.test(text);
    // Hard-wrapped text may set a label right under a paragraph; a whole line the vocabulary knows
    // as a label is one wherever it stands.
    const known = knownLabel(text) !== null || decision !== null;
    const opens =
      line.breakBefore || known || text.endsWith(':') || /[.:!?]$/.test(lines[at - 1]?.text.trim() ?? '');
    const alone =
      opens &&
      (known ||
        !next ||
        at + 1 >= range.to ||
        next.breakBefore ||
        next.style !== line.style ||
        text.endsWith(':'));
    if (shortLine && alone && (!/[.;,]$/.test(text) || decision)) {
      const wrapped = wrappedLabel(lines, at, range.to);
      const full = wrapped ?? text;
      out.push({
        at,
        item,
        key: `${fold(full)}@${line.style}`,
        text: full,
        rest: null,
        standalone: true,
        span: wrapped ? 2 : 1,
      });
      if (wrapped) at++;
    }
  }
  return out;
}

/**
 * A decision heading cut after a word that needs what follows it: "… den" before its date,
 * "… Punkt" before its item's number.
 */
const RUNS_ON = new RegExp(`\\s(?:den|d\\.|i|${ITEM_NUMBER_WORDS.map(phrasePattern).join('|')})$`, 'iu');
/** The item's number wrapped alone onto the next line of a decision heading: "PUNKT 201". */
const ITEM_NUMBER_LINE = new RegExp(
  `^(?:${ITEM_NUMBER_WORDS.map(phrasePattern).join('|')})\\s*\\d+:?$`,
  'iu',
);

/**
 * A label wrapped onto a second line of its own style ("Beslutning i Klima-, Natur- og
 * Miljøudvalget den 5. februar" / "2025", "… BESLUTNING DEN 10.03.2024 PUNKT" / "177", "…
 * DEN 19.12.2023" / "PUNKT 201"): the
 * joined text when it reads as a better label, or when the first line cannot end there.
 */
function wrappedLabel(lines: readonly StyledLine[], at: number, to: number): string | null {
  const line = lines[at] as StyledLine;
  const next = lines[at + 1];
  if (!next || at + 1 >= to || next.breakBefore || !setAlike(line, next) || next.page !== line.page)
    return null;
  const joined = joinLines([line.text, next.text]);
  const single = decisionHeading(line.text);
  const both = decisionHeading(joined);
  const runsOn = RUNS_ON.test(line.text.trim()) || ITEM_NUMBER_LINE.test(next.text.trim());
  if (both && (!single || (both.date && !single.date) || runsOn)) return joined;
  if (!knownLabel(line.text) && knownLabel(joined)) return joined;
  return null;
}

/** The style most vocabulary labels of the document are set in. */
function learnLabelStyle(lines: readonly StyledLine[], candidates: readonly LabelCandidate[]): string | null {
  const counts = new Map<string, number>();
  for (const c of candidates) {
    if (!c.standalone || !knownLabel(c.text)) continue;
    const style = (lines[c.at] as StyledLine).style;
    counts.set(style, (counts.get(style) ?? 0) + 1);
  }
  const [best] = [...counts].sort((a, b) => b[1] - a[1]);
  return best ? best[0] : null;
}
