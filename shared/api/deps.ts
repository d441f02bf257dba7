import type { WriteAuth } from '#config/auth.ts';
import type { SearchIndex } from '#search/port.ts';
import type { BlobStore } from '#storage/blob-store.ts';
import type { DocumentRegistry } from '#storage/registry.ts';

/** What the API logs: a failure it answers with a 5xx. Powertools' Logger and `console` both fit. */
export interface ApiLogger {
  warn(message: string, ...extra: unknown[]): void;
  error(message: string, ...extra: unknown[]): void;
}

/** The ports and settings the API is built from, by a composition root (Lambda, local server, tests). */
export interface ApiDeps {
  readonly index: SearchIndex;
  readonly registry: DocumentRegistry;
  readonly blobs: BlobStore;
  /** The largest upload the API hands out a presigned URL for. */
  readonly uploadMaxBytes: number;
  /** How long presigned links (PDF downloads, uploads) stay valid. */
  readonly linkTtlSeconds: number;
  readonly now: () => Date;
  readonly log?: ApiLogger;
  /**
   * What writing needs where the API is deployed (API Gateway enforces it); the page asks.
   * @default - nothing: anyone may write, as locally
   */
  readonly auth?: WriteAuth;
  /**
   * Where GET /export streams from when this runtime cannot (API Gateway buffers): /export
   * answers a 307 redirect there.
   * @default - /export streams itself, as locally
   */
  readonly exportStreamUrl?: string | null;
}
