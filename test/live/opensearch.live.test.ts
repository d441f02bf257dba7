import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { Client } from '@opensearch-project/opensearch';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defaultLimits } from '#config/limits.ts';
import { type IndexedItem, SearchQuery } from '#domain/search.ts';
import { extractMeeting } from '#ingest/extract-meeting.ts';
import { analyze, analyzeBoth } from '#language/analyze.ts';
import { toIndexedItems } from '#search/indexed-item.ts';
import { createOpenSearchClient } from '#search/opensearch/client.ts';
import { BulkIndexError } from '#search/opensearch/errors.ts';
import { OpenSearchIndex } from '#search/opensearch/opensearch-index.ts';
import { createSearchClient, type SearchClient } from '#search/opensearch/search-client.ts';
import { createIndexBody } from '#search/opensearch/settings.ts';
import { SqliteSearchIndex } from '#search/sqlite/sqlite-index.ts';
import { BEHAVIOUR_DOCUMENTS, searchIndexBehaviour } from '#test/support/search-index-behaviour.ts';

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

/** Settings as OpenSearch gives them back: every number and boolean as a string. */
function asSettings(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(asSettings);
  if (value !== null && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([key, v]) => [key, asSettings(v)]));
  return typeof value === 'number' || typeof value === 'boolean' ? String(value) : value;
}

async function corpusItems(file: string): Promise<IndexedItem[]> {
  const doc = await extractMeeting(new Uint8Array(readFileSync(file)), file, defaultLimits);
  const documentId = basename(file, '.pdf');
  return toIndexedItems(doc, { documentId, key: basename(file) });
}

