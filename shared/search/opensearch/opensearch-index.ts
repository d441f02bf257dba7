import type { API, Types } from '@opensearch-project/opensearch';
import { z } from 'zod';
import {
  type IndexedItem,
  IndexedItem as IndexedItemSchema,
  type SearchQuery,
  type SearchResult,
} from '#domain/search.ts';
import type { CaseKey, CaseMember } from '../../cases/members.ts';
import { emptyResult } from '../hits.ts';
import { highlightQuery, PARTIAL_WHEN_FEWER_THAN, planSearch } from '../plan.ts';
import { MATCH_BATCH_SIZE, type SearchIndex } from '../port.ts';
import { suggestQuery } from '../suggest.ts';
import { caseMembersBody, caseMembersOf } from './case-members.ts';
import { toDocument } from './document.ts';
import { BulkIndexError, callEngine } from './errors.ts';
import { matchBatchBody, partialQuery, searchRequestBody } from './query.ts';
import { bulkFailures, partialHits, storedItem, storedItems, toSearchResult } from './response.ts';
import type { SearchClient } from './search-client.ts';
import { createIndexBody, INDEX_LAYOUT } from './settings.ts';
import { indexName, nextVersion, versionOf } from './versions.ts';
import { OpenSearchTermVocabulary } from './vocabulary.ts';

/** A batch of matches: the items, and the sort values the next batch starts after. */
const MatchBatch = z.object({
  hits: z.object({
    hits: z.array(
      z.object({
        _source: z.object({ item: IndexedItemSchema }),
        sort: z.array(z.union([z.string(), z.number()])),
      }),
    ),
  }),
});

/** More items than any one meeting has: a document's items come back in one response. */
const MAX_ITEMS_PER_DOCUMENT = 1000;

export interface OpenSearchIndexOptions {
  readonly client: SearchClient;
  /** The alias every read and write goes to; the index behind it is `<alias>-v<N>`. */
  readonly alias: string;
  /** The decompounder's word list on the cluster (settings.ts); inline when absent. */
  readonly wordListPath?: string;
}

/**
 * The search index in OpenSearch. Documents live in versioned indices behind an alias, so a
 * rebuild (new analysis, new mappings) fills a new version while the old one answers searches.
 */
export class OpenSearchIndex implements SearchIndex {
  readonly #client: SearchClient;
  readonly #alias: string;
  readonly #wordListPath: string | undefined;

  constructor(options: OpenSearchIndexOptions) {
    this.#client = options.client;
    this.#alias = options.alias;
    this.#wordListPath = options.wordListPath;
  }

  /** Creates the first version and its alias, unless the alias exists. */
  async ensureIndex(): Promise<void> {
    const exists = await callEngine('indices.exists', () =>
      this.#client.indices.exists({ index: this.#alias }),
    );
    if (exists.body) return;
    await this.#createIndex(indexName(this.#alias, 1), { [this.#alias]: {} });
  }

  /** Whether every index behind the alias was made with this code's analysis and mappings (INDEX_LAYOUT). */
  async layoutIsCurrent(): Promise<boolean> {
    const response = await callEngine('indices.get_mapping', () =>
      this.#client.indices.getMapping({ index: this.#alias }),
    );
    return Object.values(response.body).every((index) => index.mappings?._meta?.layout === INDEX_LAYOUT);
  }

