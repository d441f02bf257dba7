import Database from 'better-sqlite3';
import type { LRUCache } from 'lru-cache';
import { SEARCH_BUDGET, SEARCH_CACHE_MATCHES } from '#config/limits.ts';
import type { IndexedItem, MatchTier, SearchQuery, SearchResult } from '#domain/search.ts';
import { ANALYSIS_VERSION } from '#language/analyze.ts';
import { BestScores } from '#lib/best-scores.ts';
import { chunksOf } from '#lib/chunks.ts';
import { valueAt } from '#lib/maps.ts';
import { sizedCache } from '#lib/sized-cache.ts';
import type { CaseKey, CaseMember } from '../../cases/members.ts';
import { IndexClosedError } from '../errors.ts';
import { type SearchFields, searchFields } from '../fields.ts';
import { firstInOrder } from '../first-in-order.ts';
import type { HighlightQuery } from '../highlight.ts';
import { emptyResult, toHit } from '../hits.ts';
import { bodyName, FacetCounts, municipalityName } from '../names.ts';
import {
  EXACT_FIELDS,
  hasExcludedPhrase,
  highlightQuery,
  isPositional,
  matchesFully,
  PARTIAL_WHEN_FEWER_THAN,
  phraseCounts,
  phrasePattern,
  planSearch,
  type SearchPlan,
  wordStem,
} from '../plan.ts';
import { MATCH_BATCH_SIZE, type SearchIndex } from '../port.ts';
import type { QueryTerm } from '../query-language.ts';
import { suggestQuery } from '../suggest.ts';
import { CASE_MEMBERS, caseMembers } from './case-members.ts';
import { FieldTotals } from './field-totals.ts';
import { type SearchFilters, searchFilters, sqlFilters } from './filters.ts';
import { type DocumentRows, documentRows, type ItemRow } from './item-rows.ts';
import { type Match, MatchRows, withScore } from './match-rows.ts';
import { MOST_IN_A_TRANSACTION, OrderedWrites } from './ordered-writes.ts';
import { RowsOnWorker } from './rows-on-worker.ts';
import { CASE_REF_INSERT, FACETS, type Facet, FTS_COLUMNS, openSchema } from './schema.ts';
import { ItemScorer, PostingsCache, scoredClauses } from './scoring.ts';
import { intersectionOf, unionOf } from './sorted-rowids.ts';
import { decodeItem } from './stored-item.ts';
import { SqliteTermVocabulary } from './vocabulary.ts';

type Db = Database.Database;

/** The write-ahead log kept after a checkpoint: SQLite's 1,000 pages before one, at 8 KB a page. */
const WAL_BYTES_KEPT = 1000 * 8192;

/**
 * What checking an item's text costs a search, a term of it, in occurrences of postings read:
 * reading, inflating and analysing an item took about 1.3 µs a term at 100k items, against about
 * 0.6 µs an occurrence (docs/benchmarks.md).
 */
const CHECK_COST = 2;

export interface SqliteIndexOptions {
  /**
   * The most occurrences of its terms one search reads to score its matches; a search whose
   * terms occur more often is refused (SearchTooBroadError).
   * @default SEARCH_BUDGET
   */
  readonly searchBudget?: number;
  /**
   * The most matches kept from recent searches, with their facets, for their next pages, another
   * sort and repeats, until the index changes; 0 keeps none.
   * @default SEARCH_CACHE_MATCHES
   */
  readonly searchCache?: number;
  /**
   * Make documents' rows (checking, analysis, compression) on a worker thread, started at the
   * first write: this thread then only writes, searches do not wait for analysis, and writes
   * asked for together overlap (one document made while another is written).
   * @default false
   */
  readonly rowsOnWorker?: boolean;
  /**
   * Told, before it starts, that the file is being made again for this version's analysis (on
   * opening a file an earlier version made: about 700 items a second, in the opening's thread), with
   * the number of its documents, so a person waiting can be told why.
   * @default nobody is told
   */
  readonly onReanalyse?: (documents: number) => void;
}

/**
 * What a search found before its page is made: its ranked matches of each tier (the phrase of its
 * words not yet added), their facets, what it counted against its budget, and its suggestion.
 * The same for every page and sort.
 */
interface Found {
  readonly full: readonly Match[];
  readonly partial: readonly Match[];
  readonly facets: SearchResult['facets'];
  /** The occurrences counted (not the postings read): each page goes on from them, as the first did. */
  readonly counted: PostingsCache;
  /** "Mente du …?", once asked: only when nothing was found (undefined until then). */
  suggestion?: string | null;
}

/** A search's answer, and what it found when that still needs its suggestion. */
interface Answer {
  readonly result: SearchResult;
  readonly unsuggested: Found | null;
}

/**
 * Bytes a kept match takes, a kept search besides its matches (measured at 100,000 items: a search
 * that found nothing held about 650), and a facet value (a short key and its count), about.
 */
const MATCH_BYTES = 180;
const ENTRY_BYTES = 600;
const FACET_VALUE_BYTES = 64;

