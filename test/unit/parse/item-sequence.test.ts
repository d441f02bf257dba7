import { describe, expect, it } from 'vitest';
import { findContents } from '#parse/passes/contents.ts';
import { chooseItemSequence, closingAfter } from '#parse/passes/item-sequence.ts';
import { type LineSpec, pdfLines, styled } from '#test/support/lines.ts';

const heading = (text: string, extra: Partial<LineSpec> = {}): LineSpec => ({
  text,
  size: 13,
  bold: true,
  gap: 14,
  ...extra,
});
const label = (text: string): LineSpec => ({ text, bold: true, gap: 8 });
const text = (t: string): LineSpec => ({ text: t, gap: 4 });

function items(specs: readonly (LineSpec | string)[]) {
  const lines = styled(pdfLines(specs));
  const sequence = chooseItemSequence(lines, findContents(lines), '10|');
  return sequence.headings.map((h) => [h.number, h.title]);
}

const SAGSFREMSTILLING =
  'Forvaltningen har udarbejdet et forslag, som forelægges til godkendelse i udvalget i dag.';

describe('the item sequence', () => {
  it('takes the one style whose numbers rise, not a year, a postcode or a numbered list inside an item', () => {
    expect(
      items([
        heading('1. Budget 2026'),
        'Sagsnr.: 24/1234',
        label('Sagsfremstilling'),
        text(SAGSFREMSTILLING),
        'Arbejdet går i gang i',
        '2025. Der følges op, når erfaringerne foreligger.',
        'Henvendelser til Rådhuset, Torvet 1,',
        '8410 Rønde, att. sekretariatet.',
        label('Indstilling'),
        text('Forvaltningen indstiller,'),
        '1. at sagen godkendes,',
        '2. at den videre proces igangsættes.',
        heading('2. Skolernes klimaskærm'),
        'Sagsnr.: 24/5678',
        label('Sagsfremstilling'),
        text(SAGSFREMSTILLING),
      ]),
    ).toEqual([
      [1, 'Budget 2026'],
      [2, 'Skolernes klimaskærm'],
    ]);
  });

  it.each([
    ['Punkt 231: Salg af grund', 'Punkt 232: Budget'],
    ['Pkt. 42 Salg af grund', 'Pkt. 43 Budget'],
    ['§ 1 Salg af grund', '§ 2 Budget'],
    ['• 301. Salg af grund', '• 302. Budget'],
    ['1.Salg af grund', '2.Budget'],
    ['1 : Salg af grund', '2 : Budget'],
    ['01. Salg af grund', '02. Budget'],
  ])('reads the numbering shape of %s', (first, second) => {
    const item = (h: string) => [heading(h), label('Beslutning'), text('Godkendt.')];
    expect(items([...item(first), ...item(second)]).map(([, title]) => title)).toEqual([
      'Salg af grund',
      'Budget',
    ]);
  });

  it('reads a title wrapped in its heading’s font, and a title under its number', () => {
    expect(
      items([
        heading('Sag nr. 7'),
        { text: 'Lokalplan for', size: 13, bold: true },
        { text: 'Havnen', size: 13, bold: true },
        label('Beslutning'),
        text('Godkendt.'),
        heading('Sag nr. 8'),
        { text: 'Budget', size: 13, bold: true },
        label('Beslutning'),
        text('Udsat.'),
      ]),
    ).toEqual([
      [7, 'Lokalplan for Havnen'],
      [8, 'Budget'],
    ]);
  });

  it('takes the headings, not the contents page that lists them', () => {
    expect(
      items([
        { text: 'Indholdsfortegnelse', size: 14, bold: true },
        '1. Budget 2026 ........ 2',
        '2. Skoler ........ 3',
        heading('1. Budget 2026'),
        label('Beslutning'),
        text('Godkendt.'),
        heading('2. Skoler'),
        label('Beslutning'),
        text('Udsat.'),
      ]),
    ).toEqual([
      [1, 'Budget 2026'],
      [2, 'Skoler'],
    ]);
  });

  it('lets a closed item set in another font fill its gap, and keeps a title-only item among items', () => {
    expect(
      items([
        heading('1. Budget'),
        label('Beslutning'),
        text('Godkendt.'),
        heading('2. Lukket: Køb af ejendom', { size: 11 }),
        '21/12763',
        heading('3. Personalesag'),
        heading('4. Skoler'),
        label('Beslutning'),
        text('Udsat.'),
      ]).map(([n]) => n),
    ).toEqual([1, 2, 3, 4]);
  });

  it('takes a heading that names its item by a label among headings of another shape, the label its title', () => {
    expect(
      items([
        heading('1. Budget'),
        label('Beslutning'),
        text('Godkendt.'),
        heading('Åbent punkt 2'),
        '24/1234',
        label('Beslutning'),
        text('Taget til efterretning.'),
        heading('3. Fortroligt punkt'),
        text('Sagen behandles for lukkede døre'),
        heading('4. Skoler'),
        label('Beslutning'),
        text('Udsat.'),
        heading('Ekstra punkt'),
        label('Beslutning'),
        text('Godkendt.'),
      ]),
    ).toEqual([
      [1, 'Budget'],
      [2, 'Åbent punkt'],
      [3, 'Fortroligt punkt'],
      [4, 'Skoler'],
      [null, 'Ekstra punkt'],
    ]);
  });

  it('reads a title under an access-named heading only in the heading’s font, and keeps a closing label', () => {
    expect(
      items([
        heading('Åbent punkt 1'),
        heading('Budget 2026', { gap: 4 }),
        label('Beslutning'),
        text('Godkendt.'),
        heading('Lukket punkt 2'),
        heading('Køb af ejendom', { gap: 4 }),
        heading('Lukket punkt 3'),
        text('Forvaltningen har udarbejdet et notat.'),
      ]),
    ).toEqual([
      [1, 'Budget 2026'],
      [2, 'Lukket punkt: Køb af ejendom'],
      [3, 'Lukket punkt'],
    ]);
  });

  it('takes no label of the document’s own for the title of an access-named heading', () => {
    // Headings and labels share one font; "Strategisk sigte" recurs in every item, so it is a label.
    const bold = (t: string): LineSpec => ({ text: t, bold: true, gap: 12 });
    expect(
      items(
        [1, 2, 3, 4].flatMap((n) => [
          bold(n === 3 ? 'Åbent punkt 3' : `Punkt ${n}: Budget for område ${n}`),
          bold('Strategisk sigte'),
          text('Forvaltningen har udarbejdet et notat.'),
          bold('Beslutning'),
          text('Godkendt.'),
        ]),
      ),
    ).toEqual([
      [1, 'Budget for område 1'],
      [2, 'Budget for område 2'],
      [3, 'Åbent punkt'],
      [4, 'Budget for område 4'],
    ]);
  });

  it('takes prominent unnumbered headings when items have no numbers, but not the meeting’s title', () => {
    expect(
      items([
        { text: 'Ledermøde, Teknik og Miljø', size: 13, bold: true },
        'Dato: Tirsdag den 14. januar 2025',
        'Sted: Mødelokale Åen',
        heading('Nyt fra direktionen'),
        text('Drøftelse: Jakob orienterede om direktionens møde.'),
        text('Konklusion: Taget til efterretning.'),
        heading('Vintertjeneste'),
        text('Drøftelse: Claus gennemgik erfaringerne.'),
        text('Konklusion: Vej og Park følger op.'),
      ]),
    ).toEqual([
      [null, 'Nyt fra direktionen'],
      [null, 'Vintertjeneste'],
    ]);
  });

  it('does not take a numbered attachment list or a date for items', () => {
    expect(
      items([
        heading('1. Budget'),
        label('Bilag'),
        '1. Notat om økonomien',
        '2. Tidsplan',
        label('Beslutning'),
        text('12. feb.\tVinterferie'),
        heading('2. Skoler'),
        label('Beslutning'),
        text('Udsat.'),
      ]),
    ).toEqual([
      [1, 'Budget'],
      [2, 'Skoler'],
    ]);
  });

  it('ends an attachment list at the next item heading set in the same font and numbered next', () => {
    // Headings in the body text's font: only what follows them tells them from attachments.
    const plain = (t: string): LineSpec => ({ text: t, gap: 14 });
    expect(
      items([
        plain('1. Budget'),
        'Sagsnr.: 24/1234',
        label('Beslutning'),
        text('Godkendt.'),
        label('Bilag'),
        'Bilag 1: Notat om økonomien',
        { ...plain('2. Salg af ejendommen Skolevej 4'), page: 2 },
        'Sagsnr.: 24/1240',
        label('Beslutning'),
        text('Godkendt.'),
      ]),
    ).toEqual([
      [1, 'Budget'],
      [2, 'Salg af ejendommen Skolevej 4'],
    ]);
    // A number with an item's word ("Pkt. 3") never numbers an attachment.
    expect(
      items([
        plain('Pkt. 1 Budget'),
        label('Beslutning'),
        text('Godkendt.'),
        label('Bilag'),
        '1. Kort',
        '2. Tidsplan',
        plain('Pkt. 2 Vintertjeneste'),
        label('Beslutning'),
        text('Udsat.'),
        label('Bilag'),
        '1. Kort',
        '2. Notat',
        { ...plain('Pkt. 3 Skoler'), page: 2 },
        label('Beslutning'),
        text('Udsat.'),
      ]),
    ).toEqual([
      [1, 'Budget'],
      [2, 'Vintertjeneste'],
      [3, 'Skoler'],
    ]);
  });

  it('closes the items at a signature page, by its heading or by its rules to sign on', () => {
    const RULES = '____________________________ ____________________________';
    const signed = (specs: readonly (LineSpec | string)[]) =>
      styled(pdfLines([heading('4. Eventuelt'), label('Beslutning'), text('Intet.'), ...specs]));
    expect(closingAfter(signed([{ text: 'Underskriftsside', bold: true }, 'Ole Bak']), 0)).toBe(3);
    expect(closingAfter(signed([{ text: 'Godkendt af', bold: true }, RULES, 'Ole Bak Eva Holm']), 0)).toBe(3);
    expect(closingAfter(signed([text('Mødet hævet kl. 18.10.')]), 0)).toBe(4);
  });
});
