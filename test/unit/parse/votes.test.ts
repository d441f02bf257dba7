import { describe, expect, it } from 'vitest';
import { readVotes } from '#parse/read/votes.ts';

const side = (parties: string[], count: number | null = null) => ({ count, parties });

describe('votes by party, as councils record them', () => {
  it.each([
    // The forms of CONVENTIONS.md that the generated layouts found read short.
    [
      'For stemte: A, V og C (15)\nImod stemte: Ø (2)',
      { for: side(['A', 'V', 'C'], 15), against: side(['Ø'], 2), abstained: null },
    ],
    [
      'Et flertal bestående af A og V godkendte indstillingen. Et mindretal (Ø) kunne ikke tiltræde.',
      { for: side(['A', 'V']), against: side(['Ø']), abstained: null },
    ],
    [
      'Indstillingen blev vedtaget med 13 stemmer for og 1 imod.',
      { for: side([], 13), against: side([], 1), abstained: null },
    ],
    ['Imod: Ø', { for: null, against: side(['Ø']), abstained: null }],
    ['Stemte imod: (F) og (Ø)', { for: null, against: side(['F', 'Ø']), abstained: null }],
    [
      '(A), (Ø) og (F) stemte imod med bemærkning om, at (C) burde.',
      { for: null, against: side(['A', 'Ø', 'F']), abstained: null },
    ],
    ['Godkendt. Mehmet Hansen (Ø) stemte imod.', { for: null, against: side(['Ø']), abstained: null }],
    ['Anna Bak (A) og Ida Holm (A) stemte imod.', { for: null, against: side(['A']), abstained: null }],
    [
      'For stemte: (V), (A), (C) og Liselott Nielsen (UP).\nImod stemte: (Ø) med bemærkning om, at (F) og (D) burde.',
      { for: side(['V', 'A', 'C', 'UP']), against: side(['Ø']), abstained: null },
    ],
    [
      'Godkendt.\n(A), (F) og (Ø) undlod at tage stilling.',
      { for: null, against: null, abstained: side(['A', 'F', 'Ø']) },
    ],
    [
      'Med stemmerne 13 for og 7 imod besluttede Byrådet ikke at sende forslaget videre.',
      { for: side([], 13), against: side([], 7), abstained: null },
    ],
    [
      'Med stemmerne 18 for og 2 imod godkendte Byrådet indstillingen.\nFor stemte: (A), (V).\nImod stemte: (Ø) og (F).',
      { for: side(['A', 'V'], 18), against: side(['Ø', 'F'], 2), abstained: null },
    ],
  ])('%j', (text, votes) => expect(readVotes(text)).toEqual(votes));

  it('finds none where a body, not a party, voted or abstained', () => {
    expect(readVotes('Udvalget stemte imod forslaget.')).toBeNull();
    expect(readVotes('Økonomiudvalget undlod at tage stilling.')).toBeNull();
  });
});
