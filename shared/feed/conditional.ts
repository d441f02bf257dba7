import { createHash } from 'node:crypto';
import type { DocumentRegistry } from '#storage/registry.ts';

/** Bumped when the feed's form changes, so that a reader's stored ETag no longer matches. */
const FEED_FORM = '1';

/**
 * A feed's validator, made before the feed is: the same URL over an unchanged index is the same
 * feed, so a poll that finds nothing new costs one registry read, not a search.
 */
export function feedEtag(url: string, indexChangedAt: Date): string {
  const hash = createHash('sha256').update(`${FEED_FORM}\n${url}\n${indexChangedAt.toISOString()}`);
  return `"${hash.digest('base64url').slice(0, 27)}"`;
}

/**
 * Whether the reader's copy is current (RFC 9110, 13.1.1-13.1.3): If-None-Match when sent
 * (weak comparison, any of a list, or *), else If-Modified-Since to the second.
 */
export function notModified(
  request: { readonly ifNoneMatch?: string | undefined; readonly ifModifiedSince?: string | undefined },
  etag: string,
  lastModified: Date,
): boolean {
  if (request.ifNoneMatch !== undefined) {
    const opaque = (tag: string) => tag.trim().replace(/^W\//, '');
    return request.ifNoneMatch.split(',').some((tag) => tag.trim() === '*' || opaque(tag) === opaque(etag));
  }
  if (request.ifModifiedSince === undefined) return false;
  const since = Date.parse(request.ifModifiedSince);
  return !Number.isNaN(since) && Math.floor(lastModified.getTime() / 1000) * 1000 <= since;
}

/**
 * When the index last changed, as the registry records every document's last change (indexed,
 * removed, read again); the epoch for an empty registry.
 */
export async function indexChangedAt(registry: Pick<DocumentRegistry, 'list'>): Promise<Date> {
  const [newest] = (await registry.list({ limit: 1 })).records;
  return new Date(newest?.updatedAt ?? 0);
}
