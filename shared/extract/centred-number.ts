import type { Run } from './layout.ts';

/** A cell that holds only an item's number: "3", "3.", "12)". */
const NUMBER_CELL = /^\d{1,3}[.)]?$/;
/** Lines of one wrapped title stand at most this many font sizes apart. */
const TITLE_PITCH = 1.8;
/** Points two lines of one cell may start apart. */
const CELL_SLACK = 2;

const visible = (row: readonly Run[]) => row.filter((r) => r.str.trim());

/**
 * A heading set as a table row (FirstAgenda: the number in a cell of its own, the title wrapped in
 * the next) centres the number vertically beside the title: it stands on a baseline of its own
 * between the title's lines, or on the title's middle line, and the lines above it would read as
 * the previous item's text. A number cell centred beside the lines of one cell to its right, in
 * the number's font, is moved to the first of them, where a number beside its title stands in every other
 * layout. Rows are top to bottom; a row's runs share a baseline.
 */
export function raiseCentredNumbers(rows: readonly (readonly Run[])[]): Run[][] {
  const result = rows.map((row) => [...row].sort((p, q) => p.x - q.x));
  for (let at = 0; at < result.length; at++) {
    const row = visible(result[at] ?? []);
    const number = row[0];
    if (!number || !NUMBER_CELL.test(number.str.trim())) continue;
    const beside = row[1];
    // A cell: the title stands clear of the number by more than a word space (0.6 em in Courier).
    if (beside && beside.x - (number.x + number.width) <= number.size * 0.6) continue;
    const top = centredTitleTop(result, at, number, beside);
    if (top === null) continue;
    const target = result[top] as Run[];
    result[top] = [{ ...number, y: target[0]?.y ?? number.y }, ...target];
    result[at] = (result[at] ?? []).filter((r) => r !== number);
  }
  return result.filter((row) => visible(row).length > 0);
}

/** The row of the title's first line, when the number at `at` is centred beside the title's lines. */
function centredTitleTop(
  rows: readonly (readonly Run[])[],
  at: number,
  number: Run,
  beside: Run | undefined,
): number | null {
  const cellX = beside?.x ?? visible(rows[at - 1] ?? [])[0]?.x;
  if (cellX === undefined || cellX <= number.x + number.width) return null;
  const inCell = (k: number, from: number) => {
    const first = visible(rows[k] ?? [])[0];
    const near = visible(rows[from] ?? [])[0];
    return (
      first !== undefined &&
      near !== undefined &&
      Math.abs(first.x - cellX) <= CELL_SLACK &&
      // A heading's number and title share its font; the body beside a list's number does not.
      first.size === number.size &&
      first.bold === number.bold &&
      Math.abs(near.y - first.y) <= first.size * TITLE_PITCH
    );
  };
  let above = 0;
  while (inCell(at - above - 1, at - above)) above++;
  let below = 0;
  while (inCell(at + below + 1, at + below)) below++;
  const reach = Math.min(above, below);
  if (reach === 0) return null;
  const [first, last] = [visible(rows[at - reach] ?? [])[0], visible(rows[at + reach] ?? [])[0]];
  if (!first || !last) return null;
  const middle = (first.y + last.y) / 2;
  return Math.abs(middle - number.y) <= number.size * 0.35 ? at - reach : null;
}
