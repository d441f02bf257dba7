import { describe, expect, it } from 'vitest';
import { intersectionOf, unionOf } from '#search/sqlite/sorted-rowids.ts';

describe('rowid sets as ascending lists', () => {
  it('unites lists into one ascending list, each rowid once', () => {
    expect(unionOf([[1, 4, 9]])).toEqual([1, 4, 9]);
    expect(unionOf([[1, 4, 9], [2, 4, 10], []])).toEqual([1, 2, 4, 9, 10]);
    expect(unionOf([[], []])).toEqual([]);
  });

  it('keeps the rowids every list has, ascending', () => {
    expect(
      intersectionOf([
        [1, 2, 3, 5, 8, 13],
        [2, 3, 5, 7, 11, 13],
        [1, 3, 5, 13, 21],
      ]),
    ).toEqual([3, 5, 13]);
    expect(
      intersectionOf([
        [1, 2],
        [3, 4],
      ]),
    ).toEqual([]);
    expect(intersectionOf([[7, 8]])).toEqual([7, 8]);
    expect(intersectionOf([])).toEqual([]);
  });
});
