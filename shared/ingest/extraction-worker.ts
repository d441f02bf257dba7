/**
 * The worker thread that reads documents for an IsolatedExtractor: one job at a time, in its
 * own heap, so a document that never yields or swells can be stopped from outside.
 */
import { parentPort } from 'node:worker_threads';
import * as pdfjsWorker from 'pdfjs-dist/legacy/build/pdf.worker.mjs';
import { ExtractionError } from '#extract/errors.ts';
import { explainExtraction, extractMeeting } from './extract-meeting.ts';
import { type ExtractionJob, type ExtractionReply, WORKER_READY } from './isolated-extractor.ts';

// pdf.js runs its own worker in this thread ("fake worker"). Without the module on globalThis it
// imports pdf.worker.mjs by path at run time, which a bundle does not have; importing it here
// lets esbuild bundle it, and changes nothing when run from source.
(globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = pdfjsWorker;

parentPort?.on('message', async (job: ExtractionJob) => {
  parentPort?.postMessage(await run(job));
});
// Its modules are loaded: the time limit of the first job starts now, not before.
parentPort?.postMessage(WORKER_READY);

async function run(job: ExtractionJob): Promise<ExtractionReply> {
  try {
    return job.explain
      ? { ok: true, explanation: await explainExtraction(job.bytes, job.file, job.limits) }
      : { ok: true, document: await extractMeeting(job.bytes, job.file, job.limits) };
  } catch (error) {
    if (error instanceof ExtractionError) return { ok: false, kind: error.kind, message: error.message };
    return {
      ok: false,
      kind: null,
      message: error instanceof Error ? (error.stack ?? error.message) : String(error),
    };
  }
}
