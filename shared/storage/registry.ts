import type { DocumentRecord, DocumentStatus, MeetingSummary, ParseQuality } from '#domain/document.ts';

/** The outcome of processing a document, as the registry records it. */
export type ProcessingOutcome =
  | {
      readonly status: 'indexed';
      readonly pages: number;
      readonly quality: ParseQuality;
      readonly meeting: MeetingSummary;
      readonly extractorVersion: string;
    }
  | {
      readonly status: 'failed' | 'needs-ocr';
      readonly reason: string;
      readonly pages: number | null;
      readonly extractorVersion: string;
    };

/** What a key holds, as the ingest recorded it. */
export interface KeyRecord {
  readonly documentId: string;
  /** The ETag of the object the document was read from; null when recorded before ETags were. */
  readonly etag: string | null;
}

export interface MeetingFilter {
  readonly body?: string;
  readonly municipality?: string;
  readonly from?: string;
  readonly to?: string;
}

export interface Page<T> {
  readonly records: readonly T[];
  /** Opaque; pass it back for the next page. Null on the last page. */
  readonly cursor: string | null;
}

/**
 * The registry of documents (DynamoDB in AWS and locally through dynalite). Every write that
 * changes a document's status is conditional, so concurrent or repeated deliveries of the
 * same event end in one record, never two.
 */
export interface DocumentRegistry {
  /** Records a document as received; 'exists' when its id is already recorded (the key is then updated). */
  receive(doc: {
    readonly id: string;
    readonly key: string;
    readonly size: number;
    readonly at: string;
  }): Promise<'created' | 'exists'>;
  get(id: string): Promise<DocumentRecord | null>;
  /**
   * Claims the document for processing: status `processing`, attempts + 1. Returns null when
   * it needs no processing: already indexed, failed or needs-ocr by this extractor version.
   * A record left in `processing` by a crashed run is claimed again. `force` claims any recorded
   * document (a reindex reads everything again).
   */
  claim(
    id: string,
    extractorVersion: string,
    at: string,
    options?: { readonly force?: boolean },
  ): Promise<DocumentRecord | null>;
  /** Records the outcome of a claimed run. */
  complete(id: string, outcome: ProcessingOutcome, at: string): Promise<void>;
  /** Marks a document removed (its object was deleted). */
  markRemoved(id: string, at: string): Promise<void>;
  /**
   * Points the key at a document, read from the object with this ETag (so a reader can tell
   * whether the key still holds those bytes); returns the id the key pointed at before, if another.
   */
  setKey(key: string, id: string, etag?: string | null): Promise<string | null>;
  /** The document at a key, or null. */
  documentAt(key: string): Promise<string | null>;
  /** The document at a key with the ETag of the object it was read from, or null. */
  keyRecord(key: string): Promise<KeyRecord | null>;
  /** Forgets the key; returns the id it pointed at, or null. */
  removeKey(key: string): Promise<string | null>;
  /** The keys pointing at a document (a document uploaded twice under two names has two). */
  keysOf(id: string): Promise<string[]>;
  /** Documents, newest change first, optionally of one status. */
  list(options: {
    readonly status?: DocumentStatus;
    readonly limit: number;
    readonly cursor?: string;
  }): Promise<Page<DocumentRecord>>;
  /**
   * Documents whose record changed at or after `since` (an ISO time), oldest change first: what a
   * mirror reads to follow the index (indexed, indexed again, removed).
   */
  changedSince(options: {
    readonly since: string;
    readonly limit: number;
    readonly cursor?: string;
  }): Promise<Page<DocumentRecord>>;
  /** Indexed documents as meetings, newest meeting first, filtered. */
  meetings(
    filter: MeetingFilter & { readonly limit: number; readonly cursor?: string },
  ): Promise<Page<DocumentRecord>>;
}

/** Every document in the registry, page by page, newest change first. */
export async function* allDocuments(registry: Pick<DocumentRegistry, 'list'>): AsyncIterable<DocumentRecord> {
  let cursor: string | undefined;
  do {
    const page = await registry.list({ limit: 100, ...(cursor === undefined ? {} : { cursor }) });
    yield* page.records;
    cursor = page.cursor ?? undefined;
  } while (cursor !== undefined);
}
