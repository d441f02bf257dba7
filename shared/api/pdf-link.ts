import { documentIdOfBytes } from '#domain/document.ts';
import type { ApiDeps } from './deps.ts';
import type { PdfLink } from './schemas.ts';

export type LinkDeps = Pick<ApiDeps, 'blobs' | 'registry' | 'linkTtlSeconds' | 'now'>;

/** A view with a link to its PDF, or why there is none: no such thing, or its PDF left the bucket. */
export type Linked<T> =
  | { readonly found: true; readonly view: T }
  | { readonly found: false; readonly reason: 'unknown' | 'file-gone' };

/**
 * A presigned GET of the document's PDF; `#page=N` makes PDF viewers open at the cited page.
 * Null when no key holds the document's bytes any more.
 */
export async function pdfLink(
  deps: LinkDeps,
  documentId: string,
  key: string,
  page: number | null,
): Promise<PdfLink | null> {
  const held = await keyHolding(deps, documentId, key);
  if (held === null) return null;
  const expiresAt = new Date(deps.now().getTime() + deps.linkTtlSeconds * 1000).toISOString();
  const url = await deps.blobs.presignGet(held, { expiresIn: deps.linkTtlSeconds });
  return { url: page === null ? url : `${url}#page=${page}`, page, expiresAt };
}

/**
 * `key` (where the document was last seen) if it still holds the document's bytes, else another
 * of its keys that does. Keys are reused: another file put at the key replaces the document there
 * before its ingest catches up, or for good while the document lives on under another name.
 */
async function keyHolding(deps: LinkDeps, documentId: string, key: string): Promise<string | null> {
  if (await holds(deps, key, documentId)) return key;
  for (const other of await deps.registry.keysOf(documentId)) {
    if (other !== key && (await holds(deps, other, documentId))) return other;
  }
  return null;
}

/** Whether the object at the key is the document: the ETag the ingest read it with, or its bytes. */
async function holds(deps: LinkDeps, key: string, documentId: string): Promise<boolean> {
  const recorded = await deps.registry.keyRecord(key);
  if (recorded?.documentId !== documentId) return false;
  if (recorded.etag !== null) return (await deps.blobs.head(key))?.etag === recorded.etag;
  // Recorded before ETags were: only the bytes can tell.
  const object = await deps.blobs.get(key);
  return object !== null && documentIdOfBytes(object.bytes) === documentId;
}
