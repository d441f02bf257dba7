import Database from 'better-sqlite3';
import {
  type IndexedItem,
  IndexedItem as IndexedItemSchema,
  type SearchQuery,
  type SearchResult,
} from '#domain/search.ts';
import {
  analyzedFields,
  filterFields,
  QUERY_PART_WEIGHT,
  QUERY_PARTS_BELOW,
  queryCompounds,
  queryTerms,
  searchFields,
} from '../fields.ts';
import { toHit } from '../hits.ts';
import type { SearchIndex } from '../port.ts';
import { BM25_WEIGHTS, FTS_COLUMNS, SCHEMA } from './schema.ts';

type Db = Database.Database;
type Row = { json: string; score: number };
type Group = { body: string | null; year: string | null; outcome: string | null; n: number };

const NO_FILTER = 'WHERE 1 = 1';

/** The embedded search engine: SQLite FTS5 with BM25 field weights, in one file. */
export class SqliteSearchIndex implements SearchIndex {
  readonly #db: Db;

  constructor(db: Db) {
    this.#db = db;
    this.#db.pragma('journal_mode = WAL');
    this.#db.exec(SCHEMA);
  }

  /** Opens (or creates) the index file; ':memory:' for a throwaway index. */
  static open(path: string): SqliteSearchIndex {
    return new SqliteSearchIndex(new Database(path));
  }

  close(): void {
    this.#db.close();
  }

  async replaceDocument(documentId: string, items: readonly IndexedItem[]): Promise<void> {
    const insertItem = this.#db.prepare(
      `INSERT INTO items (id, document_id, body, municipality, body_key, municipality_key, date, year, outcome, access, case_number, position)
       VALUES (@id, @documentId, @body, @municipality, @bodyKey, @municipalityKey, @date, @year, @outcome, @access, @caseNumber, @position)`,
    );
    const insertJson = this.#db.prepare('INSERT INTO item_json (rowid, json) VALUES (?, ?)');
    const insertTerms = this.#db.prepare(
      `INSERT INTO items_fts (rowid, ${FTS_COLUMNS.join(', ')}) VALUES (?, ${FTS_COLUMNS.map(() => '?').join(', ')})`,
    );
    this.#db.transaction(() => {
      this.#delete(documentId);
      for (const item of items) {
        const fields = filterFields(item);
        const { lastInsertRowid } = insertItem.run({
          id: item.id,
          ...fields,
          bodyKey: foldCase(fields.body),
          municipalityKey: foldCase(fields.municipality),
        });
        insertJson.run(lastInsertRowid, JSON.stringify(item));
        const terms = analyzedFields(searchFields(item));
        insertTerms.run(lastInsertRowid, ...FTS_COLUMNS.map((c) => terms[c]));
      }
    })();
  }

  async deleteDocument(documentId: string): Promise<void> {
    this.#db.transaction(() => this.#delete(documentId))();
  }

  #delete(documentId: string): void {
    for (const table of ['items_fts', 'item_json']) {
      this.#db
        .prepare(`DELETE FROM ${table} WHERE rowid IN (SELECT rowid FROM items WHERE document_id = ?)`)
        .run(documentId);
    }
    this.#db.prepare('DELETE FROM items WHERE document_id = ?').run(documentId);
  }

  async get(id: string): Promise<IndexedItem | null> {
    const row = this.#db
      .prepare('SELECT j.json AS json FROM items i JOIN item_json j ON j.rowid = i.rowid WHERE i.id = ?')
      .get(id) as { json: string } | undefined;
    return row ? IndexedItemSchema.parse(JSON.parse(row.json)) : null;
  }

  async search(query: SearchQuery): Promise<SearchResult> {
    const terms = queryTerms(query.q);
    if (query.q && terms.length === 0) return emptyResult(query);
    const { where, params } = filters(query);
    let all: Record<string, unknown> = { ...params, match: matchExpression(terms) };
    let counts = this.#counts(terms.length > 0, false, where, all);
    // The search widens only as far as it must: a compound's parts are searched when its words
    // match few items, all parts first, then any part (QUERY_PARTS_BELOW).
    const compounds = terms.length && counts.total < QUERY_PARTS_BELOW ? queryCompounds(query.q) : [];
    for (const mode of compounds.length ? (['all', 'any'] as const) : []) {
      all = { ...all, parts: compoundExpression(compounds, mode) };
      counts = this.#counts(true, true, where, all);
      if (counts.total >= QUERY_PARTS_BELOW) break;
    }
    const { total, facets } = counts;
    const rows = this.#page(query, terms.length > 0, compounds.length > 0, where, all);
    return {
      total,
      page: query.page,
      size: query.size,
      results: rows.map((row) =>
        toHit(IndexedItemSchema.parse(JSON.parse(row.json)), round(row.score), terms),
      ),
      facets,
    };
  }

  /** The page of hits, best first (or newest first). */
  #page(
    query: SearchQuery,
    hasTerms: boolean,
    hasParts: boolean,
    where: string,
    params: Record<string, unknown>,
  ): Row[] {
    const byDate = query.sort === 'date' || !hasTerms;
    // The page is chosen on small rows first; only its few items' JSON is read.
    const sql = `${hitsClause(hasTerms, hasParts)},
      top AS (SELECT i.rowid AS rowid, hits.rank AS rank, i.date AS date, i.position AS position
        FROM hits JOIN items i ON i.rowid = hits.rowid ${where}
        ORDER BY ${byDate ? 'i.date DESC, i.position' : 'hits.rank, i.date DESC'} LIMIT @limit OFFSET @offset)
      SELECT j.json AS json, -top.rank AS score FROM top JOIN item_json j ON j.rowid = top.rowid
      ORDER BY ${byDate ? 'top.date DESC, top.position' : 'top.rank, top.date DESC'}`;
    return this.#db
      .prepare(sql)
      .all({ ...params, limit: query.size, offset: (query.page - 1) * query.size }) as Row[];
  }

  /**
   * Total and facets in one pass: matches counted per (body, year, outcome), summed in JS. No
   * ranking is needed for counting, so the FTS query runs without bm25().
   */
  #counts(hasTerms: boolean, hasParts: boolean, where: string, params: Record<string, unknown>) {
    const matching = hasTerms
      ? `AND i.rowid IN (SELECT rowid FROM items_fts WHERE items_fts MATCH @match${hasParts ? ' UNION SELECT rowid FROM items_fts WHERE items_fts MATCH @parts' : ''})`
      : '';
    // Without words or filters every item counts: the triggers' running totals say how many.
    const sql =
      !hasTerms && where === NO_FILTER
        ? "SELECT nullif(body, '') AS body, nullif(year, '') AS year, nullif(outcome, '') AS outcome, n FROM facet_totals WHERE n > 0"
        : `SELECT i.body AS body, i.year AS year, i.outcome AS outcome, count(*) AS n FROM items i ${where} ${matching} GROUP BY 1, 2, 3`;
    const groups = this.#db.prepare(sql).all(params) as Group[];
    const facets: SearchResult['facets'] = { body: {}, year: {}, outcome: {} };
    let total = 0;
    for (const group of groups) {
      total += group.n;
      for (const facet of ['body', 'year', 'outcome'] as const) {
        const value = group[facet];
        if (value !== null) facets[facet][value] = (facets[facet][value] ?? 0) + group.n;
      }
    }
    return { total, facets };
  }
}

