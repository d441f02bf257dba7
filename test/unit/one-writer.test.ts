import { describe, expect, it } from 'vitest';
import type { SearchIndex } from '#search/port.ts';
import { SqliteSearchIndex } from '#search/sqlite/sqlite-index.ts';
import { indexedItem } from '#test/support/indexed-items.ts';
import { oneWriter } from '../../functions/local/one-writer.ts';

/** An engine whose writes take a while and may overlap (as OpenSearch's requests do), recording them. */
function slowEngine(events: string[]): SearchIndex {
  const write = (name: string) => async () => {
    events.push(`start ${name}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
    events.push(`end ${name}`);
  };
  return {
    replaceDocument: (documentId: string) => write(`replace ${documentId}`)(),
    deleteDocument: (documentId: string) => write(`delete ${documentId}`)(),
  } as unknown as SearchIndex;
}

describe('oneWriter', () => {
  it('runs an engine’s writes one at a time, in the order asked', async () => {
    const events: string[] = [];
    const index = oneWriter(slowEngine(events));
    await Promise.all([
      index.replaceDocument('a', []),
      index.deleteDocument('a'),
      index.replaceDocument('b', []),
    ]);
    expect(events).toEqual([
      'start replace a',
      'end replace a',
      'start delete a',
      'end delete a',
      'start replace b',
      'end replace b',
    ]);
  });

  it('leaves an index that keeps its writes in order as it is, and its writes keep their order', async () => {
    const sqlite = SqliteSearchIndex.open(':memory:', { rowsOnWorker: true });
    try {
      const index = oneWriter(sqlite);
      expect(index).toBe(sqlite);
      const item = (title: string) => indexedItem({ documentId: 'doc-a', title });
      await Promise.all([
        index.replaceDocument('doc-a', [item('Budget for havnen')]),
        index.deleteDocument('doc-a'),
        index.replaceDocument('doc-a', [item('Budget for skolen')]),
      ]);
      expect((await index.itemsOf('doc-a')).map((i) => i.item.title)).toEqual(['Budget for skolen']);
    } finally {
      sqlite.close();
    }
  });
});
