/**
 * A fixed set of things (workers, or just turns) lent out one caller at a time: a caller takes a
 * free one, or waits for the first one freed, callers waiting longest served first.
 */
export class Slots<T> {
  readonly #all: readonly T[];
  readonly #idle: T[];
  readonly #waiting: ((slot: T) => void)[] = [];

  constructor(slots: readonly T[]) {
    if (slots.length < 1) throw new RangeError('at least one slot is needed');
    this.#all = slots;
    this.#idle = [...slots];
  }

  get all(): readonly T[] {
    return this.#all;
  }

  /** How many slots are lent out now. */
  get busy(): number {
    return this.#all.length - this.#idle.length;
  }

  /** Runs `use` with a free slot, waiting for one if none is free, and frees it after. */
  async use<R>(use: (slot: T) => Promise<R>): Promise<R> {
    const slot = this.#idle.pop() ?? (await new Promise<T>((take) => this.#waiting.push(take)));
    try {
      return await use(slot);
    } finally {
      const next = this.#waiting.shift();
      if (next === undefined) this.#idle.push(slot);
      else next(slot);
    }
  }
}

/** `count` turns: Slots that only limit how many callers run at once. */
export const turns = (count: number): Slots<number> => new Slots(Array.from({ length: count }, (_, n) => n));

/**
 * `work` on each value, at most `atOnce` at a time, the results in the order of the values. A
 * failure starts no more work; it is thrown once the work under way has ended, so nothing runs on
 * behind the caller (a store it closes, an index it gives up).
 */
export async function eachAtOnce<T, R>(
  values: readonly T[],
  atOnce: number,
  work: (value: T) => Promise<R>,
): Promise<R[]> {
  const slots = turns(atOnce);
  const failures: unknown[] = [];
  const results = await Promise.all(
    values.map((value) =>
      slots.use(async () => {
        if (failures.length > 0) return undefined;
        try {
          return await work(value);
        } catch (error) {
          failures.push(error);
          return undefined;
        }
      }),
    ),
  );
  if (failures.length > 0) throw failures[0];
  return results as R[];
}
