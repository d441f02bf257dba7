import type { DocumentRecord, DocumentStatus } from '#domain/document.ts';
import { SearchQuery } from '#domain/search.ts';
import { allDocuments } from '#storage/registry.ts';
import type { IngestDeps } from './deps.ts';
import type { S3Change } from './events.ts';
import { EXTRACTOR_VERSION } from './version.ts';

/** Statuses a run leaves behind when it ends; `received` and `processing` mean it was cut short. */
const SETTLED: ReadonlySet<DocumentStatus> = new Set(['indexed', 'failed', 'needs-ocr']);

/**
 * The changes that bring the registry and the index in line with the bucket after a stop that cut
 * work short (a crash, Ctrl-C during an ingest, notifications lost while nothing listened): every
 * object whose key the registry does not point at its current bytes, read to the end by this
 * extractor version, is to be ingested (never read, left `received` or `processing`, replaced
 * meanwhile, read by an older extractor); every key the registry knows whose object is gone is to
 * be removed. Ingest and removal are idempotent, so reconciling what needs nothing does no harm.
 */
export async function changesToReconcile(deps: Pick<IngestDeps, 'blobs' | 'registry'>): Promise<S3Change[]> {
  const changes: S3Change[] = [];
  for await (const key of deps.blobs.list()) {
    const [head, known] = await Promise.all([deps.blobs.head(key), deps.registry.keyRecord(key)]);
    if (head === null) continue;
    const record = known === null ? null : await deps.registry.get(known.documentId);
    const sameBytes = known !== null && (known.etag === null || known.etag === head.etag);
    if (!(sameBytes && record !== null && isSettled(record)))
      changes.push({ kind: 'created', key, size: head.size });
  }
  for await (const record of allDocuments(deps.registry)) {
    if (record.status === 'removed') continue;
    for (const key of await deps.registry.keysOf(record.id)) {
      if ((await deps.blobs.head(key)) === null) changes.push({ kind: 'removed', key });
    }
  }
  return changes;
}

/**
 * A key of every indexed document when the search index holds no items at all: the registry says
 * what was indexed, but into an index since emptied or of another engine (a start on OpenSearch
 * on a data folder SQLite served, a node with a new data folder). They are to be read again,
 * whatever the registry says this extractor did: the document's own key while its object is
 * there, else another key of it whose object is (none: the document is left to reconciling).
 */
export async function keysToReread(
  deps: Pick<IngestDeps, 'blobs' | 'registry' | 'index'>,
): Promise<string[]> {
  const { total } = await deps.index.search(SearchQuery.parse({ q: '', size: 1 }));
  if (total > 0) return [];
  const keys: string[] = [];
  for await (const record of allDocuments(deps.registry)) {
    if (record.status !== 'indexed') continue;
    const candidates = [record.key, ...(await deps.registry.keysOf(record.id))];
    for (const key of new Set(candidates)) {
      if ((await deps.blobs.head(key)) === null) continue;
      keys.push(key);
      break;
    }
  }
  return keys;
}

function isSettled(record: DocumentRecord): boolean {
  return SETTLED.has(record.status) && record.extractorVersion === EXTRACTOR_VERSION;
}
