import { describe, expect, it } from 'vitest';
import { raiseCentredNumbers } from '#extract/centred-number.ts';
import { extractItemTables } from '#extract/item-table.ts';
import { groupLines, type Run } from '#extract/layout.ts';

const run = (str: string, x: number, y: number, extra: Partial<Run> = {}): Run => ({
  str,
  page: 1,
  x,
  y,
  width: str.length * 6,
  size: 12,
  bold: true,
  italic: false,
  ...extra,
});
/** A bordered heading: the number centred in a 30-point cell, the title wrapped in the next from x 94. */
const heading = (number: string, lines: readonly string[], top: number): Run[] => [
  run(number, 68, top - ((lines.length - 1) * 14) / 2),
  ...lines.map((text, i) => run(text, 94, top - i * 14)),
];
const body = (text: string, y: number) => run(text, 94, y, { size: 10, bold: false });

describe('a number centred beside its wrapped title', () => {
  it.each([
    [['Energirenovering af Engparken –', 'endelig vedtagelse']],
    [['Energirenovering af Engparken –', 'endelig vedtagelse efter høring', 'af indsigelser']],
    [['Energirenovering af Engparken –', 'endelig vedtagelse efter høring', 'af indsigelser', 'fra borgere']],
  ])('stands before the title’s first line: %j', (title) => {
    const lines = groupLines([...heading('3.', title, 700), body('Sagsnr.: 24/1234', 640)], 1);
    expect(lines.map((l) => l.text.replace(/\s+/, ' '))).toEqual([
      `3. ${title[0]}`,
      ...title.slice(1),
      'Sagsnr.: 24/1234',
    ]);
  });

  it('stays where it is beside a title of one line, or on the first line of its title', () => {
    const one = groupLines([run('3', 68, 700), run('Budget', 94, 700)], 1);
    expect(one.map((l) => l.text)).toEqual(['3\tBudget']);
    const top = groupLines([run('3', 68, 700), run('Budget for', 94, 700), run('skolerne', 94, 686)], 1);
    expect(top.map((l) => l.text)).toEqual(['3\tBudget for', 'skolerne']);
  });

  it('is not taken from a number that is not centred, nor from one a word space from its text', () => {
    const low = [
      run('Budget for', 94, 700),
      run('skolerne', 94, 686),
      run('3.', 68, 672),
      run('i år', 94, 672),
    ];
    const lowRows = [[low[0] as Run], [low[1] as Run], [low[2] as Run, low[3] as Run]];
    expect(raiseCentredNumbers(lowRows)).toEqual(lowRows);
    const spaced = [
      run('Budget for', 80, 700),
      run('3', 68, 686),
      run('skolerne', 80, 686),
      run('i år', 80, 672),
    ];
    const rows = [[spaced[0] as Run], [spaced[1] as Run, spaced[2] as Run], [spaced[3] as Run]];
    expect(raiseCentredNumbers(rows)).toEqual(rows);
  });

  it('is not moved into lines of another font beside it (the body under a heading)', () => {
    const rows = [
      [body('Forvaltningen indstiller,', 714)],
      [run('3.', 68, 700), body('at sagen godkendes', 700)],
      [body('og sendes videre.', 686)],
    ];
    expect(raiseCentredNumbers(rows)).toEqual(rows);
  });
});

describe('an item table’s header row', () => {
  it('is no heading whose runs name a number and a title word ("Punkt 162: Lukket punkt")', () => {
    const runs = [
      run('Punkt', 86, 700),
      run('162:', 136, 700),
      run('Lukket', 170, 700),
      run('punkt', 220, 700),
    ];
    const [page] = extractItemTables([[...runs, body('Godkendt.', 680)]]);
    expect(page?.table).toEqual([]);
    expect(page?.before).toHaveLength(5);
  });
});
