import type { Run } from './layout.ts';
import type { Line } from './line.ts';

/** A page split around an item table: runs above it, the table as lines, runs below it. */
export interface PageLayout {
  readonly before: readonly Run[];
  readonly table: readonly Line[];
  readonly after: readonly Run[];
}

interface Column {
  readonly name: string;
  readonly x: number;
}

interface Header {
  readonly columns: readonly Column[];
  readonly y: number;
  readonly size: number;
}

/** A table row being read: its cells' runs per column. */
interface Row {
  readonly cells: Run[][];
}

const NUMBER_COLUMN = /^(nr\.?|pkt\.?|punkt)$/i;
const TITLE_COLUMN = /^(emne|sag|overskrift|titel|punkt)$/i;
/** Points a cell may start left of its column's heading. */
const COLUMN_SLACK = 2;
/** Item headings are set larger than the table text, as in minutes with headings. */
const HEADING_STEP = 2;

/**
 * Minutes set as one table with a row per item ("Nr. | Emne | Drøftelse | Beslutning / opfølgning |
 * Ansvarlig"), possibly over several pages with the header repeated: each row becomes an item
 * heading followed by a heading and text per non-empty column, so the parser reads such minutes
 * like any other. Pages without such a table pass through untouched.
 */
export function extractItemTables(pages: readonly (readonly Run[])[]): PageLayout[] {
  const layouts: PageLayout[] = [];
  let open: { header: Header; rows: Row[]; page: number } | null = null;
  const flush = () => {
    if (!open) return;
    const target = layouts[open.page - 1];
    if (target)
      layouts[open.page - 1] = {
        ...target,
        table: open.rows.flatMap((row) => rowLines(row, open?.header as Header)),
      };
    open = null;
  };
  for (const [index, runs] of pages.entries()) {
    const header = findHeader(runs);
    if (!header) {
      flush();
      layouts.push({ before: runs, table: [], after: [] });
      continue;
    }
    const left = (header.columns[0]?.x ?? 0) - COLUMN_SLACK;
    const below = runs.filter((r) => r.y < header.y - 1);
    const endY = Math.max(
      ...below.filter((r) => r.x < left && r.str.trim()).map((r) => r.y),
      Number.NEGATIVE_INFINITY,
    );
    const cells = below.filter((r) => r.y > endY && r.str.trim());
    const continues = open !== null && sameColumns(open.header, header);
    if (!continues) flush();
    // On a page that repeats the table's header, what stands above it is the running header and
    // what stood below the table on the page before is the running footer.
    const previous = layouts[index - 1];
    if (continues && previous) layouts[index - 1] = { ...previous, after: [] };
    const before = continues ? [] : runs.filter((r) => r.y > header.y + 1);
    layouts.push({ before, table: [], after: below.filter((r) => r.y <= endY) });
    open ??= { header, rows: [], page: index + 1 };
    addCells(open.rows, cells, header.columns);
  }
  flush();
  return layouts;
}

function findHeader(runs: readonly Run[]): Header | null {
  const rows = new Map<number, Run[]>();
  for (const run of runs) {
    if (!run.bold || !run.str.trim()) continue;
    const key = Math.round(run.y);
    rows.set(key, [...(rows.get(key) ?? []), run]);
  }
  for (const [y, row] of rows) {
    const sorted = [...row].sort((a, b) => a.x - b.x);
    const names = sorted.map((r) => r.str.trim());
    // Column names are words: a heading "Punkt 162: Lukket punkt" set in runs is no header row.
    if (
      sorted.length >= 3 &&
      NUMBER_COLUMN.test(names[0] ?? '') &&
      names.slice(1).some((n) => TITLE_COLUMN.test(n)) &&
      !names.some((n) => /\d/.test(n))
    ) {
      return { columns: sorted.map((r) => ({ name: r.str.trim(), x: r.x })), y, size: sorted[0]?.size ?? 0 };
    }
  }
  return null;
}

function sameColumns(a: Header, b: Header): boolean {
  return a.columns.length === b.columns.length && a.columns.every((c, i) => c.name === b.columns[i]?.name);
}

/** A row starts where the number column holds a number; cells above the first start continue the last row. */
function addCells(rows: Row[], cells: readonly Run[], columns: readonly Column[]): void {
  const sorted = [...cells].sort((a, b) => b.y - a.y || a.x - b.x);
  const starts = new Set(
    sorted.filter((r) => columnOf(r, columns) === 0 && /^\d+$/.test(r.str.trim())).map((r) => r.y),
  );
  let row = rows.at(-1);
  for (const run of sorted) {
    if (starts.has(run.y) && columnOf(run, columns) === 0) {
      row = { cells: columns.map(() => []) };
      rows.push(row);
    }
    row?.cells[columnOf(run, columns)]?.push(run);
  }
}

function columnOf(run: Run, columns: readonly Column[]): number {
  let index = 0;
  for (const [i, column] of columns.entries()) if (run.x + COLUMN_SLACK >= column.x) index = i;
  return index;
}

function rowLines(row: Row, header: Header): Line[] {
  const titleColumn = header.columns.findIndex((c, i) => i > 0 && TITLE_COLUMN.test(c.name));
  const number = (row.cells[0] ?? []).map((r) => r.str.trim()).join(' ');
  const title = row.cells[titleColumn] ?? [];
  const first = title[0] ?? row.cells[0]?.[0];
  if (!first) return [];
  const lines = title.map((run, i) =>
    toLine(
      i === 0 ? `${number} ${run.str.trim()}` : run.str.trim(),
      run,
      header.size + HEADING_STEP,
      true,
      i === 0,
    ),
  );
  for (const [c, column] of header.columns.entries()) {
    const runs = row.cells[c] ?? [];
    if (c === 0 || c === titleColumn || runs.length === 0) continue;
    lines.push(toLine(column.name, runs[0] as Run, header.size, true, true));
    lines.push(...runs.map((run) => toLine(run.str.trim(), run, run.size, false, false)));
  }
  return lines;
}

function toLine(text: string, run: Run, size: number, bold: boolean, breakBefore: boolean): Line {
  return {
    text,
    page: run.page,
    x: Math.round(run.x),
    y: Math.round(run.y),
    size,
    bold,
    italic: false,
    level: 0,
    breakBefore,
  };
}
