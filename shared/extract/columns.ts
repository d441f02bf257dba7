import type { Run } from './layout.ts';

/** A gap wider than this many font sizes is a column break wherever it lands. */
export const WIDE_GAP = 1.5;
/** A gap narrower than this many font sizes may be a word space (Courier's is 0.6 em). */
const WORD_SPACE = 0.65;
/** Points two cells of one column may start apart. */
const SLACK = 1;
/** Rows that must start a second cell at an x before it is a column. */
const ROWS = 2;

const visible = (row: readonly Run[]) => row.filter((r) => r.str.trim()).sort((p, q) => p.x - q.x);

/**
 * Where a document's second columns start: the x at which rows continue after a wide first gap
 * ("1 ⇥ Title", "Dato ⇥ 5. maj"), on at least two rows of any page. A table column or tab stop
 * stays put while the cell before it grows ("10", "100", "Mødedeltagere"), so its gap narrows.
 */
export function columnStops(rows: readonly (readonly Run[])[]): number[] {
  const starts: number[] = [];
  for (const row of rows) {
    const runs = visible(row);
    const at = runs.findIndex((r, i) => i > 0 && gapBefore(runs, i) > r.size * WIDE_GAP);
    const x = runs[at]?.x;
    if (x !== undefined) starts.push(x);
  }
  return [...new Set(shared(starts).map(Math.round))];
}

/** The xs with at least ROWS of `xs` within SLACK of them (sorted, so long tables stay linear). */
function shared(xs: readonly number[]): number[] {
  const sorted = [...xs].sort((a, b) => a - b);
  let low = 0;
  let high = 0;
  return sorted.filter((x) => {
    while ((sorted[low] as number) < x - SLACK) low++;
    while (high < sorted.length && (sorted[high] as number) <= x + SLACK) high++;
    return high - low >= ROWS;
  });
}

function gapBefore(runs: readonly Run[], i: number): number {
  const before = runs[i - 1] as Run;
  return (runs[i] as Run).x - (before.x + before.width);
}

/**
 * A gap before `run` is a column break when it is wide, or when it is wider than a word space
 * and the run starts at one of the document's columns: the cell before it grew into the gap.
 * Only a row's first break is measured against the columns (`first`).
 */
export function breaksColumn(gap: number, run: Run, stops: readonly number[], first: boolean): boolean {
  if (gap > run.size * WIDE_GAP) return true;
  return first && gap > run.size * WORD_SPACE && stops.some((x) => Math.abs(x - run.x) <= SLACK);
}
