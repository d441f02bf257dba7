import { describe, expect, it } from 'vitest';
import { readAttachments } from '#parse/read/attachments.ts';
import { namesExtraItem, readNumbering } from '#parse/read/numbering.ts';
import { personNames } from '#parse/read/people.ts';
import { sentenceCase } from '#parse/read/text.ts';
import { pdfLines } from '#test/support/lines.ts';

describe('item numbering', () => {
  it.each([
    ['1. Title', 1, 'Title', 'N.', false],
    ['1.Title', 1, 'Title', 'N.', false],
    ['01. Title', 1, 'Title', 'N.', false],
    ['1) Title', 1, 'Title', 'N)', false],
    ['1 : Title', 1, 'Title', 'N:', false],
    ['1\tTitle', 1, 'Title', 'N⇥', false],
    ['§ 1 Title', 1, 'Title', '§ N ', false],
    ['• 301. Title', 301, 'Title', '•N.', false],
    ['Nr. 4 Title', 4, 'Title', 'nr. N ', false],
    ['Punkt 5 – Title', 5, 'Title', 'punkt N–', true],
    ['Pkt. 42: Title', 42, 'Title', 'pkt. N:', true],
    ['Sag nr. 129', 129, '', 'sag nr. N ', true],
    ['Dagsordenspunkt 3', 3, '', 'dagsordenspunkt N ', true],
    ['2.', 2, '', 'N.', false],
  ])('reads %s', (text, number, title, shape, namesItem) =>
    expect(readNumbering(text)).toEqual({ number, title, shape, namesItem, label: '' }),
  );

  it.each([
    ['Åbent punkt 3', 3, '', 'Åbent punkt'],
    ['Lukket punkt 4', 4, '', 'Lukket punkt'],
    ['Fortroligt punkt 12: Køb af jord', 12, 'Køb af jord', 'Fortroligt punkt'],
    ['Lukket sag nr. 7', 7, '', 'Lukket sag nr.'],
  ])(
    'reads the access word and item word before the number of %s as its label',
    (text, number, title, label) =>
      // The access word is no part of the shape: open and closed items of one document share it.
      expect(readNumbering(text)).toMatchObject({ number, title, label, namesItem: true }),
  );

  it('takes no number after an access word with no item word ("Lukket 3")', () =>
    expect(readNumbering('Lukket 3')).toBeNull());

  it.each([
    ['Ekstra punkt', true],
    ['Tillægspunkt:', true],
    ['Ekstra punkt om vejene', false],
    ['Punkt', false],
  ])('knows %s as a heading that names an item by itself: %s', (text, named) =>
    expect(namesExtraItem(text)).toBe(named),
  );

  it.each([
    '1.316.000 kr. til anlæg',
    '10.00 Fokus',
    '4,5 mio. kr.',
    '24/16905',
    '27-08-2025',
    '1.1 Status',
    '12. feb. Vinterferie',
    '5. februar 2025 mødtes',
    '8410',
  ])('takes no item number from %s', (text) => expect(readNumbering(text)).toBeNull());
});

describe('attachments', () => {
  it('reads numbered, "Bilag N:", eDoc document-number and unnumbered entries, with no link (a PDF gives none)', () => {
    const entries = readAttachments(
      pdfLines([
        'Indstilling',
        { text: 'Bilag 1: Beslutningsforslag', gap: 10 },
        { text: '2012-208960 - Redegørelse fra Træning og Aktivitet vedrørende', gap: 10 },
        'Seniorrådets høringssvar',
        { text: '2. Notat vedr. evaluering (16864/25)', gap: 10 },
        { text: '3. (Lukket bilag)', gap: 10 },
      ]).map((l, i) => ({ ...l, breakBefore: i === 0 || l.text !== 'Seniorrådets høringssvar' })),
    );
    expect(entries).toEqual([
      { number: null, title: 'Indstilling', access: 'open', reference: null, link: null },
      { number: 1, title: 'Beslutningsforslag', access: 'open', reference: null, link: null },
      {
        number: null,
        title: 'Redegørelse fra Træning og Aktivitet vedrørende Seniorrådets høringssvar',
        access: 'open',
        reference: '2012-208960',
        link: null,
      },
      { number: 2, title: 'Notat vedr. evaluering', access: 'open', reference: '16864/25', link: null },
      { number: 3, title: 'Lukket bilag', access: 'closed', reference: null, link: null },
    ]);
  });
});

describe('people', () => {
  it.each([
    [
      ['Lolan Ottesen (A) - formand', 'Grethe Larsen (A) - næstformand', 'Birte Kramhøft (F)'],
      ['Lolan Ottesen', 'Grethe Larsen', 'Birte Kramhøft'],
    ],
    [
      ['Jakob Friis (direktør), Maja Holst (sekretariat), Line', 'Wessel (Plan og Byg)'],
      ['Jakob Friis', 'Maja Holst', 'Line Wessel'],
    ],
    [
      ['• Anne Bak (V)', '• Ole Lund, formand'],
      ['Anne Bak', 'Ole Lund'],
    ],
    [
      ['Anne Bak (V)\tOle Lund (A)', 'Ida Holm (C)'],
      ['Anne Bak', 'Ole Lund', 'Ida Holm'],
    ],
    [
      [
        'Teknisk direktør Signe Riis',
        'Børne- og kulturdirektør Marianne Due',
        'Kommunaldirektør Jonas Kroustrup',
      ],
      ['Signe Riis', 'Marianne Due', 'Jonas Kroustrup'],
    ],
    [
      [
        'Børne- og kulturdirektør Camilla Lauridsen,',
        'Stabschef Camilla Dalgaard, Stabschef Ahmad',
        'Kjeldsen, Stabschef Lene Østergaard, Teknisk direk-',
        'tør Mette Bech',
      ],
      ['Camilla Lauridsen', 'Camilla Dalgaard', 'Ahmad Kjeldsen', 'Lene Østergaard', 'Mette Bech'],
    ],
    [['Ingen'], []],
  ])('reads %j', (values, names) => expect(personNames(values)).toEqual(names));
});

describe('names set in capitals', () => {
  it.each([
    ['KULTUR- OG FRITIDSUDVALGET', 'Kultur- og Fritidsudvalget'],
    ['KLIMA-, NATUR- OG MILJØUDVALGET', 'Klima-, Natur- og Miljøudvalget'],
    ['STYREGRUPPEN FOR DIGITALISERING', 'Styregruppen for digitalisering'],
    ['Byrådet', 'Byrådet'],
  ])('writes %s as %s', (caps, name) => expect(sentenceCase(caps)).toBe(name));
});
