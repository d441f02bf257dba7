import type { Outcome, Votes } from '#domain/meeting.ts';
import type { IndexedItem } from '#domain/search.ts';

export interface ItemSpec {
  readonly documentId?: string;
  readonly position?: number;
  readonly title: string;
  readonly text?: string;
  readonly decision?: string;
  readonly outcome?: Outcome;
  readonly date?: string;
  readonly body?: string;
  readonly municipality?: string;
  readonly access?: 'open' | 'closed';
  readonly caseNumber?: string;
  readonly votes?: Votes;
}

/** A small, hand-made indexed item, as toIndexedItems would make it from minutes. */
export function indexedItem(spec: ItemSpec): IndexedItem {
  const documentId = spec.documentId ?? 'doc-a';
  const position = spec.position ?? 0;
  const open = spec.access !== 'closed';
  return {
    id: `${documentId}:${position}`,
    documentId,
    key: `${documentId}.pdf`,
    meeting: {
      id: documentId,
      body: spec.body ?? 'Økonomiudvalget',
      municipality: spec.municipality ?? 'Vesterlund Kommune',
      date: spec.date ?? '2025-03-04',
      kind: 'minutes',
      start: null,
      end: null,
      location: null,
    },
    item: {
      number: position + 1,
      title: spec.title,
      access: spec.access ?? 'open',
      caseNumber: spec.caseNumber ?? null,
      position,
    },
    decision:
      open && spec.decision
        ? {
            date: spec.date ?? '2025-03-04',
            text: spec.decision,
            outcome: spec.outcome ?? 'approved',
            votes: spec.votes ?? null,
            page: 2,
          }
        : null,
    recommendation: null,
    sections:
      open && spec.text
        ? [
            {
              heading: 'Sagsfremstilling',
              kind: 'presentation' as const,
              text: spec.text,
              page: 1,
              pages: [1],
            },
          ]
        : [],
    summary: [],
    pages: { first: 1, last: 2 },
    absent: [],
    attachments: [],
    format: 'pdf',
  };
}
