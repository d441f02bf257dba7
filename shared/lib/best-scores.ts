/**
 * The best `count` scores added so far, in a min-heap: the least of them (the count-th best) at
 * hand, each addition O(log count). Where a sorted array would be sorted again at every
 * addition, which is quadratic for a deep page (10,000 hits).
 */
export class BestScores {
  readonly #heap: Float64Array;
  #size = 0;

  constructor(count: number) {
    this.#heap = new Float64Array(count);
  }

  /** The count-th best score so far; undefined until `count` scores were added. */
  get least(): number | undefined {
    return this.#size > 0 && this.#size === this.#heap.length ? this.#heap[0] : undefined;
  }

  add(score: number): void {
    const heap = this.#heap;
    if (this.#size < heap.length) {
      let i = this.#size++;
      for (let parent = (i - 1) >> 1; i > 0 && (heap[parent] as number) > score; parent = (i - 1) >> 1) {
        heap[i] = heap[parent] as number;
        i = parent;
      }
      heap[i] = score;
      return;
    }
    if (heap.length === 0 || score <= (heap[0] as number)) return;
    // The least kept gives way: the newcomer sinks to its place.
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= heap.length) break;
      const right = left + 1;
      const child = right < heap.length && (heap[right] as number) < (heap[left] as number) ? right : left;
      if ((heap[child] as number) >= score) break;
      heap[i] = heap[child] as number;
      i = child;
    }
    heap[i] = score;
  }
}
