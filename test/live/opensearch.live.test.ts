import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { Client } from '@opensearch-project/opensearch';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defaultLimits } from '#config/limits.ts';
import { type IndexedItem, SearchQuery } from '#domain/search.ts';
import { extractMeeting } from '#ingest/extract-meeting.ts';
import { toIndexedItems } from '#search/indexed-item.ts';
import { createOpenSearchClient } from '#search/opensearch/client.ts';
import { OpenSearchIndex } from '#search/opensearch/opensearch-index.ts';
import { SqliteSearchIndex } from '#search/sqlite/sqlite-index.ts';
import { searchIndexBehaviour } from '#test/support/search-index-behaviour.ts';

/**
 * Against a real cluster: OPENSEARCH_URL (a local cluster, or a domain endpoint with
 * OPENSEARCH_REGION to sign requests), OPENSEARCH_WORD_LIST_PATH for a domain's word list package.
 */
const Env = z.object({
  OPENSEARCH_URL: z.url(),
  OPENSEARCH_REGION: z.string().min(1).optional(),
  OPENSEARCH_WORD_LIST_PATH: z.string().min(1).optional(),
});

const CORPUS = ['000_0a24eb9eb155f3ad', '001_cdd17d21176dd4b4'].map(
  (name) => `test/fixtures/corpus/pdf/${name}.pdf`,
);
const query = (input: Record<string, unknown>) => SearchQuery.parse({ size: 100, ...input });

async function corpusItems(file: string): Promise<IndexedItem[]> {
  const doc = await extractMeeting(new Uint8Array(readFileSync(file)), file, defaultLimits);
  const documentId = basename(file, '.pdf');
  return toIndexedItems(doc, { documentId, key: basename(file) });
}

describe.skipIf(!process.env.OPENSEARCH_URL)('OpenSearch, live (OPENSEARCH_URL)', () => {
  // Every index of this run starts with the prefix, so the run deletes exactly what it made.
  const prefix = `test-minutes-${randomUUID().slice(0, 8)}`;
  let client: Client;
  let wordListPath: string | undefined;
  let opened = 0;

  const open = async (): Promise<OpenSearchIndex> => {
    opened += 1;
    const index = new OpenSearchIndex({ client, alias: `${prefix}-${opened}`, wordListPath });
    await index.ensureIndex();
    return index;
  };

  beforeAll(() => {
    const env = Env.parse(process.env);
    client = createOpenSearchClient({ node: env.OPENSEARCH_URL, region: env.OPENSEARCH_REGION });
    wordListPath = env.OPENSEARCH_WORD_LIST_PATH;
  });

  afterAll(async () => {
    const { body } = await client.indices.get({ index: `${prefix}-*` });
    const indices = Object.keys(body);
    if (indices.length) await client.indices.delete({ index: indices });
    await client.close();
  });

  searchIndexBehaviour('OpenSearch', open);

  describe('on the corpus', () => {
    let index: OpenSearchIndex;
    const byDocument = new Map<string, IndexedItem[]>();

    beforeAll(async () => {
      index = await open();
      for (const file of CORPUS) {
        const items = await corpusItems(file);
        byDocument.set(basename(file, '.pdf'), items);
        await index.replaceDocument(basename(file, '.pdf'), items);
      }
    });

    it('finds sygefravær by the query fravær, with the part marked', async () => {
      const { results } = await index.search(query({ q: 'fravær' }));
      expect(results.map((r) => r.item.title)).toContain('Fokus på fremmøde og sygefravær');
      expect(results.flatMap((r) => r.highlights).join(' ')).toMatch(/syge<mark>fravær/i);
    });

    it('matches the items the embedded engine matches, with the same facets', async () => {
      const sqlite = SqliteSearchIndex.open(':memory:');
      for (const [documentId, items] of byDocument) await sqlite.replaceDocument(documentId, items);
      for (const q of ['sygefravær', 'fravær', 'stress', 'APV for ledere', 'budgetforlig mindreforbrug']) {
        const [embedded, engine] = [await sqlite.search(query({ q })), await index.search(query({ q }))];
        expect({ q, total: engine.total, facets: engine.facets }).toEqual({
          q,
          total: embedded.total,
          facets: embedded.facets,
        });
        const ids = (result: typeof engine) => result.results.map((r) => r.id).sort();
        expect(ids(engine)).toEqual(ids(embedded));
      }
      sqlite.close();
    });

    it('filters by date, body and access', async () => {
      const recent = await index.search(query({ q: 'fravær', from: '2025-02-01' }));
      expect(recent.total).toBeGreaterThan(0);
      expect(recent.results.every((r) => (r.meeting.date ?? '') >= '2025-02-01')).toBe(true);
      const all = [...byDocument.values()].flat();
      expect((await index.search(query({ body: 'direktionen' }))).total).toBe(
        all.filter((i) => i.meeting.body === 'Direktionen').length,
      );
      const closed = await index.search(query({ access: 'closed' }));
      expect(closed.total).toBe(all.filter((i) => i.item.access === 'closed').length);
    });

    it('swaps the alias to a new version, and drops the old one', async () => {
      const [first] = byDocument;
      if (!first) throw new Error('no corpus document');
      const [documentId, items] = first;
      const created = await index.reindex((next) => next.replaceDocument(documentId, items));
      const browse = await index.search(query({}));
      expect(browse.total).toBe(items.length);
      expect(created).toMatch(/-v2$/);
      expect((await client.indices.exists({ index: created.replace(/-v2$/, '-v1') })).body).toBe(false);
    });
  });
});
