import { stringify } from 'csv-stringify/sync';
import { EXPORT_COLUMNS, type ExportRecord } from './record.ts';

export const EXPORT_FORMATS = {
  ndjson: 'application/x-ndjson; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
} as const;
export type ExportFormat = keyof typeof EXPORT_FORMATS;

/**
 * Text for one batch of records. CSV starts with a byte-order mark and the header row, so that a
 * spreadsheet (Excel above all) reads æ, ø and å as UTF-8; csv-stringify quotes what needs it.
 */
export function formatBatch(format: ExportFormat, records: readonly ExportRecord[], first: boolean): string {
  if (format === 'ndjson') return records.map((record) => `${JSON.stringify(record)}\n`).join('');
  return stringify(records as ExportRecord[], {
    columns: EXPORT_COLUMNS,
    header: first,
    bom: first,
  });
}
