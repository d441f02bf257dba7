import { expect } from 'vitest';
import type { IndexedItem } from '#domain/search.ts';
import type { TermVocabulary } from '#search/suggest.ts';
import { indexedItem } from './indexed-items.ts';

/**
 * Items for typo suggestions, indexed into either engine: "sygefravær" in twelve items (and
 * once misspelt, as minutes sometimes are), "lokalplan" in three, "plejecenter" in two.
 */
export const SUGGEST_ITEMS: readonly IndexedItem[] = [
  ...Array.from({ length: 12 }, (_, i) =>
    indexedItem({
      documentId: 'suggest',
      position: i,
      title: i % 2 ? `Sygefravær i ældreplejen ${i}` : `Opfølgning på fravær ${i}`,
      text: 'Sygefraværet er faldet i alle afdelinger.',
      decision: i === 0 ? 'Taget til efterretning. Sygefravær drøftes igen.' : undefined,
    }),
  ),
  indexedItem({ documentId: 'suggest', position: 12, title: 'Trivsel', text: 'Et notat om sygefravar.' }),
  ...Array.from({ length: 3 }, (_, i) =>
    indexedItem({ documentId: 'suggest', position: 13 + i, title: `Lokalplan for Vesterlund ${i}` }),
  ),
  ...Array.from({ length: 2 }, (_, i) =>
    indexedItem({ documentId: 'suggest', position: 16 + i, title: `Akutpladser på plejecenter ${i}` }),
  ),
];

/** A query, and the query suggestQuery makes of it over SUGGEST_ITEMS (null: none), in both engines. */
export const SUGGEST_CASES: readonly (readonly [string, string | null])[] = [
  ['sygefravar', 'sygefravær'],
  ['sygefraver', 'sygefravær'],
  ['Sygefraver', 'Sygefravær'],
  ['sygefravaer', 'sygefravær'],
  ['Aeldreplejen', 'Ældreplejen'],
  ['ygefravær', null],
  ['sygefravær', null],
  ['sygefraværet', null],
  ['sygefravar i ældreplejen', 'sygefravær i ældreplejen'],
  ['"sygefravar" -lokalpln', '"sygefravær" -lokalpln'],
  ['lokalpln for vesterlund', 'lokalplan for vesterlund'],
  ['lokalplan', null],
  ['lokalpla*', null],
  ['plejecentre', 'plejecenter'],
  ['akutplads', null],
  ['plejecnter', 'plejecenter'],
  ['akutplads OR plejcenter', 'akutplads OR plejecenter'],
  ['budget', null],
  ['24/16905', null],
  ['fravr', 'fravær'],
  ['frav', null],
];

/**
 * What a vocabulary over SUGGEST_ITEMS knows, in both engines: the terms of the exact fields,
 * each with the most items that hold it in one field; not the compound parts ("akutpladser" is
 * indexed with its part "plads"; the vocabulary knows only the word).
 */
export async function expectSuggestVocabulary(vocabulary: TermVocabulary): Promise<void> {
  expect(await vocabulary.near('sygefravær')).toEqual(
    expect.arrayContaining([
      { term: 'sygefravær', docFreq: 12 },
      { term: 'sygefravar', docFreq: 1 },
    ]),
  );
  expect((await vocabulary.near('plads')).map((t) => t.term)).not.toContain('plads');
  expect(await vocabulary.near('x')).toEqual([]);
}
