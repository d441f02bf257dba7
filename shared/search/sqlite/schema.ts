import type Database from 'better-sqlite3';
import { FIELD_WEIGHTS, type SearchFields } from '../fields.ts';

export type FtsColumn = keyof typeof FIELD_WEIGHTS;
export const FTS_COLUMNS = Object.keys(FIELD_WEIGHTS) as FtsColumn[];

/** Terms per FTS column of one item, in FTS_COLUMNS order. */
export type ColumnSizes = readonly number[];

/**
 * The terms of each column of a row, as FTS5 keeps them in its docsize table: one varint per
 * column (SQLite's varint: seven bits a byte, high bit set while more follow, all eight in a ninth).
 */
export function columnSizes(blob: Uint8Array): number[] {
  const sizes: number[] = [];
  let i = 0;
  while (i < blob.length) {
    let value = 0;
    for (let n = 0; ; n++) {
      const byte = blob[i++] ?? 0;
      if (n === 8) {
        value = value * 256 + byte;
        break;
      }
      value = value * 128 + (byte & 0x7f);
      if (!(byte & 0x80)) break;
    }
    sizes.push(value);
  }
  return sizes;
}

/**
 * Items in a plain table of small rows (filters, facets), the stored item as JSON in a table of
 * its own (so counting and filtering never page through it), and their analysed terms in a
 * contentless FTS5 table, all with the same rowid. Triggers keep the facet counts of the whole
 * index, so browsing without words or filters (the first page people see) counts nothing. Terms are analysed in JS (shared/language): FTS5
 * only splits them on white space, keeping æøå and the . / - inside dates and case numbers.
 * Ranking reads term frequencies from FTS5's index (fts5vocab), each item's field lengths from its
 * row (`<field>_terms`: the terms of the field, as Lucene counts a field's length), and per-column
 * totals from field_totals (field-totals.ts, scoring.ts).
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
  position INTEGER NOT NULL,
  title_terms INTEGER NOT NULL DEFAULT 0,
  decision_terms INTEGER NOT NULL DEFAULT 0,
  body_terms INTEGER NOT NULL DEFAULT 0
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
CREATE VIRTUAL TABLE IF NOT EXISTS items_vocab USING fts5vocab(items_fts, 'instance');
CREATE TABLE IF NOT EXISTS field_totals (col TEXT PRIMARY KEY, docs INTEGER NOT NULL, terms INTEGER NOT NULL);
`;

/** The text fields whose lengths each item's row keeps, in this order. */
export const LENGTH_FIELDS: readonly (keyof SearchFields)[] = ['title', 'decision', 'body'];

/**
 * Brings an index made by an earlier version up to SCHEMA: rows made before they kept their field
 * lengths get them from FTS5's own column sizes, once.
 */
export function upgradeSchema(db: Database.Database): void {
  const columns = db.prepare('SELECT name FROM pragma_table_info(?)').pluck().all('items') as string[];
  if (columns.includes('title_terms')) return;
  db.transaction(() => {
    for (const field of LENGTH_FIELDS) {
      db.exec(`ALTER TABLE items ADD COLUMN ${field}_terms INTEGER NOT NULL DEFAULT 0`);
    }
    const update = db.prepare(
      `UPDATE items SET ${LENGTH_FIELDS.map((f) => `${f}_terms = ?`).join(', ')} WHERE rowid = ?`,
    );
    const rows = db.prepare('SELECT id, sz FROM items_fts_docsize').raw().all() as [number, Uint8Array][];
    for (const [rowid, sz] of rows) {
      const sizes = columnSizes(sz);
      update.run(...LENGTH_FIELDS.map((field) => sizes[FTS_COLUMNS.indexOf(field)] ?? 0), rowid);
    }
  })();
}