describe.skipIf(!process.env.OPENSEARCH_URL)('OpenSearch, live (OPENSEARCH_URL)', () => {
  // Every index of this run starts with the prefix, so the run deletes exactly what it made.
  const prefix = `test-minutes-${randomUUID().slice(0, 8)}`;
  let client: Client;
  let searchClient: SearchClient;
  let wordListPath: string | undefined;
  let opened = 0;

  /** A new index behind a new alias, created as the service creates it. */
  const openAlias = async (): Promise<{ index: OpenSearchIndex; alias: string }> => {
    opened += 1;
    const alias = `${prefix}-${opened}`;
    const index = new OpenSearchIndex({ client: searchClient, alias, wordListPath });
    await index.ensureIndex();
    return { index, alias };
  };
  /**
   * For the behaviour suite: a new index for each test, the previous test's deleted, so the node
   * keeps one at a time (each holds the analysis and its word list in the node's heap).
   */
  let behaviourAlias: string | null = null;
  const open = async (): Promise<OpenSearchIndex> => {
    if (behaviourAlias) await client.indices.delete({ index: `${behaviourAlias}-v*` });
    const { index, alias } = await openAlias();
    behaviourAlias = alias;
    return index;
  };
  /** The indices an alias points at. */
  const behind = async (alias: string) =>
    Object.keys((await client.indices.getAlias({ name: alias })).body).sort();
  const exists = async (index: string) => (await client.indices.exists({ index })).body;
  const [DOC_A, DOC_B] = [BEHAVIOUR_DOCUMENTS['doc-a'] ?? [], BEHAVIOUR_DOCUMENTS['doc-b'] ?? []];

  beforeAll(() => {
    const env = Env.parse(process.env);
    client = createOpenSearchClient({ node: env.OPENSEARCH_URL, region: env.OPENSEARCH_REGION });
    // The index under test talks through the service's own client, the one the Lambdas run.
    searchClient = createSearchClient({ node: env.OPENSEARCH_URL, region: env.OPENSEARCH_REGION });
    wordListPath = env.OPENSEARCH_WORD_LIST_PATH;
  });

  afterAll(async () => {
    const { body } = await client.indices.get({ index: `${prefix}-*` });
    const indices = Object.keys(body);
    if (indices.length) await client.indices.delete({ index: indices });
    await client.close();
  });

  searchIndexBehaviour('OpenSearch', open);

  describe('versions behind an alias', () => {
    it('creates <alias>-v1 behind the alias, and writes through the alias into it', async () => {
      const { index, alias } = await openAlias();
      expect(await behind(alias)).toEqual([`${alias}-v1`]);
      await index.ensureIndex();
      expect(await behind(alias)).toEqual([`${alias}-v1`]);
      await index.replaceDocument('doc-a', DOC_A);
      expect((await client.count({ index: `${alias}-v1` })).body.count).toBe(DOC_A.length);
      const stored = await client.get({ index: `${alias}-v1`, id: 'doc-a:1' });
      expect(stored.body._source).toMatchObject({ documentId: 'doc-a', item: DOC_A[1] });
    });

    it('reindexes into the next version: items carried over, the alias swapped, the old version dropped', async () => {
      const { index, alias } = await openAlias();
      for (const [documentId, items] of Object.entries(BEHAVIOUR_DOCUMENTS))
        await index.replaceDocument(documentId, items);
      const before = await index.search(query({ q: 'fravær' }));
      const created = await index.reindex(async (next) => {
        await next.replaceDocument('doc-a', await index.itemsOf('doc-a'));
        // Half filled: the alias still answers from the old version, with every item.
        expect((await next.search(query({}))).total).toBe(DOC_A.length);
        expect((await index.search(query({}))).total).toBe(DOC_A.length + DOC_B.length);
        await next.replaceDocument('doc-b', await index.itemsOf('doc-b'));
      });
      expect(created).toBe(`${alias}-v2`);
      expect(await behind(alias)).toEqual([`${alias}-v2`]);
      expect(await exists(`${alias}-v1`)).toBe(false);
      expect(await index.itemsOf('doc-a')).toEqual(DOC_A);
      expect(await index.itemsOf('doc-b')).toEqual(DOC_B);
      expect(await index.search(query({ q: 'fravær' }))).toEqual(before);
    });

    it('deletes the next version and keeps the alias when filling it fails', async () => {
      const { index, alias } = await openAlias();
      await index.replaceDocument('doc-a', DOC_A);
      const failure = new Error('the registry is unreachable');
      await expect(
        index.reindex(async (next) => {
          await next.replaceDocument('doc-b', DOC_B);
          throw failure;
        }),
      ).rejects.toBe(failure);
      expect(await behind(alias)).toEqual([`${alias}-v1`]);
      expect(await exists(`${alias}-v2`)).toBe(false);
      expect((await index.search(query({}))).total).toBe(DOC_A.length);
    });
  });

  describe('bulk writes', () => {
    it('names the items the engine refused, and indexes the others', async () => {
      const index = await open();
      const [first, second, third] = DOC_A as [IndexedItem, IndexedItem, IndexedItem];
      // A date written the Danish way: the mapping (strict_date) refuses it.
      const danishDate = { ...second, meeting: { ...second.meeting, date: '05-02-2025' } };
      const error = await index.replaceDocument('doc-a', [first, danishDate, third]).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(BulkIndexError);
      expect((error as BulkIndexError).failures).toEqual([
        {
          id: 'doc-a:1',
          status: 400,
          type: 'mapper_parsing_exception',
          reason: expect.stringContaining("Preview of field's value: '05-02-2025'"),
        },
      ]);
      expect((error as Error).message).toMatch(/^OpenSearch did not index 1 item\(s\): doc-a:1 \(400 /);
      expect(await index.itemsOf('doc-a')).toEqual([first, third]);
      expect(await index.get('doc-a:1')).toBeNull();
      expect((await index.search(query({ q: 'sygefravær' }))).results.map((r) => r.id)).toEqual(['doc-a:0']);
    });
  });

  describe('the analysis the engine accepted', () => {
    it('keeps the analyzers and mappings as they were sent', async () => {
      const { alias } = await openAlias();
      const sent = createIndexBody({ wordListPath });
      const { body } = await client.indices.getSettings({ index: `${alias}-v1` });
      const settings = body[`${alias}-v1`]?.settings?.index;
      expect(settings?.number_of_shards).toBe('1');
      expect(settings?.analysis).toEqual(asSettings(sent.settings?.analysis));
      expect(Object.keys(settings?.analysis?.analyzer ?? {}).sort()).toEqual(['da_exact', 'da_parts']);
      // Bodies and municipalities are filtered by keys made in JS (names.ts): nothing to normalize.
      expect(settings?.analysis).not.toHaveProperty('normalizer');
      const mapping = await client.indices.getMapping({ index: `${alias}-v1` });
      expect(mapping.body[`${alias}-v1`]?.mappings).toEqual(sent.mappings);
    });

    it('analyses Danish words as shared/language does: stems, stop words, compound parts, names whole', async () => {
      const { alias } = await openAlias();
      const text =
        'Sygefraværet blandt ledere og politikker for ejendomssalg i Økonomiudvalget, sag 24/16905';
      const tokens = async (analysis: { analyzer: string }) => {
        const { body } = await client.indices.analyze({ index: alias, body: { ...analysis, text } });
        return (body.tokens ?? []).map((t) => t.token);
      };
      const exact = await tokens({ analyzer: 'da_exact' });
      expect(exact).toEqual([
        'sygefravær',
        'bland',
        'led',
        'politik',
        'ejendomssalg',
        'økonomiudvalg',
        'sag',
        '24/16905',
      ]);
      expect(exact).toEqual(analyze(text));
      const parts = await tokens({ analyzer: 'da_parts' });
      expect(parts).toEqual(expect.arrayContaining(['syg', 'fravær', 'ejendom', 'salg']));
      // A capitalised word inside the sentence is a name: whole, without its parts.
      expect(parts).toContain('økonomiudvalg');
      expect(parts).not.toContain('udvalg');
      expect(parts).toEqual(analyzeBoth(text).parts);
    });
  });

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
  });
});