  /**
   * Fills the next version with `load` (given an index writing to that version only), then points
   * the alias at it in one atomic update and deletes the old versions: searches never see a
   * half-filled index. If `load` fails the new version is deleted and the alias left alone.
   * Returns the name of the new index.
   */
  async reindex(load: (index: SearchIndex) => Promise<void>): Promise<string> {
    const current = await this.#versions();
    const next = indexName(this.#alias, nextVersion(this.#alias, current));
    await this.#createIndex(next);
    try {
      // An index name serves wherever the alias does.
      await load(new OpenSearchIndex({ client: this.#client, alias: next }));
    } catch (error) {
      await callEngine('indices.delete', () => this.#client.indices.delete({ index: next }));
      throw error;
    }
    const actions: Types.Indices_UpdateAliases.Action[] = [
      ...current.map((index) => ({ remove: { index, alias: this.#alias } })),
      { add: { index: next, alias: this.#alias } },
    ];
    await callEngine('indices.update_aliases', () =>
      this.#client.indices.updateAliases({ body: { actions } }),
    );
    if (current.length)
      await callEngine('indices.delete', () => this.#client.indices.delete({ index: current }));
    return next;
  }

  async replaceDocument(documentId: string, items: readonly IndexedItem[]): Promise<void> {
    await this.deleteDocument(documentId);
    if (items.length === 0) return;
    const body: API.Bulk_RequestBody = items.flatMap((item) => {
      const action: Types.Core_Bulk.OperationContainer = { index: { _id: item.id } };
      return [action, toDocument(item)];
    });
    // A search right after a write sees it, as with the embedded engine. Refreshed at once:
    // waiting for the next scheduled refresh (wait_for) costs about a second a document.
    const response = await callEngine('bulk', () =>
      this.#client.bulk({ index: this.#alias, body, refresh: true }),
    );
    if (response.body.errors) throw new BulkIndexError(bulkFailures(response.body));
  }

  async deleteDocument(documentId: string): Promise<void> {
    await callEngine('delete_by_query', () =>
      this.#client.deleteByQuery({
        index: this.#alias,
        body: { query: { term: { documentId } } },
        refresh: true,
      }),
    );
  }

  async get(id: string): Promise<IndexedItem | null> {
    const response = await callEngine('get', () =>
      this.#client.get({ index: this.#alias, id, _source_includes: ['item'] }, { ignore: [404] }),
    );
    return callEngine('get', async () => storedItem(response.body));
  }

  async itemsOf(documentId: string): Promise<IndexedItem[]> {
    const body: API.Search_RequestBody = {
      query: { term: { documentId } },
      sort: [{ position: 'asc' }],
      size: MAX_ITEMS_PER_DOCUMENT,
      _source: ['item'],
    };
    const response = await callEngine('search', () => this.#client.search({ index: this.#alias, body }));
    return callEngine('search', async () => storedItems(response.body));
  }

  /** Full matches a batch at a time, each after the last one's sort values (matchBatchBody). */
  async *matchBatches(query: SearchQuery, batchSize = MATCH_BATCH_SIZE): AsyncIterable<IndexedItem[]> {
    const plan = planSearch(query.q);
    if (query.q && !plan.searchable) return;
    for (let after: Types.Common.FieldValue[] | null = null, full = true; full; ) {
      const body = await this.#search(matchBatchBody(query, plan, batchSize, after));
      const { hits } = await callEngine('search', async () => MatchBatch.parse(body).hits);
      full = hits.length === batchSize;
      after = hits.at(-1)?.sort ?? null;
      if (hits.length > 0) yield hits.map((hit) => hit._source.item);
    }
  }

  async caseMembers(keys: readonly CaseKey[]): Promise<CaseMember[]> {
    if (keys.length === 0) return [];
    const body = await this.#search(caseMembersBody(keys));
    return callEngine('search', async () => caseMembersOf(body, keys));
  }

  async search(query: SearchQuery): Promise<SearchResult> {
    const plan = planSearch(query.q);
    if (query.q && !plan.searchable) return emptyResult(query);
    const offset = (query.page - 1) * query.size;
    const end = offset + query.size;
    const fullBody = await this.#search(searchRequestBody(query, plan, 'full', offset, query.size));
    const full = await callEngine('search', async () =>
      toSearchResult(fullBody, query, plan.terms, highlightQuery(plan)),
    );
    // As the embedded engine: partial matches only when the full ones are few, after all of them.
    if (!query.q || full.total >= PARTIAL_WHEN_FEWER_THAN) return full;
    if (partialQuery(query, plan) === null) return this.#suggested(full, query, 0);
    const from = Math.max(0, offset - full.total);
    const size = Math.max(0, end - Math.max(offset, full.total));
    const partialBody = await this.#search(searchRequestBody(query, plan, 'partial', from, size));
    const partial = await callEngine('search', async () =>
      partialHits(partialBody, plan.terms, highlightQuery(plan)),
    );
    return this.#suggested(
      { ...full, partialTotal: partial.total, results: [...full.results, ...partial.results] },
      query,
      partial.total,
    );
  }

  /** "Mente du …?" when the words find nothing at all (shared/search/suggest.ts), as the embedded engine. */
  async #suggested(result: SearchResult, query: SearchQuery, partialTotal: number): Promise<SearchResult> {
    if (result.total > 0 || partialTotal > 0) return result;
    const vocabulary = new OpenSearchTermVocabulary(this.#client, this.#alias);
    return { ...result, suggestion: await suggestQuery(query.q, vocabulary) };
  }

  async #search(body: API.Search_RequestBody): Promise<unknown> {
    const response = await callEngine('search', () => this.#client.search({ index: this.#alias, body }));
    return response.body;
  }

  async #createIndex(index: string, aliases?: API.Indices_Create_RequestBody['aliases']): Promise<void> {
    const body: API.Indices_Create_RequestBody = {
      ...createIndexBody({ wordListPath: this.#wordListPath }),
      ...(aliases && { aliases }),
    };
    await callEngine('indices.create', () => this.#client.indices.create({ index, body }));
  }

  /** The versions behind the alias; none when the alias does not exist yet. */
  async #versions(): Promise<string[]> {
    const response = await callEngine('indices.get_alias', () =>
      this.#client.indices.getAlias({ name: this.#alias }, { ignore: [404] }),
    );
    return Object.keys(response.body).filter((index) => versionOf(this.#alias, index) !== null);
  }
}
