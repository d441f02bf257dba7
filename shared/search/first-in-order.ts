/**
 * The first `count` of `items` in `order`, in that order: the same as sorting them all and taking
 * the first `count`, for a total order. A page of ten of thousands of matches keeps the best ten
 * seen in a bounded heap (n log 10 comparisons, not n log n); many of few are sorted outright.
 */
export function firstInOrder<T>(items: readonly T[], count: number, order: (a: T, b: T) => number): T[] {
  if (count <= 0) return [];
  if (count * 8 >= items.length) return [...items].sort(order).slice(0, count);
  // A heap whose root is the last of those kept: a newcomer ahead of it takes its place.
  const kept: T[] = [];
  const after = (i: number, j: number) => order(kept[i] as T, kept[j] as T) > 0;
  const swap = (i: number, j: number) => {
    const held = kept[i] as T;
    kept[i] = kept[j] as T;
    kept[j] = held;
  };
  // Indexed, and no array made per step: this runs over every match of a search.
  for (let at = 0; at < items.length; at++) {
    const item = items[at] as T;
    if (kept.length < count) {
      kept.push(item);
      for (
        let i = kept.length - 1, parent = (i - 1) >> 1;
        i > 0 && after(i, parent);
        i = parent, parent = (i - 1) >> 1
      ) {
        swap(i, parent);
      }
    } else if (order(item, kept[0] as T) < 0) {
      kept[0] = item;
      for (let i = 0; ; ) {
        const left = 2 * i + 1;
        const right = left + 1;
        let last = i;
        if (left < count && after(left, last)) last = left;
        if (right < count && after(right, last)) last = right;
        if (last === i) break;
        swap(i, last);
        i = last;
      }
    }
  }
  return kept.sort(order);
}
