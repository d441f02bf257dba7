import { type Notes, note } from '../explanation.ts';
import { partHeading } from '../read/agenda-parts.ts';
import type { ItemDraft } from './item-content.ts';
import type { ItemHeading } from './item-sequence.ts';
import type { ItemRange } from './section-labels.ts';
import type { StyledLine } from './styles.ts';

export interface AgendaParts {
  /** The headings of the sequence that head items, by their place in it: a part's heading does not. */
  readonly items: readonly number[];
  /** The items' ranges without the part headings at their ends, one for each of `items`. */
  readonly ranges: readonly ItemRange[];
  /** The items under a closed part's heading, by their place in `items`, with that heading. */
  readonly closed: ReadonlyMap<number, string>;
  readonly notes: Notes;
}

/**
 * Headings over parts of the agenda ("Lukkede punkter" … "Åbne punkter") stand between one
 * item's text and the next item's heading, or before the first heading. They belong to no
 * item, so they end the item before them; and the items after a closed part's heading are
 * closed until an open part's heading, whatever they print: in doubt, closed. A part heading
 * that is all an item holds is that item's own marker, and is left to it. Where the items'
 * headings have no number, a part heading set in their style was read as one of them: a
 * heading with no number that reads as a part's and has nothing under it heads no item.
 * `firstStart` is where the first item begins (its heading, or the case number printed before it).
 */
export function findAgendaParts(
  lines: readonly StyledLine[],
  firstStart: number,
  ranges: readonly ItemRange[],
  headings: readonly ItemHeading[],
): AgendaParts {
  const notes: Notes = new Map();
  const items: number[] = [];
  const closed = new Map<number, string>();
  const trimmed: ItemRange[] = [];
  let part = atPart(lines, firstStart - 1, -1, notes);
  for (const [n, range] of ranges.entries()) {
    const heading = headings[n];
    const bare = heading?.number === null && heading.span === 1 && range.from >= range.to;
    const own = bare ? atPart(lines, heading.at, -1, notes) : null;
    if (own) {
      part = own;
      continue;
    }
    if (part?.access === 'closed') closed.set(items.length, part.text);
    items.push(n);
    const ending = atPart(lines, range.to - 1, range.from, notes);
    trimmed.push(ending ? { from: range.from, to: range.to - 1 } : range);
    if (ending) part = ending;
  }
  return { items, ranges: trimmed, closed, notes };
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
