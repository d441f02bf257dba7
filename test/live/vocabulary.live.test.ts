import { randomUUID } from 'node:crypto';
import type { Client } from '@opensearch-project/opensearch';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createOpenSearchClient } from '#search/opensearch/client.ts';
import { OpenSearchIndex } from '#search/opensearch/opensearch-index.ts';
import { OpenSearchTermVocabulary } from '#search/opensearch/vocabulary.ts';
import { suggestQuery } from '#search/suggest.ts';
import { indexedItem } from '#test/support/indexed-items.ts';
import { expectSuggestVocabulary, SUGGEST_CASES, SUGGEST_ITEMS } from '#test/support/suggest-cases.ts';

const Env = z.object({
  OPENSEARCH_URL: z.url(),
  OPENSEARCH_REGION: z.string().min(1).optional(),
  OPENSEARCH_WORD_LIST_PATH: z.string().min(1).optional(),
});

/** The same items and cases as the embedded engine's (test/unit/suggest.test.ts): the same suggestions. */
describe.skipIf(!process.env.OPENSEARCH_URL)(
  'typo suggestions from OpenSearch, live (OPENSEARCH_URL)',
  () => {
    const alias = `test-vocabulary-${randomUUID().slice(0, 8)}`;
    let client: Client;
    let index: OpenSearchIndex;
    let vocabulary: OpenSearchTermVocabulary;

    beforeAll(async () => {
      const env = Env.parse(process.env);
      client = createOpenSearchClient({ node: env.OPENSEARCH_URL, region: env.OPENSEARCH_REGION });
      index = new OpenSearchIndex({ client, alias, wordListPath: env.OPENSEARCH_WORD_LIST_PATH });
      await index.ensureIndex();
      await index.replaceDocument('suggest', [...SUGGEST_ITEMS]);
      vocabulary = new OpenSearchTermVocabulary(client, alias);
    }, 60_000);

    afterAll(async () => {
      await client.indices.delete({ index: `${alias}-*` });
      await client.close();
    });

    it.each(SUGGEST_CASES)('%j → %j', async (q, expected) => {
      expect(await suggestQuery(q, vocabulary)).toBe(expected);
    });

    it('reads the terms of the exact fields with the most items in one field, not the compound parts', async () => {
      await expectSuggestVocabulary(vocabulary);
    });

    it('forgets the terms of deleted items, before any merge', async () => {
      await index.replaceDocument('suggest', [indexedItem({ documentId: 'suggest', title: 'Budget' })]);
      expect(await vocabulary.near('sygefravær')).toEqual([]);
      expect(await suggestQuery('sygefravar', vocabulary)).toBeNull();
    });
  },
);
