import { afterEach, describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import { SearchQuery } from '#domain/search.ts';
import { IndexClosedError } from '#search/errors.ts';
import { documentRows } from '#search/sqlite/item-rows.ts';
import { RowsOnWorker } from '#search/sqlite/rows-on-worker.ts';
import { SqliteSearchIndex } from '#search/sqlite/sqlite-index.ts';
import { indexedItem } from '#test/support/indexed-items.ts';
import { BEHAVIOUR_DOCUMENTS, searchIndexBehaviour } from '#test/support/search-index-behaviour.ts';

const opened: { close(): unknown }[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((index) => index.close()));
});
const onWorker = () => {
  const index = SqliteSearchIndex.open(':memory:', { rowsOnWorker: true });
  opened.push(index);
  return index;
};

searchIndexBehaviour('SQLite FTS5, rows made on a worker', async () => onWorker());

const titles = async (index: SqliteSearchIndex, q: string) =>
  (await index.search(SearchQuery.parse({ q, size: 50 }))).results.map((hit) => hit.item.title).sort();

describe('rows made on a worker thread', () => {
  it('are the rows made on this thread', async () => {
    const maker = new RowsOnWorker();
    opened.push(maker);
    for (const [documentId, items] of Object.entries(BEHAVIOUR_DOCUMENTS)) {
      const here = documentRows(documentId, items);
      const there = await maker.rows(documentId, items);
      expect({
        ...there,
        rows: there.rows.map((row) => ({ ...row, stored: Buffer.from(row.stored) })),
      }).toEqual(here);
    }
  });

  it("reject an item that is not one with the check's own error", async () => {
    const index = onWorker();
    const item = indexedItem({ title: 'Budget' });
    await expect(
      index.replaceDocument('doc-a', [{ ...item, item: { ...item.item, position: -1 } }]),
    ).rejects.toThrow(ZodError);
    await index.replaceDocument('doc-a', [item]);
    expect(await titles(index, 'budget')).toEqual(['Budget']);
  });

  it('are written in the order asked: a replacement, a deletion and another replacement at once', async () => {
    const index = onWorker();
    const first = indexedItem({ documentId: 'doc-a', title: 'Budget for havnen' });
    const again = indexedItem({ documentId: 'doc-a', title: 'Budget for skolen' });
    const other = indexedItem({ documentId: 'doc-b', title: 'Budget for vejene' });
    await Promise.all([
      index.replaceDocument('doc-a', [first]),
      index.replaceDocument('doc-b', [other]),
      index.deleteDocument('doc-a'),
      index.replaceDocument('doc-a', [again]),
      index.deleteDocument('doc-b'),
    ]);
    expect(await titles(index, 'budget')).toEqual(['Budget for skolen']);
  });

  it('are written as one group when ready together, the last write of a document winning', async () => {
    const index = onWorker();
    await index.replaceDocument('doc-c', [indexedItem({ documentId: 'doc-c', title: 'Budget for parken' })]);
    const writes = [
      index.replaceDocument('doc-a', [indexedItem({ documentId: 'doc-a', title: 'Budget for havnen' })]),
      index.deleteDocument('doc-c'),
      index.replaceDocument('doc-a', [indexedItem({ documentId: 'doc-a', title: 'Budget for skolen' })]),
      index.replaceDocument('doc-b', [indexedItem({ documentId: 'doc-b', title: 'Budget for vejene' })]),
    ];
    // This thread busy while the worker makes every row: all are ready when the writer runs.
    for (const until = Date.now() + 1000; Date.now() < until; );
    await Promise.all(writes);
    expect(await titles(index, 'budget')).toEqual(['Budget for skolen', 'Budget for vejene']);
    const fresh = SqliteSearchIndex.open(':memory:');
    opened.push(fresh);
    await fresh.replaceDocument('doc-a', [indexedItem({ documentId: 'doc-a', title: 'Budget for skolen' })]);
    await fresh.replaceDocument('doc-b', [indexedItem({ documentId: 'doc-b', title: 'Budget for vejene' })]);
    const scores = async (of: SqliteSearchIndex) =>
      (await of.search(SearchQuery.parse({ q: 'budget' }))).results.map((hit) => [hit.item.title, hit.score]);
    expect(await scores(index)).toEqual(await scores(fresh));
  });

  it("are each their own document's, asked for while the worker stops and after", async () => {
    const maker = new RowsOnWorker();
    opened.push(maker);
    const documents = Object.entries(BEHAVIOUR_DOCUMENTS);
    const ask = (n: number) => maker.rows(...(documents[n] ?? ['', []]));
    await ask(0);
    const closing = maker.close();
    // Asked for before the worker has stopped: its jobs, then these, are made on this thread.
    const asked = [ask(1), ask(2)];
    await closing;
    await Promise.all(asked);
    const after = await Promise.all([ask(0), ask(1)]);
    expect(after.map((rows) => rows.documentId)).toEqual(documents.slice(0, 2).map(([id]) => id));
  });

  it('are not written when the index closes first: the write fails with IndexClosedError', async () => {
    const index = SqliteSearchIndex.open(':memory:', { rowsOnWorker: true });
    const item = indexedItem({ title: 'Budget' });
    const waiting = index.replaceDocument('doc-a', [item]);
    index.close();
    await expect(waiting).rejects.toThrow(IndexClosedError);
    await expect(index.replaceDocument('doc-a', [item])).rejects.toThrow(IndexClosedError);
    await expect(index.deleteDocument('doc-a')).rejects.toThrow(IndexClosedError);
  });

  it('are made on this thread when the worker has stopped', async () => {
    const maker = new RowsOnWorker();
    const [documentId, items] = Object.entries(BEHAVIOUR_DOCUMENTS)[0] ?? ['', []];
    const asked = maker.rows(documentId, items);
    await maker.close();
    expect((await asked).rows).toHaveLength(items.length);
  });
});