/**
 * The matching items and their rank (lower is better, as bm25() gives it): the query's words, plus
 * the parts of its compounds at a lower weight. Matches are materialised first: filtering inside
 * the FTS query is far slower.
 */
function hitsClause(hasTerms: boolean, hasParts: boolean): string {
  if (!hasTerms) return 'WITH hits AS (SELECT rowid, 0 AS rank FROM items)';
  const match = (param: string, weight: number) =>
    `SELECT rowid, ${weight} * bm25(items_fts, ${BM25_WEIGHTS}) AS rank FROM items_fts WHERE items_fts MATCH @${param}`;
  if (!hasParts) return `WITH hits AS MATERIALIZED (${match('match', 1)})`;
  return `WITH hits AS MATERIALIZED (SELECT rowid, sum(rank) AS rank FROM (${match('match', 1)} UNION ALL ${match('parts', QUERY_PART_WEIGHT)}) GROUP BY rowid)`;
}

function filters(query: SearchQuery): { where: string; params: Record<string, string> } {
  const clauses: string[] = ['1 = 1'];
  const params: Record<string, string> = {};
  const add = (clause: string, name: string, value: string | undefined) => {
    if (value === undefined) return;
    clauses.push(clause);
    params[name] = value;
  };
  add('i.date >= @from', 'from', query.from);
  add('i.date <= @to', 'to', query.to);
  add('i.body_key = @body', 'body', foldCase(query.body ?? null) ?? undefined);
  add(
    'i.municipality_key = @municipality',
    'municipality',
    foldCase(query.municipality ?? null) ?? undefined,
  );
  add('i.outcome = @outcome', 'outcome', query.outcome);
  add('i.access = @access', 'access', query.access);
  add('i.case_number = @caseNumber', 'caseNumber', query.caseNumber);
  return { where: `WHERE ${clauses.join(' AND ')}`, params };
}

const quoted = (term: string) => `"${term.replaceAll('"', '""')}"`;

/** Any of the terms, each quoted so FTS5 reads it as a word, never as syntax. */
function matchExpression(terms: readonly string[]): string {
  return terms.map(quoted).join(' OR ');
}

/** Any of the compounds, each with all of its parts or with any of them. */
function compoundExpression(compounds: readonly (readonly string[])[], mode: 'all' | 'any'): string {
  const joiner = mode === 'all' ? ' AND ' : ' OR ';
  return compounds.map((parts) => `(${parts.map(quoted).join(joiner)})`).join(' OR ');
}

function emptyResult(query: SearchQuery): SearchResult {
  return {
    total: 0,
    page: query.page,
    size: query.size,
    results: [],
    facets: { body: {}, year: {}, outcome: {} },
  };
}

const foldCase = (text: string | null) => text?.toLocaleLowerCase('da') ?? null;

const round = (score: number) => Math.round(score * 1000) / 1000;
