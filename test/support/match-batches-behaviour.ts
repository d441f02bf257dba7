import { beforeEach, describe, expect, it } from 'vitest';
import { SearchQuery } from '#domain/search.ts';
import type { SearchIndex } from '#search/port.ts';
import { indexedItem } from './indexed-items.ts';
import { BEHAVIOUR_DOCUMENTS } from './search-index-behaviour.ts';

const query = (input: Record<string, unknown>) => SearchQuery.parse(input);

/** Searches of every form the query language has, with and without filters. */
const QUERIES = [
  '',
  'fravær',
  'sygefravær',
  '"fravær blandt ledere"',
  'fravær -trivsel',
  '24/16905',
  'stress*',
  'havn OR trivsel',
];
const FILTERS: Record<string, unknown>[] = [
  {},
  { body: 'Direktionen' },
  { municipality: 'Norddjurs Kommune' },
  { access: 'closed' },
  { from: '2025-01-01' },
  { outcome: 'postponed' },
];

/**
 * matchBatches, on every adapter (called from searchIndexBehaviour): the same full matches a
 * search counts, each once, in batches no larger than asked, grouped by document in agenda order.
 */
export function matchBatchesBehaviour(name: string, open: () => Promise<SearchIndex>): void {
  describe(`${name}: every match in batches (export)`, () => {
    let index: SearchIndex;

    beforeEach(async () => {
      index = await open();
      for (const [documentId, items] of Object.entries(BEHAVIOUR_DOCUMENTS))
        await index.replaceDocument(documentId, items);
    });

    /** The ids matchBatches yields, checking every batch's size on the way. */
    const exported = async (input: Record<string, unknown>, batchSize: number) => {
      const ids: string[] = [];
      for await (const batch of index.matchBatches(query(input), batchSize)) {
        expect(batch.length).toBeGreaterThan(0);
        expect(batch.length).toBeLessThanOrEqual(batchSize);
        ids.push(...batch.map((item) => item.id));
      }
      return ids;
    };
    const fullMatches = async (input: Record<string, unknown>) =>
      (await index.search(query({ ...input, size: 100 }))).results
        .filter((hit) => hit.match === 'full')
        .map((hit) => hit.id);

    it("yields a search's full matches, never its partial ones, for every form of query and filter", async () => {
      for (const q of QUERIES) {
        for (const filter of FILTERS) {
          const input = { q, ...filter };
          const expected = { input, ids: (await fullMatches(input)).sort() };
          expect({ input, ids: (await exported(input, 2)).sort() }).toEqual(expected);
        }
      }
      // The search offers items with only one of the words as partial matches; the export does not.
      expect(await exported({ q: 'fravær trivsel' }, 10)).toEqual(['doc-a:1']);
    });

    it('yields every item once, grouped by document in agenda order, whatever the batch size', async () => {
      const everything = await exported({}, 100);
      expect(everything).toHaveLength(5);
      for (const size of [1, 2, 3, 5]) expect(await exported({}, size)).toEqual(everything);
      const documents = everything.map((id) => id.split(':')[0]);
      // Each document's items stand together (a document starts once), in agenda order.
      expect(new Set(documents).size).toBe(documents.filter((d, i) => d !== documents[i - 1]).length);
      expect(everything.filter((id) => id.startsWith('doc-a:'))).toEqual(['doc-a:0', 'doc-a:1', 'doc-a:2']);
    });

    it('reads a later batch after a document is removed meanwhile, without its items', async () => {
      const batches = index.matchBatches(query({}), 3)[Symbol.asyncIterator]();
      const first = await batches.next();
      expect(first.value).toHaveLength(3);
      const rest: string[] = [];
      const seen = new Set((first.value ?? []).map((item: { documentId: string }) => item.documentId));
      const other = Object.keys(BEHAVIOUR_DOCUMENTS).find((d) => !seen.has(d)) ?? '';
      await index.deleteDocument(other);
      for (let next = await batches.next(); !next.done; next = await batches.next())
        rest.push(...next.value.map((item) => item.id));
      expect(rest.filter((id) => id.startsWith(`${other}:`))).toEqual([]);
    });

    it('yields closed items with their title and metadata only, and nothing for a query of stop words', async () => {
      const [closed] = await exportedItems(index, { q: 'personalesag' });
      expect(closed).toMatchObject({ item: { title: 'Personalesag', access: 'closed' }, decision: null });
      expect(closed?.sections).toEqual([]);
      expect(await exported({ q: 'og i at' }, 10)).toEqual([]);
      await index.replaceDocument('empty', []);
      expect(await exported({ q: 'findesikke' }, 10)).toEqual([]);
    });

    it("yields a newly indexed document's items", async () => {
      await index.replaceDocument('doc-z', [indexedItem({ documentId: 'doc-z', title: 'Ny sag om fravær' })]);
      expect((await exported({ q: 'fravær' }, 1)).sort()).toEqual(
        (await fullMatches({ q: 'fravær' })).sort(),
      );
      expect(await exported({ q: 'fravær' }, 1)).toContain('doc-z:0');
    });
  });
}

async function exportedItems(index: SearchIndex, input: Record<string, unknown>) {
  const items = [];
  for await (const batch of index.matchBatches(query(input))) items.push(...batch);
  return items;
}
