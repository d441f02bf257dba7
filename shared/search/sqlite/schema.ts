import { FIELD_WEIGHTS } from '../fields.ts';

export const FTS_COLUMNS = Object.keys(FIELD_WEIGHTS) as (keyof typeof FIELD_WEIGHTS)[];

/**
 * Items in a plain table of small rows (filters, facets), the stored item as JSON in a table of
 * its own (so counting and filtering never page through it), and their analysed terms in a
 * contentless FTS5 table, all with the same rowid. Terms are analysed in JS (shared/language): FTS5
 * only splits them on white space, keeping æøå and the . / - inside dates and case numbers.
 */
export const SCHEMA = `
CREATE TABLE IF NOT EXISTS items (
  rowid INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  document_id TEXT NOT NULL,
  body TEXT,
  municipality TEXT,
  date TEXT,
  year TEXT,
  outcome TEXT,
  access TEXT NOT NULL,
  case_number TEXT,
  position INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS items_document ON items(document_id);
CREATE INDEX IF NOT EXISTS items_date ON items(date, position);
CREATE INDEX IF NOT EXISTS items_facets ON items(body, year, outcome);
CREATE TABLE IF NOT EXISTS item_json (rowid INTEGER PRIMARY KEY, json TEXT NOT NULL);
CREATE VIRTUAL TABLE IF NOT EXISTS items_fts USING fts5(
  ${FTS_COLUMNS.join(', ')},
  content = '', contentless_delete = 1,
  tokenize = "unicode61 remove_diacritics 0 tokenchars '-./'"
);
`;

export const BM25_WEIGHTS = FTS_COLUMNS.map((c) => FIELD_WEIGHTS[c]).join(', ');
