import { documentIdOfBytes } from '#domain/document.ts';
import type { MeetingDocument } from '#domain/meeting.ts';
import { ExtractionError } from '#extract/errors.ts';
import { toIndexedItems } from '#search/indexed-item.ts';
import { ClaimLostError } from '#storage/errors.ts';
import type { ProcessingOutcome } from '#storage/registry.ts';
import type { IngestDeps } from './deps.ts';
import { parseQuality } from './quality.ts';
import { releaseDocument } from './release.ts';
import { forgetKey } from './remove-object.ts';
import { EXTRACTOR_VERSION } from './version.ts';

/** What became of one object, for the caller's report and metrics. */
export type IngestOutcome =
  | {
      readonly status: 'indexed';
      readonly documentId: string;
      readonly key: string;
      readonly pages: number;
      readonly items: number;
    }
  /** These bytes were already processed by this extractor version; the key now points at them. */
  | { readonly status: 'duplicate'; readonly documentId: string; readonly key: string }
  | {
      readonly status: 'failed' | 'needs-ocr';
      readonly documentId: string;
      readonly key: string;
      readonly reason: string;
    }
  /** No object at the key any more (deleted before its notification was handled). */
  | { readonly status: 'missing'; readonly documentId: null; readonly key: string };

type Refusal = Extract<ProcessingOutcome, { status: 'failed' | 'needs-ocr' }>;
/** A run's result: the registry's outcome, and for the caller how many items went into the index. */
type Processed = { readonly outcome: ProcessingOutcome; readonly items: number };

/**
 * Reads the object at `key` into the registry and the search index. Refused files (not a PDF,
 * encrypted, corrupt, scanned, too large) end recorded with their reason. Any other error (S3,
 * DynamoDB, the search engine) propagates so the queue delivers the notification again: the
 * record stays `processing`, and the next delivery claims it again.
 */
export async function ingestObject(deps: IngestDeps, key: string): Promise<IngestOutcome> {
  const object = await deps.blobs.get(key, { maxBytes: deps.limits.maxBytes });
  if (object === null) return { status: 'missing', documentId: null, key };
  if (object.bytes === null) {
    // Refused without downloading it, so without its content hash. The id only has to be the same
    // for every delivery of this upload: the key and size name it; the prefix keeps it apart from
    // content hashes. A later, smaller version at the key gets its own content id and replaces it.
    const { size, etag } = object;
    const id = documentIdOfBytes(`too-large:${key}:${size}`);
    return ingestClaimed(deps, { id, key, size, etag }, async () =>
      refused(new ExtractionError('too-large', `${size} bytes exceeds the limit of ${deps.limits.maxBytes}`)),
    );
  }
  const id = documentIdOfBytes(object.bytes);
  return ingestClaimed(deps, { id, key, size: object.bytes.length, etag: object.etag }, () =>
    extractAndIndex(deps, id, key, object.bytes),
  );
}

/**
 * Records the document, runs `run` if the registry hands it out, and points the key at it, with
 * the ETag of the object read (the API links a key only while it still holds these bytes).
 */
async function ingestClaimed(
  deps: IngestDeps,
  doc: { readonly id: string; readonly key: string; readonly size: number; readonly etag: string | null },
  run: () => Promise<Processed>,
): Promise<IngestOutcome> {
  const at = deps.now().toISOString();
  await deps.registry.receive({ ...doc, at });
  const claimed = await deps.registry.claim(doc.id, EXTRACTOR_VERSION, at, { force: deps.force === true });
  let outcome: IngestOutcome = { status: 'duplicate', documentId: doc.id, key: doc.key };
  if (claimed !== null) {
    const processed = await run();
    try {
      await deps.registry.complete(doc.id, processed.outcome, deps.now().toISOString());
      outcome = toIngestOutcome(doc, processed);
    } catch (error) {
      if (!(error instanceof ClaimLostError)) throw error;
      if (await removedMeanwhile(deps, doc.id)) return { status: 'missing', documentId: null, key: doc.key };
    }
  }
  await pointKeyAt(deps, doc.key, doc.id, doc.etag);
  // Deleted while it was read, its removal handled before the key pointed here: undo as it would have.
  if ((await deps.blobs.head(doc.key)) === null) {
    await forgetKey(deps, doc.key);
    return { status: 'missing', documentId: null, key: doc.key };
  }
  return outcome;
}

async function extractAndIndex(
  deps: IngestDeps,
  id: string,
  key: string,
  bytes: Uint8Array,
): Promise<Processed> {
  let doc: MeetingDocument;
  try {
    doc = await deps.extractor.extract(bytes, key);
  } catch (error) {
    if (error instanceof ExtractionError) return refused(error);
    throw error;
  }
  const items = toIndexedItems(doc, { documentId: id, key });
  await deps.index.replaceDocument(id, items);
  const { body, municipality, date, kind } = doc.meeting;
  return {
    items: items.length,
    outcome: {
      status: 'indexed',
      pages: doc.source.pages,
      quality: parseQuality(doc),
      meeting: { body, municipality, date, kind },
      extractorVersion: EXTRACTOR_VERSION,
    },
  };
}

function refused(error: ExtractionError): Processed {
  const outcome: Refusal = {
    status: error.kind === 'needs-ocr' ? 'needs-ocr' : 'failed',
    reason: `${error.kind}: ${error.message}`,
    pages: null,
    extractorVersion: EXTRACTOR_VERSION,
  };
  return { outcome, items: 0 };
}

/**
 * Another run recorded its outcome first (the same bytes, the same items: nothing to undo), or the
 * object was removed while this run read it: then the items it just indexed are taken out again.
 */
async function removedMeanwhile(deps: IngestDeps, id: string): Promise<boolean> {
  if ((await deps.registry.get(id))?.status !== 'removed') return false;
  await deps.index.deleteDocument(id);
  deps.log?.info('the object was removed while it was read; its items are taken out again', {
    documentId: id,
  });
  return true;
}

/** A new version at a key replaces the old: the old document leaves the index unless another key holds it. */
async function pointKeyAt(deps: IngestDeps, key: string, id: string, etag: string | null): Promise<void> {
  const previous = await deps.registry.setKey(key, id, etag);
  if (previous === null || previous === id) return;
  const released = await releaseDocument(deps, previous, key);
  deps.log?.info('a new version replaced a document at its key', { key, documentId: id, previous, released });
}

function toIngestOutcome(
  doc: { readonly id: string; readonly key: string },
  processed: Processed,
): IngestOutcome {
  const { outcome } = processed;
  if (outcome.status === 'indexed') {
    return {
      status: 'indexed',
      documentId: doc.id,
      key: doc.key,
      pages: outcome.pages,
      items: processed.items,
    };
  }
  return { status: outcome.status, documentId: doc.id, key: doc.key, reason: outcome.reason };
}
