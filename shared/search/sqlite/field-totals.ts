import type Database from 'better-sqlite3';
import type { FieldStatistics } from './lucene-bm25.ts';
import { type ColumnSizes, columnSizes, FTS_COLUMNS, type FtsColumn, fieldSizes } from './schema.ts';

/**
 * The index-wide statistics BM25 needs per column (lucene-bm25.ts), kept in field_totals in the
 * same transaction as every write, so a search reads six rows instead of every item's sizes.
 */
export class FieldTotals {
  readonly #db: Database.Database;
  readonly #update: Database.Statement;
  readonly #documentSizes: Database.Statement;
  readonly #totals: Database.Statement;

  constructor(db: Database.Database) {
    this.#db = db;
    this.#update = db.prepare('UPDATE field_totals SET docs = docs + ?, terms = terms + ? WHERE col = ?');
    this.#documentSizes = db
      .prepare('SELECT d.sz FROM items i JOIN items_fts_docsize d ON d.id = i.rowid WHERE i.document_id = ?')
      .pluck();
    this.#totals = db.prepare('SELECT col, docs, terms FROM field_totals').raw();
    // An index made before the totals were kept: count them once from FTS5's own sizes.
    const kept = db.prepare('SELECT count(*) FROM field_totals').pluck().get() as number;
    if (kept === 0) this.#rebuild();
  }

  /** Items' rows were written: `stored` are the terms each one's columns store. */
  add(stored: Iterable<ColumnSizes>): void {
    this.#change(stored, 1);
  }

  /** Before the rows of a document are deleted: their sizes leave the totals. */
  removeDocument(documentId: string): void {
    this.#change(sizesOf(this.#documentSizes.iterate(documentId) as Iterable<Uint8Array>), -1);
  }

  /** Counted again from every row: after the rows were stored in another form. */
  recount(): void {
    this.#db.exec('DELETE FROM field_totals');
    this.#rebuild();
  }

  statistics(): Record<FtsColumn, FieldStatistics> {
    const rows = this.#totals.all() as [FtsColumn, number, number][];
    const totals = new Map(
      rows.map(([col, docs, terms]) => [col, { docCount: docs, sumTotalTermFreq: terms }]),
    );
    return Object.fromEntries(
      FTS_COLUMNS.map((col) => [col, totals.get(col) ?? { docCount: 0, sumTotalTermFreq: 0 }]),
    ) as Record<FtsColumn, FieldStatistics>;
  }

  /**
   * The items' field sizes summed in one pass, then one update a column: a document's items
   * cost six updates, not six each, and a rebuild holds no item's sizes after adding them.
   */
  #change(items: Iterable<ColumnSizes>, sign: 1 | -1): void {
    const docs = FTS_COLUMNS.map(() => 0);
    const terms = FTS_COLUMNS.map(() => 0);
    for (const stored of items) {
      fieldSizes(stored).forEach((size, i) => {
        // Lucene counts an item in a field's docCount only when the field has a term.
        if (size > 0) {
          docs[i] = (docs[i] ?? 0) + 1;
          terms[i] = (terms[i] ?? 0) + size;
        }
      });
    }
    FTS_COLUMNS.forEach((col, i) => {
      const n = docs[i] ?? 0;
      if (n > 0) this.#update.run(sign * n, sign * (terms[i] ?? 0), col);
    });
  }

  #rebuild(): void {
    const insert = this.#db.prepare('INSERT INTO field_totals (col, docs, terms) VALUES (?, 0, 0)');
    this.#db.transaction(() => {
      for (const col of FTS_COLUMNS) insert.run(col);
      const blobs = this.#db
        .prepare('SELECT sz FROM items_fts_docsize')
        .pluck()
        .iterate() as Iterable<Uint8Array>;
      this.add(sizesOf(blobs));
    })();
  }
}

/** Each row's column sizes as it is read: a whole index's are never held at once. */
function* sizesOf(blobs: Iterable<Uint8Array>): Generator<ColumnSizes> {
  for (const blob of blobs) yield columnSizes(blob);
}
