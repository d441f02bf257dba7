import type Database from 'better-sqlite3';
import type { LRUCache } from 'lru-cache';
import type { MatchTier } from '#domain/search.ts';
import { analyze } from '#language/analyze.ts';
import { valueAt } from '#lib/maps.ts';
import { sizedCache } from '#lib/sized-cache.ts';
import { SearchTooBroadError } from '../errors.ts';
import { FIELD_WEIGHTS, QUERY_PART_WEIGHT } from '../fields.ts';
import { EXACT_FIELDS, type ExactField, PROXIMITY_WEIGHT, type SearchPlan, SYNONYM_WEIGHT } from '../plan.ts';
import { type FieldScorer, type FieldStatistics, fieldScorer } from './lucene-bm25.ts';
import { EXACT_OF, FTS_COLUMNS, type FtsColumn, LENGTH_FIELDS } from './schema.ts';
import { LAST } from './vocabulary.ts';

/** A term a search scores, with the boost of the clause it stands in. */
export interface ScoredTerm {
  readonly term: string;
  readonly boost: number;
}

/** Terms that score together: only when at least `minimumMatch` of them occur in the item. */
export interface ScoredClause {
  readonly terms: readonly ScoredTerm[];
  readonly minimumMatch: number;
}

/**
 * The clauses a search scores, as the OpenSearch query (opensearch/query.ts) scores them: the
 * query's words as analysed (a repeated word counts again), any of them; and, for partial
 * matches, the parts of each of the query's compounds at QUERY_PART_WEIGHT, only where the item
 * has all of a compound's parts. Every term scores in every field, at the field's weight.
 * Prefixes, phrases and exclusions decide what matches, not the score; a phrase's words score as
 * words. Full matches have every word, so the parts would add little but the cost of reading
 * their (often long) postings.
 */
export function scoredClauses(plan: SearchPlan, tier: MatchTier = 'full'): ScoredClause[] {
  const words = { terms: analyze(plan.scoringText).map((term) => ({ term, boost: 1 })), minimumMatch: 1 };
  const synonyms = plan.synonymText
    ? [{ terms: analyze(plan.synonymText).map((term) => ({ term, boost: SYNONYM_WEIGHT })), minimumMatch: 1 }]
    : [];
  if (tier === 'full') return [words, ...synonyms];
  const compounds = plan.compounds.map((parts) => ({
    terms: parts.map((term) => ({ term, boost: QUERY_PART_WEIGHT })),
    minimumMatch: parts.length,
  }));
  return [words, ...synonyms, ...compounds];
}

/**
 * The query's words as a phrase (SearchPlan.proximity) scored as OpenSearch's `match_phrase` per
 * exact field, at PROXIMITY_WEIGHT: `score` of an item from how often each field has it, and
 * `most` it could score, from the index alone, so a search need count the phrase only in the
 * items that could still reach its page.
 */
export interface PhraseScorer {
  score(counts: Readonly<Record<ExactField, number>>, lengths: readonly number[]): number;
  /**
   * The most the phrase can score in an item: as if each exact field held it as often as its
   * rarest stem there (a phrase's count is never more; a field without one of them adds nothing).
   */
  most(rowid: number, lengths: readonly number[]): number;
}

/** An item to score: its rowid and the lengths of its text fields, in LENGTH_FIELDS order. */
export interface Scorable {
  readonly rowid: number;
  readonly lengths: readonly number[];
}

/**
 * Where the length of a column is read: a parts column is as long as its exact column, since
 * Lucene does not count the parts, which stand at their word's position, in a field's length.
 */
const LENGTH_AT = FTS_COLUMNS.map((col) =>
  LENGTH_FIELDS.indexOf(col.replace('_parts', '') as (typeof LENGTH_FIELDS)[number]),
);

/**
 * A term's postings in one field: the items it occurs in, by rowid ascending, and how often in
 * each. Typed arrays: a few bytes an occurrence kept between searches, walked without hashing.
 */
interface FieldPostings {
  readonly docs: Float64Array;
  readonly freqs: Uint32Array;
}

