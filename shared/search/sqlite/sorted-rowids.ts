/**
 * Sets of rowids as ascending lists, as FTS5 lists its matches: what a query of words alone
 * matches, made from its terms' postings (scoring.ts itemsWith) instead of asking FTS5 again.
 */

/** The rowids in any of the lists (each ascending), ascending, each once. */
export function unionOf(lists: readonly (readonly number[])[]): readonly number[] {
  if (lists.length === 1) return lists[0] as readonly number[];
  const all = Float64Array.from(lists.flat()).sort();
  return Array.from(all.filter((rowid, i) => i === 0 || rowid !== all[i - 1]));
}

/** The rowids in every one of the lists (each ascending), ascending. */
export function intersectionOf(lists: readonly (readonly number[])[]): readonly number[] {
  const [shortest, ...others] = [...lists].sort((a, b) => a.length - b.length);
  if (shortest === undefined) return [];
  let kept = shortest;
  for (const other of others) {
    const both: number[] = [];
    let j = 0;
    for (let i = 0; i < kept.length; i++) {
      const rowid = kept[i] as number;
      while (j < other.length && (other[j] as number) < rowid) j++;
      if (j === other.length) break;
      if (other[j] === rowid) both.push(rowid);
    }
    kept = both;
  }
  return kept;
}
