import type { MeetingDocument } from '#domain/meeting.ts';
import type { IndexedItem } from '#domain/search.ts';
import { decisionCard } from '#summarise/decision-card.ts';
import { textSections } from '#summarise/summarise.ts';

/** Where a document's bytes live: its content hash and its object key. */
export interface DocumentSource {
  readonly documentId: string;
  readonly key: string;
}

/**
 * The items of a meeting as the index keeps them. A closed item keeps its title and metadata
 * only: it never carries sections, a decision or a summary, whatever the extraction held.
 */
export function toIndexedItems(doc: MeetingDocument, source: DocumentSource): IndexedItem[] {
  return doc.items.map((item, position) => {
    const open = item.access === 'open';
    const card = decisionCard(item);
    return {
      id: `${source.documentId}:${position}`,
      documentId: source.documentId,
      key: source.key,
      meeting: {
        id: source.documentId,
        body: doc.meeting.body,
        municipality: doc.meeting.municipality,
        date: doc.meeting.date,
        kind: doc.meeting.kind,
      },
      item: {
        number: item.number,
        title: item.title,
        access: item.access,
        caseNumber: item.caseNumber,
        position,
      },
      decision: open ? item.decision : null,
      recommendation: open ? card.recommendation : null,
      sections: open
        ? textSections(item).map((s) => ({
            heading: s.heading,
            kind: s.kind,
            text: s.text,
            page: s.page,
            pages: [...s.pages],
          }))
        : [],
      summary: open ? item.summary : [],
      pages: item.pages,
      // With their body and date: the case page and the item view show them in order.
      priorDecisions: open ? item.priorDecisions : [],
    };
  });
}
