import type Database from 'better-sqlite3';
import { IndexedItem } from '#domain/search.ts';
import { caseRefsOf } from '../../cases/references.ts';
import { FIELD_WEIGHTS, type SearchFields } from '../fields.ts';
import { bodyName, municipalityName, NAME_KEYS } from '../names.ts';
import { voteKind, voteParties } from '../votes.ts';
import { decodeItem } from './stored-item.ts';

export type FtsColumn = keyof typeof FIELD_WEIGHTS;
export const FTS_COLUMNS = Object.keys(FIELD_WEIGHTS) as FtsColumn[];

/**
 * The exact column each column's field includes: a parts field is its exact field's terms plus
 * the compound parts its column stores (fields.ts analyzedFields); an exact field is itself.
 */
export const EXACT_OF: readonly number[] = FTS_COLUMNS.map((col) =>
  FTS_COLUMNS.indexOf(col.replace('_parts', '') as FtsColumn),
);

/** A field's terms from the terms its columns store (in FTS_COLUMNS order): parts fields include their exact field's. */
export function fieldSizes(stored: ColumnSizes): number[] {
  return FTS_COLUMNS.map((_, i) => {
    const own = stored[i] ?? 0;
    return EXACT_OF[i] === i ? own : own + (stored[EXACT_OF[i] as number] ?? 0);
  });
}

/** Terms per FTS column of one item, in FTS_COLUMNS order. */
export type ColumnSizes = readonly number[];

/**
 * The columns in the order items_fts keeps them: the body's parts first. A term's positions in
 * the first column need no column marker (two bytes before each other column's), and the body's
 * parts are most of the index's postings. Changing it makes the table again (openSchema).
 */
export const FTS_TABLE_COLUMNS: readonly FtsColumn[] = [
  'body_parts',
  'body',
  'decision_parts',
  'decision',
  'title_parts',
  'title',
];

/** items_fts's columns in the order the file keeps them (an earlier version's order too); none when it has none. */
function ftsTableColumns(db: Database.Database): FtsColumn[] {
  return db.prepare('SELECT name FROM pragma_table_info(?)').pluck().all('items_fts') as FtsColumn[];
}

/**
 * The terms of each column of a row, as FTS5 keeps them in its docsize table (one varint per
 * column of the table, in `order`), in FTS_COLUMNS order.
 */
export function columnSizes(blob: Uint8Array, order: readonly FtsColumn[] = FTS_TABLE_COLUMNS): number[] {
  const stored = docsizeVarints(blob);
  return FTS_COLUMNS.map((col) => stored[order.indexOf(col)] ?? 0);
}

