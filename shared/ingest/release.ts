import type { IngestDeps } from './deps.ts';

/**
 * What follows when `goneKey` no longer holds the document (deleted, or overwritten by another
 * version). A document no key holds any more leaves the index and is marked removed. A document
 * still held elsewhere (the same bytes uploaded under two names) stays, but items that cite the
 * gone key are pointed at a key that still exists, so a search hit never links to a missing file.
 */
export async function releaseDocument(
  deps: Pick<IngestDeps, 'registry' | 'index' | 'now'>,
  documentId: string,
  goneKey: string,
): Promise<'removed' | 'kept'> {
  const remainingKey = await anotherKeyOf(deps, documentId, goneKey);
  if (remainingKey === null) {
    await deps.index.deleteDocument(documentId);
    await deps.registry.markRemoved(documentId, deps.now().toISOString());
    return 'removed';
  }
  const items = await deps.index.itemsOf(documentId);
  if (items.some((item) => item.key === goneKey)) {
    await deps.index.replaceDocument(
      documentId,
      items.map((item) => ({ ...item, key: remainingKey })),
    );
  }
  return 'kept';
}

/**
 * A key other than `goneKey` that holds the document, or null. `keysOf` may read a secondary index
 * that lags behind writes (DynamoDB's GSIs are eventually consistent), so each candidate is
 * confirmed with a consistent read of the key itself.
 */
async function anotherKeyOf(
  deps: Pick<IngestDeps, 'registry'>,
  documentId: string,
  goneKey: string,
): Promise<string | null> {
  for (const key of await deps.registry.keysOf(documentId)) {
    if (key !== goneKey && (await deps.registry.documentAt(key)) === documentId) return key;
  }
  return null;
}
