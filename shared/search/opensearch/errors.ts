/** The search engine failed (unreachable, rejected a request, answered what we cannot read). */
export class SearchEngineError extends Error {
  override readonly name: string = 'SearchEngineError';
}

export interface BulkFailure {
  readonly id: string;
  readonly status: number;
  readonly type: string;
  readonly reason: string;
}

/** Some items of a bulk request were not indexed; the others were. */
export class BulkIndexError extends SearchEngineError {
  override readonly name: string = 'BulkIndexError';
  readonly failures: readonly BulkFailure[];

  constructor(failures: readonly BulkFailure[]) {
    const named = failures.map((f) => `${f.id} (${f.status} ${f.type}: ${f.reason})`).join('; ');
    super(`OpenSearch did not index ${failures.length} item(s): ${named}`);
    this.failures = failures;
  }
}

/** Runs one call to the engine; whatever it throws becomes a SearchEngineError naming the call. */
export async function callEngine<T>(operation: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new SearchEngineError(`OpenSearch ${operation} failed: ${reason}`, { cause: error });
  }
}
