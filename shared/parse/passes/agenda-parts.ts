import { type Notes, note } from '../explanation.ts';
import { partHeading } from '../read/agenda-parts.ts';
import type { ItemDraft } from './item-content.ts';
import type { ItemRange } from './section-labels.ts';
import type { StyledLine } from './styles.ts';

export interface AgendaParts {
  /** The items' ranges without the part headings at their ends. */
  readonly ranges: readonly ItemRange[];
  /** The items under a closed part's heading, by their place in the sequence, with that heading. */
  readonly closed: ReadonlyMap<number, string>;
  readonly notes: Notes;
}

/**
 * Headings over parts of the agenda ("Lukkede punkter" … "Åbne punkter") stand between one
 * item's text and the next item's heading, or before the first heading. They belong to no
 * item, so they end the item before them; and the items after a closed part's heading are
 * closed until an open part's heading, whatever they print: in doubt, closed. A part heading
 * that is all an item holds is that item's own marker, and is left to it. `firstStart` is where
 * the first item begins (its heading, or the case number printed before it).
 */
export function findAgendaParts(
  lines: readonly StyledLine[],
  firstStart: number,
  ranges: readonly ItemRange[],
): AgendaParts {
  const notes: Notes = new Map();
  const closed = new Map<number, string>();
  const trimmed: ItemRange[] = [];
  let part = atPart(lines, firstStart - 1, -1, notes);
  for (const [n, range] of ranges.entries()) {
    if (part?.access === 'closed') closed.set(n, part.text);
    const ending = atPart(lines, range.to - 1, range.from, notes);
    trimmed.push(ending ? { from: range.from, to: range.to - 1 } : range);
    if (ending) part = ending;
  }
  return { ranges: trimmed, closed, notes };
}

/** The part heading at `at`, if one stands there after `after`; noted for --explain. */
function atPart(lines: readonly StyledLine[], at: number, after: number, notes: Notes) {
  const line = lines[at];
  if (!line || at <= after) return null;
  const access = partHeading(line.text);
  if (!access) return null;
  note(notes, line.index, 'access', `a heading over the ${access} items after it`);
  return { access, text: line.text.trim() };
}

/** An item under a closed part's heading: closed, with the heading as the reason. */
export function underClosedPart(draft: ItemDraft, heading: string | undefined): ItemDraft {
  if (heading === undefined || draft.access === 'closed') return draft;
  return { ...draft, access: 'closed', accessReason: `under "${heading}"` };
}
