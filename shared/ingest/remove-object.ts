import type { IngestDeps } from './deps.ts';
import { releaseDocument } from './release.ts';

export type RemoveOutcome =
  /** The key held the document's last copy: its items left the index, its record is marked removed. */
  | { readonly status: 'removed'; readonly documentId: string; readonly key: string }
  /** Another key still holds the same bytes: the document stays searchable. */
  | { readonly status: 'kept'; readonly documentId: string; readonly key: string }
  /** The registry knew no document at the key (never ingested, or already removed). */
  | { readonly status: 'unknown'; readonly documentId: null; readonly key: string }
  /** The bucket holds an object at the key again: the removal is older than an upload, nothing to do. */
  | { readonly status: 'stale'; readonly documentId: null; readonly key: string };

/**
 * An object was deleted from the bucket. Notifications can arrive out of order (a standard queue
 * does not keep order), so a removal of a key that holds an object again is ignored: the upload's
 * own notification indexes whatever the key holds now.
 */
export async function removeObject(
  deps: Pick<IngestDeps, 'blobs' | 'registry' | 'index' | 'now' | 'log'>,
  key: string,
): Promise<RemoveOutcome> {
  if ((await deps.blobs.head(key)) !== null) return { status: 'stale', documentId: null, key };
  return forgetKey(deps, key);
}

/** The key holds nothing any more: it is forgotten, and its document released (releaseDocument). */
export async function forgetKey(
  deps: Pick<IngestDeps, 'registry' | 'index' | 'now'>,
  key: string,
): Promise<Exclude<RemoveOutcome, { status: 'stale' }>> {
  const documentId = await deps.registry.removeKey(key);
  if (documentId === null) return { status: 'unknown', documentId: null, key };
  const status = await releaseDocument(deps, documentId, key);
  return { status, documentId, key };
}