/** SQLite's varints, one after another: seven bits a byte, high bit set while more follow, all eight in a ninth. */
function docsizeVarints(blob: Uint8Array): number[] {
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

/** The facets facet_totals counts, each a column of items. */
export const FACETS = ['body', 'municipality', 'year', 'outcome'] as const;
export type Facet = (typeof FACETS)[number];

/**
 * The case numbers each item's text names (shared/cases/references.ts), a row each: a case's
 * items are those with its number and those naming it, found by number and then the item's row.
 */
const CASE_REFS = `
CREATE TABLE IF NOT EXISTS case_refs (
  case_number TEXT NOT NULL,
  item_rowid INTEGER NOT NULL,
  PRIMARY KEY (case_number, item_rowid)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS case_refs_item ON case_refs(item_rowid);
`;

/**
 * Items in a plain table of small rows (filters, facets), the stored item as JSON in a table of
 * its own (so counting and filtering never page through it), and their analysed terms in a
 * contentless FTS5 table, all with the same rowid. Triggers keep the facet counts of the whole
 * index (facet_totals: items per value of each facet, bodies and municipalities as stored, grouped
 * by key when read), so browsing without words or filters (the first page people see) counts
 * nothing. Body and municipality are filtered by their keys (names.ts), kept on each row; an
 * index whose keys were made by other rules (meta `name_keys`) has them made again on open.
 * Terms are analysed in JS (shared/language): FTS5 only splits them on white space, keeping æøå
 * and the . / - inside dates and case numbers.
 * Ranking reads term frequencies from FTS5's index (fts5vocab), each item's field lengths from its
 * row (`<field>_terms`: the terms of the field, as Lucene counts a field's length), and per-column
 * totals from field_totals (field-totals.ts, scoring.ts).
 */
const SCHEMA = `
CREATE TABLE IF NOT EXISTS items (
  rowid INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  document_id TEXT NOT NULL,
  -- As shown (names.ts); rows made before that keep the body as written.
  body TEXT,
  municipality TEXT,
  -- The keys filters compare (names.ts): every way of writing a body or municipality has one.
  body_key TEXT,
  municipality_key TEXT,
  date TEXT,
  year TEXT,
  outcome TEXT,
  access TEXT NOT NULL,
  case_number TEXT,
  position INTEGER NOT NULL,
  -- How the decision was voted (votes.ts) and its parties as ' A V Ø ' (partiesColumn).
  votes TEXT,
  parties TEXT,
  -- The item's number and title, for its case's list (case-members.ts) without reading the stored item.
  number INTEGER,
  title TEXT,
  title_terms INTEGER NOT NULL DEFAULT 0,
  decision_terms INTEGER NOT NULL DEFAULT 0,
  body_terms INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS items_document ON items(document_id);
CREATE INDEX IF NOT EXISTS items_date ON items(date, position);
-- Browsing a body's items (its page, a body clicked without words): only its rows are read, by
-- date (7 -> 0.5 ms for one body's 1,608 items since a date at 100,000 items; 38 bytes an item).
CREATE INDEX IF NOT EXISTS items_body_date ON items(body_key, date);
-- A case's items (shared/cases): a page of hits asks for the items of all its case numbers at once.
CREATE INDEX IF NOT EXISTS items_case ON items(case_number, municipality_key);
CREATE TABLE IF NOT EXISTS item_json (rowid INTEGER PRIMARY KEY, json BLOB NOT NULL);
${CASE_REFS}
CREATE TABLE IF NOT EXISTS facet_totals (
  facet TEXT NOT NULL, value TEXT NOT NULL, n INTEGER NOT NULL,
  PRIMARY KEY (facet, value)
);
CREATE TRIGGER IF NOT EXISTS items_counted AFTER INSERT ON items BEGIN
  INSERT INTO facet_totals VALUES ${FACETS.map((facet) => `('${facet}', coalesce(new.${facet}, ''), 1)`).join(', ')}
  ON CONFLICT DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER IF NOT EXISTS items_uncounted AFTER DELETE ON items BEGIN
  ${FACETS.map(
    (facet) =>
      `UPDATE facet_totals SET n = n - 1 WHERE facet = '${facet}' AND value = coalesce(old.${facet}, '');`,
  ).join('\n  ')}
END;
CREATE VIRTUAL TABLE IF NOT EXISTS items_fts USING fts5(
  ${FTS_TABLE_COLUMNS.join(', ')},
  content = '', contentless_delete = 1,
  tokenize = "unicode61 remove_diacritics 0 tokenchars '-./'"
);
CREATE VIRTUAL TABLE IF NOT EXISTS items_vocab USING fts5vocab(items_fts, 'instance');
CREATE TABLE IF NOT EXISTS field_totals (col TEXT PRIMARY KEY, docs INTEGER NOT NULL, terms INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value TEXT NOT NULL);
`;

/** The text fields whose lengths each item's row keeps, in this order. */
export const LENGTH_FIELDS: readonly (keyof SearchFields)[] = ['title', 'decision', 'body'];

/**
 * Opens the schema on a database: an index made by an earlier version is brought up to it first
 * (upgradeSchema), its facet totals counted once when it has none, and its name keys made again
 * when the rules that make them (NAME_KEYS) changed.
 */
export function openSchema(db: Database.Database): void {
  upgradeSchema(db);
  remakeFtsInOtherOrder(db);
  db.exec(SCHEMA);
  db.transaction(() => {
    if (db.prepare('SELECT count(*) FROM facet_totals').pluck().get() === 0) countFacets(db);
    const keys = db.prepare("SELECT value FROM meta WHERE name = 'name_keys'").pluck().get();
    if (keys !== NAME_KEYS) {
      refreshKeys(db);
      db.prepare("INSERT OR REPLACE INTO meta (name, value) VALUES ('name_keys', ?)").run(NAME_KEYS);
    }
  })();
}

function countFacets(db: Database.Database): void {
  for (const facet of FACETS) {
    db.exec(
      `INSERT INTO facet_totals SELECT '${facet}', coalesce(${facet}, ''), count(*) FROM items GROUP BY 2`,
    );
  }
}

/** Every row's body and municipality keys, from its body and municipality, in one pass. */
function refreshKeys(db: Database.Database): void {
  db.exec('CREATE TEMP TABLE name_keys (facet TEXT, value TEXT, key TEXT, PRIMARY KEY (facet, value))');
  const insert = db.prepare('INSERT INTO temp.name_keys VALUES (?, ?, ?)');
  const named = { body: bodyName, municipality: municipalityName };
  for (const [facet, name] of Object.entries(named)) {
    const values = db.prepare(`SELECT DISTINCT ${facet} FROM items WHERE ${facet} IS NOT NULL`).pluck().all();
    for (const value of values as string[]) insert.run(facet, value, name(value)?.key ?? null);
  }
  const key = (facet: string) =>
    `${facet}_key = (SELECT key FROM temp.name_keys WHERE facet = '${facet}' AND value = items.${facet})`;
  db.exec(`UPDATE items SET ${key('body')}, ${key('municipality')}`);
  db.exec('DROP TABLE temp.name_keys');
}

/**
 * Brings an index made by an earlier version up to SCHEMA, before SCHEMA runs: facet totals kept
 * per combination of body, year and outcome go (with their triggers; SCHEMA makes them again and
 * openSchema counts them), rows made before they kept their field lengths get them from
 * FTS5's own column sizes, and rows made before the vote filters or the case references get them
 * from their stored items, once.
 */
function upgradeSchema(db: Database.Database): void {
  const columnsOf = (table: string) =>
    db.prepare('SELECT name FROM pragma_table_info(?)').pluck().all(table) as string[];
  const totals = columnsOf('facet_totals');
  if (totals.length > 0 && !totals.includes('facet')) {
    db.exec(`DROP TRIGGER IF EXISTS items_counted; DROP TRIGGER IF EXISTS items_uncounted;
      DROP TABLE facet_totals; DROP INDEX IF EXISTS items_facets;`);
  }
  const columns = columnsOf('items');
  if (columns.length === 0) return;
  if (!columns.includes('votes')) addVotes(db);
  if (columnsOf('case_refs').length === 0) addCaseRefs(db);
  if (!columns.includes('title')) addNumberAndTitle(db);
  if (columns.includes('title_terms')) return;
  db.transaction(() => {
    for (const field of LENGTH_FIELDS) {
      db.exec(`ALTER TABLE items ADD COLUMN ${field}_terms INTEGER NOT NULL DEFAULT 0`);
    }
    const update = db.prepare(
      `UPDATE items SET ${LENGTH_FIELDS.map((f) => `${f}_terms = ?`).join(', ')} WHERE rowid = ?`,
    );
    const rows = db.prepare('SELECT id, sz FROM items_fts_docsize').raw().all() as [number, Uint8Array][];
    const order = ftsTableColumns(db);
    for (const [rowid, sz] of rows) {
      const sizes = columnSizes(sz, order);
      update.run(...LENGTH_FIELDS.map((field) => sizes[FTS_COLUMNS.indexOf(field)] ?? 0), rowid);
    }
  })();
}

/**
 * An items_fts made with its columns in another order goes, with its vocabulary: SCHEMA makes it
 * again empty, and the index, stored in another form then (sqlite-index.ts STORED_FORM), writes
 * its items' terms again and counts its totals again on open.
 */
function remakeFtsInOtherOrder(db: Database.Database): void {
  const columns = ftsTableColumns(db);
  if (columns.length === 0 || columns.join() === FTS_TABLE_COLUMNS.join()) return;
  db.exec('DROP TABLE IF EXISTS items_vocab; DROP TABLE items_fts;');
}

/** A row's parties as the `parties` column keeps them: each letter between spaces, so one is found whole. */
export function partiesColumn(parties: readonly string[]): string | null {
  return parties.length === 0 ? null : ` ${parties.join(' ')} `;
}

/** The vote filters' columns, filled from each row's stored item (its decision keeps the votes). */
function addVotes(db: Database.Database): void {
  db.transaction(() => {
    db.exec('ALTER TABLE items ADD COLUMN votes TEXT; ALTER TABLE items ADD COLUMN parties TEXT;');
    const update = db.prepare('UPDATE items SET votes = ?, parties = ? WHERE rowid = ?');
    eachStoredItem(db, (rowid, { decision }) =>
      update.run(voteKind(decision), partiesColumn(voteParties(decision)), rowid),
    );
  })();
}

/** The case references' table, filled by reading each row's stored item (references.ts). */
function addCaseRefs(db: Database.Database): void {
  db.transaction(() => {
    db.exec(CASE_REFS);
    const insert = db.prepare(CASE_REF_INSERT);
    eachStoredItem(db, (rowid, item) => {
      for (const number of caseRefsOf(item)) insert.run(number, rowid);
    });
  })();
}

/** The item's number and title on its row, from its stored item (JSON text in files made before). */
function addNumberAndTitle(db: Database.Database): void {
  db.exec(`ALTER TABLE items ADD COLUMN number INTEGER; ALTER TABLE items ADD COLUMN title TEXT;
    UPDATE items SET number = json_extract(j.json, '$.item.number'), title = json_extract(j.json, '$.item.title')
    FROM item_json j WHERE j.rowid = items.rowid;`);
}

/** Stores a case number an item's text names. */
export const CASE_REF_INSERT = 'INSERT OR IGNORE INTO case_refs (case_number, item_rowid) VALUES (?, ?)';

/** Every stored item with its row, in batches: a statement cannot write while another iterates, and an index can be large. */
function eachStoredItem(db: Database.Database, visit: (rowid: number, item: IndexedItem) => void): void {
  const batch = db
    .prepare('SELECT rowid, json FROM item_json WHERE rowid > ? ORDER BY rowid LIMIT 1000')
    .raw();
  for (let rows = batch.all(0) as [number, string | Uint8Array][]; rows.length > 0; ) {
    for (const [rowid, json] of rows) visit(rowid, IndexedItem.parse(decodeItem(json)));
    rows = batch.all(rows.at(-1)?.[0]) as [number, string | Uint8Array][];
  }
}
