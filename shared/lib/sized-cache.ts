import { LRUCache } from 'lru-cache';

/**
 * A least-recently-used cache bounded by the sizes of its entries (`sizeOf`, at least 1 each), or
 * null for a bound of 0: lru-cache refuses a maxSize of 0, and every caller's 0 means "keep none".
 */
export function sizedCache<V extends {}>(
  maxSize: number,
  sizeOf: (value: V, key: string) => number,
): LRUCache<string, V> | null {
  return maxSize > 0 ? new LRUCache<string, V>({ maxSize, sizeCalculation: sizeOf }) : null;
}
