import type { IndexedItem, SearchQuery, SearchResult } from '#domain/search.ts';

/**
 * The search index, whatever engine keeps it: SQLite FTS5 on a laptop, OpenSearch in AWS. Both
 * adapters pass the same behavioural suite (test/search/search-index.behaviour.ts).
 */
export interface SearchIndex {
  /** Replaces all items of a document (a new version of the same minutes replaces the old). */
  replaceDocument(documentId: string, items: readonly IndexedItem[]): Promise<void>;
  deleteDocument(documentId: string): Promise<void>;
  search(query: SearchQuery): Promise<SearchResult>;
  get(id: string): Promise<IndexedItem | null>;
  /** All items of a document, in agenda order (empty when there is no such document). */
  itemsOf(documentId: string): Promise<IndexedItem[]>;
}
