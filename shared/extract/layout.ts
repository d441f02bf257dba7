import { raiseCentredNumbers } from './centred-number.ts';
import { breaksColumn } from './columns.ts';
import type { Line } from './line.ts';

/** A run of text in one font, as pdf.js positions it (points from the page's bottom left). */
export interface Run {
  readonly str: string;
  readonly page: number;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly size: number;
  readonly bold: boolean;
  readonly italic: boolean;
}

/** Runs that share a baseline, top to bottom. */
export function groupRows(runs: readonly Run[]): Run[][] {
  const sorted = [...runs].sort((p, q) => q.y - p.y || p.x - q.x);
  const rows: Run[][] = [];
  for (const run of sorted) {
    const row = rows.at(-1);
    const first = row?.[0];
    if (row && first && Math.abs(first.y - run.y) <= Math.max(first.size, run.size) * 0.35) row.push(run);
    else rows.push([run]);
  }
  return rows;
}

/**
 * Joins runs that share a baseline into lines, in reading order (top to bottom, left to right).
 * `stops` are the document's columns (columns.ts columnStops).
 */
export function groupLines(runs: readonly Run[], page: number, stops: readonly number[] = []): Line[] {
  const rows = groupRows(runs);
  const lines: Line[] = [];
  let previous: { y: number; size: number } | undefined;
  for (const row of raiseCentredNumbers(rows)) {
    const text = joinRuns(row, stops).replace(/\s+$/, '');
    if (text.trim().length === 0) continue;
    const main = dominantRun(row);
    const y = row[0]?.y ?? 0;
    const size = Math.round(main.size * 10) / 10;
    const gap = previous ? previous.y - y : Number.POSITIVE_INFINITY;
    const visible = row.filter((r) => r.str.trim());
    const left = visible[0]?.x ?? main.x;
    const last = visible.at(-1) ?? main;
    lines.push({
      text: text.trimStart(),
      page,
      x: Math.round(left),
      width: Math.round(last.x + last.width - left),
      y: Math.round(y),
      size,
      bold: main.bold,
      italic: main.italic,
      level: 0,
      breakBefore: gap > Math.max(size, previous?.size ?? 0) * 1.75,
    });
    previous = { y, size };
  }
  return lines;
}

/** The run that carries most of the line's characters decides its font. */
function dominantRun(row: readonly Run[]): Run {
  let best = row[0] as Run;
  for (const run of row) if (run.str.trim().length > best.str.trim().length) best = run;
  return best;
}

/** Concatenates runs, restoring spaces from gaps and tabs from wide gaps (table cells). */
function joinRuns(row: readonly Run[], stops: readonly number[]): string {
  let text = '';
  let end: number | undefined;
  for (const run of row) {
    // pdf.js marks a gap wider than a space with a whitespace item spanning it: the gap between
    // the text on either side decides whether it is a space or a column break.
    if (!run.str.trim()) continue;
    if (end !== undefined) {
      const gap = run.x - end;
      if (breaksColumn(gap, run, stops, !text.includes('\t'))) text = `${text.replace(/ +$/, '')}\t`;
      else if (gap > run.size * 0.12 && !/\s$/.test(text) && !/^\s/.test(run.str)) text += ' ';
    }
    text += run.str;
    end = run.x + run.width;
  }
  return text;
}
