/** A term of the query and how often it occurs in the index (in every field). */
export interface TermOccurrences {
  readonly term: string;
  readonly occurrences: number;
}

/**
 * A search would do more work than the engine allows one search: read more occurrences of its
 * terms (its words are too many and too common), or read the text of more items to check its
 * phrases' places. Refused when the count passes the budget, before that work is done, so that
 * no query holds the engine for seconds. The caller's to change: the API answers 400.
 */
export class SearchTooBroadError extends Error {
  override readonly name = 'SearchTooBroadError';
  /** The most occurrences' worth of work one search may do. */
  readonly budget: number;
  /** The terms counted until the budget was passed, the most common first. */
  readonly terms: readonly TermOccurrences[];
  /** The items' text counted to be read for phrases, in occurrences' worth (0: none). */
  readonly checks: number;

  constructor(budget: number, terms: readonly TermOccurrences[], checks = 0) {
    const sorted = [...terms].sort((a, b) => b.occurrences - a.occurrences);
    const named = sorted
      .slice(0, 5)
      .map(({ term, occurrences }) => `${term} (${occurrences})`)
      .join(', ');
    const words = `its words occur ${sorted.reduce((sum, t) => sum + t.occurrences, 0)} times in the index (${named})`;
    const text = checks > 0 ? ` and its phrases' places need ${checks} more of items' text read` : '';
    super(
      `The search is too broad: ${words}${text}, more than the ${budget} one search may read; use fewer or rarer words`,
    );
    this.budget = budget;
    this.terms = sorted;
    this.checks = checks;
  }
}

/** A write asked of an index that is closed, or was closed before the write's turn came: not written. */
export class IndexClosedError extends Error {
  override readonly name = 'IndexClosedError';

  constructor() {
    super('The search index is closed: the write was not made');
  }
}
