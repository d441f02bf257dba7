import type { Outcome } from '#domain/meeting.ts';
import type { IndexedItem } from '#domain/search.ts';
import { type SearchFields, searchFields } from '../fields.ts';

/** An item as OpenSearch indexes it: the fields of MAPPINGS (settings.ts). */
export interface OpenSearchDocument {
  readonly documentId: string;
  readonly body: string | null;
  readonly municipality: string | null;
  readonly date: string | null;
  readonly year: string | null;
  readonly outcome: Outcome | null;
  readonly access: IndexedItem['item']['access'];
  readonly caseNumber: string | null;
  readonly position: number;
  /** Raw text: OpenSearch analyses it with the analyzers of settings.ts. */
  readonly text: SearchFields;
  readonly item: IndexedItem;
}

export function toDocument(item: IndexedItem): OpenSearchDocument {
  return {
    documentId: item.documentId,
    body: item.meeting.body,
    municipality: item.meeting.municipality,
    date: item.meeting.date,
    year: item.meeting.date?.slice(0, 4) ?? null,
    outcome: item.decision?.outcome ?? null,
    access: item.item.access,
    caseNumber: item.item.caseNumber,
    position: item.item.position,
    text: searchFields(item),
    item,
  };
}
