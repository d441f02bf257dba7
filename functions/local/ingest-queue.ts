import type { IngestDeps } from '#ingest/deps.ts';
import type { S3Change } from '#ingest/events.ts';
import { type IngestOutcome, ingestObject } from '#ingest/ingest-object.ts';
import { type RemoveOutcome, removeObject } from '#ingest/remove-object.ts';
import { type Slots, turns } from '#ingest/slots.ts';
import { oneWriter } from './one-writer.ts';

export type QueueReport =
  | { readonly kind: 'ingested'; readonly outcome: IngestOutcome }
  | { readonly kind: 'removed'; readonly outcome: RemoveOutcome }
  | { readonly kind: 'error'; readonly key: string; readonly error: unknown };

/** A change to handle; `force` reads the object even where this extractor version did (reread). */
type Entry = { readonly change: S3Change; readonly force: boolean };

/**
 * The local stand-in for SQS and the ingest Lambda: bucket notifications are handled with the same
 * use cases, `concurrency` objects at once (their extraction on the extractor the deps hold, a
 * pool of workers). Changes to one key are handled one after another in the order the bucket sent
 * them, so an older version read late never replaces a newer one at its key; different keys meet
 * only in the registry, whose conditional writes settle them as they do concurrent Lambdas. The
 * index is written by one writer (oneWriter). Nothing retries locally: an error is reported (the
 * document stays `processing` in the registry) and `reindex` recovers it.
 */
export class IngestQueue {
  readonly #deps: IngestDeps;
  readonly #report: (report: QueueReport) => void;
  readonly #turns: Slots<number>;
  /** The last change queued for each key with changes not yet handled: the next one waits for it. */
  readonly #lastOfKey = new Map<string, Promise<void>>();
  readonly #inFlight = new Set<Promise<void>>();
  #handled = 0;

  constructor(
    deps: IngestDeps,
    report: (report: QueueReport) => void,
    options: { concurrency?: number } = {},
  ) {
    this.#deps = { ...deps, index: oneWriter(deps.index) };
    this.#report = report;
    this.#turns = turns(options.concurrency ?? 1);
  }

  push(...changes: readonly S3Change[]): void {
    for (const change of changes) this.#enqueue({ change, force: false });
  }

  /** Reads the objects again whatever the registry says was done, as `reindex` does. */
  reread(...keys: readonly string[]): void {
    for (const key of keys) this.#enqueue({ change: { kind: 'created', key, size: null }, force: true });
  }

  #enqueue(entry: Entry): void {
    const { key } = entry.change;
    const before = this.#lastOfKey.get(key) ?? Promise.resolve();
    const run = before.then(() => this.#turns.use(() => this.#handle(entry)));
    this.#lastOfKey.set(key, run);
    this.#inFlight.add(run);
    void run.finally(() => {
      this.#inFlight.delete(run);
      if (this.#lastOfKey.get(key) === run) this.#lastOfKey.delete(key);
      this.#handled++;
    });
  }

  get pending(): number {
    return this.#inFlight.size;
  }

  /** How many changes have been handled since the queue started. */
  get handled(): number {
    return this.#handled;
  }

  /** Resolves once every change pushed so far, and any pushed while waiting, has been handled. */
  async idle(): Promise<void> {
    while (this.#inFlight.size > 0) await Promise.all([...this.#inFlight]);
  }

  /** Never rejects: every outcome, failures included, goes to the report. */
  async #handle({ change, force }: Entry): Promise<void> {
    try {
      if (change.kind === 'created')
        this.#report({ kind: 'ingested', outcome: await ingestObject({ ...this.#deps, force }, change.key) });
      else this.#report({ kind: 'removed', outcome: await removeObject(this.#deps, change.key) });
    } catch (error) {
      this.#report({ kind: 'error', key: change.key, error });
    }
  }
}
