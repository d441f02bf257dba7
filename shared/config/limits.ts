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
