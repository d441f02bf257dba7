import type { IngestDeps } from '#ingest/deps.ts';
import type { S3Change } from '#ingest/events.ts';
import { type IngestOutcome, ingestObject } from '#ingest/ingest-object.ts';
import { type RemoveOutcome, removeObject } from '#ingest/remove-object.ts';

export type QueueReport =
  | { readonly kind: 'ingested'; readonly outcome: IngestOutcome }
  | { readonly kind: 'removed'; readonly outcome: RemoveOutcome }
  | { readonly kind: 'error'; readonly key: string; readonly error: unknown };

/** A change to handle; `force` reads the object even where this extractor version did (reread). */
type Entry = { readonly change: S3Change; readonly force: boolean };

/**
 * The local stand-in for SQS and the ingest Lambda: bucket notifications are handled one at a
 * time, in the order the bucket sent them, with the same use cases. Nothing retries locally: an
 * error is reported (the document stays `processing` in the registry) and `reindex` recovers it.
 */
export class IngestQueue {
  readonly #deps: IngestDeps;
  readonly #report: (report: QueueReport) => void;
  #tail: Promise<void> = Promise.resolve();
  #pending = 0;
  #handled = 0;

  constructor(deps: IngestDeps, report: (report: QueueReport) => void) {
    this.#deps = deps;
    this.#report = report;
  }

  push(...changes: readonly S3Change[]): void {
    for (const change of changes) this.#enqueue({ change, force: false });
  }

  /** Reads the objects again whatever the registry says was done, as `reindex` does. */
  reread(...keys: readonly string[]): void {
    for (const key of keys) this.#enqueue({ change: { kind: 'created', key, size: null }, force: true });
  }

  #enqueue(entry: Entry): void {
    this.#pending++;
    this.#tail = this.#tail
      .then(() => this.#handle(entry))
      .finally(() => {
        this.#pending--;
        this.#handled++;
      });
  }

  get pending(): number {
    return this.#pending;
  }

  /** How many changes have been handled since the queue started. */
  get handled(): number {
    return this.#handled;
  }

  /** Resolves once every change pushed so far has been handled. */
  idle(): Promise<void> {
    return this.#tail;
  }

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
