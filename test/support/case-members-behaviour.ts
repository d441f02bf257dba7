import { beforeEach, describe, expect, it } from 'vitest';
import type { SearchIndex } from '#search/port.ts';
import { byCase, caseKeyOf } from '../../shared/cases/members.ts';
import {
  BUDGET,
  CASE,
  CASE_MUNICIPALITY,
  CLOSED_CASE,
  caseDocuments,
  ONE_MEETING,
  OTHER_CASE,
  REFERRING_MEETING,
  STANDING_ITEM,
  UNKNOWN_CASE,
} from './case-items.ts';
import { indexedItem } from './indexed-items.ts';

const key = (municipality: string, caseNumber: string) => {
  const found = caseKeyOf(municipality, caseNumber);
  if (found === null) throw new Error('no key');
  return found;
};

/** SearchIndex.caseMembers, alike on every engine (run from searchIndexBehaviour). */
export function caseMembersBehaviour(name: string, open: () => Promise<SearchIndex>): void {
  describe(`${name}: the items of a case (caseMembers)`, () => {
    let index: SearchIndex;

    beforeEach(async () => {
      index = await open();
      for (const [documentId, items] of Object.entries(caseDocuments()))
        await index.replaceDocument(documentId, items);
    });

    it('finds the items of a municipality with a case number or naming it, oldest first, closed ones too', async () => {
      const members = await index.caseMembers([key(CASE_MUNICIPALITY, CASE), key('vesterlund', CLOSED_CASE)]);
      expect(members.map((m) => [m.caseNumber, m.via, m.date, m.body, m.title, m.access, m.id])).toEqual([
        [
          CASE,
          'number',
          '2024-03-04',
          'Økonomiudvalget',
          'Udvidelse af Vesterlund Skole',
          'open',
          'oeu-2024-03-04:0',
        ],
        [
          CLOSED_CASE,
          'number',
          '2024-03-04',
          'Økonomiudvalget',
          'Salg af grund',
          'closed',
          'oeu-2024-03-04:1',
        ],
        [
          CASE,
          'number',
          '2024-03-18',
          'Byrådet',
          'Udvidelse af Vesterlund Skole',
          'open',
          'byr-2024-03-18:0',
        ],
        [CLOSED_CASE, 'number', '2024-03-18', 'Byrådet', 'Salg af grund', 'closed', 'byr-2024-03-18:1'],
        [
          CASE,
          'reference',
          '2024-03-18',
          'Byrådet',
          'Skolebus til Vesterlund Skole',
          'open',
          'byr-2024-03-18:2',
        ],
        [
          CASE,
          'reference',
          '2024-06-10',
          'Byrådet',
          'Orientering om skoleudvidelsen',
          'open',
          `${REFERRING_MEETING}:0`,
        ],
      ]);
      expect(members[0]).toMatchObject({
        documentId: 'oeu-2024-03-04',
        position: 0,
        number: 1,
        municipality: CASE_MUNICIPALITY,
        municipalityKey: 'vesterlund',
        itemCaseNumber: CASE,
      });
      // A referring item tells its own number, or that it has none.
      expect(members.filter((m) => m.via === 'reference').map((m) => m.itemCaseNumber)).toEqual([
        OTHER_CASE,
        null,
      ]);
    });

    it('lists an item in its own case before a case it names, each once', async () => {
      const members = await index.caseMembers([
        key(CASE_MUNICIPALITY, CASE),
        key(CASE_MUNICIPALITY, OTHER_CASE),
      ]);
      expect(members.filter((m) => m.id === 'byr-2024-03-18:2').map((m) => [m.via, m.caseNumber])).toEqual([
        ['number', OTHER_CASE],
        ['reference', CASE],
      ]);
      // Its text names its own number too: that is no reference.
      expect((await index.caseMembers([key(CASE_MUNICIPALITY, OTHER_CASE)])).map((m) => m.via)).toEqual([
        'number',
      ]);
    });

    it('reads no closed item’s text, no document number, no month and no number of another municipality', async () => {
      const named = async (municipality: string, number: string) =>
        (await index.caseMembers([key(municipality, number)]))
          .filter((m) => m.via === 'reference')
          .map((m) => m.id);
      // The closed item's stored text names CASE; it is not among CASE's members.
      expect(await named(CASE_MUNICIPALITY, CASE)).not.toContain(`${REFERRING_MEETING}:2`);
      expect(await named(CASE_MUNICIPALITY, '12/2024')).toEqual([]);
      // "dok.nr. 24/55555" is a document's number; Norddjurs's item names it in its own municipality.
      expect(await named(CASE_MUNICIPALITY, ONE_MEETING)).toEqual([]);
      expect(await index.caseMembers([key('Norddjurs Kommune', ONE_MEETING)])).toEqual([
        expect.objectContaining({ id: 'other-2024-05-01:1', via: 'reference', itemCaseNumber: null }),
      ]);
      // A number no item has is named all the same: whether it is a case is for shared/cases to judge.
      expect(await named(CASE_MUNICIPALITY, UNKNOWN_CASE)).toEqual([`${REFERRING_MEETING}:3`]);
    });

    it('keeps municipalities apart, and groups a page’s cases from one request', async () => {
      const members = await index.caseMembers([
        key(CASE_MUNICIPALITY, CASE),
        key('Norddjurs Kommune', CASE),
        key(CASE_MUNICIPALITY, STANDING_ITEM),
        key(CASE_MUNICIPALITY, BUDGET),
      ]);
      const counts = [...byCase(members)].map(([, group]) => [
        group[0]?.municipalityKey,
        group[0]?.caseNumber,
        group.length,
      ]);
      expect(counts.sort()).toEqual(
        [
          ['norddjur', CASE, 1],
          ['vesterlund', BUDGET, 6],
          ['vesterlund', CASE, 4],
          ['vesterlund', STANDING_ITEM, 7],
        ].sort(),
      );
    });

    it('answers for a thousand and more keys at once, and never a number of a municipality not asked with it', async () => {
      const unknown = Array.from({ length: 1200 }, (_, i) => key(CASE_MUNICIPALITY, `99/${10000 + i}`));
      const members = await index.caseMembers([
        ...unknown,
        key(CASE_MUNICIPALITY, CASE),
        key('Norddjurs Kommune', BUDGET),
      ]);
      // Vesterlund's case and nothing of Norddjurs: Norddjurs has CASE, Vesterlund has BUDGET, neither was asked.
      expect(members.map((m) => m.id)).toEqual([
        'oeu-2024-03-04:0',
        'byr-2024-03-18:0',
        'byr-2024-03-18:2',
        `${REFERRING_MEETING}:0`,
      ]);
    });

    it('finds nothing for an unknown number, a number of another municipality, or no keys', async () => {
      expect(await index.caseMembers([key(CASE_MUNICIPALITY, '99/99999')])).toEqual([]);
      expect(await index.caseMembers([key('Greve Kommune', CASE)])).toEqual([]);
      expect(await index.caseMembers([])).toEqual([]);
    });

    it('forgets a document’s items when it is replaced or deleted', async () => {
      await index.deleteDocument('oeu-2024-03-04');
      await index.deleteDocument(REFERRING_MEETING);
      const skolebus = caseDocuments()['byr-2024-03-18']?.[2];
      if (!skolebus) throw new Error('no item');
      // The item comes again without naming the case, in an index that kept what it named before.
      await index.replaceDocument('byr-2024-03-18', [
        ...(caseDocuments()['byr-2024-03-18'] ?? []).slice(0, 2),
        { ...skolebus, sections: [], caseRefs: [] },
      ]);
      expect((await index.caseMembers([key(CASE_MUNICIPALITY, CASE)])).map((m) => m.id)).toEqual([
        'byr-2024-03-18:0',
      ]);
      await index.replaceDocument(REFERRING_MEETING, [
        indexedItem({ documentId: REFERRING_MEETING, title: 'Orientering', text: `Jf. sagsnr. ${CASE}.` }),
      ]);
      expect((await index.caseMembers([key(CASE_MUNICIPALITY, CASE)])).map((m) => [m.id, m.via])).toEqual([
        ['byr-2024-03-18:0', 'number'],
        [`${REFERRING_MEETING}:0`, 'reference'],
      ]);
    });
  });
}
