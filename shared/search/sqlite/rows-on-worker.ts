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

type Settle = (rows: DocumentRows | null) => void;

/** A worker and the jobs it has not answered, oldest first: it answers in the order asked. */
interface Running {
  readonly worker: Worker;
  readonly waiting: Settle[];
}

/**
 * Makes documents' rows (checking, analysis, compression: most of a write's work) on a worker
 * thread, so the writer's thread only writes, and writing one document overlaps making the next.
 * Started at the first document, held only while a job is out (a process with nothing else to do
 * may exit). A worker that stops (closed, or failed: it could not start, ran out of memory) leaves
 * its jobs and every later one to the asker's thread: nothing is lost, and a worker that fails is
 * not started again for each document.
 */
export class RowsOnWorker {
  #running: Running | null = null;
  #stopped = false;

  rows(documentId: string, items: readonly IndexedItem[]): Promise<DocumentRows> {
    const running = this.#started();
    if (running === null) return Promise.resolve().then(() => documentRows(documentId, items));
    const { worker, waiting } = running;
    return new Promise<DocumentRows | null>((settle) => {
      try {
        worker.postMessage({ documentId, items } satisfies RowJob);
      } catch {
        // Items that cannot be posted (not plain data) are made here, where their check says why.
        settle(null);
        return;
      }
      waiting.push(settle);
      worker.ref();
    }).then((rows) => rows ?? documentRows(documentId, items));
  }

  async close(): Promise<void> {
    const running = this.#running;
    this.#stopped = true;
    this.#running = null;
    if (running) await running.worker.terminate();
  }

  #started(): Running | null {
    if (this.#running || this.#stopped) return this.#running;
    let worker: Worker;
    try {
      worker = new Worker(new URL('./row-worker.ts', import.meta.url));
    } catch {
      this.#stopped = true;
      return null;
    }
    const running: Running = { worker, waiting: [] };
    worker.unref();
    worker.on('message', (reply: RowReply) => {
      running.waiting.shift()?.(reply.rows);
      if (running.waiting.length === 0) worker.unref();
    });
    void once(worker, 'exit').then(() => {
      this.#stopped = true;
      this.#running = null;
      for (const settle of running.waiting.splice(0)) settle(null);
    });
    // An error ends the worker: its exit (above) hands the jobs back; unheard, it would end the process.
    worker.on('error', () => {});
    this.#running = running;
    return running;
  }
}