/** A kept search's weight, in matches' worth: its matches, and its entry, key (UTF-16) and facet values. */
function keptSize(found: Found, key: string): number {
  const values = Object.values(found.facets).reduce((n, counts) => n + Object.keys(counts).length, 0);
  const bytes = ENTRY_BYTES + 2 * key.length + FACET_VALUE_BYTES * values;
  return found.full.length + found.partial.length + Math.ceil(bytes / MATCH_BYTES);
}

/**
 * The embedded search engine: SQLite FTS5 finds the matches, which are ranked as OpenSearch ranks
 * them (scoring.ts), in one file.
 */
export class SqliteSearchIndex implements SearchIndex {
  /** Replacements and deletions are committed in the order asked (OrderedWrites), each whole. */
  readonly writesInOrder = true;
  readonly #db: Db;
  readonly #totals: FieldTotals;
  readonly #scorer: ItemScorer;
  readonly #vocabulary: SqliteTermVocabulary;
  readonly #rows: MatchRows;
  readonly #statements = new Map<string, Database.Statement>();
  readonly #dataVersion: Database.Statement;
  #seenVersion: unknown;
  readonly #budget: number;
  /** What recent searches found, by what they asked but page, size and sort. */
  readonly #found: LRUCache<string, Found> | null;
  /**
   * #answer in one read transaction: every statement reads the same state of the index, whatever
   * another process writes meanwhile.
   */
  readonly #answerAtOnce: (query: SearchQuery) => Answer;
  readonly #rowMaker: RowsOnWorker | null;
  /** Replacements and deletions (a document with no rows), committed in the order asked. */
  readonly #writes: OrderedWrites<DocumentRows>;

  constructor(
    db: Db,
    {
      searchBudget = SEARCH_BUDGET,
      searchCache = SEARCH_CACHE_MATCHES,
      rowsOnWorker = false,
      onReanalyse,
    }: SqliteIndexOptions = {},
  ) {
    this.#db = db;
    this.#rowMaker = rowsOnWorker ? new RowsOnWorker() : null;
    this.#writes = new OrderedWrites((documents) => this.#writeAll(documents), isConstraintError);
    this.#budget = searchBudget;
    this.#found = sizedCache(searchCache, keptSize);
    this.#answerAtOnce = db.transaction((query: SearchQuery) => this.#answer(query));
    // A new file's pages hold five stored items (about 1.5 KB each) instead of two (a 4 KB page
    // holds two and wastes a quarter); an existing file keeps the size it was made with.
    this.#db.pragma('page_size = 8192');
    this.#db.pragma('journal_mode = WAL');
    // The write-ahead log keeps the size of the largest stretch between two checkpoints (a group
    // of documents with FTS5's merges can take 14 MB) until it is cut back to one checkpoint's worth.
    this.#db.pragma(`journal_size_limit = ${WAL_BYTES_KEPT}`);
    // Opened in one transaction: another connection sees the index as it was or as it is made
    // again (an items_fts of another column order dropped, its terms written anew), never half
    // made. Deferred: an index that needs nothing done takes no write lock.
    db.exec('BEGIN');
    try {
      openSchema(db);
      this.#totals = new FieldTotals(db);
      this.#scorer = new ItemScorer(db);
      this.#vocabulary = new SqliteTermVocabulary(db);
      this.#rows = new MatchRows(db);
      this.#dataVersion = db.prepare('PRAGMA data_version').pluck();
      this.#reanalyseWhenChanged(onReanalyse);
      db.exec('COMMIT');
    } catch (error) {
      if (db.inTransaction) db.exec('ROLLBACK');
      throw error;
    }
  }

  /** Opens (or creates) the index file; ':memory:' for a throwaway index. */
  static open(path: string, options?: SqliteIndexOptions): SqliteSearchIndex {
    return new SqliteSearchIndex(new Database(path), options);
  }

  /** Writes still waiting for their turn fail (IndexClosedError, #writeAll), as do writes asked for after. */
  close(): void {
    void this.#rowMaker?.close();
    this.#db.close();
  }

  async replaceDocument(documentId: string, items: readonly IndexedItem[]): Promise<void> {
    const rows = this.#rowMaker?.rows(documentId, items) ?? documentRows(documentId, items);
    return this.#writes.write(rows);
  }

  async deleteDocument(documentId: string): Promise<void> {
    return this.#writes.write({ documentId, rows: [] });
  }

  /** Documents' rows in one transaction. */
  #writeAll(documents: readonly DocumentRows[]): void {
    if (!this.#db.open) throw new IndexClosedError();
    this.#db.transaction(() => this.#writeDocuments(documents))();
    this.#changed();
  }

