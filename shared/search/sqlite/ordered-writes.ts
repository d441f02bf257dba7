/** Most writes committed in one transaction: a batch's rows are held until it commits. */
export const MOST_IN_A_TRANSACTION = 32;

interface Entry<T> {
  made: boolean;
  value?: T;
  readonly resolve: () => void;
  readonly reject: (error: unknown) => void;
}

/**
 * Writes committed in the order they were asked for, whatever order their values are made in;
 * those made by the time the writer gets to them are committed together (a group commit): a
 * writer that falls behind catches up in fewer, larger transactions. Each write's promise
 * settles when its transaction has committed or failed. A group that failed through one of its
 * writes (`oneWritesFault`) is written again one by one, so only that write fails; any other
 * failure (the database busy or closed) fails the group at once, not once a write.
 */
export class OrderedWrites<T> {
  readonly #commit: (batch: readonly T[]) => void;
  readonly #oneWritesFault: (error: unknown) => boolean;
  readonly #most: number;
  readonly #queue: Entry<T>[] = [];
  #scheduled = false;

  constructor(
    commit: (batch: readonly T[]) => void,
    oneWritesFault: (error: unknown) => boolean,
    most = MOST_IN_A_TRANSACTION,
  ) {
    this.#commit = commit;
    this.#oneWritesFault = oneWritesFault;
    this.#most = most;
  }

  /** Takes its turn now, and commits `value` once made, after every write asked for before it. */
  write(value: T | Promise<T>): Promise<void> {
    // Made already and first in line: committed before the call returns, as a write made on the
    // writer's thread always is (another connection sees it at once).
    if (!(value instanceof Promise) && this.#queue.length === 0)
      return new Promise((resolve, reject) => this.#alone({ made: true, value, resolve, reject }));
    return new Promise<void>((resolve, reject) => {
      const entry: Entry<T> = { made: false, resolve, reject };
      this.#queue.push(entry);
      Promise.resolve(value).then(
        (made) => {
          entry.value = made;
          entry.made = true;
          this.#schedule();
        },
        (error: unknown) => {
          // Never made: it gives up its turn.
          this.#queue.splice(this.#queue.indexOf(entry), 1);
          reject(error);
          this.#schedule();
        },
      );
    });
  }

  /** After the events already waiting: values made meanwhile join the same transaction. */
  #schedule(): void {
    if (this.#scheduled || !this.#queue[0]?.made) return;
    this.#scheduled = true;
    setImmediate(() => this.#flush());
  }

  #flush(): void {
    this.#scheduled = false;
    const batch: Entry<T>[] = [];
    while (batch.length < this.#most && this.#queue[0]?.made) batch.push(this.#queue.shift() as Entry<T>);
    try {
      this.#commit(batch.map((entry) => entry.value as T));
      for (const entry of batch) entry.resolve();
    } catch (error) {
      if (batch.length > 1 && this.#oneWritesFault(error)) for (const entry of batch) this.#alone(entry);
      else for (const entry of batch) entry.reject(error);
    }
    this.#schedule();
  }

  #alone(entry: Entry<T>): void {
    try {
      this.#commit([entry.value as T]);
      entry.resolve();
    } catch (error) {
      entry.reject(error);
    }
  }
}
