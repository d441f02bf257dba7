import type Database from 'better-sqlite3';
import type { MatchTier } from '#domain/search.ts';
import { analyze } from '#language/analyze.ts';
import { FIELD_WEIGHTS, QUERY_PART_WEIGHT } from '../fields.ts';
import { EXACT_FIELDS, type ExactField, PROXIMITY_WEIGHT, type SearchPlan, SYNONYM_WEIGHT } from '../plan.ts';
import { type FieldScorer, type FieldStatistics, fieldScorer } from './lucene-bm25.ts';
import { FTS_COLUMNS, type FtsColumn, LENGTH_FIELDS } from './schema.ts';

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
 * The query's words as a phrase (SearchPlan.proximity): its stems, and how often each item that
 * has it has it in each exact field.
 */
export interface ScoredPhrase {
  readonly stems: readonly string[];
  readonly counts: ReadonlyMap<number, Readonly<Record<ExactField, number>>>;
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

/** A term's postings: per column, the items it occurs in and how often. */
type Postings = Map<FtsColumn, Map<number, number>>;

/** Postings read during one search, by term: its tiers score the same words, read once. */
export type PostingsCache = Map<string, Postings>;

/** The value of a map at a key, made and kept there the first time. */
function cached<K, V>(map: Map<K, V>, key: K, make: () => V): V {
  const found = map.get(key);
  if (found !== undefined) return found;
  const made = make();
  map.set(key, made);
  return made;
}

/**
 * Scores items as OpenSearch scores the query: per term and field, BM25 with the field's
 * statistics (lucene-bm25.ts), summed over the clauses whose terms the item has enough of. Term
 * frequencies come from FTS5's own index (fts5vocab).
 */
export class ItemScorer {
  readonly #postings: Database.Statement;

  constructor(db: Database.Database) {
    this.#postings = db.prepare('SELECT doc, col FROM items_vocab WHERE term = ?').raw();
  }

  /**
   * The score of each item, by rowid; `postings` keeps what was read for the search's next call.
   * A phrase scores as OpenSearch's `match_phrase` per exact field, at PROXIMITY_WEIGHT.
   */
  scores(
    statistics: Record<FtsColumn, FieldStatistics>,
    clauses: readonly ScoredClause[],
    items: readonly Scorable[],
    postings: PostingsCache = new Map(),
    phrase: ScoredPhrase | null = null,
  ): Map<number, number> {
    const lengths = new Map(items.map((item) => [item.rowid, item.lengths]));
    const scorers = new Map<FtsColumn, FieldScorer>();
    /** A term's score in each item to score that has it (in any field). */
    const termScores = ({ term, boost }: ScoredTerm) => {
      const scores = new Map<number, number>();
      for (const [col, docs] of cached(postings, term, () => this.#postingsOf(term))) {
        const field = cached(scorers, col, () => fieldScorer(statistics[col]));
        const weight = field.weight(Math.fround(FIELD_WEIGHTS[col]) * boost, docs.size);
        const lengthAt = LENGTH_AT[FTS_COLUMNS.indexOf(col)] as number;
        for (const [doc, freq] of docs) {
          const length = lengths.get(doc)?.[lengthAt];
          if (length === undefined) continue;
          scores.set(doc, (scores.get(doc) ?? 0) + field.score(weight, freq, length));
        }
      }
      return scores;
    };
    const sums = new Map(items.map((item) => [item.rowid, 0]));
    for (const clause of clauses) {
      const matched = new Map<number, { terms: number; score: number }>();
      for (const term of clause.terms) {
        for (const [doc, score] of termScores(term)) {
          const sum = matched.get(doc) ?? { terms: 0, score: 0 };
          matched.set(doc, { terms: sum.terms + 1, score: sum.score + score });
        }
      }
      for (const [doc, { terms, score }] of matched) {
        if (terms >= clause.minimumMatch) sums.set(doc, (sums.get(doc) ?? 0) + score);
      }
    }
    if (phrase) {
      for (const col of EXACT_FIELDS) {
        const docFreqs = phrase.stems.map(
          (stem) => cached(postings, stem, () => this.#postingsOf(stem)).get(col)?.size ?? 0,
        );
        if (docFreqs.includes(0)) continue;
        const field = cached(scorers, col, () => fieldScorer(statistics[col]));
        const weight = field.phraseWeight(Math.fround(PROXIMITY_WEIGHT * FIELD_WEIGHTS[col]), docFreqs);
        const lengthAt = LENGTH_AT[FTS_COLUMNS.indexOf(col)] as number;
        for (const [doc, counts] of phrase.counts) {
          const length = lengths.get(doc)?.[lengthAt];
          if (counts[col] === 0 || length === undefined) continue;
          sums.set(doc, (sums.get(doc) ?? 0) + field.score(weight, counts[col], length));
        }
      }
    }
    // Lucene sums a query's clauses in double and returns a float.
    for (const [doc, sum] of sums) sums.set(doc, Math.fround(sum));
    return sums;
  }

  /** Where a term occurs: one row per occurrence, counted per column and item. */
  #postingsOf(term: string): Postings {
    const byColumn: Postings = new Map();
    for (const [doc, col] of this.#postings.all(term) as [number, FtsColumn][]) {
      const docs = cached(byColumn, col, () => new Map<number, number>());
      docs.set(doc, (docs.get(doc) ?? 0) + 1);
    }
    return byColumn;
  }
}
