import { beforeEach, describe, expect, it } from 'vitest';
import type { SearchIndex } from '#search/port.ts';
import { byCase, caseKeyOf } from '../../shared/cases/members.ts';
import { BUDGET, CASE, CASE_MUNICIPALITY, CLOSED_CASE, caseDocuments, STANDING_ITEM } from './case-items.ts';

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

    it('finds the items of a municipality with a case number, oldest first, closed ones too', async () => {
      const members = await index.caseMembers([key(CASE_MUNICIPALITY, CASE), key('vesterlund', CLOSED_CASE)]);
      expect(members.map((m) => [m.caseNumber, m.date, m.body, m.title, m.access, m.id])).toEqual([
        [CASE, '2024-03-04', 'Økonomiudvalget', 'Udvidelse af Vesterlund Skole', 'open', 'oeu-2024-03-04:0'],
        [CLOSED_CASE, '2024-03-04', 'Økonomiudvalget', 'Salg af grund', 'closed', 'oeu-2024-03-04:1'],
        [CASE, '2024-03-18', 'Byrådet', 'Udvidelse af Vesterlund Skole', 'open', 'byr-2024-03-18:0'],
        [CLOSED_CASE, '2024-03-18', 'Byrådet', 'Salg af grund', 'closed', 'byr-2024-03-18:1'],
      ]);
      expect(members[0]).toMatchObject({
        documentId: 'oeu-2024-03-04',
        position: 0,
        number: 1,
        municipality: CASE_MUNICIPALITY,
        municipalityKey: 'vesterlund',
      });
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
          ['vesterlund', CASE, 2],
          ['vesterlund', STANDING_ITEM, 6],
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
      expect(members.map((m) => m.id)).toEqual(['oeu-2024-03-04:0', 'byr-2024-03-18:0']);
    });

    it('finds nothing for an unknown number, a number of another municipality, or no keys', async () => {
      expect(await index.caseMembers([key(CASE_MUNICIPALITY, '99/99999')])).toEqual([]);
      expect(await index.caseMembers([key('Greve Kommune', CASE)])).toEqual([]);
      expect(await index.caseMembers([])).toEqual([]);
    });

    it('forgets a document’s items when it is replaced or deleted', async () => {
      await index.deleteDocument('oeu-2024-03-04');
      expect((await index.caseMembers([key(CASE_MUNICIPALITY, CASE)])).map((m) => m.id)).toEqual([
        'byr-2024-03-18:0',
      ]);
    });
  });
}
