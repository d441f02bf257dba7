import { describe, expect, it } from 'vitest';
import { findContents } from '#parse/passes/contents.ts';
import { pdfLines, styled } from '#test/support/lines.ts';

const contents = (specs: Parameters<typeof pdfLines>[0]) => {
  const lines = styled(pdfLines(specs));
  const found = findContents(lines);
  return { titles: found.titles, lines: [...found.positions].map((p) => lines[p]?.text) };
};

describe('the table of contents', () => {
  it('reads entries with dot leaders or trailing page numbers, wrapped entries and sub-headings', () => {
    const found = contents([
      { text: 'Indholdsfortegnelse', size: 14, bold: true },
      { text: 'Åbent referat', bold: true },
      '1. Meddelelser 3',
      '2. Prioritering af midler til kronisk syge borgere og',
      'ældre 10',
      'Lokalplan 1221 – Erhvervsområde ved Kattrup.......... 17',
      { text: 'Punkt 1: Meddelelser', size: 14, bold: true, gap: 20 },
    ]);
    expect(found.titles).toEqual([
      'Meddelelser',
      'Prioritering af midler til kronisk syge borgere og ældre',
      'Lokalplan 1221 – Erhvervsområde ved Kattrup',
    ]);
    expect(found.lines).not.toContain('Punkt 1: Meddelelser');
  });

  it('does not take a heading with its own number for an entry with a page number', () => {
    const found = contents([
      { text: 'Punkter på dagsordenen', size: 14, bold: true },
      '1. Budget 2026 4',
      { text: 'Dagsordenspunkt 2', bold: true },
    ]);
    expect(found.titles).toEqual(['Budget 2026']);
  });

  it('takes no item heading whose title ends on a number for an entry: pages rise through the contents', () => {
    const found = contents([
      { text: 'Indholdsfortegnelse', size: 14, bold: true },
      'Høring om trafikplan, etape 2.......... 3',
      'Salg af ejendommen Skolevej.......... 5',
      '24/16905',
      '1. Høring om trafikplan, etape 2',
      'Forvaltningen har udarbejdet et forslag.',
    ]);
    expect(found.titles).toEqual(['Høring om trafikplan, etape 2', 'Salg af ejendommen Skolevej']);
    expect(found.lines).not.toContain('1. Høring om trafikplan, etape 2');
  });

  it('reads a list of links without pages as the contents when the items repeat its titles', () => {
    const found = contents([
      { text: 'Indholdsfortegnelse', size: 14, bold: true },
      '1. Status på klimahandleplanen for Engparken 2026',
      '2. Køb af ejendom',
      { text: '20 Status på klimahandleplanen for Engparken 2026', bold: true, gap: 20 },
      'Forvaltningen har udarbejdet en status.',
      { text: '22 Køb af ejendom (lukket)', bold: true, gap: 20 },
    ]);
    expect(found.titles).toEqual(['Status på klimahandleplanen for Engparken 2026', 'Køb af ejendom']);
    expect(found.lines).toEqual([
      'Indholdsfortegnelse',
      '1. Status på klimahandleplanen for Engparken 2026',
      '2. Køb af ejendom',
    ]);
    // One line whose title recurs (the first item's, named again in an overview) is no list.
    const single = contents([
      { text: 'Indhold', size: 14, bold: true },
      '1. Budget 2026',
      'Forvaltningen har udarbejdet et forslag.',
      { text: 'Bilagsoversigt', bold: true, gap: 20 },
      '1. Budget 2026',
    ]);
    expect(single.titles).toEqual([]);
  });

  it('finds a run of dot leaders without a heading, but not a table of figures', () => {
    expect(contents(['Budget......... 3', 'Skoler......... 5', 'Veje......... 7']).titles).toEqual([
      'Budget',
      'Skoler',
      'Veje',
    ]);
    expect(contents(['Drift\t1.200\t850', 'Anlæg\t2.400\t0', 'I alt\t3.600\t850']).titles).toEqual([]);
  });
});
