import type { ExtractLimits } from '#config/limits.ts';
import type { SearchIndex } from '#search/port.ts';
import type { BlobStore } from '#storage/blob-store.ts';
import type { DocumentRegistry } from '#storage/registry.ts';
import type { MeetingExtractor } from './isolated-extractor.ts';

/** Where the use cases write what is worth a log line. Powertools' Logger fits it. */
export interface IngestLog {
  info(message: string, attributes: Record<string, unknown>): void;
  warn(message: string, attributes: Record<string, unknown>): void;
}

/** The ports the ingest use cases run on; each composition root (Lambda, local server, CLI) fills them. */
export interface IngestDeps {
  readonly blobs: BlobStore;
  readonly registry: DocumentRegistry;
  readonly index: SearchIndex;
  readonly limits: ExtractLimits;
  /** Reads a document's bytes into the Meeting document, isolated from the caller. */
  readonly extractor: MeetingExtractor;
  readonly now: () => Date;
  readonly log?: IngestLog;
  /** Read documents again even when this extractor version already did (reindex). */
  readonly force?: boolean;
}