  /**
   * What searches keep between them (postings, terms found absent, match rows, what they found)
   * is forgotten when the index changes: by this connection's writes (#changed), or another's
   * (SQLite's data_version moves).
   */
  #changed(): void {
    this.#scorer.clear();
    this.#rows.clear();
    this.#found?.clear();
  }

  #forgetWhenChangedElsewhere(): void {
    const version = this.#dataVersion.get();
    if (version !== this.#seenVersion) this.#changed();
    this.#seenVersion = version;
  }

  /** A statement prepared once per SQL text: searches make few distinct ones (their filters'). */
  #prepared(sql: string): Database.Statement {
    return valueAt(this.#statements, sql, (text) => this.#db.prepare(text));
  }

  /**
   * An index whose terms were made by another analysis (ANALYSIS_VERSION), or whose items were
   * stored in another form (STORED_FORM), is made again from the items it stores, once, in the
   * opening's transaction: searching it as it is would miss, and reading trusts what is stored.
   */
  #reanalyseWhenChanged(told?: (documents: number) => void): void {
    const made = this.#db.prepare("SELECT value FROM meta WHERE name = 'analysis'").pluck().get();
    if (made === MADE_BY) return;
    const documents = this.#db.prepare('SELECT DISTINCT document_id FROM items').pluck().all() as string[];
    if (documents.length > 0) told?.(documents.length);
    this.#db.transaction(() => {
      // In groups, as writes asked for together are: a group's terms go into one segment.
      for (const group of chunksOf(documents, MOST_IN_A_TRANSACTION))
        this.#writeDocuments(group.map((documentId) => documentRows(documentId, this.#itemsOf(documentId))));
      // The old rows left the totals as their form counted them: counted again from the new rows.
      this.#totals.recount();
      this.#prepared("INSERT OR REPLACE INTO meta (name, value) VALUES ('analysis', ?)").run(MADE_BY);
    })();
  }

  /**
   * Every document's old rows deleted and new rows written, then all their terms: a statement that
   * opens a savepoint (a trigger's insert, INSERT OR IGNORE) makes FTS5 write the terms it holds
   * as a segment of their own, so terms written last go into one segment, not one each to merge.
   */
  #writeDocuments(documents: readonly DocumentRows[]): void {
    // A later write of a document in the group replaces what an earlier one wrote: only the last
    // is written.
    const latest = new Map(documents.map((document) => [document.documentId, document]));
    const written = [...latest.values()].flatMap((document) => this.#writeRows(document));
    const insertTerms = this.#prepared(
      `INSERT INTO items_fts (rowid, ${FTS_COLUMNS.join(', ')}) VALUES (?, ${FTS_COLUMNS.map(() => '?').join(', ')})`,
    );
    for (const { rowid, row } of written) insertTerms.run(rowid, ...row.terms);
    this.#totals.add(written.map(({ row }) => row.sizes));
  }

  /** A document's rows in place of its old ones (their terms deleted too), its new terms not yet. */
  #writeRows({ documentId, rows }: DocumentRows): { rowid: number | bigint; row: ItemRow }[] {
    const insertItem = this.#prepared(
      `INSERT INTO items (id, document_id, body, municipality, body_key, municipality_key, date, year, outcome, access, case_number, position, votes, parties, number, title, title_terms, decision_terms, body_terms)
       VALUES (@id, @documentId, @body, @municipality, @bodyKey, @municipalityKey, @date, @year, @outcome, @access, @caseNumber, @position, @votes, @parties, @number, @title, @titleTerms, @decisionTerms, @bodyTerms)`,
    );
    const insertJson = this.#prepared('INSERT INTO item_json (rowid, json) VALUES (?, ?)');
    const insertRef = this.#prepared(CASE_REF_INSERT);
    this.#delete(documentId);
    return rows.map((row) => {
      const { lastInsertRowid } = insertItem.run(row.columns);
      insertJson.run(lastInsertRowid, row.stored);
      for (const number of row.caseRefs) insertRef.run(number, lastInsertRowid);
      return { rowid: lastInsertRowid, row };
    });
  }

  #delete(documentId: string): void {
    this.#totals.removeDocument(documentId);
    this.#prepared(
      'DELETE FROM case_refs WHERE item_rowid IN (SELECT rowid FROM items WHERE document_id = ?)',
    ).run(documentId);
    for (const table of ['items_fts', 'item_json']) {
      this.#prepared(
        `DELETE FROM ${table} WHERE rowid IN (SELECT rowid FROM items WHERE document_id = ?)`,
      ).run(documentId);
    }
    this.#prepared('DELETE FROM items WHERE document_id = ?').run(documentId);
  }

  async get(id: string): Promise<IndexedItem | null> {
    const row = this.#prepared(
      'SELECT j.json AS json FROM items i JOIN item_json j ON j.rowid = i.rowid WHERE i.id = ?',
    ).get(id) as { json: string | Uint8Array } | undefined;
    return row ? decodeItem(row.json) : null;
  }

  async itemsOf(documentId: string): Promise<IndexedItem[]> {
    return this.#itemsOf(documentId);
  }

  #itemsOf(documentId: string): IndexedItem[] {
    const rows = this.#prepared(
      'SELECT j.json AS json FROM items i JOIN item_json j ON j.rowid = i.rowid WHERE i.document_id = ? ORDER BY i.position',
    ).all(documentId) as { json: string | Uint8Array }[];
    return rows.map((row) => decodeItem(row.json));
  }

  /**
   * Full matches by rowid, a batch at a time (keyset paging: each batch starts after the last
   * rowid of the one before, so no batch reads more than it returns). FTS5 yields its matches in
   * rowid order from a rowid, and a document's items are inserted together in agenda order.
   */
  async *matchBatches(query: SearchQuery, batchSize = MATCH_BATCH_SIZE): AsyncIterable<IndexedItem[]> {
    const plan = planSearch(query.q);
    if (query.q && !plan.searchable) return;
    const { where, params } = sqlFilters(query);
    // Driven by FTS5 when there are words (it seeks to a rowid), else by the items' own rowids.
    const [from, key] = query.q
      ? ['items_fts JOIN items i ON i.rowid = items_fts.rowid', 'items_fts.rowid']
      : ['items i', 'i.rowid'];
    const read = this.#prepared(
      `SELECT i.rowid, j.json FROM ${from} JOIN item_json j ON j.rowid = i.rowid
         ${where} ${query.q ? 'AND items_fts MATCH @match' : ''} AND ${key} > @after ORDER BY ${key} LIMIT @limit`,
    ).raw();
    const bound = { ...params, ...(query.q && { match: fullExpression(plan) }), limit: batchSize };
    for (let after = 0, full = true; full; ) {
      const rows = read.all({ ...bound, after }) as [number, Uint8Array][];
      full = rows.length === batchSize;
      after = rows.at(-1)?.[0] ?? after;
      // FTS5's phrases have no stop-word gaps: checked as the search checks them.
      const items = rows
        .map(([, json]) => decodeItem(json))
        .filter((item) => !plan.positional || matchesFully(searchFields(item), plan));
      if (items.length > 0) yield items;
    }
  }

  async caseMembers(keys: readonly CaseKey[]): Promise<CaseMember[]> {
    return caseMembers(this.#prepared(CASE_MEMBERS), keys);
  }

  async search(query: SearchQuery): Promise<SearchResult> {
    // Nothing is awaited before the page is read.
    const { result, unsuggested } = this.#answerAtOnce(query);
    if (unsuggested === null) return result;
    // "Mente du …?" only when the words find nothing at all (shared/search/suggest.ts): kept with
    // what was found, awaited last, as nothing is read after it.
    unsuggested.suggestion = await suggestQuery(query.q, this.#vocabulary);
    return { ...result, suggestion: unsuggested.suggestion };
  }

  #answer(query: SearchQuery): Answer {
    this.#forgetWhenChangedElsewhere();
    const plan = planSearch(query.q);
    if (query.q && !plan.searchable) return { result: emptyResult(query), unsuggested: null };
    const filters = searchFilters(query);
    if (!query.q && !filters.sql.any) return { result: this.#browse(query), unsuggested: null };
    const key = foundKey(query);
    let found = this.#found?.get(key);
    if (!found) {
      found = this.#filteredFromKept(query, plan, filters) ?? this.#find(query, plan, filters);
      this.#found?.set(key, found);
    }
    let { full, partial } = found;
    const order = query.sort === 'date' || !query.q ? newestFirst : bestFirst;
    // Full matches first, then partial ones: the page's share of each, tagged with its tier.
    const [start, end] = pageBounds(query);
    if (plan.proximity) {
      const postings = found.counted.resumed();
      full = this.#withPhrase(plan.proximity, full, order, end, postings);
      partial = this.#withPhrase(plan.proximity, partial, order, end - full.length, postings);
    }
    const page = [
      ...firstInOrder(full, end, order)
        .slice(start)
        .map((m) => ({ ...m, tier: 'full' as const })),
      ...firstInOrder(partial, end - full.length, order)
        .slice(Math.max(0, start - full.length))
        .map((m) => ({ ...m, tier: 'partial' as const })),
    ];
    const nothing = query.q !== '' && full.length === 0 && partial.length === 0;
    const result = {
      total: full.length,
      partialTotal: partial.length,
      suggestion: found.suggestion ?? null,
      page: query.page,
      size: query.size,
      results: this.#hits(page, plan.terms, highlightQuery(plan)),
      facets: found.facets,
    };
    return { result, unsuggested: nothing && found.suggestion === undefined ? found : null };
  }

  /**
   * What a search whose filters are all tested on the kept rows finds, from what the same words
   * without filters found, when that is kept (a facet clicked): its matches filtered, since a
   * match's score does not depend on the filters, and their facets counted. Only when the result
   * is the same as finding them, budget included: no phrase (its checks count the items read),
   * and partial matches asked for by both or neither.
   */
  #filteredFromKept(query: SearchQuery, plan: SearchPlan, filters: SearchFilters): Found | undefined {
    const { keeps } = filters;
    if (keeps === null || filters.sql.any || plan.positional) return undefined;
    const unfiltered = this.#found?.get(foundKey(withoutFields(query, filters.tested)));
    if (!unfiltered) return undefined;
    const full = unfiltered.full.filter(keeps);
    const loose = looseExpression(plan) !== null;
    const asksPartial = (fullMatches: number) => loose && fullMatches < PARTIAL_WHEN_FEWER_THAN;
    if (asksPartial(full.length) !== asksPartial(unfiltered.full.length)) return undefined;
    return {
      full,
      partial: unfiltered.partial.filter(keeps),
      facets: facetsOf(full, this.#rows),
      counted: unfiltered.counted,
    };
  }

  /** What a search finds before its page is made: its matches of each tier, ranked, their facets. */
  #find(query: SearchQuery, plan: SearchPlan, filters: SearchFilters): Found {
    // The words' and prefixes' occurrences are counted first: a search too broad is refused before its work.
    const postings = new PostingsCache(this.#budget);
    // Full matches: every group of the query, nothing excluded. FTS5 keeps no stop-word gaps, so
    // its phrases find a few more than OpenSearch's; those are checked in JS (matchesFully).
    // Excluded prefixes are counted too: FTS5 merges their terms to leave them out.
    const terms = [...plan.parsed.groups.flat(), ...plan.parsed.excluded];
    const prefixes = terms.flatMap((t) => (t.kind === 'prefix' ? [t.text] : []));
    this.#scorer.count(scoredClauses(plan, 'full'), prefixes, postings);
    let found = this.#fullMatches(plan, query.q !== '', filters, postings);
    if (plan.positional) {
      const phrases = terms.filter(isPositional);
      const keeps = (fields: SearchFields) => matchesFully(fields, plan);
      found = this.#checked(found, fullExpression(plan), phrases, postings, keeps);
    }
    const full = this.#ranked(plan, 'full', found, postings);
    // Partial matches, only when the full ones are few: any word, or all parts of a compound.
    let partial: Match[] = [];
    const loose = looseExpression(plan);
    if (query.q && loose !== null && full.length < PARTIAL_WHEN_FEWER_THAN) {
      const fullRows = new Set(full.map((m) => m.rowid));
      partial = this.#matches(loose, filters).filter((m) => !fullRows.has(m.rowid));
      // The expression left out every excluded term but a phrase: only then are items read.
      const excluded = plan.parsed.excluded.filter(isPositional);
      if (partial.length > 0 && excluded.length > 0) {
        const keeps = (fields: SearchFields) => !hasExcludedPhrase(fields, plan);
        partial = this.#checked(partial, loose, excluded, postings, keeps);
      }
      partial = this.#ranked(plan, 'partial', partial, postings);
    }
    return { full, partial, facets: facetsOf(full, this.#rows), counted: postings.resumed() };
  }

  /**
   * The matches of a tier's `expression` whose text `keeps`, as the places of a phrase's words
   * decide, which FTS5 does not alone (it keeps no stop-word gaps): only the items FTS5 finds one
   * of `phrases` in (their stems near each other) can change, so only those are read and checked
   * in JS; the others are as FTS5 found them. The text of those read is counted
   * against the search's budget first, CHECK_COST a term.
   */
  #checked(
    matches: Match[],
    expression: string,
    phrases: readonly QueryTerm[],
    postings: PostingsCache,
    keeps: (fields: SearchFields) => boolean,
  ): Match[] {
    const suspect = new Set(
      this.#prepared('SELECT rowid FROM items_fts WHERE items_fts MATCH ?')
        .pluck()
        .all(`(${expression}) AND (${phrases.map(termExpression).join(' OR ')})`) as number[],
    );
    const toCheck = matches.filter((m) => suspect.has(m.rowid));
    postings.check(toCheck.reduce((terms, m) => terms + textTerms(m), 0) * CHECK_COST);
    const failed = new Set(
      toCheck.filter((m) => !keeps(searchFields(this.#storedAt(m.rowid)))).map((m) => m.rowid),
    );
    return failed.size === 0 ? matches : matches.filter((m) => !failed.has(m.rowid));
  }

  /** The item of a matching rowid as stored (checked when written): its text, for phrases. */
  #storedAt(rowid: number): IndexedItem {
    return decodeItem(
      this.#prepared('SELECT json FROM item_json WHERE rowid = ?').pluck().get(rowid) as Uint8Array,
    );
  }

  /**
   * The items with every group of the query and no excluded term. A query of plain words alone
   * (most are) needs no FTS5 query: the items each word occurs in are its postings, kept for
   * scoring (scoring.ts itemsWith), so its matches are their intersection (their union within an
   * OR group): the items FTS5 would find, in the same order.
   */
  #fullMatches(
    plan: SearchPlan,
    hasWords: boolean,
    filters: SearchFilters,
    postings: PostingsCache,
  ): Match[] {
    const groups = hasWords ? wordGroups(plan) : null;
    if (groups === null || filters.sql.any)
      return this.#matches(hasWords ? fullExpression(plan) : null, filters);
    const rowids = intersectionOf(
      groups.map((group) => unionOf(group.map((stem) => this.#scorer.itemsWith(stem, postings)))),
    );
    return this.#kept(rowids, filters.keeps);
  }

  /**
   * Every match with what ranking, sorting and counting need: FTS5 finds the rowids (joined with
   * `items` only for the filters SQL tests), their small rows come from memory (match-rows.ts),
   * which the other filters test; the page and the facets are then made in JS, and only the
   * page's items are read in full.
   */
  #matches(match: string | null, { sql: { any, where, params }, keeps }: SearchFilters): Match[] {
    const sql =
      !any && match !== null
        ? 'SELECT rowid FROM items_fts WHERE items_fts MATCH @match'
        : `${hitsClause(match !== null)} SELECT hits.rowid FROM hits JOIN items i ON i.rowid = hits.rowid ${where}`;
    const rowids = this.#prepared(sql)
      .pluck()
      .all(match === null ? params : { ...params, match }) as number[];
    return this.#kept(rowids, keeps);
  }

  /** The matches of these rowids that the filters tested in JS keep. */
  #kept(rowids: readonly number[], keeps: SearchFilters['keeps']): Match[] {
    const matches = this.#rows.matches(rowids);
    return keeps === null ? matches : matches.filter(keeps);
  }

  /** The matches with their scores, as OpenSearch scores the same query (scoring.ts). */
  #ranked(plan: SearchPlan, tier: MatchTier, matches: Match[], postings: PostingsCache): Match[] {
    if (matches.length === 0 || (plan.scoringText === '' && plan.compounds.length === 0)) return matches;
    const scores = this.#scorer.scores(
      this.#totals.statistics(),
      scoredClauses(plan, tier),
      matches,
      postings,
    );
    return matches.map((match, i) => withScore(match, scores[i] as number));
  }

  /**
   * The query's words as a phrase added to the scores of the matches that could reach the first
   * `needed` of `order`. By relevance: in order of the most each could score (its other score and
   * the most the phrase could add, from the index), until that is below the `needed`-th best
   * final score so far; by date, the first `needed`. The phrase is counted in JS, with the stop
   * words' gaps as Lucene counts them, only in items FTS5 finds its stems near each other in,
   * each counted against the search's budget (CHECK_COST a term). The other matches keep their
   * score: none of them is on the page, and totals and facets do not depend on scores.
   */
  #withPhrase(
    words: readonly string[],
    matches: readonly Match[],
    order: (a: Match, b: Match) => number,
    needed: number,
    postings: PostingsCache,
  ): readonly Match[] {
    if (needed <= 0 || matches.length === 0) return matches;
    const pattern = phrasePattern(words);
    const phrase = this.#scorer.phraseScorer(
      this.#totals.statistics(),
      pattern.map((p) => p.stem),
      postings,
    );
    const near = this.#nearAnywhere(pattern);
    const scored = (m: Match): Match => {
      if (!near.has(m.rowid)) return m;
      postings.check(textTerms(m) * CHECK_COST);
      const counts = phraseCounts(searchFields(this.#storedAt(m.rowid)), pattern);
      return { ...m, score: Math.fround((m.raw ?? m.score) + phrase.score(counts, m.lengths)) };
    };
    if (order === newestFirst) {
      // A copy: the matches may be kept for the search's next pages.
      const sorted = [...matches].sort(order);
      return [...sorted.slice(0, needed).map(scored), ...sorted.slice(needed)];
    }
    const candidates = matches
      .map((m) => ({ m, most: m.score + (near.has(m.rowid) ? phrase.most(m.rowid, m.lengths) : 0) }))
      .sort((a, b) => b.most - a.most);
    const best = new BestScores(needed);
    const result: Match[] = [];
    let at = 0;
    // Ties go on to the date: an item that could equal the needed-th best is scored too.
    for (; at < candidates.length; at++) {
      const { m, most } = candidates[at] as { m: Match; most: number };
      const least = best.least;
      if (least !== undefined && most < least) break;
      const final = scored(m);
      result.push(final);
      best.add(final.score);
    }
    for (; at < candidates.length; at++) result.push((candidates[at] as { m: Match }).m);
    return result;
  }

  /**
   * The items with a phrase's stems near each other in one of their exact columns: one FTS5 query
   * for all three, which costs what one for a column does (asking per column, to bound each
   * column's phrase score, tripled it; PhraseScorer.most bounds them from the postings instead).
   */
  #nearAnywhere(pattern: readonly { offset: number; stem: string }[]): Set<number> {
    const read = this.#prepared('SELECT rowid FROM items_fts WHERE items_fts MATCH ?').pluck();
    return new Set(read.all(nearExpression(pattern)) as number[]);
  }

  /** Browsing without words or filters: newest first, counted by the triggers' running totals. */
  #browse(query: SearchQuery): SearchResult {
    const [offset, end] = pageBounds(query);
    const page = this.#prepared(
      'SELECT rowid, 0 AS score FROM items ORDER BY date DESC, position, document_id LIMIT ? OFFSET ?',
    ).all(end - offset, offset) as { rowid: number; score: number }[];
    const totals = this.#prepared(
      "SELECT facet, nullif(value, '') AS value, n FROM facet_totals WHERE n > 0",
    ).all() as { facet: Facet; value: string | null; n: number }[];
    const facets = new Facets();
    for (const { facet, value, n } of totals) facets.add(facet, value, n);
    return {
      total: totals.filter((t) => t.facet === 'year').reduce((sum, t) => sum + t.n, 0),
      partialTotal: 0,
      suggestion: null,
      page: query.page,
      size: query.size,
      results: this.#hits(page, []),
      facets: facets.counts(),
    };
  }

  /** The page's items, read in full, as hits in the page's order. */
  #hits(
    page: readonly { rowid: number; score: number; tier?: MatchTier }[],
    terms: readonly string[],
    marks: HighlightQuery = {},
  ): SearchResult['results'] {
    if (page.length === 0) return [];
    const rows = this.#prepared(
      `SELECT rowid, json FROM item_json WHERE rowid IN (${page.map(() => '?').join(', ')})`,
    ).all(...page.map((p) => p.rowid)) as { rowid: number; json: Uint8Array }[];
    const json = new Map(rows.map((r) => [r.rowid, r.json]));
    return page.map((p) => toHit(decodeItem(json.get(p.rowid) as Uint8Array), p.score, terms, p.tier, marks));
  }
}

