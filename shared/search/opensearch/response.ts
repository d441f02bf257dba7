import type { Types } from '@opensearch-project/opensearch';
import { z } from 'zod';
import { IndexedItem, type SearchHit, type SearchQuery, type SearchResult } from '#domain/search.ts';
import type { HighlightQuery } from '../highlight.ts';
import { toHit } from '../hits.ts';
import type { BulkFailure } from './errors.ts';
import { FACET_NAME } from './query.ts';

const Bucket = z.object({ key: z.string(), doc_count: z.number().int() });
const Buckets = z.object({ buckets: z.array(Bucket) });
/** Buckets by key, each named by its sub-aggregation's first bucket (query.ts, FACET_NAME). */
const NamedBuckets = z.object({
  buckets: z.array(Bucket.extend({ [FACET_NAME]: Buckets })),
});

const Hits = z.object({
  total: z.object({ value: z.number().int().nonnegative() }),
  hits: z.array(z.object({ _score: z.number().nullish(), _source: z.object({ item: IndexedItem }) })),
});

/** The parts of a search response we read (the request asks for the item source and the facets). */
const SearchResponseBody = z.object({
  hits: Hits,
  aggregations: z.object({
    body: NamedBuckets,
    year: Buckets,
    outcome: Buckets,
    municipality: NamedBuckets,
  }),
});

const GetResponseBody = z.union([
  z.object({ found: z.literal(true), _source: z.object({ item: IndexedItem }) }),
  z.object({ found: z.literal(false) }),
]);

/**
 * A search response of full matches as the port's result (partial matches to be added). Hits are
 * built in JS from the stored items with the query's terms (planSearch) analysed by
 * shared/language, as the embedded engine builds them.
 */
export function toSearchResult(
  body: unknown,
  query: SearchQuery,
  terms: readonly string[],
  marks: HighlightQuery = {},
): SearchResult {
  const { hits, aggregations } = SearchResponseBody.parse(body);
  const counts = ({ buckets }: z.infer<typeof Buckets>) =>
    Object.fromEntries(buckets.map((b) => [b.key, b.doc_count]));
  const named = ({ buckets }: z.infer<typeof NamedBuckets>) =>
    Object.fromEntries(buckets.map((b) => [b[FACET_NAME].buckets[0]?.key ?? b.key, b.doc_count]));
  return {
    total: hits.total.value,
    partialTotal: 0,
    suggestion: null,
    page: query.page,
    size: query.size,
    results: hits.hits.map((hit) => toHit(hit._source.item, hit._score ?? 0, terms, 'full', marks)),
    facets: {
      body: named(aggregations.body),
      year: counts(aggregations.year),
      outcome: counts(aggregations.outcome),
      municipality: named(aggregations.municipality),
    },
  };
}

/** A search response of partial matches: how many, and the page's hits. */
export function partialHits(
  body: unknown,
  terms: readonly string[],
  marks: HighlightQuery = {},
): { total: number; results: SearchHit[] } {
  const { hits } = z.object({ hits: Hits }).parse(body);
  return {
    total: hits.total.value,
    results: hits.hits.map((hit) => toHit(hit._source.item, hit._score ?? 0, terms, 'partial', marks)),
  };
}

/** The item a get response holds; null when OpenSearch found no such document. */
export function storedItem(body: unknown): IndexedItem | null {
  const parsed = GetResponseBody.parse(body);
  return parsed.found ? parsed._source.item : null;
}

const StoredItemsBody = z.object({
  hits: z.object({ hits: z.array(z.object({ _source: z.object({ item: IndexedItem }) })) }),
});

/** The items a search response holds, in its order. */
export function storedItems(body: unknown): IndexedItem[] {
  return StoredItemsBody.parse(body).hits.hits.map((hit) => hit._source.item);
}

/** The items of a bulk response that failed, by id. */
export function bulkFailures(body: Types.Core_Bulk.BulkResponse): BulkFailure[] {
  return body.items.flatMap((item) => {
    const result = item.index ?? item.create ?? item.update ?? item.delete;
    if (!result?.error) return [];
    return [
      {
        id: result._id ?? '',
        status: result.status,
        type: result.error.type,
        reason: result.error.reason ?? '',
      },
    ];
  });
}
