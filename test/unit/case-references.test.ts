import { describe, expect, it } from 'vitest';
import { caseNumbersIn, caseRefsOf, namedCases } from '../../shared/cases/references.ts';
import { indexedItem } from '../support/indexed-items.ts';

describe('caseNumbersIn: the case numbers a text names', () => {
  it.each([
    ['Byrådet godkendte den 21. juni 2021 (sags nr. 21-004456) en bevilling', ['21-004456']],
    ['Se Sagsnr.: 24/16905.', ['24/16905']],
    ['jf. j.nr. 00.01.00-A00-12-24, og', ['00.01.00-A00-12-24']],
    ['J. nr. 9793 er en anden ordning', ['9793']],
    ['Journalnummer: 2012-208960; bilag', ['2012-208960']],
    ['Akt-id 82.02.00-G01-1-23 blev oprettet', ['82.02.00-G01-1-23']],
    ['Emnet (EMN-2025-003383) og sagen 25-002921 hører sammen', ['EMN-2025-003383', '25-002921']],
    ['Som i sag 24/16905 og igen 24/16905, samt sagsnr. 24/1', ['24/16905', '24/1']],
  ])('%s', (text, numbers) => {
    expect(caseNumbersIn(text)).toEqual(numbers);
  });

  it.each([
    ['a month and year', 'Byggeriet begynder 12/2024 og slutter 01/2026.'],
    ['a span of years', 'Budget 2023-2026 og planen for 2025-2028'],
    ['a document number beside the case', 'Dok.nr.: 2012-202935 og dok. nr. 24/55555'],
    ['a number inside a longer number', 'Telefon 1224/169050, kode 124/16905 og 24/16905/3'],
    ['a number inside a word or code', 'ABC24/16905, 24/16905x og 1.24-001122'],
    ['a version or decimal after it', '24-001122.5 og 24-0011223'],
    ['a label without a number', 'Sagsnr. mangler; journalnummer: ukendt'],
    ['a date', '18-03-2025 og 2025-03-18'],
    ['an amount', '1.250.000 kr. og 24,5 mio.'],
    // Greve's minutes: a guideline's number, and an agenda item's ("sag nr." is no case label).
    ['a label inside a word', 'VEJ nr. 9793 af 01.07.2022 Vejledning om sortering'],
    ['an agenda item’s number', 'Byrådet besluttede (den 5. oktober 2020 sag nr. 7) at'],
  ])('reads nothing in %s', (_, text) => {
    expect(caseNumbersIn(text)).toEqual([]);
  });

  it('reads a labelled number whatever its shape, a month among them', () => {
    expect(caseNumbersIn('sagsnr. 12/2024')).toEqual(['12/2024']);
  });
});

describe('namedCases: the cases an item’s text names', () => {
  it('reads sections, decision and earlier decisions, without its own number', () => {
    const item = {
      ...indexedItem({
        title: 'Skolebus',
        caseNumber: '24/20000',
        text: 'Som i sag 24/20000 og sagsnr. 24/16905.',
        decision: 'Godkendt, jf. 23-000111.',
      }),
      priorDecisions: [
        {
          body: 'Økonomiudvalget',
          date: '2024-03-04',
          text: 'Anbefales, jf. 22-000999.',
          outcome: 'recommended' as const,
          votes: null,
          page: 1,
        },
      ],
    };
    expect(namedCases(item)).toEqual(['24/16905', '23-000111', '22-000999']);
  });

  it('reads nothing of a closed item, whatever was stored of it', () => {
    const closed = {
      ...indexedItem({ title: 'Lukket: Erstatning', access: 'closed', caseNumber: '24/30000' }),
      sections: [
        { heading: 'Sag', kind: 'presentation' as const, text: 'Jf. 24/16905', page: 1, pages: [1] },
      ],
      caseRefs: ['24/16905'],
    };
    expect(namedCases(closed)).toEqual([]);
    expect(caseRefsOf(closed)).toEqual([]);
  });

  it('takes the references an item was indexed with, and reads an item indexed before them', () => {
    const item = indexedItem({ title: 'Orientering', text: 'Jf. sag 24/16905.' });
    expect(caseRefsOf(item)).toEqual(['24/16905']);
    expect(caseRefsOf({ ...item, caseRefs: [] })).toEqual([]);
  });
});