/**
 * Newest first, then in agenda order, then by document: a total order, the one OpenSearch sorts
 * by too. ISO dates compare as strings; plain comparison, as localeCompare is many times slower.
 */
const newestFirst = (a: Match, b: Match) => {
  const [x, y] = [a.date ?? '', b.date ?? ''];
  if (x !== y) return x < y ? 1 : -1;
  if (a.position !== b.position) return a.position - b.position;
  return a.documentId < b.documentId ? -1 : a.documentId > b.documentId ? 1 : 0;
};
const bestFirst = (a: Match, b: Match) => b.score - a.score || newestFirst(a, b);

/** The query with these fields unset. */
function withoutFields(query: SearchQuery, fields: readonly (keyof SearchQuery)[]): SearchQuery {
  return { ...query, ...Object.fromEntries(fields.map((field) => [field, undefined])) };
}

/** What a search asks but its page, size and sort: what it finds is the same for each. */
function foundKey({ page, size, sort, ...asked }: SearchQuery): string {
  return JSON.stringify(asked);
}

/** [offset, end) of the requested page. */
function pageBounds(query: SearchQuery): [number, number] {
  const offset = (query.page - 1) * query.size;
  return [offset, offset + query.size];
}

/**
 * Facet counts: bodies and municipalities by key under their most shown name (names.ts), from
 * the value each row keeps (a body as shown, or as written by an earlier version).
 */
