import type { MeetingDocument } from '#domain/meeting.ts';
import type { IndexedItem } from '#domain/search.ts';
import { recommendationOf } from '#summarise/recommendation.ts';
import { textSections } from '#summarise/summarise.ts';
import { namedCases } from '../cases/references.ts';

/** Where a document's bytes live: its content hash and its object key. */
export interface DocumentSource {
  readonly documentId: string;
  readonly key: string;
}

/**
 * The items of a meeting as the index keeps them, with the meeting's time and place. A closed
 * item keeps its title and metadata only: it never carries sections, a decision, a summary, its
 * absent members or its attachments, whatever the extraction held.
 */
export function toIndexedItems(doc: MeetingDocument, source: DocumentSource): IndexedItem[] {
  return doc.items.map((item, position) => {
    const open = item.access === 'open';
    const indexed: IndexedItem = {
      id: `${source.documentId}:${position}`,
      documentId: source.documentId,
      key: source.key,
      meeting: {
        id: source.documentId,
        body: doc.meeting.body,
        municipality: doc.meeting.municipality,
        date: doc.meeting.date,
        kind: doc.meeting.kind,
        start: doc.meeting.start,
        end: doc.meeting.end,
        location: doc.meeting.location,
      },
      item: {
        number: item.number,
        title: item.title,
        access: item.access,
        caseNumber: item.caseNumber,
        position,
      },
      decision: open ? item.decision : null,
      recommendation: open ? recommendationOf(item) : null,
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
      absent: open ? item.absent : [],
      attachments: open
        ? item.attachments.map(({ number, title, access, link }) => ({
            number,
            title,
            access,
            // A closed attachment of an open item: its title is listed, never where to fetch it.
            link: access === 'open' ? link : null,
          }))
        : [],
      format: doc.source.format,
    };
    // The case numbers its text names, read once here (a closed item has no text to read).
    return { ...indexed, caseRefs: namedCases(indexed) };
  });
}
