/** Limits on what one document may cost to read. Exceeding one refuses the file as too-large. */
export interface ExtractLimits {
  readonly maxBytes: number;
  readonly maxPages: number;
  readonly timeoutMs: number;
}

export const defaultLimits: ExtractLimits = {
  maxBytes: 50 * 1024 * 1024,
  maxPages: 1000,
  timeoutMs: 120_000,
};
