import { describe, expect, it } from 'vitest';
import { parseMinutes } from '#parse/index.ts';
import { findAgendaParts, underClosedPart } from '#parse/passes/agenda-parts.ts';
import type { ItemDraft } from '#parse/passes/item-content.ts';
import type { ItemHeading } from '#parse/passes/item-sequence.ts';
import { partHeading } from '#parse/read/agenda-parts.ts';
import { pdfLines, styled } from '#test/support/lines.ts';

describe('a heading over a part of the agenda', () => {
  it.each([
    ['Lukkede punkter', 'closed'],
    ['LUKKEDE PUNKTER', 'closed'],
    ['Lukket dagsorden', 'closed'],
    ['Lukket møde', 'closed'],
    ['Lukket del:', 'closed'],
    ['Lukkede sager', 'closed'],
    ['Punkter behandlet for lukkede døre', 'closed'],
    ['Fortrolige dagsordenspunkter', 'closed'],
    ['Åbne punkter', 'open'],
    ['Åben dagsorden', 'open'],
  ])('%s heads the %s items after it', (line, access) => {
    expect(partHeading(line)).toBe(access);
  });

  it.each([
    ['Lukket punkt'],
    ['Lukket sag'],
    ['Sagen behandles for lukkede døre'],
    ['Sagen udsættes til næste møde.'],
    ['Lukkede punkter behandles.'],
    ['Punkter til næste møde'],
    ['Udvalget drøftede de lukkede punkter på mødet i februar og marts'],
  ])('%s is no part heading (one item’s marker, or a sentence)', (line) => {
    expect(partHeading(line)).toBeNull();
  });
});

/** Three items at lines 0, 3 and 5, each with its text; `between` stands before item 2's heading. */
function agenda(between: string, itemTwo = ['Tekst om punktet.']) {
  const texts = [
    '1. Budget',
    'Godkendt.',
    between,
    '2. Personalesag',
    ...itemTwo,
    '3. Køb af jord',
    'Tekst.',
  ];
  const lines = styled(pdfLines(texts));
  const two = 3;
  const three = two + 1 + itemTwo.length;
  return {
    lines,
    ranges: [
      { from: 1, to: two },
      { from: two + 1, to: three },
      { from: three + 1, to: lines.length },
    ],
    headings: numbered([0, two, three]),
  };
}

/** Numbered headings of one line at these places. */
const numbered = (at: readonly number[]): ItemHeading[] =>
  at.map((a, n) => ({ at: a, span: 1, number: n + 1, title: `Punkt ${n + 1}` }));

