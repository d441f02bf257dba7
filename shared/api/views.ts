import type { DocumentRecord } from '#domain/document.ts';
import type { IndexedItem } from '#domain/search.ts';
import type { DecisionCard, ItemDetail, MeetingItem, MeetingListEntry } from './schemas.ts';

// Pure mappings from what the index and the registry keep to what the API shows. A closed
// item shows its title and metadata only: the index never keeps more, and these mappings
// drop it again should it ever be there.

const isOpen = (item: IndexedItem) => item.item.access === 'open';

export function itemDetail(indexed: IndexedItem): ItemDetail {
  const { number, title, access, caseNumber } = indexed.item;
  return {
    id: indexed.id,
    documentId: indexed.documentId,
    key: indexed.key,
    meeting: indexed.meeting,
    item: { number, title, access, caseNumber },
    sections: isOpen(indexed) ? indexed.sections : [],
    pages: indexed.pages,
  };
}

export function decisionCard(indexed: IndexedItem): DecisionCard {
  if (!isOpen(indexed)) return { decision: null, recommendation: null, summary: [] };
  return { decision: indexed.decision, recommendation: indexed.recommendation, summary: indexed.summary };
}

/** The page a link to the item opens at: its decision's, else its first. */
export function citedPage(indexed: IndexedItem): number | null {
  return (isOpen(indexed) ? indexed.decision?.page : null) ?? indexed.pages?.first ?? null;
}

export function meetingItem(indexed: IndexedItem): MeetingItem {
  const { number, title, access, caseNumber } = indexed.item;
  const open = isOpen(indexed);
  return {
    id: indexed.id,
    item: { number, title, access, caseNumber },
    pages: indexed.pages,
    decision: open ? indexed.decision : null,
    summary: open ? indexed.summary : [],
  };
}

/** A registry record as a meeting in a list; null when it holds no meeting (never indexed). */
export function meetingListEntry(record: DocumentRecord): MeetingListEntry | null {
  if (record.meeting === null) return null;
  return {
    id: record.id,
    meeting: record.meeting,
    pages: record.pages,
    status: record.status,
    items: record.quality?.items ?? 0,
  };
}
