import { describe, expect, it } from 'vitest';
import { OrderedWrites } from '#search/sqlite/ordered-writes.ts';

/** A value made when `make` is called: a write whose rows are still being made. */
function later<T>(): { value: Promise<T>; make: (value: T) => void; fail: (error: Error) => void } {
  let make: (value: T) => void = () => {};
  let fail: (error: Error) => void = () => {};
  const value = new Promise<T>((resolve, reject) => {
    make = resolve;
    fail = reject;
  });
  return { value, make, fail };
}

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

describe('ordered writes (group commit)', () => {
  it('commits in the order asked, whatever order the values are made in', async () => {
    const { writes, transactions } = recorded();
    const [a, b, c] = [later<string>(), later<string>(), later<string>()];
    const done = Promise.all([writes.write(a.value), writes.write(b.value), writes.write(c.value)]);
    c.make('c');
    b.make('b');
    a.make('a');
    await done;
    expect(transactions.flat()).toEqual(['a', 'b', 'c']);
  });

  it('commits the values made by the time it writes in one transaction', async () => {
    const { writes, transactions } = recorded();
    const [a, b] = [later<string>(), later<string>()];
    const done = Promise.all([writes.write(a.value), writes.write(b.value)]);
    a.make('a');
    b.make('b');
    await done;
    expect(transactions).toEqual([['a', 'b']]);
  });

  it('waits for a value not yet made rather than committing the ones after it', async () => {
    const { writes, transactions } = recorded();
    const [a, b] = [later<string>(), later<string>()];
    const first = writes.write(a.value);
    const second = writes.write(b.value);
    b.make('b');
    await new Promise((resolve) => setImmediate(resolve));
    expect(transactions).toEqual([]);
    a.make('a');
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
    const values = ['a', 'bad', 'c'].map(() => later<string>());
    const settled = Promise.allSettled(values.map(({ value }) => writes.write(value)));
    for (const [i, name] of ['a', 'bad', 'c'].entries()) values[i]?.make(name);
    const [a, bad, c] = await settled;
    expect([a?.status, bad?.status, c?.status]).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(bad).toMatchObject({ reason: new Error('refused bad') });
    expect(transactions).toEqual([['a'], ['c']]);
  });

  it('fails the whole group at once when the database failed, not through one write', async () => {
    const { writes, transactions, tries } = recorded('bad', true);
    const values = ['a', 'bad', 'c'].map(() => later<string>());
    const settled = Promise.allSettled(values.map(({ value }) => writes.write(value)));
    for (const [i, name] of ['a', 'bad', 'c'].entries()) values[i]?.make(name);
    expect((await settled).map((result) => result.status)).toEqual(['rejected', 'rejected', 'rejected']);
    expect(tries).toEqual([['a', 'bad', 'c']]);
    expect(transactions).toEqual([]);
  });

  it('lets the writes after a value that could not be made go on, and rejects it', async () => {
    const { writes, transactions } = recorded();
    const [a, b] = [later<string>(), later<string>()];
    const first = writes.write(a.value);
    const second = writes.write(b.value);
    b.make('b');
    a.fail(new Error('not made'));
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
    const values = ['a', 'b', 'c'].map(() => later<string>());
    const done = Promise.all(values.map(({ value }) => writes.write(value)));
    for (const [i, name] of ['a', 'b', 'c'].entries()) values[i]?.make(name);
    await done;
    expect(transactions).toEqual([['a', 'b'], ['c']]);
  });
});