class Facets {
  readonly #body = new FacetCounts();
  readonly #municipality = new FacetCounts();
  readonly #year: Record<string, number> = {};
  readonly #outcome: Record<string, number> = {};

  add(facet: Facet, value: string | null, n = 1): void {
    if (value === null) return;
    if (facet === 'body') this.#body.add(bodyName(value), n);
    else if (facet === 'municipality') this.#municipality.add(municipalityName(value), n);
    else {
      const counts = facet === 'year' ? this.#year : this.#outcome;
      counts[value] = (counts[value] ?? 0) + n;
    }
  }

  counts(): SearchResult['facets'] {
    return {
      body: this.#body.counts(),
      year: this.#year,
      outcome: this.#outcome,
      municipality: this.#municipality.counts(),
    };
  }
}

function facetsOf(matches: readonly Match[], rows: MatchRows): SearchResult['facets'] {
  // Counted by code first, in the order values first appear: the names behind a value (names.ts)
  // are then made once, not per match.
  const facets = new Facets();
  FACETS.forEach((facet, f) => {
    const values = rows.facetValues(f);
    const counts = new Int32Array(values.length);
    const order: number[] = [];
    // Indexed: over every match (MatchRows.matches says why).
    for (let i = 0; i < matches.length; i++) {
      const code = (matches[i] as Match).facetCodes[f] as number;
      if (counts[code] === 0) order.push(code);
      counts[code] = (counts[code] as number) + 1;
    }
    for (const code of order) facets.add(facet, values[code] ?? null, counts[code]);
  });
  return facets.counts();
}

