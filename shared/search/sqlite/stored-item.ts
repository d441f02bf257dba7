import { deflateRawSync, inflateRawSync } from 'node:zlib';
import type { IndexedItem } from '#domain/search.ts';

/**
 * An item as item_json keeps it: its JSON compressed with DEFLATE, about half its size (the
 * stored items were half the index file). Files made before keep JSON text until they are stored
 * again (sqlite-index.ts STORED_FORM), so both are read.
 */
export const encodeItem = (item: IndexedItem): Buffer => deflateRawSync(JSON.stringify(item));

/** A stored item as it was stored (checked then): trusted, not checked again. */
export function decodeItem(stored: string | Uint8Array): IndexedItem {
  const json = typeof stored === 'string' ? stored : inflateRawSync(stored).toString('utf8');
  return JSON.parse(json) as IndexedItem;
}
