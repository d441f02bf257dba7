import type { IndexedItem, SearchQuery, SearchResult } from '#domain/search.ts';
import type { CaseKey, CaseMember } from '../cases/members.ts';

/**
 * The search index, whatever engine keeps it: SQLite FTS5 on a laptop, OpenSearch in AWS. Both
 * adapters pass the same behavioural suite (test/search/search-index.behaviour.ts).
 */
export interface SearchIndex {
  /**
   * Writes asked for at once are applied in the order asked, each whole (SQLite's ordered writes):
   * nothing needs to queue them in front of it (functions/local/one-writer.ts).
   */
  readonly writesInOrder?: boolean;
  /** Replaces all items of a document (a new version of the same minutes replaces the old). */
  replaceDocument(documentId: string, items: readonly IndexedItem[]): Promise<void>;
  deleteDocument(documentId: string): Promise<void>;
  search(query: SearchQuery): Promise<SearchResult>;
  get(id: string): Promise<IndexedItem | null>;
  /** All items of a document, in agenda order (empty when there is no such document). */
  itemsOf(documentId: string): Promise<IndexedItem[]>;
  /**
   * The items of these cases (each a municipality's key and a case number), closed ones too,
   * oldest first (date, then document, then agenda order; undated first), at most
   * CASE_MEMBER_LIMIT in all: one request for a whole page of hits (shared/cases).
   */
  caseMembers(keys: readonly CaseKey[]): Promise<CaseMember[]>;
  /**
   * Every full match of a search (its words and filters; page, size and sort aside, no partial
   * matches), in batches of at most `batchSize`, each read only when the one before is taken: an
   * export of the whole archive holds one batch at a time. Grouped by document, in agenda order.
   */
  matchBatches(query: SearchQuery, batchSize?: number): AsyncIterable<IndexedItem[]>;
}

/** Items per batch of matchBatches: small enough to hold, large enough to be few round trips. */
export const MATCH_BATCH_SIZE = 500;
