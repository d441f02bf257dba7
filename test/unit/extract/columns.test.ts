import { describe, expect, it } from 'vitest';
import { columnStops } from '#extract/columns.ts';
import { groupLines, groupRows, type Run } from '#extract/layout.ts';

/** Helvetica-like digits and letters: 0.556 em a character. */
const run = (str: string, x: number, y: number, size = 16): Run => ({
  str,
  page: 1,
  x,
  y,
  width: str.length * size * 0.556,
  size,
  bold: true,
  italic: false,
});
/** An item heading in two columns: the number at 55, the title at 95 whatever the number's width. */
const heading = (number: string, title: string, y: number): Run[] => [run(number, 55, y), run(title, 95, y)];

describe('the columns of a document', () => {
  it('are where rows continue after a wide gap, on at least two rows', () => {
    const rows = groupRows([...heading('1', 'Budget', 700), ...heading('2', 'Salg af jord', 600)]);
    expect(columnStops(rows)).toEqual([95]);
    expect(columnStops(groupRows(heading('1', 'Budget', 700)))).toEqual([]);
  });

  it.each([
    ['10', '10\tEndelig vedtagelse'],
    ['100', '100\tEndelig vedtagelse'],
    ['231', '231\tEndelig vedtagelse'],
  ])('break a row whose wider number %s narrows the gap to the title column', (number, text) => {
    const stops = columnStops(groupRows([...heading('8', 'Budget', 700), ...heading('9', 'Salg', 600)]));
    const lines = groupLines(heading(number, 'Endelig vedtagelse', 500), 1, stops);
    expect(lines.map((l) => l.text)).toEqual([text]);
  });

  it('take cells a fraction of a point apart for one column', () => {
    const rows = groupRows([
      run('1', 55, 700),
      run('Budget', 94.6, 700),
      run('2', 55, 600),
      run('Salg', 95.4, 600),
    ]);
    const lines = groupLines(heading('10', 'Endelig vedtagelse', 500), 1, columnStops(rows));
    expect(lines.map((l) => l.text)).toEqual(['10\tEndelig vedtagelse']);
  });

  it('leave a word space a space, and a gap landing off the columns a space', () => {
    const stops = [95];
    const space = groupLines([run('Om', 95 - 4 - 2 * 8.896, 700), run('Budget', 95, 700)], 1, stops);
    expect(space.map((l) => l.text)).toEqual(['Om Budget']);
    const off = groupLines([run('10', 55, 700), run('Budget', 85, 700)], 1, stops);
    expect(off.map((l) => l.text)).toEqual(['10 Budget']);
  });

  it('measure only a row’s first break against the columns', () => {
    const lines = groupLines([run('1', 20, 700), run('Ny', 60, 700), run('vej', 95, 700)], 1, [95]);
    expect(lines.map((l) => l.text)).toEqual(['1\tNy vej']);
  });
});
