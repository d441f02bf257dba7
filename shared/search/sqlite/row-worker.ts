/**
 * The worker thread that makes documents' rows for a SqliteSearchIndex (RowsOnWorker): one job
 * at a time, answered in the order asked.
 */
import { parentPort } from 'node:worker_threads';
import { documentRows } from './item-rows.ts';
import type { RowJob, RowReply } from './rows-on-worker.ts';

parentPort?.on('message', ({ documentId, items }: RowJob) => {
  let reply: RowReply;
  try {
    reply = { rows: documentRows(documentId, items) };
  } catch {
    // The writer's thread makes them again, so its caller gets the error as thrown (a ZodError).
    reply = { rows: null };
  }
  parentPort?.postMessage(reply);
});
