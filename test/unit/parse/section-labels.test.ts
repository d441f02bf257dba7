import { describe, expect, it } from 'vitest';
import { findSectionLabels } from '#parse/passes/section-labels.ts';
import { type LineSpec, pdfLines, styled } from '#test/support/lines.ts';

/** Each item's lines; the labels found, by item, as heading and kind. */
function labelsOf(items: readonly (readonly (LineSpec | string)[])[]) {
  const lines = styled(pdfLines(items.flat()));
  let from = 0;
  const ranges = items.map((item) => {
    const range = { from, to: from + item.length };
    from += item.length;
    return range;
  });
  const { labels } = findSectionLabels(lines, ranges, '10|');
  return ranges.map((r) =>
    [...labels]
      .filter(([at]) => at >= r.from && at < r.to)
      .map(([, l]) => `${l.heading}/${l.kind}${l.rest ? `: ${l.rest}` : ''}`),
  );
}

const bold = (text: string): LineSpec => ({ text, bold: true, gap: 8 });
const big = (text: string): LineSpec => ({ text, size: 13, bold: true, gap: 8 });
const para = (text: string): LineSpec => ({ text, gap: 6 });

describe('section labels', () => {
  it('learns the label style from the vocabulary and finds the document’s own labels in it', () => {
    const item = (n: number) => [
      big('Resume'),
      para(`Tekst om sag ${n}.`),
      big('Borgmesterens Afdelings påtegning'),
      para('Ingen bemærkninger.'),
      big('Sagsforløb'),
      para('Sagen har været behandlet før.'),
    ];
    expect(labelsOf([item(1), item(2)])).toEqual([
      ['Resume/presentation', 'Borgmesterens Afdelings påtegning/presentation', 'Sagsforløb/presentation'],
      ['Resume/presentation', 'Borgmesterens Afdelings påtegning/presentation', 'Sagsforløb/presentation'],
    ]);
  });

  it('takes a label no vocabulary knows when it recurs across items in the label style', () => {
    const item = [bold('Sagsfremstilling'), para('Tekst.'), bold('Perspektivering'), para('Mere tekst.')];
    expect(labelsOf([item, item])[1]).toEqual(['Sagsfremstilling/presentation', 'Perspektivering/other']);
    expect(
      labelsOf([[bold('Sagsfremstilling'), para('Tekst.'), bold('Rul februar'), para('Mere.')]]),
    ).toEqual([['Sagsfremstilling/presentation']]);
  });

  it('does not take a vocabulary word in the body text’s style when labels are set apart', () => {
    const item = [
      big('Beslutninger'),
      para('Fremsendes til Teknisk Udvalg.'),
      para('BESLUTNINGSFORSLAG FRA DD'),
      para('Baggrund:'),
      para('Havnens Perle har været en fast del af havnen.'),
      big('Resume'),
      para('Tekst.'),
    ];
    expect(labelsOf([item])).toEqual([['Beslutninger/decision', 'Resume/presentation']]);
  });

  it('reads run-in labels and decision headings in any style, wrapped or running in', () => {
    expect(
      labelsOf([
        [
          para('Drøftelse: Jakob orienterede.'),
          para('Konklusion: Taget til efterretning.'),
          para('Sundheds- og Forebyggelsesudvalgets beslutning den 04.12.2012 Punkt 1'),
          'Taget til efterretning',
          bold('Beslutning i Klima-, Natur- og Miljøudvalget den 5. februar'),
          { text: '2025', bold: true },
          para('Godkendt.'),
          para('Beslutning i Økonomiudvalget den 5. november 2025: Tiltrådt.'),
        ],
      ]),
    ).toEqual([
      [
        'Drøftelse/presentation: Jakob orienterede.',
        'Konklusion/decision: Taget til efterretning.',
        'Beslutning/decision',
        'Beslutning/decision',
        'Beslutning/decision: Tiltrådt.',
      ],
    ]);
  });

  it('takes the date or item number a decision heading wraps onto its next line as part of the heading', () => {
    // Cut after "Punkt", in capitals (the number has no case) or in bold, the number is the heading's.
    for (const [first, number, date] of [
      [
        { text: 'KLIMA-, NATUR- OG MILJØUDVALGETS BESLUTNING DEN 10.03.2024 PUNKT', gap: 8 },
        { text: '177' },
        '2024-03-10',
      ],
      [bold('Økonomiudvalgets beslutning den 18.08.2022 Punkt'), { text: '12', bold: true }, '2022-08-18'],
      // Wrapped after the date in a narrow column: the item's number with its word on a line of its own.
      [
        { text: 'STYREGRUPPEN FOR DIGITALISERINGS BESLUTNING DEN 19.12.2023', gap: 8 },
        { text: 'PUNKT 201' },
        '2023-12-19',
      ],
      // Cut before its date: the first line alone reads as no heading.
      [
        bold('Klima-, Natur- og Miljøudvalgets beslutning den'),
        { text: '14.01.2026 Punkt 259', bold: true },
        '2026-01-14',
      ],
    ] as const) {
      const lines = styled(pdfLines([para('Tekst.'), first, number, para('Tiltrådt.')]));
      const { labels } = findSectionLabels(lines, [{ from: 0, to: lines.length }], '10|');
      expect([...labels].map(([at, l]) => [at, l.heading, l.span, l.decision?.date])).toEqual([
        [1, 'Beslutning', 2, date],
      ]);
    }
  });

  it('never takes votes, attendance, markers or case numbers for labels', () => {
    const item = [
      bold('Beslutning'),
      para('For stemte: A, V (9)'),
      para('Fraværende: Ole Bak'),
      para('Åben sag'),
      para('Sagsnummer: 24/1234'),
    ];
    expect(labelsOf([item, item])).toEqual([['Beslutning/decision'], ['Beslutning/decision']]);
  });
});
