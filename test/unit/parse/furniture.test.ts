import { describe, expect, it } from 'vitest';
import type { Line } from '#extract/line.ts';
import { findFurniture, isPageMark } from '#parse/passes/furniture.ts';
import { pdfLines } from '#test/support/lines.ts';

const WORDS = ['skolernes', 'vejenes', 'havnens', 'hallernes', 'kirkegårdenes'];
/** A line of body text that differs from page to page, as running text does. */
const body = (page: number) =>
  `Forvaltningen har udarbejdet en plan for renovering af ${WORDS[page % WORDS.length]} klimaskærm i løbet af året.`;

/** Pages of body text under a running header of several lines and over a page mark. */
function pagesWith(header: readonly string[], bodies: readonly (readonly string[])[]): Line[] {
  return bodies.flatMap((lines, i) =>
    pdfLines([
      ...header.map((text) => ({ text: text.replace('#', String(i + 1)), size: 8 })),
      ...lines.map((text) => ({ text, gap: 20 })),
      body(i),
      body(i + 1),
      { text: `Side ${i + 1} af ${bodies.length}`, size: 8, gap: 300 },
    ]).map((l) => ({ ...l, page: i + 1 })),
  );
}

const taken = (lines: readonly Line[], indexes: ReadonlySet<number>) =>
  lines.filter((_, i) => indexes.has(i)).map((l) => l.text);

describe('page furniture', () => {
  it('takes a running header however many lines deep, and the page marks', () => {
    const lines = pagesWith(
      ['Åbent referat', 'Dato: 04.12.2012', 'Side #'],
      [['Meddelelser'], ['Sagsfremstilling'], ['Beslutning']],
    );
    const header = (page: number) => [
      'Åbent referat',
      'Dato: 04.12.2012',
      `Side ${page}`,
      `Side ${page} af 3`,
    ];
    expect(taken(lines, findFurniture(lines).indexes)).toEqual([...header(1), ...header(2), ...header(3)]);
  });

  it('keeps the minutes’ own structure that opens many pages at one height', () => {
    const lines = pagesWith(['Økonomiudvalget'], [['Sag nr. 1'], ['Sag nr. 2'], ['Sag nr. 3']]);
    const furniture = findFurniture(lines).indexes;
    expect(taken(lines, furniture)).not.toContain('Sag nr. 2');
    expect(taken(lines, furniture)).toContain('Økonomiudvalget');
  });

  it('finds a running line at its distance from the top on a landscape page', () => {
    const page = (n: number) =>
      pdfLines([{ text: 'Byrådet 27-08-2025', size: 8 }, { text: body(n), gap: 30 }, body(n + 1)]).map(
        (l) => ({
          ...l,
          page: n,
        }),
      );
    const landscape = page(2).map((l) => ({ ...l, y: l.y - (842 - 595) }));
    const lines = [...page(1), ...landscape, ...page(3)];
    expect(taken(lines, findFurniture(lines, [842, 595, 842]).indexes)).toEqual([
      'Byrådet 27-08-2025',
      'Byrådet 27-08-2025',
      'Byrådet 27-08-2025',
    ]);
  });

  it('needs most pages for a line set like the body text: two vote lines at one height are text', () => {
    const bodies = [
      ['Godkendt.', 'For stemte: A, V (12)'],
      ['Udsat.'],
      ['Tiltrådt.', 'For stemte: A, V (9)'],
      ['Drøftet.'],
      ['Anbefales.'],
    ];
    const lines = bodies.flatMap((votes, i) =>
      pdfLines([...votes, ...WORDS.map((_, n) => body(n + i))]).map((l) => ({ ...l, page: i + 1 })),
    );
    expect(findFurniture(lines).indexes.size).toBe(0);
  });

  it('takes web page chrome, alone or several links on a line, and text too small to read', () => {
    const lines = pdfLines([
      'Punkt 1: Budget',
      'Til toppen Udskriv',
      'Kopier link til punktet',
      { text: '06-10-2016 13:00', size: 2 },
      'Udskrivning af bilag sker centralt.',
    ]);
    expect(taken(lines, findFurniture(lines).indexes)).toEqual([
      'Til toppen Udskriv',
      'Kopier link til punktet',
      '06-10-2016 13:00',
    ]);
  });

  it('takes small print with a page number at the edge of a page that has no other pages to recur on', () => {
    const page = (header: readonly string[], footer: string) =>
      pdfLines([
        ...header.map((text) => ({ text, size: 8 })),
        { text: 'REFERAT Direktionen d. 24-07-2026', size: 20, bold: true, gap: 20 },
        { text: 'Punkt 1: Salg af ejendommen', size: 12, bold: true, gap: 20 },
        body(1),
        { text: 'Se oversigten, side 2', size: 8 },
        { text: 'Ikke godkendt.', gap: 10 },
        { text: footer, size: 8, gap: 560 },
      ]);
    const lines = page(['Åbent referat', 'Dato: 24.07.2026', 'Side 1'], 'Agerlund Kommune · Side 1');
    expect(taken(lines, findFurniture(lines, [842]).indexes)).toEqual([
      'Åbent referat',
      'Dato: 24.07.2026',
      'Side 1',
      'Agerlund Kommune · Side 1',
    ]);
    // Small print at the edge without a page number may be the minutes' own: it stays.
    const unmarked = page(['Åbent referat', 'Dato: 24.07.2026'], 'Agerlund Kommune');
    expect(taken(unmarked, findFurniture(unmarked, [842]).indexes)).toEqual([]);
  });

  it.each([
    ['Side 3 af 17', true],
    ['- 4 -', true],
    ['3/17', true],
    ['12', true],
    ['24/16905', false],
    ['Side 3 af 2', false],
    ['Tekst', false],
  ])('tells a page mark: %s', (mark, expected) => expect(isPageMark(mark)).toBe(expected));
});
