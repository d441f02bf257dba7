import type { SearchIndex } from '#search/port.ts';

type Write = 'replaceDocument' | 'deleteDocument';
const WRITES: ReadonlySet<PropertyKey> = new Set<Write>(['replaceDocument', 'deleteDocument']);

/**
 * The index as the queue's handlers see it: searches pass straight through, writes run one at a
 * time in the order they were asked for (each its own transaction on SQLite), so documents read
 * at once never interleave their writes, on either engine. The index's methods are looked up at
 * each call, so a decorator put on the instance later (the ingest benchmark's timers) still applies.
 * An index that keeps its writes in order itself (writesInOrder) is left as it is: its writes then
 * overlap (one document's rows made while another's are written) and are committed together.
 */
export function oneWriter(index: SearchIndex): SearchIndex {
  if (index.writesInOrder) return index;
  let last: Promise<unknown> = Promise.resolve();
  return new Proxy(index, {
    get(target, property) {
      const value: unknown = Reflect.get(target, property, target);
      if (typeof value !== 'function') return value;
      if (!WRITES.has(property)) return value.bind(target);
      return (...args: unknown[]) => {
        const write = last.then(() => Reflect.apply(value, target, args));
        last = write.catch(() => {});
        return write;
      };
    },
  });
}