/**
 * The matching items: an FTS5 expression's, or all. Matches are materialised first: filtering
 * inside the FTS query is far slower.
 */
function hitsClause(hasMatch: boolean): string {
  if (!hasMatch) return 'WITH hits AS (SELECT rowid FROM items)';
  return 'WITH hits AS MATERIALIZED (SELECT rowid FROM items_fts WHERE items_fts MATCH @match)';
}

const quoted = (term: string) => `"${term.replaceAll('"', '""')}"`;
const EXACT_COLUMNS = `{${EXACT_FIELDS.join(' ')}}`;

/**
 * A term of the query as FTS5 syntax, every word quoted so FTS5 reads it as a word, never as
 * syntax: a word in any column (its compound parts too), a prefix or a phrase in the exact
 * columns, a case number in the title. FTS5's phrases have no stop-word gaps; matchesFully checks.
 */
function termExpression(term: QueryTerm): string {
  switch (term.kind) {
    case 'word':
      return quoted(wordStem(term.text));
    case 'prefix':
      return `${EXACT_COLUMNS} : ${quoted(term.text)} *`;
    case 'phrase':
      return nearExpression(phrasePattern(term.words));
    case 'case':
      return `{title} : (${phrasePattern(term.words)
        .map((p) => quoted(p.stem))
        .join(' + ')})`;
  }
}

