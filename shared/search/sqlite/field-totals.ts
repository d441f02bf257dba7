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
  add(stored: readonly ColumnSizes[]): void {
    this.#change(stored.map(fieldSizes), 1);
  }

  /** Before the rows of a document are deleted: their sizes leave the totals. */
  removeDocument(documentId: string): void {
    const blobs = this.#documentSizes.all(documentId) as Uint8Array[];
    this.#change(
      blobs.map((blob) => fieldSizes(columnSizes(blob))),
      -1,
    );
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

  /** One update a column for all the items (a document's), not one an item. */
  #change(items: readonly ColumnSizes[], sign: 1 | -1): void {
    FTS_COLUMNS.forEach((col, i) => {
      let docs = 0;
      let terms = 0;
      for (const sizes of items) {
        const size = sizes[i] ?? 0;
        // Lucene counts an item in a field's docCount only when the field has a term.
        if (size > 0) {
          docs += 1;
          terms += size;
        }
      }
      if (docs > 0) this.#update.run(sign * docs, sign * terms, col);
    });
  }

  #rebuild(): void {
    const insert = this.#db.prepare('INSERT INTO field_totals (col, docs, terms) VALUES (?, 0, 0)');
    this.#db.transaction(() => {
      for (const col of FTS_COLUMNS) insert.run(col);
      const blobs = this.#db.prepare('SELECT sz FROM items_fts_docsize').pluck().all() as Uint8Array[];
      this.add(blobs.map((blob) => columnSizes(blob)));
    })();
  }
}
