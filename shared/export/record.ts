import { z } from 'zod';
import { IsoDate, Outcome } from '#domain/meeting.ts';
import type { IndexedItem } from '#domain/search.ts';

/** An item id as a URL carries it: escaped, but for the colon of `<document>:<position>`, which may stand. */
export const idInUrl = (id: string) => encodeURIComponent(id).replaceAll('%3A', ':');

/** The permanent path of an item in the API (GET /items/{id}). */
export const itemPath = (id: string) => `/items/${idInUrl(id)}`;

/**
 * One exported item, flat, so that a spreadsheet reads it as a row: what a journalist cites
 * (meeting, item, case, decision) and where the item lives. A closed item has its title and
 * metadata only: no outcome, no decision text.
 */
export const ExportRecord = z
  .object({
    id: z.string(),
    date: IsoDate.nullable(),
    body: z.string().nullable(),
    municipality: z.string().nullable(),
    number: z.number().int().nullable(),
    title: z.string(),
    caseNumber: z.string().nullable(),
    access: z.enum(['open', 'closed']),
    outcome: Outcome.nullable(),
    decision: z.string().nullable(),
    url: z.string(),
  })
  .meta({ description: 'One exported item: a line of NDJSON, or a row of CSV under the same column names.' });
export type ExportRecord = z.infer<typeof ExportRecord>;

/** The columns, in CSV's order: the keys of ExportRecord. */
export const EXPORT_COLUMNS = Object.keys(ExportRecord.shape) as (keyof ExportRecord)[];

export function toExportRecord(item: IndexedItem): ExportRecord {
  // The index keeps no content of a closed item; checked again here, as an export leaves the service.
  const decision = item.item.access === 'open' ? item.decision : null;
  return {
    id: item.id,
    date: item.meeting.date,
    body: item.meeting.body,
    municipality: item.meeting.municipality,
    number: item.item.number,
    title: item.item.title,
    caseNumber: item.item.caseNumber,
    access: item.item.access,
    outcome: decision?.outcome ?? null,
    decision: decision?.text ?? null,
    url: itemPath(item.id),
  };
}
