import Database from 'better-sqlite3';

/**
 * The plain baseline of the search benchmarks: an FTS5 table of the same texts with SQLite's own
 * tokenizer (no stemming, stop words, compounds, facets, highlights or summaries), written in one
 * transaction per document and read with BM25 and LIMIT 10.
 */
export function plainBaseline(path: string) {
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.exec(
    "CREATE VIRTUAL TABLE IF NOT EXISTS plain USING fts5(title, decision, body, tokenize = 'unicode61 remove_diacritics 0')",
  );
  const insert = db.prepare('INSERT INTO plain (title, decision, body) VALUES (?, ?, ?)');
  const query = db.prepare(
    'SELECT rowid, bm25(plain) AS rank FROM plain WHERE plain MATCH ? ORDER BY rank LIMIT 10',
  );
  return { db, insert, query };
}

/** A query's words as plain FTS5 syntax: any of them, each quoted; null without words. */
export function plainMatch(q: string): string | null {
  const words = q.match(/[\p{L}\p{N}]+/gu);
  return words ? words.map((w) => `"${w}"`).join(' OR ') : null;
}
