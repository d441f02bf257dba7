import type { DocumentRecord } from '#domain/document.ts';
import { allDocuments, type DocumentRegistry } from '#storage/registry.ts';

/** The document a command names, or why none is named. */
export type Resolved = { readonly record: DocumentRecord } | { readonly error: string };

const FULL_ID = /^[0-9a-f]{64}$/;
/** The short id `status` lists (12 hex digits), or any other leading part of at least 6. */
const SHORT_ID = /^[0-9a-f]{6,63}$/;

/**
 * A document by its id, the short id the `status` table shows, or an object key it was seen at
 * (`samples/001_….pdf`). A short id that several documents begin with names none of them.
 */
export async function resolveDocument(registry: DocumentRegistry, ref: string): Promise<Resolved> {
  const id = ref.trim().toLowerCase();
  if (FULL_ID.test(id)) return found(await registry.get(id), ref);
  const keyed = await registry.keyRecord(ref);
  if (keyed !== null) return found(await registry.get(keyed.documentId), ref);
  if (!SHORT_ID.test(id)) return found(null, ref);
  const matches: DocumentRecord[] = [];
  for await (const record of allDocuments(registry)) if (record.id.startsWith(id)) matches.push(record);
  const [only] = matches;
  if (matches.length > 1) {
    return { error: `${ref} is the beginning of ${matches.length} document ids: give more of it` };
  }
  return found(only ?? null, ref);
}

function found(record: DocumentRecord | null, ref: string): Resolved {
  return record === null
    ? { error: `no document ${ref} in the registry (an id, short id or key)` }
    : { record };
}
