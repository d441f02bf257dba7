import { describe, expect, it } from 'vitest';
import { firstInOrder } from '#search/first-in-order.ts';

/** A deterministic sequence of numbers with many ties, as scores have. */
function numbers(n: number, seed: number): number[] {
  let state = seed;
  return Array.from({ length: n }, () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state % 97;
  });
}

describe('firstInOrder', () => {
  // A total order over ties: by value, then by where the item stood.
  const items = (n: number, seed: number) => numbers(n, seed).map((value, at) => ({ value, at }));
  const order = (a: { value: number; at: number }, b: { value: number; at: number }) =>
    b.value - a.value || a.at - b.at;

  it('gives what sorting everything and taking the first would, for any count', () => {
    for (const [n, seed] of [
      [0, 1],
      [1, 2],
      [7, 3],
      [100, 4],
      [5000, 5],
    ] as const) {
      const all = items(n, seed);
      const sorted = [...all].sort(order);
      for (const count of [0, 1, 3, 10, 11, 60, 100, n + 5]) {
        expect(firstInOrder(all, count, order)).toEqual(sorted.slice(0, count));
      }
    }
  });

  it('leaves its input as it was', () => {
    const all = items(1000, 6);
    const copy = [...all];
    firstInOrder(all, 10, order);
    expect(all).toEqual(copy);
  });
});
