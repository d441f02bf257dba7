import { describe, expect, it } from 'vitest';
import { OrderedWrites } from '#search/sqlite/ordered-writes.ts';

/** A write's value still being made (its rows): `resolve` makes it, `reject` says it cannot be. */
const later = () => Promise.withResolvers<string>();

/**
 * Writes that record each transaction's values; `refuse` fails any transaction that holds it,
 * through that write's fault unless `database` says the database failed.
 */
function recorded(refuse?: string, database = false) {
  const transactions: string[][] = [];
  const tries: string[][] = [];
  const writes = new OrderedWrites<string>(
    (batch) => {
      tries.push([...batch]);
      if (refuse !== undefined && batch.includes(refuse)) throw new Error(`refused ${refuse}`);
      transactions.push([...batch]);
    },
    () => !database,
  );
  return { writes, transactions, tries };
}

/** A write asked of each name at once, their values made only once all are asked: how each settled. */
function askedTogether(writes: OrderedWrites<string>, names: readonly string[]) {
  const values = names.map(later);
  const settled = Promise.allSettled(values.map(({ promise }) => writes.write(promise)));
  for (const [i, name] of names.entries()) values[i]?.resolve(name);
  return settled;
}

describe('ordered writes (group commit)', () => {
  it('commits in the order asked, whatever order the values are made in', async () => {
    const { writes, transactions } = recorded();
    const [a, b, c] = [later(), later(), later()];
    const done = Promise.all([writes.write(a.promise), writes.write(b.promise), writes.write(c.promise)]);
    c.resolve('c');
    b.resolve('b');
    a.resolve('a');
    await done;
    expect(transactions.flat()).toEqual(['a', 'b', 'c']);
  });

  it('commits the values made by the time it writes in one transaction', async () => {
    const { writes, transactions } = recorded();
    await askedTogether(writes, ['a', 'b']);
    expect(transactions).toEqual([['a', 'b']]);
  });

  it('waits for a value not yet made rather than committing the ones after it', async () => {
    const { writes, transactions } = recorded();
    const [a, b] = [later(), later()];
    const first = writes.write(a.promise);
    const second = writes.write(b.promise);
    b.resolve('b');
    await new Promise((resolve) => setImmediate(resolve));
    expect(transactions).toEqual([]);
    a.resolve('a');
    await Promise.all([first, second]);
    expect(transactions).toEqual([['a', 'b']]);
  });

  it('commits a value already made, first in line, before the call returns', () => {
    const { writes, transactions } = recorded();
    void writes.write('now');
    expect(transactions).toEqual([['now']]);
  });

  it('fails only the write that fails when its group is refused', async () => {
    const { writes, transactions } = recorded('bad');
    const [a, bad, c] = await askedTogether(writes, ['a', 'bad', 'c']);
    expect([a?.status, bad?.status, c?.status]).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(bad).toMatchObject({ reason: new Error('refused bad') });
    expect(transactions).toEqual([['a'], ['c']]);
  });

  it('fails the whole group at once when the database failed, not through one write', async () => {
    const { writes, transactions, tries } = recorded('bad', true);
    const settled = await askedTogether(writes, ['a', 'bad', 'c']);
    expect(settled.map((result) => result.status)).toEqual(['rejected', 'rejected', 'rejected']);
    expect(tries).toEqual([['a', 'bad', 'c']]);
    expect(transactions).toEqual([]);
  });

  it('lets the writes after a value that could not be made go on, and rejects it', async () => {
    const { writes, transactions } = recorded();
    const [a, b] = [later(), later()];
    const first = writes.write(a.promise);
    const second = writes.write(b.promise);
    b.resolve('b');
    a.reject(new Error('not made'));
    await expect(first).rejects.toThrow('not made');
    await second;
    expect(transactions).toEqual([['b']]);
  });

  it('commits at most its bound in one transaction', async () => {
    const transactions: string[][] = [];
    const writes = new OrderedWrites<string>(
      (batch) => void transactions.push([...batch]),
      () => true,
      2,
    );
    await askedTogether(writes, ['a', 'b', 'c']);
    expect(transactions).toEqual([['a', 'b'], ['c']]);
  });
});
