import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { HeapInfo } from 'node:v8';
import { Worker } from 'node:worker_threads';
import type { ExtractLimits } from '#config/limits.ts';
import type { MeetingDocument } from '#domain/meeting.ts';
import { ExtractionError, type ExtractionErrorKind } from '#extract/errors.ts';

/** Reads the bytes of one document into the Meeting document; refuses with an ExtractionError. */
export interface MeetingExtractor {
  extract(bytes: Uint8Array, file: string): Promise<MeetingDocument>;
  /** What each line was taken for and why (`extract FILE --explain`). */
  explain(bytes: Uint8Array, file: string): Promise<string>;
  /** Stops the reader; a later call starts it again. */
  close(): Promise<void>;
}

/** A job for the worker thread (structured-cloned, the bytes transferred). */
export interface ExtractionJob {
  readonly bytes: Uint8Array;
  readonly file: string;
  readonly limits: ExtractLimits;
  readonly explain: boolean;
}

/** The worker's answer; `kind: null` is a fault of ours, not of the document. */
export type ExtractionReply =
  | { readonly ok: true; readonly document: MeetingDocument }
  | { readonly ok: true; readonly explanation: string }
  | { readonly ok: false; readonly kind: ExtractionErrorKind | null; readonly message: string };

/** A heap's live bytes and the memory committed for it. */
export interface HeapSize {
  readonly used: number;
  readonly committed: number;
}

/** A V8 heap's size from its statistics (a thread's own, or a worker's): committed is what it holds of the process's memory. */
export function heapSizeOf(statistics: HeapInfo | null | undefined): HeapSize {
  return { used: statistics?.used_heap_size ?? 0, committed: statistics?.total_physical_size ?? 0 };
}

/** What the worker posts once its modules are loaded, before any job. */
export const WORKER_READY = 'ready';

/** Documents one worker reads before it is replaced (IsolatedExtractor's documentsPerWorker). */
export const DOCUMENTS_PER_WORKER = 500;

/** How often the memory the reading takes is looked at. */
const MEMORY_POLL_MS = 25;

/**
 * The worker's module: next to a Lambda bundle as `extraction-worker.mjs`, else the source
 * beside this file (Node runs TypeScript).
 */
function workerFile(): URL {
  const bundled = new URL('./extraction-worker.mjs', import.meta.url);
  return existsSync(fileURLToPath(bundled)) ? bundled : new URL('./extraction-worker.ts', import.meta.url);
}

/** A worker thread being started, and when it has loaded its modules. */
interface Starting {
  readonly worker: Worker;
  readonly ready: Promise<void>;
}

function startWorker(maxMemoryMb: number): Starting {
  const worker = new Worker(workerFile(), { resourceLimits: { maxOldGenerationSizeMb: maxMemoryMb } });
  const ready = Promise.race([
    once(worker, 'message'),
    once(worker, 'exit').then(([code]) => {
      throw new Error(`the extraction worker exited with code ${code} while starting`);
    }),
  ]).then(() => void worker.unref());
  // Nobody may wait for a spare that fails to start: its failure is met by the extractor that takes it.
  ready.catch(() => {});
  return { worker, ready };
}

/** A worker started ahead of need (prestartWorker), for the first extractor with its memory limit. */
let spare: (Starting & { readonly maxMemoryMb: number }) | null = null;

/**
 * Starts a worker now, for the first IsolatedExtractor whose memory limit is `maxMemoryMb` to
 * take: a command that is about to read a document lets the worker load pdf.js while its own
 * modules load (most of a one-file `extract`). An extractor with another limit stops the spare
 * and starts its own; a spare nobody takes does not keep the process alive. Returns the spare.
 */
export function prestartWorker(maxMemoryMb: number): Worker {
  if (spare !== null) return spare.worker;
  spare = { ...startWorker(maxMemoryMb), maxMemoryMb };
  spare.worker.unref();
  return spare.worker;
}

/** The spare worker if it has the limit wanted; a spare with another limit is stopped. */
function takeSpare(maxMemoryMb: number): Starting | null {
  const taken = spare;
  spare = null;
  if (taken === null) return null;
  const { worker, ready } = taken;
  if (taken.maxMemoryMb !== maxMemoryMb) {
    void worker.terminate();
    return null;
  }
  // Awaited now: it keeps the process alive until loaded, as a worker started here would.
  worker.ref();
  return { worker, ready: ready.then(() => void worker.unref()) };
}

/**
 * Reads documents in a worker thread, one at a time, and stops it from outside: at the time
 * limit, and when the process has grown by more than the memory limit while reading (pdf.js
 * decompresses into buffers outside the worker's heap limit, so both are watched). A stopped
 * reading ends in an ExtractionError (timeout, too-large) and the next document gets a fresh
 * worker. The caller's thread never runs pdf.js, so it keeps answering (the API, /health) and
 * its timers fire while a hostile file is read.
 */
export class IsolatedExtractor implements MeetingExtractor {
  private worker: Worker | null = null;
  /** Settles when `worker` has loaded its modules. */
  private ready: Promise<void> = Promise.resolve();
  private queue: Promise<unknown> = Promise.resolve();

