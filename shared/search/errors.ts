/** A term of the query and how often it occurs in the index (in every field). */
export interface TermOccurrences {
  readonly term: string;
  readonly occurrences: number;
}

/**
 * A search would read more occurrences of its terms than the engine allows one search (its words
 * are too many and too common): refused before it reads them, so that no query holds the engine
 * for seconds. The caller's to change: the API answers 400.
 */
export class SearchTooBroadError extends Error {
  override readonly name = 'SearchTooBroadError';
  /** The most occurrences one search may read. */
  readonly budget: number;
  /** The terms counted until the budget was passed, the most common first. */
  readonly terms: readonly TermOccurrences[];

  constructor(budget: number, terms: readonly TermOccurrences[]) {
    const sorted = [...terms].sort((a, b) => b.occurrences - a.occurrences);
    const named = sorted
      .slice(0, 5)
      .map(({ term, occurrences }) => `${term} (${occurrences})`)
      .join(', ');
    super(
      `The search is too broad: its words occur more than ${budget} times in the index (${named}); use fewer or rarer words`,
    );
    this.budget = budget;
    this.terms = sorted;
  }
}
