import { randomUUID } from 'node:crypto';
import { OpenAPIHono } from '@hono/zod-openapi';
import type { Client } from '@opensearch-project/opensearch';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerExport } from '#api/routes/export.ts';
import { SearchQuery } from '#domain/search.ts';
import { createOpenSearchClient } from '#search/opensearch/client.ts';
import { OpenSearchIndex } from '#search/opensearch/opensearch-index.ts';
import { MATCH_BATCH_SIZE } from '#search/port.ts';
import { SqliteSearchIndex } from '#search/sqlite/sqlite-index.ts';
import { type Pool, syntheticDocuments } from '../../scripts/lib/synthetic-items.ts';

/** More items than three batches hold, and not a multiple of a batch. */
const ITEMS = 3 * MATCH_BATCH_SIZE + 137;
const POOL: Pool = {
  sentences: ['Økonomiudvalget anbefaler, at sagen godkendes.'],
  titles: ['Budget for ældreområdet 2026'],
  decisions: ['Godkendt som indstillet.'],
  words: 'kommune byråd økonomi udvalg skole vej plan budget ældre børn trafik havn miljø borger'.split(' '),
};

/**
 * GET /export on a real OpenSearch node (OPENSEARCH_URL) at the default batch size: every match
 * once across the search_after pages, the same items as the embedded engine exports.
 */
describe.skipIf(!process.env.OPENSEARCH_URL)('GET /export on OpenSearch, live (OPENSEARCH_URL)', () => {
  const alias = `test-export-${randomUUID().slice(0, 8)}`;
  let client: Client;
  const embedded = SqliteSearchIndex.open(':memory:');
  let engine: OpenSearchIndex;

  beforeAll(async () => {
    client = createOpenSearchClient({ node: process.env.OPENSEARCH_URL ?? '' });
    engine = new OpenSearchIndex({ client, alias, wordListPath: process.env.OPENSEARCH_WORD_LIST_PATH });
    await engine.ensureIndex();
    for (const document of syntheticDocuments(POOL, ITEMS, 15)) {
      const items = document.items.map((item) => ({ ...item, sections: [], summary: [] }));
      await engine.replaceDocument(document.documentId, items);
      await embedded.replaceDocument(document.documentId, items);
    }
  }, 300_000);

  afterAll(async () => {
    embedded.close();
    await client?.indices.delete({ index: `${alias}-v*` });
    await client?.close();
  });

  const exported = async (index: OpenSearchIndex | SqliteSearchIndex, query: string) => {
    const app = new OpenAPIHono();
    registerExport(app, { index, log: console });
    const response = await app.request(`/export?${query}`);
    expect(response.status).toBe(200);
    return (await response.text())
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line).id as string);
  };

  it('streams every item once across batches, as the embedded engine does', async () => {
    const ids = await exported(engine, '');
    expect(ids).toHaveLength(ITEMS);
    expect(new Set(ids).size).toBe(ITEMS);
    expect([...ids].sort()).toEqual([...(await exported(embedded, ''))].sort());
  });

  it("streams a search's full matches with filters, as many as the search counts", async () => {
    for (const query of [
      'q=budget',
      'q=økonomi&body=Direktionen',
      'municipality=Egholt%20Kommune&outcome=approved',
    ]) {
      const ids = await exported(engine, query);
      const { total } = await engine.search(
        SearchQuery.parse(Object.fromEntries(new URLSearchParams(query))),
      );
      expect(total).toBeGreaterThan(0);
      expect({ query, count: ids.length }).toEqual({ query, count: total });
      expect(new Set(ids).size).toBe(ids.length);
      expect([...ids].sort()).toEqual([...(await exported(embedded, query))].sort());
    }
  });
});
