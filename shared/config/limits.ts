/**
 * Limits on what one document may cost to read. Exceeding one refuses the file: too-large for
 * bytes, pages and memory, timeout for time. Time and memory are enforced from outside the
 * reading (shared/ingest/isolated-extractor.ts), so a document that never yields is still stopped.
 */
export interface ExtractLimits {
  readonly maxBytes: number;
  readonly maxPages: number;
  readonly timeoutMs: number;
  /** Memory the reading of one document may take, heap and buffers together. */
  readonly maxMemoryMb: number;
}

export const defaultLimits: ExtractLimits = {
  maxBytes: 50 * 1024 * 1024,
  maxPages: 1000,
  timeoutMs: 120_000,
  maxMemoryMb: 1024,
};

/**
 * The most occurrences of its terms one search of the embedded engine reads, by default
 * (SEARCH_BUDGET; more, and it is refused: shared/search/errors.ts). Reading
 * them costs about 0.6 µs each on a laptop's core (docs/benchmarks.md), so a search waits at most
 * about 2.5 s for them; any one word of a 100k-item archive stays well within it.
 */
export const SEARCH_BUDGET = 4_000_000;

/**
 * The most matches the embedded engine keeps from recent searches for their next pages, another
 * sort and repeats, until the index changes: about 180 bytes each, 18 MB of heap in all (measured
 * at 100,000 items).
 */
export const SEARCH_CACHE_MATCHES = 100_000;
