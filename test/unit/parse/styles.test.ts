import { describe, expect, it } from 'vitest';
import { inferStyles } from '#parse/passes/styles.ts';
import { pdfLines } from '#test/support/lines.ts';

const infer = (specs: Parameters<typeof pdfLines>[0]) => {
  const lines = pdfLines(specs);
  return inferStyles(
    lines,
    lines.map((_, i) => i),
  );
};
const starts = (specs: Parameters<typeof pdfLines>[0]) => infer(specs).lines.map((l) => l.breakBefore);

describe('the document’s typography', () => {
  it('breaks paragraphs where the gap exceeds the document’s own line pitch, not a fixed size', () => {
    // Lines 12 points apart; a paragraph gap of 6 more points (1.5 times the pitch) is a break.
    expect(
      starts([
        'Første linje af et afsnit',
        'anden linje',
        'tredje linje',
        { text: 'Nyt afsnit', gap: 6 },
        'fortsætter',
      ]),
    ).toEqual([true, false, false, true, false]);
  });

  it('takes the smallest common gap for the pitch, even when one-line paragraphs are the rule', () => {
    const specs = [
      'Godkendt.',
      ...['Udsat.', 'Drøftet.', 'Anbefales.', 'Vedtaget.'].map((text) => ({ text, gap: 8 })),
    ];
    expect(starts([...specs, { text: 'Tekst i to linjer', gap: 8 }, 'den anden linje'])).toEqual([
      true,
      true,
      true,
      true,
      true,
      true,
      false,
    ]);
  });

  it('joins a paragraph over a page break, but not a short last line or a closed sentence', () => {
    const full = 'Forvaltningen har udarbejdet en plan for renovering af skolernes klimaskærm og';
    expect(starts([full, { text: 'fortsætter på næste side.', page: 2 }])).toEqual([true, false]);
    expect(
      starts([full, full, 'Tidsplan for projektet', { text: 'Notat om økonomien', page: 2 }]).at(-1),
    ).toBe(true);
    expect(starts([full, 'Sætningen slutter her.', { text: 'Ny side.', page: 2 }]).at(-1)).toBe(true);
  });

  it('lets a bold run-in label’s line carry on into the next line of regular text', () => {
    expect(
      starts([
        { text: 'Beslutning: Godkendt med den ændring, at tidsplanen forlæn-', bold: true, gap: 10 },
        'ges med tre måneder.',
      ]),
    ).toEqual([true, false]);
    // The same line at the foot of a page carries on at the top of the next.
    expect(
      starts([
        { text: 'Udvalgets beslutning den 09.10.2025: Orienteringen blev taget til efter-', bold: true },
        { text: 'retning.', page: 2 },
      ]),
    ).toEqual([true, false]);
  });

  it('takes the document’s margin for a page with as many hanging headings as lines at the margin', () => {
    const body = (text: string, page = 1) => ({ text, page, x: 70 });
    const hanging = (text: string, page = 2) => ({ text, page, x: 64, bold: true, gap: 8 });
    const lines = infer([
      hanging('3. Budget', 1),
      ...['Forvaltningen har udarbejdet', 'et forslag til budget', 'for det kommende år.', 'Godkendt.'].map(
        (t) => body(t),
      ),
      hanging('4. Lukket: Personalesag'),
      body('Godkendt.', 2),
      hanging('5. Lukket: Klage over afgørelse'),
      body('Godkendt.', 2),
    ]).lines;
    // The headings hang 6 points left of the text on both pages, so they are one style of heading.
    expect(lines.filter((l) => l.bold).map((l) => l.indent)).toEqual([-6, -6, -6]);
  });

  it('finds the body style and ranks headings above it', () => {
    const { bodyStyle, lines } = infer([
      { text: '1. Budget', size: 14, bold: true },
      'Tekst i brødteksten der fylder mest',
      'og fortsætter på denne linje',
      { text: 'BESLUTNINGSFORSLAG FRA DD', gap: 6 },
    ]);
    expect(bodyStyle).toBe('10|');
    expect(lines.map((l) => l.prominence > 0)).toEqual([true, false, false, true]);
    expect(lines[3]?.style).toBe('10|C');
  });
});