  private readonly limits: ExtractLimits;
  private readonly documentsPerWorker: number;
  /** Documents the current worker has answered. */
  private answered = 0;

  /**
   * `documentsPerWorker`: a worker that has answered that many is replaced by a fresh one before
   * the next document, so what pdf.js and a generously limited heap keep between documents
   * (garbage V8 has no reason to collect below its limit, caches) cannot add up over a long ingest.
   */
  constructor(limits: ExtractLimits, options: { readonly documentsPerWorker?: number } = {}) {
    this.limits = limits;
    this.documentsPerWorker = options.documentsPerWorker ?? DOCUMENTS_PER_WORKER;
  }

  async extract(bytes: Uint8Array, file: string): Promise<MeetingDocument> {
    const reply = await this.enqueue(bytes, file, false);
    if (!('document' in reply)) throw new Error('the extraction worker answered without a document');
    return reply.document;
  }

  async explain(bytes: Uint8Array, file: string): Promise<string> {
    const reply = await this.enqueue(bytes, file, true);
    if (!('explanation' in reply)) throw new Error('the extraction worker answered without an explanation');
    return reply.explanation;
  }

  /**
   * Bytes the worker's heap holds now and the memory it has committed for it (0 with no worker):
   * where a long ingest's memory goes.
   */
  async heap(): Promise<HeapSize> {
    // A worker being replaced has stopped running: it holds nothing worth counting.
    return heapSizeOf(await this.worker?.getHeapStatistics().catch(() => null));
  }

  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    await worker?.terminate();
  }

  private enqueue(bytes: Uint8Array, file: string, explain: boolean) {
    const job = { bytes: bytes.slice(), file, limits: this.limits, explain };
    const run = this.queue.then(async () => this.run(await this.readyWorker(), job));
    this.queue = run.catch(() => {});
    return run;
  }

  private run(worker: Worker, job: ExtractionJob): Promise<Extract<ExtractionReply, { ok: true }>> {
    const startRss = process.memoryUsage.rss();
    const maxGrowth = this.limits.maxMemoryMb * 1024 * 1024;
    return new Promise((resolve, reject) => {
      const settle = (outcome: () => void) => {
        clearTimeout(deadline);
        clearInterval(memory);
        worker.off('message', onMessage).off('error', onError).off('exit', onExit);
        outcome();
      };
      const stop = (error: ExtractionError) =>
        settle(() => {
          this.discard(worker);
          reject(error);
        });
      const onMessage = (reply: ExtractionReply) =>
        settle(() => {
          this.answered++;
          if (reply.ok) resolve(reply);
          else reject(failureOf(reply));
        });
      const onError = (error: Error & { code?: string }) =>
        error.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? stop(tooMuchMemory(this.limits))
          : settle(() => {
              this.discard(worker);
              reject(new Error('the extraction worker failed', { cause: error }));
            });
      const onExit = (code: number) =>
        settle(() => {
          this.worker = null;
          reject(new Error(`the extraction worker exited with code ${code}`));
        });
      const deadline = setTimeout(
        () =>
          stop(new ExtractionError('timeout', `reading took longer than ${this.limits.timeoutMs / 1000} s`)),
        this.limits.timeoutMs,
      );
      const memory = setInterval(() => {
        if (process.memoryUsage.rss() - startRss > maxGrowth) stop(tooMuchMemory(this.limits));
      }, MEMORY_POLL_MS);
      worker.on('message', onMessage).on('error', onError).on('exit', onExit);
      worker.ref();
      worker.postMessage(job, [job.bytes.buffer as ArrayBuffer]);
    }).finally(() => this.worker?.unref()) as Promise<Extract<ExtractionReply, { ok: true }>>;
  }

  /**
   * The worker, started if need be and waited for until its modules are loaded: the limits are on
   * reading a document, not on starting a thread (seconds on a loaded machine, each time a stopped
   * reading's worker is replaced).
   */
  private async readyWorker(): Promise<Worker> {
    if (this.worker !== null && this.answered >= this.documentsPerWorker) this.discard(this.worker);
    if (this.worker === null) {
      this.answered = 0;
      const started = takeSpare(this.limits.maxMemoryMb) ?? startWorker(this.limits.maxMemoryMb);
      this.worker = started.worker;
      this.ready = started.ready;
    }
    const worker = this.worker;
    try {
      await this.ready;
    } catch (error) {
      this.discard(worker);
      throw error;
    }
    return worker;
  }

  /** Stops a worker that is reading something it should not finish. */
  private discard(worker: Worker): void {
    if (this.worker === worker) this.worker = null;
    void worker.terminate();
  }
}

function failureOf(reply: Extract<ExtractionReply, { ok: false }>): Error {
  return reply.kind === null
    ? new Error(`the extraction worker failed: ${reply.message}`)
    : new ExtractionError(reply.kind, reply.message);
}

function tooMuchMemory(limits: ExtractLimits): ExtractionError {
  return new ExtractionError('too-large', `reading took more than ${limits.maxMemoryMb} MB of memory`);
}