describe('agenda parts', () => {
  it('ends the item before a closed part’s heading and closes every item after it', () => {
    const { lines, ranges, headings } = agenda('Lukkede punkter');
    const parts = findAgendaParts(lines, 0, ranges, headings);
    expect(parts.ranges[0]).toEqual({ from: 1, to: 2 });
    expect([...parts.closed]).toEqual([
      [1, 'Lukkede punkter'],
      [2, 'Lukkede punkter'],
    ]);
    expect(parts.notes.get(2)?.role).toBe('access');
  });

  it('closes items until an open part’s heading', () => {
    const { lines, ranges, headings } = agenda('Lukket dagsorden', ['Tekst.', 'Åbne punkter']);
    const parts = findAgendaParts(lines, 0, ranges, headings);
    expect([...parts.closed.keys()]).toEqual([1]);
    expect(parts.ranges[1]).toEqual({ from: 4, to: 5 });
  });

  it('reads a closed part’s heading before the first item: every item is closed', () => {
    const lines = styled(pdfLines(['Lukket møde', '1. Personalesag', 'Tekst.', '2. Køb', 'Tekst.']));
    const parts = findAgendaParts(
      lines,
      1,
      [
        { from: 2, to: 3 },
        { from: 4, to: 5 },
      ],
      numbered([1, 3]),
    );
    expect([...parts.closed.keys()]).toEqual([0, 1]);
  });

  it('leaves a marker that is all an item holds to that item', () => {
    const lines = styled(pdfLines(['1. Personalesag', 'Lukket møde', '2. Budget', 'Tekst.']));
    const parts = findAgendaParts(
      lines,
      0,
      [
        { from: 1, to: 2 },
        { from: 3, to: 4 },
      ],
      numbered([0, 2]),
    );
    expect(parts.ranges).toEqual([
      { from: 1, to: 2 },
      { from: 3, to: 4 },
    ]);
    expect(parts.closed.size).toBe(0);
  });

  it('reads a part heading set as an unnumbered item heading, with nothing under it, as no item', () => {
    const texts = [
      'Budget',
      'Godkendt.',
      'Lukkede punkter',
      'Personalesag',
      'Lukket sag',
      'Køb af jord',
      'Lukket sag',
    ];
    const lines = styled(pdfLines(texts));
    const headings = [0, 2, 3, 5].map((at) => ({ at, span: 1, number: null, title: texts[at] as string }));
    const parts = findAgendaParts(
      lines,
      0,
      [
        { from: 1, to: 2 },
        { from: 3, to: 3 },
        { from: 4, to: 5 },
        { from: 6, to: 7 },
      ],
      headings,
    );
    expect(parts.items).toEqual([0, 2, 3]);
    expect(parts.ranges).toEqual([
      { from: 1, to: 2 },
      { from: 4, to: 5 },
      { from: 6, to: 7 },
    ]);
    expect([...parts.closed]).toEqual([
      [1, 'Lukkede punkter'],
      [2, 'Lukkede punkter'],
    ]);
    expect(parts.notes.get(2)?.role).toBe('access');
  });

  it('keeps an unnumbered heading that reads as a part’s when something stands under it, or it is numbered', () => {
    const lines = styled(
      pdfLines(['Lukket møde', 'Tekst om mødet.', '2. Lukkede punkter', '3. Budget', 'Tekst.']),
    );
    const parts = findAgendaParts(
      lines,
      0,
      [
        { from: 1, to: 2 },
        { from: 3, to: 3 },
        { from: 4, to: 5 },
      ],
      [
        { at: 0, span: 1, number: null, title: 'Lukket møde' },
        { at: 2, span: 1, number: 2, title: 'Lukkede punkter' },
        { at: 3, span: 1, number: 3, title: 'Budget' },
      ],
    );
    expect(parts.items).toEqual([0, 1, 2]);
    expect(parts.closed.size).toBe(0);
  });

  it('changes nothing where no part heading stands', () => {
    const { lines, ranges, headings } = agenda('Sagen udsættes til næste møde.');
    const parts = findAgendaParts(lines, 0, ranges, headings);
    expect(parts.ranges).toEqual(ranges);
    expect(parts.closed.size).toBe(0);
  });

  it('closes an open item under a closed part, with the heading as the reason', () => {
    const draft = { access: 'open', accessReason: null } as unknown as ItemDraft;
    expect(underClosedPart(draft, 'Lukkede punkter')).toMatchObject({
      access: 'closed',
      accessReason: 'under "Lukkede punkter"',
    });
    expect(underClosedPart(draft, undefined)).toBe(draft);
  });
});

const partsHeading = (text: string) => ({ text, size: 14, bold: true, gap: 12 });
const partsLabel = (text: string) => ({ text, bold: true });

describe('a heading over a part of the agenda, set like the item headings', () => {
  const lines = pdfLines([
    { text: 'Referat', size: 20, bold: true },
    { text: 'Økonomiudvalget', size: 16, bold: true },
    'Dato: 5. februar 2025',
    partsHeading('Godkendelse af dagsorden'),
    'Sagsnr.: 25/101',
    partsLabel('Beslutning'),
    'Godkendt.',
    partsHeading('Budgetopfølgning'),
    'Sagsnr.: 25/102',
    partsLabel('Beslutning'),
    'Taget til efterretning.',
    partsHeading('Lukkede punkter'),
    partsHeading('Personalesag'),
    'Sagsnr.: 25/103',
    partsLabel('Beslutning'),
    'Godkendt.',
  ]);
  const parsed = parseMinutes(
    { format: 'pdf', pages: 1, lines, pageHeights: [842] },
    { file: 'x.pdf', sha256: 'a'.repeat(64) },
  );

  it('is no item, closes the items after it, and the summary counts it apart', () => {
    expect(parsed.document.items.map((i) => [i.title, i.access])).toEqual([
      ['Godkendelse af dagsorden', 'open'],
      ['Budgetopfølgning', 'open'],
      ['Personalesag', 'closed'],
    ]);
    expect(parsed.summary.find((line) => line.startsWith('items: '))).toMatch(
      /^items: 4 items .*; 1 of them a heading over a part of the agenda, not an item$/,
    );
  });
});
