import type { AgendaItem, ParseConcern, ParseConcernCode, ParseReport } from '#domain/meeting.ts';

/** Below this confidence a document is flagged for a person to check. */
export const REVIEW_THRESHOLD = 0.7;

export interface Findings {
  readonly items: readonly AgendaItem[];
  readonly kind: 'minutes' | 'agenda';
  readonly body: string | null;
  readonly date: string | null;
  /** Decision headings with no text, by item label. */
  readonly emptyDecisions: readonly string[];
  /** Items closed only because nothing stands under their title. */
  readonly closedInDoubt: readonly string[];
}

const label = (item: AgendaItem) => (item.number === null ? `"${item.title}"` : String(item.number));

/**
 * How far to trust a reading, and why: each finding that suggests the layout was not
 * understood costs confidence (no items, numbers out of sequence, open items without text,
 * decision headings without text, items closed in doubt, no body or date).
 */
export function assessConfidence(f: Findings): ParseReport {
  const reasons: ParseConcern[] = [];
  let cost = 0;
  const charge = (value: number, code: ParseConcernCode, message: string, items: readonly string[] = []) => {
    cost += value;
    reasons.push({ code, message, items: [...items] });
  };
  if (f.items.length === 0) charge(0.6, 'no-items', 'no agenda items found');
  const numbered = f.items.filter((i) => i.number !== null);
  const jumps = numbered.slice(1).filter((item, i) => {
    const step = (item.number ?? 0) - (numbered[i]?.number ?? 0);
    return step > 3 || step <= 0;
  });
  if (jumps.length)
    charge(
      Math.min(0.3, 0.1 * jumps.length),
      'numbers-out-of-sequence',
      `item numbers out of sequence ${jumps.length} time(s)`,
      jumps.map(label),
    );
  const open = f.items.filter((i) => i.access === 'open');
  const bare = open.filter((i) => !i.lead.trim() && i.sections.every((s) => !s.text.trim())).map(label);
  if (open.length && bare.length)
    charge(
      0.3 * (bare.length / open.length),
      'items-without-text',
      `open items without text: ${bare.join(', ')}`,
      bare,
    );
  if (f.emptyDecisions.length)
    charge(
      Math.min(0.4, 0.15 * f.emptyDecisions.length),
      'decisions-without-text',
      `decision headings without text: ${f.emptyDecisions.join(', ')}`,
      f.emptyDecisions,
    );
  if (f.kind === 'minutes' && open.length >= 2) {
    const without = open.filter((i) => i.decision === null).map(label);
    if (without.length / open.length > 0.5)
      charge(
        0.15,
        'items-without-decision',
        `${without.length} of ${open.length} open items have no decision`,
        without,
      );
  }
  if (f.closedInDoubt.length)
    charge(
      Math.min(0.2, 0.05 * f.closedInDoubt.length),
      'closed-in-doubt',
      `closed in doubt (nothing printed under the title): ${f.closedInDoubt.join(', ')}`,
      f.closedInDoubt,
    );
  if (!f.body) charge(0.2, 'no-body', 'the meeting body was not found');
  if (!f.date) charge(0.2, 'no-date', 'the meeting date was not found');
  const confidence = Math.round(Math.max(0, 1 - cost) * 100) / 100;
  return { confidence, needsReview: confidence < REVIEW_THRESHOLD, reasons };
}
