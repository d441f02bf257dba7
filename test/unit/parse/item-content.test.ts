import { describe, expect, it } from 'vitest';
import { readItemContent } from '#parse/passes/item-content.ts';
import { type LineSpec, pdfLines, styled } from '#test/support/lines.ts';

/** One item: its heading's title and the lines after it, read with no labels found. */
function item(title: string, specs: readonly (LineSpec | string)[]) {
  const lines = styled(pdfLines([title, ...specs]));
  return readItemContent(
    lines,
    { at: 0, span: 1, number: 3, title },
    lines.length,
    new Map(),
    null,
    new Map(),
  );
}

describe('an item’s content', () => {
  it.each([
    ['Lukket sag.'],
    ['Lukket punkt.'],
    ['Lukket sag - personsag'],
    ['Lukket punkt, jf. forvaltningslovens § 15'],
    ['Lukket dagsordenspunkt'],
    ['Fortroligt'],
    ['Sagen behandles for lukkede døre'],
    ['(Lukket)'],
  ])('is closed by a marker after the heading: %s', (marker) => {
    const read = item('Personalesag', [marker, 'Medarbejderen har bedt om orlov.']);
    expect(read).toMatchObject({ access: 'closed', title: 'Personalesag' });
  });

  it.each([
    ['Personalesag (lukket)'],
    ['Personalesag - lukket'],
    ['Lukket: Personalesag'],
    ['Lukket punkt. Personalesag'],
  ])('is closed by its title: %s', (title) => {
    expect(item(title, ['Tekst.'])).toMatchObject({ access: 'closed', title: 'Personalesag' });
  });

  it.each(['Lukket', 'Lukket punkt', 'Lukket sag'])(
    'is closed, with certainty, by a title that is nothing but the marker: %s',
    (title) => {
      expect(item(title, [])).toMatchObject({ access: 'closed', accessReason: 'closed in its title' });
    },
  );

  it('stays open for a title that only mentions something closed, and for open markers', () => {
    expect(item('Genåbning af lukket svømmehal', ['Tekst.']).access).toBe('open');
    expect(item('Budget', ['Åben sag', 'Tekst.']).access).toBe('open');
  });

  it('closes an item printed with its title and nothing else, in doubt, and says why', () => {
    expect(item('Køb af ejendom', [])).toMatchObject({
      access: 'closed',
      accessReason: expect.stringContaining('title only'),
    });
    expect(item('Eventuelt', []).access).toBe('open');
  });

  it('reads the case number, document number and responsible officer before the text', () => {
    const read = item('Budget', [
      'Sagsnr.: 2012-28504',
      'Dok.nr.: 2012-203438',
      'Sagsbehandler: Rasmus Friis',
      'a. Møder',
    ]);
    expect(read).toMatchObject({ caseNumber: '2012-28504', responsible: 'Rasmus Friis' });
    expect(read.lead.map((l) => l.text)).toEqual(['a. Møder']);
  });
});
