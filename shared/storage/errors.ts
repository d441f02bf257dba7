/** A storage call (S3 or DynamoDB) failed for a reason other than "not found" or a lost condition. */
export class StorageError extends Error {
  override readonly name = 'StorageError';
  /** Which adapter call failed, e.g. 'blob.get' or 'registry.claim'. */
  readonly operation: string;

  constructor(operation: string, message: string, options?: { cause?: unknown }) {
    super(`${operation}: ${message}`, options);
    this.operation = operation;
  }
}

/** A list cursor that this registry did not hand out (or that was altered): the API answers 400. */
export class InvalidCursorError extends Error {
  override readonly name = 'InvalidCursorError';
}

/**
 * `complete` found the document no longer `processing`: another run completed it first, or it
 * was removed meanwhile. The record is left as it is; the run's outcome is stale.
 */
export class ClaimLostError extends Error {
  override readonly name = 'ClaimLostError';
  readonly documentId: string;

  constructor(documentId: string, options?: { cause?: unknown }) {
    super(`document ${documentId} is no longer processing; its outcome was not recorded`, options);
    this.documentId = documentId;
  }
}

/** Runs one storage call, wrapping any unexpected failure in a StorageError that names the operation. */
export async function storageCall<T>(operation: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (
      error instanceof StorageError ||
      error instanceof InvalidCursorError ||
      error instanceof ClaimLostError
    ) {
      throw error;
    }
    throw new StorageError(operation, error instanceof Error ? error.message : String(error), {
      cause: error,
    });
  }
}