/**
 * A phrase's stems near each other in one exact column: every place Lucene finds the phrase
 * (its stop-word gaps may hold any word, and FTS5 keeps no stop words, so the stems stand at most
 * as far apart), and some more, which matchesFully and phraseCounts rule out.
 */
function nearExpression(pattern: readonly { offset: number; stem: string }[]): string {
  if (pattern.length === 1) return `${EXACT_COLUMNS} : ${quoted(pattern[0]?.stem ?? '')}`;
  const span = pattern.at(-1)?.offset ?? 0;
  return `${EXACT_COLUMNS} : NEAR(${pattern.map((p) => quoted(p.stem)).join(' ')}, ${span})`;
}

/** The terms of a match's text fields. */
function textTerms({ lengths }: Match): number {
  let terms = 0;
  for (const length of lengths) terms += length;
  return terms;
}

/** Excluded terms FTS5 can exclude exactly: all but phrases of several words (checked in JS). */
function withoutExcluded(expression: string, plan: SearchPlan): string {
  const excluded = plan.parsed.excluded.filter((t) => !isPositional(t));
  if (excluded.length === 0) return expression;
  return `(${expression}) NOT (${excluded.map(termExpression).join(' OR ')})`;
}

/**
 * A term's stem as FTS5's tokenizer reads it in a query, as one token unchanged: lower-case Latin
 * letters and digits, or a number with . / - inside (a date, a case number). Others go to FTS5.
 */
