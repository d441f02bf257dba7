import type { DocumentRecord } from '#domain/document.ts';
import type { DecisionCard, IndexedItem } from '#domain/search.ts';
import { publicItem } from '#search/hits.ts';
import type { ItemDetail, MeetingHeader, MeetingItem, MeetingListEntry, MeetingPlace } from './schemas.ts';

// Pure mappings from what the index and the registry keep to what the API shows. A closed
// item shows its title and metadata only: the index keeps nothing more of it (toIndexedItems).

export function itemDetail(indexed: IndexedItem): ItemDetail {
  return {
    id: indexed.id,
    documentId: indexed.documentId,
    key: indexed.key,
    meeting: indexed.meeting,
    item: publicItem(indexed),
    sections: indexed.sections,
    pages: indexed.pages,
    absent: indexed.absent,
    attachments: indexed.attachments,
    format: indexed.format,
  };
}

/** The item's decision card, as the index keeps it. */
export function cardOf(indexed: IndexedItem): DecisionCard {
  return { decision: indexed.decision, recommendation: indexed.recommendation, summary: indexed.summary };
}

export function meetingItem(indexed: IndexedItem): MeetingItem {
  return {
    id: indexed.id,
    item: publicItem(indexed),
    pages: indexed.pages,
    decision: indexed.decision,
    summary: indexed.summary,
    absent: indexed.absent,
    attachments: indexed.attachments,
  };
}

/**
 * When and where a meeting was held, as its items keep it (the registry keeps neither): every
 * item of a meeting carries the same; null when it has no items or they were indexed before.
 */
export function meetingPlace(items: readonly IndexedItem[]): MeetingPlace {
  const meeting = items[0]?.meeting;
  return { start: meeting?.start ?? null, end: meeting?.end ?? null, location: meeting?.location ?? null };
}

/** What a meeting is shown with; null when the document holds no meeting (never indexed). */
export function meetingHeader(record: DocumentRecord): MeetingHeader | null {
  const { id, meeting, status, pages } = record;
  return meeting === null ? null : { id, meeting, status, pages };
}

/** A registry record as a meeting in a list; null when it holds no meeting. */
export function meetingListEntry(record: DocumentRecord): MeetingListEntry | null {
  const header = meetingHeader(record);
  return header && { ...header, items: record.quality?.items ?? 0 };
}
