import type Database from 'better-sqlite3';
import { editDistance, type KnownTerm, MAX_EDITS, PREFIX_LENGTH, type TermVocabulary } from '../suggest.ts';

/** The exact fields whose terms are the vocabulary: not the compound parts. */
const EXACT_COLUMNS = ['title', 'decision', 'body'] as const;
/** Above every character, so `prefix + LAST` ends the range of terms that begin with prefix. */
export const LAST = '\u{10FFFF}';

/**
 * The index's terms for typo suggestions, from FTS5's own index: an fts5vocab table of
 * (term, column, items) over items_fts, in the connection's temp schema (the file is not
 * changed). A look-up reads one range of terms, those that begin with the query term's first
 * PREFIX_LENGTH letters, through the vocabulary table's term constraints (FTS5 seeks to the
 * range's start), and keeps those within MAX_EDITS; never every term.
 */
export class SqliteTermVocabulary implements TermVocabulary {
  readonly #range: Database.Statement<[string, string], [string, string, number]>;

  constructor(db: Database.Database) {
    db.exec(
      "CREATE VIRTUAL TABLE IF NOT EXISTS temp.items_vocab_col USING fts5vocab(main, items_fts, 'col')",
    );
    this.#range = db
      .prepare<[string, string], [string, string, number]>(
        `SELECT term, col, doc FROM temp.items_vocab_col WHERE term >= ? AND term < ?
         AND col IN (${EXACT_COLUMNS.map((c) => `'${c}'`).join(', ')})`,
      )
      .raw();
  }

  async near(term: string): Promise<readonly KnownTerm[]> {
    const prefix = [...term].slice(0, PREFIX_LENGTH).join('');
    if ([...prefix].length < PREFIX_LENGTH) return [];
    const docFreq = new Map<string, number>();
    for (const [candidate, , docs] of this.#range.iterate(prefix, prefix + LAST)) {
      docFreq.set(candidate, Math.max(docFreq.get(candidate) ?? 0, docs));
    }
    const near: KnownTerm[] = [];
    for (const [candidate, docs] of docFreq) {
      if (editDistance(term, candidate, MAX_EDITS) <= MAX_EDITS)
        near.push({ term: candidate, docFreq: docs });
    }
    return near;
  }
}
