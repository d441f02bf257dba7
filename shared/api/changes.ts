import { z } from '@hono/zod-openapi';
import type { DocumentRecord } from '#domain/document.ts';
import type { ApiDeps } from './deps.ts';

/** Documents a page of changes covers at most by default: each brings all of its items. */
export const CHANGES_PAGE_DOCUMENTS = 20;

export const ChangeKind = z.enum(['added', 'changed', 'removed']).meta({
  description:
    'added: the item is new since `since` (its document was received after it); changed: its document was read again (a new extractor version), the item is as /items/{id} shows it now; removed: its document left the index (deleted, or replaced by a new version at its key, whose items come as added).',
});

export const Change = z.object({
  id: z.string().meta({ description: 'The item id (as /items/{id} and /search use it).' }),
  documentId: z.string(),
  change: ChangeKind,
  at: z.iso.datetime().meta({ description: 'When the registry recorded the change.' }),
});
export type Change = z.infer<typeof Change>;

export const ChangesPage = z.object({
  since: z.iso.datetime(),
  changes: z.array(Change),
  cursor: z.string().nullable().meta({
    description: 'Pass it back (with the same since) for the next page; null on the last page.',
  }),
});
export type ChangesPage = z.infer<typeof ChangesPage>;

/**
 * The items changed at or after `since`, from the registry's record of each document (status
 * and updatedAt): an indexed document's items as the index has them now, a removed document's
 * items by the ids its indexing gave them (`<documentId>:<position>`, as many as it had).
 * Documents being read or refused change nothing in the index: they bring no entries.
 */
export async function changesSince(
  deps: Pick<ApiDeps, 'index' | 'registry'>,
  request: { readonly since: string; readonly limit: number; readonly cursor?: string },
): Promise<ChangesPage> {
  const since = new Date(request.since).toISOString();
  const page = await deps.registry.changedSince({ ...request, since });
  const changes = await Promise.all(page.records.map((record) => changesOf(deps, record, since)));
  return { since, changes: changes.flat(), cursor: page.cursor };
}

async function changesOf(
  deps: Pick<ApiDeps, 'index'>,
  record: DocumentRecord,
  since: string,
): Promise<Change[]> {
  const entry = (id: string, change: Change['change']): Change => ({
    id,
    documentId: record.id,
    change,
    at: record.updatedAt,
  });
  if (record.status === 'removed') {
    const count = record.quality?.items ?? 0;
    return Array.from({ length: count }, (_, position) => entry(`${record.id}:${position}`, 'removed'));
  }
  if (record.status !== 'indexed') return [];
  const change = record.receivedAt >= since ? 'added' : 'changed';
  return (await deps.index.itemsOf(record.id)).map((item) => entry(item.id, change));
}
