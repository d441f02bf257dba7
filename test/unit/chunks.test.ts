import { describe, expect, it } from 'vitest';
import { chunksOf } from '#lib/chunks.ts';

describe('chunksOf', () => {
  it('cuts values into arrays of the size, the last one shorter', () => {
    expect([...chunksOf([1, 2, 3, 4, 5], 2)]).toEqual([[1, 2], [3, 4], [5]]);
    expect([...chunksOf([], 3)]).toEqual([]);
  });

  it('takes a value only when its chunk is asked for', () => {
    let taken = 0;
    function* counted() {
      for (let n = 0; n < 10; n++) {
        taken++;
        yield n;
      }
    }
    const chunks = chunksOf(counted(), 3);
    chunks.next();
    expect(taken).toBe(3);
  });
});
