import { FIELD_WEIGHTS } from '../fields.ts';

export const FTS_COLUMNS = Object.keys(FIELD_WEIGHTS) as (keyof typeof FIELD_WEIGHTS)[];

/**
 * Items in a plain table of small rows (filters, facets), the stored item as JSON in a table of
 * its own (so counting and filtering never page through it), and their analysed terms in a
 * contentless FTS5 table, all with the same rowid. Triggers keep the facet counts of the whole
 * index, so browsing without words or filters (the first page people see) counts nothing. Terms are analysed in JS (shared/language): FTS5
 * only splits them on white space, keeping æøå and the . / - inside dates and case numbers.
 */
export const SCHEMA = `
CREATE TABLE IF NOT EXISTS items (
  rowid INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  document_id TEXT NOT NULL,
  body TEXT,
  municipality TEXT,
  -- Lower-cased in JS: SQLite's NOCASE folds ASCII only, and Æ, Ø, Å must fold too.
  body_key TEXT,
  municipality_key TEXT,
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
CREATE TABLE IF NOT EXISTS facet_totals (
  body TEXT NOT NULL, year TEXT NOT NULL, outcome TEXT NOT NULL, n INTEGER NOT NULL,
  PRIMARY KEY (body, year, outcome)
);
INSERT INTO facet_totals
  SELECT coalesce(body, ''), coalesce(year, ''), coalesce(outcome, ''), count(*) FROM items
  WHERE NOT EXISTS (SELECT 1 FROM facet_totals) GROUP BY 1, 2, 3;
CREATE TRIGGER IF NOT EXISTS items_counted AFTER INSERT ON items BEGIN
  INSERT INTO facet_totals VALUES (coalesce(new.body, ''), coalesce(new.year, ''), coalesce(new.outcome, ''), 1)
  ON CONFLICT DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER IF NOT EXISTS items_uncounted AFTER DELETE ON items BEGIN
  UPDATE facet_totals SET n = n - 1
  WHERE body = coalesce(old.body, '') AND year = coalesce(old.year, '') AND outcome = coalesce(old.outcome, '');
END;
CREATE VIRTUAL TABLE IF NOT EXISTS items_fts USING fts5(
  ${FTS_COLUMNS.join(', ')},
  content = '', contentless_delete = 1,
  tokenize = "unicode61 remove_diacritics 0 tokenchars '-./'"
);
`;

export const BM25_WEIGHTS = FTS_COLUMNS.map((c) => FIELD_WEIGHTS[c]).join(', ');