const ONE_TOKEN = /^(?:[0-9a-z\u00df-\u00f6\u00f8-\u00ff]+|[0-9]+(?:[./-][0-9]+)+)$/;

/**
 * The stems of a query of words alone, by group (any of a group's words, every group), when
 * each is one token as it stands; null for anything else: a prefix, a phrase, a case number, an
 * excluded term.
 */
function wordGroups(plan: SearchPlan): string[][] | null {
  if (plan.parsed.excluded.length > 0) return null;
  const groups = plan.parsed.groups.map((group) =>
    group.map((term) => (term.kind === 'word' ? wordStem(term.text) : null)),
  );
  const stems = groups.flat();
  return stems.every((stem) => stem !== null && ONE_TOKEN.test(stem)) ? (groups as string[][]) : null;
}

/** Every group (any of its terms), no excluded term. */
function fullExpression(plan: SearchPlan): string {
  const groups = plan.parsed.groups.map((group) => `(${group.map(termExpression).join(' OR ')})`);
  return withoutExcluded(groups.join(' AND '), plan);
}

/**
 * What a partial match has: any word of the query (a phrase's too; not a case number, which
 * finds its items exactly), any prefix, or all parts of one of its compounds; no excluded term.
 */
function looseExpression(plan: SearchPlan): string | null {
  const alternatives: string[] = [];
  for (const term of plan.parsed.groups.flat()) {
    if (term.kind === 'word' || term.kind === 'prefix') alternatives.push(termExpression(term));
    if (term.kind === 'phrase') alternatives.push(...phrasePattern(term.words).map((p) => quoted(p.stem)));
  }
  for (const parts of plan.compounds) alternatives.push(`(${parts.map(quoted).join(' AND ')})`);
  if (alternatives.length === 0) return null;
  return withoutExcluded(alternatives.join(' OR '), plan);
}

/**
 * How items are stored in item_json: the items of an index made in another form are stored again
 * when it opens (#reanalyseWhenChanged). 2: checked on the way in, trusted on the way out; 3: as
 * DEFLATE (stored-item.ts), with the item's number and title on its row; 4: parts columns store
 * only the compound parts (fields.ts analyzedFields), their fields' totals counted again; 5: items_fts
 * with its columns in FTS_TABLE_COLUMNS order (schema.ts); 6: DEFLATE with a preset dictionary.
 */
const STORED_FORM = '6';
const MADE_BY = `${ANALYSIS_VERSION}; stored ${STORED_FORM}`;

/** A write refused by a row of its own (a unique item id taken), not by the database (busy, full). */
const isConstraintError = (error: unknown) =>
  error instanceof Database.SqliteError && error.code.startsWith('SQLITE_CONSTRAINT');
