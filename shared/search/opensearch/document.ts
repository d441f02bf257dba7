import type { IndexedItem } from '#domain/search.ts';
import { type FilterFields, filterFields, type SearchFields, searchFields } from '../fields.ts';

/** An item as OpenSearch indexes it: the fields of MAPPINGS (settings.ts). */
export interface OpenSearchDocument extends FilterFields {
  /** Raw text: OpenSearch analyses it with the analyzers of settings.ts. */
  readonly text: SearchFields;
  readonly item: IndexedItem;
}

export function toDocument(item: IndexedItem): OpenSearchDocument {
  return { ...filterFields(item), text: searchFields(item), item };
}
