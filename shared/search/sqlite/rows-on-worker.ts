import { once } from 'node:events';
import { Worker } from 'node:worker_threads';
import type { IndexedItem } from '#domain/search.ts';
import { type DocumentRows, documentRows } from './item-rows.ts';

export interface RowJob {
  readonly documentId: string;
  readonly items: readonly IndexedItem[];
}

/** The rows made, or null when they could not be (the asker makes them, to throw the error). */
export interface RowReply {
  readonly rows: DocumentRows | null;
}

interface Waiting {
  readonly job: RowJob;
  readonly settle: (rows: DocumentRows | null) => void;
}

/**
 * Makes documents' rows (checking, analysis, compression: most of a write's work) on a worker
 * thread, so the writer's thread only writes, and writing one document overlaps making the next.
 * Started at the first document, held only while a job is out (a process with nothing else to do
 * may exit). A worker that stops leaves its jobs to the asker's thread: nothing is lost.
 */
export class RowsOnWorker {
  #worker: Worker | null = null;
  /** Jobs out, oldest first: the worker answers in the order asked. */
  readonly #waiting: Waiting[] = [];

  rows(documentId: string, items: readonly IndexedItem[]): Promise<DocumentRows> {
    const job = { documentId, items };
    const worker = this.#started();
    return new Promise<DocumentRows | null>((settle) => {
      this.#waiting.push({ job, settle });
      worker.ref();
      worker.postMessage(job);
    }).then((rows) => rows ?? documentRows(documentId, items));
  }

  async close(): Promise<void> {
    const worker = this.#worker;
    this.#worker = null;
    if (worker) await worker.terminate();
  }

  #started(): Worker {
    if (this.#worker) return this.#worker;
    const worker = new Worker(new URL('./row-worker.ts', import.meta.url));
    worker.unref();
    worker.on('message', (reply: RowReply) => {
      this.#waiting.shift()?.settle(reply.rows);
      if (this.#waiting.length === 0) worker.unref();
    });
    // Stopped (an error, or closed with jobs out): its jobs are made on this thread.
    void once(worker, 'exit').then(() => {
      if (this.#worker === worker) this.#worker = null;
      for (const { settle } of this.#waiting.splice(0)) settle(null);
    });
    worker.on('error', () => {});
    this.#worker = worker;
    return worker;
  }
}