/** A term's postings: per field, the items it occurs in and how often; and every item it occurs in. */
interface Postings {
  readonly fields: ReadonlyMap<FtsColumn, FieldPostings>;
  /** By rowid ascending: the items FTS5 finds for the term as a word (in any column). */
  readonly items: readonly number[];
}

/**
 * Postings read during one search, by term (its tiers score the same words, read once), and the
 * occurrences counted against the search's `budget`: each term's once, before it is read.
 */
export class PostingsCache {
  readonly #terms = new Map<string, Postings>();
  readonly #counted = new Map<string, number>();
  #checks = 0;
  #spent = 0;
  readonly budget: number;

  constructor(budget = Number.POSITIVE_INFINITY) {
    this.budget = budget;
  }

  /** Counts a term's occurrences (once a search); throws SearchTooBroadError once they pass the budget. */
  count(term: string, occurrences: (term: string) => number): void {
    if (this.#counted.has(term)) return;
    const n = occurrences(term);
    this.#counted.set(term, n);
    this.#spend(n);
  }

  /** Counts items' text to be read for phrases, in occurrences' worth; throws as `count`. */
  check(occurrences: number): void {
    this.#checks += occurrences;
    this.#spend(occurrences);
  }

  #spend(occurrences: number): void {
    this.#spent += occurrences;
    if (this.#spent <= this.budget) return;
    const terms = [...this.#counted].map(([term, n]) => ({ term, occurrences: n }));
    throw new SearchTooBroadError(this.budget, terms, this.#checks);
  }

  /**
   * A cache that goes on from what this one counted, but holds none of its postings: for the
   * same search asked again (its next page), refused exactly where this one would be.
   */
  resumed(): PostingsCache {
    const next = new PostingsCache(this.budget);
    for (const [term, n] of this.#counted) next.#counted.set(term, n);
    next.#checks = this.#checks;
    next.#spent = this.#spent;
    return next;
  }

  /** A term's postings, `read` once a search, after its occurrences are counted. */
  of(term: string, occurrences: (term: string) => number, read: (term: string) => Postings): Postings {
    return valueAt(this.#terms, term, (t) => {
      this.count(t, occurrences);
      return read(t);
    });
  }
}

/**
 * Scores items as OpenSearch scores the query: per term and field, BM25 with the field's
 * statistics (lucene-bm25.ts), summed over the clauses whose terms the item has enough of. Term
 * frequencies come from FTS5's own index (fts5vocab).
 */
export class ItemScorer {
  readonly #postings: Database.Statement;
  readonly #occurrences: Database.Statement;
  readonly #prefixOccurrences: Database.Statement;
  /**
   * Postings read, the most recently used kept up to `keptOccurrences` occurrences; a term with
   * more than that is read each time, and lets none of the others go. Null: none kept.
   */
  readonly #kept: LRUCache<string, { readonly postings: Postings; readonly size: number }> | null;
  /**
   * Terms read and found to occur nowhere, up to `absentChars` characters of them, the oldest let
   * go first: a query's synonyms and compound parts often are, and each would cost two reads of
   * FTS5's vocabulary on every search that has it. Made-up words (a query's are up to 500
   * characters) never hold more than that until the next write. Null: none remembered.
   */
  readonly #absent: LRUCache<string, true> | null;

  /**
   * `keptOccurrences`: the most occurrences of postings kept between searches (POSTINGS_KEPT);
   * `absentChars`: the most characters of terms remembered as occurring nowhere (ABSENT_KEPT).
   */
  constructor(
    db: Database.Database,
    {
      keptOccurrences = POSTINGS_KEPT,
      absentChars = ABSENT_KEPT,
    }: { readonly keptOccurrences?: number; readonly absentChars?: number } = {},
  ) {
    this.#kept = sizedCache(keptOccurrences, (kept) => kept.size);
    this.#absent = sizedCache(absentChars, (_, term) => Math.max(1, term.length));
    // One row of two strings per term: a row per occurrence costs more to hand to JS than to find.
    const column = `CASE col ${FTS_COLUMNS.map((col, i) => `WHEN '${col}' THEN ${i}`).join(' ')} END`;
    this.#postings = db
      .prepare(`SELECT group_concat(doc), group_concat(${column}, '') FROM items_vocab WHERE term = ?`)
      .raw();
    // A term's occurrences counted in FTS5's own doclists: a few ms for millions, where reading
    // them takes a second.
    db.exec(
      "CREATE VIRTUAL TABLE IF NOT EXISTS temp.items_vocab_row USING fts5vocab(main, items_fts, 'row')",
    );
    this.#occurrences = db.prepare('SELECT cnt FROM temp.items_vocab_row WHERE term = ?').pluck();
    this.#prefixOccurrences = db
      .prepare('SELECT coalesce(sum(cnt), 0) FROM temp.items_vocab_row WHERE term >= ? AND term < ?')
      .pluck();
  }

  /**
   * Counts the clauses' terms and the query's prefixes against the search's budget before any is
   * read or matched, so that a search too broad is refused before it does the work
   * (SearchTooBroadError). A prefix's terms are merged by FTS5, not read into JS: their
   * occurrences count at PREFIX_SHARE.
   */
  count(clauses: readonly ScoredClause[], prefixes: readonly string[], postings: PostingsCache): void {
    for (const clause of clauses) {
      for (const { term } of clause.terms) postings.count(term, (t) => this.#occurrencesOf(t));
    }
    for (const prefix of prefixes) {
      postings.count(`${prefix}*`, () =>
        Math.ceil((this.#prefixOccurrences.get(prefix, prefix + LAST) as number) * PREFIX_SHARE),
      );
    }
  }

  /** Forgets the postings kept from earlier searches, and the terms found absent: the index changed. */
  clear(): void {
    this.#kept?.clear();
    this.#absent?.clear();
  }

  /**
   * The score of each item (each rowid once), in the order of `items`, as the double sum Lucene
   * keeps before it returns a float (`Math.fround`, once any phrase score is added); `postings`
   * keeps what was read for the search's next call.
   */
  scores(
    statistics: Record<FtsColumn, FieldStatistics>,
    clauses: readonly ScoredClause[],
    items: readonly Scorable[],
    postings = new PostingsCache(),
  ): Float64Array {
    // Sums by the item's place in `items`, in typed arrays: a search may score thousands. The
    // items in rowid order, walked beside each field's postings (rowids ascending too).
    const order = byRowid(items);
    const scorers = new Map<FtsColumn, FieldScorer>();
    const sums = new Float64Array(items.length);
    const clauseSums = new Float64Array(items.length);
    const termSums = new Float64Array(items.length);
    const termCounts = new Uint16Array(items.length);
    const seen = new Uint8Array(items.length);
    for (const clause of clauses) {
      clauseSums.fill(0);
      termCounts.fill(0);
      for (const { term, boost } of clause.terms) {
        // A term's fields are summed first, then the term to its clause: the order Lucene adds in.
        termSums.fill(0);
        seen.fill(0);
        for (const [col, { docs, freqs }] of this.#postingsIn(postings, term).fields) {
          const field = valueAt(scorers, col, (c) => fieldScorer(statistics[c]));
          const weight = field.weight(Math.fround(FIELD_WEIGHTS[col]) * boost, docs.length);
          const lengthAt = LENGTH_AT[FTS_COLUMNS.indexOf(col)] as number;
          let k = 0;
          for (let o = 0; o < order.length; o++) {
            const i = order[o] as number;
            const rowid = (items[i] as Scorable).rowid;
            while (k < docs.length && (docs[k] as number) < rowid) k++;
            if (k === docs.length) break;
            const length = (items[i] as Scorable).lengths[lengthAt];
            if (docs[k] !== rowid || length === undefined) continue;
            termSums[i] = (termSums[i] as number) + field.score(weight, freqs[k] as number, length);
            seen[i] = 1;
          }
        }
        for (let i = 0; i < items.length; i++) {
          if (seen[i] === 0) continue;
          termCounts[i] = (termCounts[i] as number) + 1;
          clauseSums[i] = (clauseSums[i] as number) + (termSums[i] as number);
        }
      }
      for (let i = 0; i < items.length; i++) {
        if ((termCounts[i] as number) >= clause.minimumMatch)
          sums[i] = (sums[i] as number) + (clauseSums[i] as number);
      }
    }
    return sums;
  }

  /** The phrase of `stems` as each exact field scores it, from the index's statistics. */
  phraseScorer(
    statistics: Record<FtsColumn, FieldStatistics>,
    stems: readonly string[],
    postings = new PostingsCache(),
  ): PhraseScorer {
    const fields = EXACT_FIELDS.flatMap((col) => {
      const docs = stems.map((stem) => this.#postingsIn(postings, stem).fields.get(col));
      if (docs.some((d) => d === undefined)) return [];
      const field = fieldScorer(statistics[col]);
      const docFreqs = docs.map((d) => d?.docs.length ?? 0);
      const weight = field.phraseWeight(Math.fround(PROXIMITY_WEIGHT * FIELD_WEIGHTS[col]), docFreqs);
      return [{ col, field, weight, docs, lengthAt: LENGTH_AT[FTS_COLUMNS.indexOf(col)] as number }];
    });
    return {
      most: (rowid, lengths) => {
        let sum = 0;
        for (const { field, weight, docs, lengthAt } of fields) {
          const freq = Math.min(...docs.map((d) => (d === undefined ? 0 : frequencyIn(d, rowid))));
          if (freq > 0) sum += field.score(weight, freq, lengths[lengthAt] as number);
        }
        return sum;
      },
      score: (counts, lengths) => {
        let sum = 0;
        for (const { col, field, weight, lengthAt } of fields) {
          if (counts[col] > 0) sum += field.score(weight, counts[col], lengths[lengthAt] as number);
        }
        return sum;
      },
    };
  }

  /** The items a term occurs in (in any column), by rowid ascending: what FTS5 finds for it as a word. */
  itemsWith(term: string, postings = new PostingsCache()): readonly number[] {
    return this.#postingsIn(postings, term).items;
  }

  /** A term's postings for a search: counted against its budget, then read (or taken as kept). */
  #postingsIn(search: PostingsCache, term: string): Postings {
    return search.of(
      term,
      (t) => this.#occurrencesOf(t),
      (t) => this.#postingsOf(t),
    );
  }

  /** How often a term occurs in the index, in every column (its postings' size when kept). */
  #occurrencesOf(term: string): number {
    if (this.#absent?.has(term)) return 0;
    return this.#kept?.peek(term)?.size ?? (this.#occurrences.get(term) as number | undefined) ?? 0;
  }

  /**
   * Where a term occurs, counted per column and item: kept for later searches (the most recently
   * used, up to `keptOccurrences`), as a query's words recur in the next ones; a term that occurs
   * nowhere is remembered as absent instead (about 400 bytes less than its empty postings).
   */
  #postingsOf(term: string): Postings {
    if (this.#absent?.has(term)) return NOWHERE;
    const kept = this.#kept?.get(term);
    if (kept) return kept.postings;
    const [docs, columns] = this.#postings.get(term) as [string | null, string | null];
    const postings = countPostings(docs, columns);
    const size = columns?.length ?? 0;
    if (size === 0) this.#absent?.set(term, true);
    else this.#kept?.set(term, { postings, size });
    return postings;
  }
}

/**
 * Occurrences of postings kept between searches: up to about 32 bytes each (an exact column's
 * occurrence counts in two fields' typed arrays, and its item in the term's list of items).
 */
const POSTINGS_KEPT = 2_000_000;

/**
 * Characters of terms remembered as occurring nowhere, until the index changes: some 10,000 words,
 * about 1 MB in all.
 */
const ABSENT_KEPT = 100_000;

/** The postings of a term remembered as occurring nowhere: shared, read only. */
const NOWHERE: Postings = Object.freeze({ fields: new Map(), items: Object.freeze([]) });

/**
 * What an occurrence of a prefix's terms costs a search against one it reads to score: FTS5
 * merges them in C (50-110 ns each at 100k items, 280 with many short terms) where reading one
 * costs about 600 ns (docs/benchmarks.md); a quarter, to be safe.
 */
const PREFIX_SHARE = 1 / 4;

/**
 * A term's postings from its occurrences as fts5vocab lists them (`docs`: their rowids joined by
 * commas; `columns`: a column code a character), counted per field: a parts field has its exact
 * field's occurrences too (its column stores only the parts). fts5vocab lists by rowid, then
 * column, so each field's counts are runs read in one pass over the text (a common word has
 * millions of occurrences); occurrences in any other order are put in that order first.
 */
export function countPostings(docs: string | null, columns: string | null): Postings {
  if (docs === null || columns === null) return { fields: new Map(), items: [] };
  const counted = countedInOrder(docs, columns) ?? countedInOrder(...sortedByRowid(docs, columns));
  if (counted === null)
    throw new Error(`fts5vocab listed a rowid that is not a positive integer: ${docs.slice(0, 80)}`);
  return counted;
}

/** A field's postings as they are read, in rowid order. */
interface Runs {
  readonly docs: number[];
  readonly freqs: number[];
}

/**
 * The postings of occurrences listed by rowid, without making a string or map per occurrence;
 * null when they are not listed so (or a rowid is not a positive integer).
 */
function countedInOrder(docs: string, columns: string): Postings | null {
  const runs: (Runs | undefined)[] = FTS_COLUMNS.map(() => undefined);
  // Fields in the order their first occurrence comes: scores add the fields in this order.
  const seen: number[] = [];
  const items: number[] = [];
  let doc = 0;
  let occurrence = 0;
  for (let at = 0; at <= docs.length; at++) {
    const code = at < docs.length ? docs.charCodeAt(at) : COMMA;
    if (code !== COMMA) {
      if (code < DIGIT_0 || code > DIGIT_0 + 9) return null;
      doc = doc * 10 + (code - DIGIT_0);
      continue;
    }
    const last = items.at(-1);
    if (last === undefined || doc > last) items.push(doc);
    else if (doc < last) return null;
    for (const field of FIELDS_WITH[columns.charCodeAt(occurrence) - DIGIT_0] ?? []) {
      let run = runs[field];
      if (run === undefined) {
        run = { docs: [], freqs: [] };
        runs[field] = run;
        seen.push(field);
      }
      const end = run.docs.length - 1;
      if (run.docs[end] === doc) run.freqs[end] = (run.freqs[end] as number) + 1;
      else {
        run.docs.push(doc);
        run.freqs.push(1);
      }
    }
    occurrence++;
    doc = 0;
  }
  const fields = new Map<FtsColumn, FieldPostings>();
  for (const field of seen) {
    const { docs: rowids, freqs } = runs[field] as Runs;
    fields.set(FTS_COLUMNS[field] as FtsColumn, {
      docs: Float64Array.from(rowids),
      freqs: Uint32Array.from(freqs),
    });
  }
  return { fields, items };
}

const COMMA = ','.charCodeAt(0);
const DIGIT_0 = '0'.charCodeAt(0);

/** Occurrences in rowid order, each item's in the order they came: as fts5vocab lists them. */
function sortedByRowid(docs: string, columns: string): [string, string] {
  const rowids = docs.split(',').map(Number);
  const order = rowids.map((_, i) => i).sort((a, b) => (rowids[a] as number) - (rowids[b] as number));
  return [order.map((i) => rowids[i]).join(','), order.map((i) => columns[i]).join('')];
}

/** How often a field's postings have the item (0: not at all), by binary search. */
function frequencyIn({ docs, freqs }: FieldPostings, rowid: number): number {
  let low = 0;
  let high = docs.length - 1;
  while (low <= high) {
    const middle = (low + high) >>> 1;
    const doc = docs[middle] as number;
    if (doc === rowid) return freqs[middle] as number;
    if (doc < rowid) low = middle + 1;
    else high = middle - 1;
  }
  return 0;
}

/** The places of items in rowid order. */
function byRowid(items: readonly Scorable[]): number[] {
  const order = items.map((_, i) => i);
  const ascending = items.every((item, i) => i === 0 || (items[i - 1] as Scorable).rowid < item.rowid);
  return ascending
    ? order
    : order.sort((a, b) => (items[a] as Scorable).rowid - (items[b] as Scorable).rowid);
}

/** The fields a column's terms count in: an exact column's in its own and its parts field; a parts column's in its own. */
const FIELDS_WITH: readonly number[][] = FTS_COLUMNS.map((_, column) =>
  EXACT_OF[column] === column
    ? FTS_COLUMNS.flatMap((__, field) => (EXACT_OF[field] === column ? [field] : []))
    : [column],
);
