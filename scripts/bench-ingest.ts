/**
 * Ingest throughput of the local service, end to end: generated minutes PDFs are put into the
 * bucket through the S3 API (as a user would), and the bucket's notifications drive the queue:
 * S3 head/get, hashing, registry, extraction (pdf.js + parse + summaries), indexing. Prints
 * documents/s, pages/s, the process's memory at documents 200, 1000 and 2000 (and every 100th in
 * --trace), and the time each stage was busy per document. The baseline, timed in the same run
 * over the same files, is `pdftotext -layout` (poppler). Prints figures, asserts nothing.
 * Usage: npm run bench:ingest [-- --documents N --concurrency N --pdfs DIR --trace --keep]
 * --pdfs keeps the generated PDFs in DIR and reuses those there (2,000 take minutes to make).
 */

import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { getHeapStatistics } from 'node:v8';
import { PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { ingestWorkers } from '#config/service.ts';
import type { IngestOutcome } from '#ingest/ingest-object.ts';
import { type HeapSize, heapSizeOf } from '#ingest/isolated-extractor.ts';
import { createS3Client } from '#storage/clients.ts';
import type { QueueReport } from '../functions/local/ingest-queue.ts';
import { type LocalService, startLocalService } from '../functions/local/service.ts';
import {
  mb,
  pdftotextVersion,
  perSecond,
  positiveIntegerOption,
  printMachine,
  row,
  runPdftotext,
} from './lib/bench-report.ts';
import { benchServiceConfig } from './lib/bench-service.ts';
import { generateMinutesPdf } from './lib/minutes-pdf.ts';
import { type Random, seededRandom } from './lib/random.ts';

const BODIES = [
  'Økonomiudvalget',
  'Kommunalbestyrelsen',
  'Byrådet',
  'Direktionen',
  'Teknik- og Miljøudvalget',
  'Børne- og Skoleudvalget',
  'Social- og Sundhedsudvalget',
];
/** The generator makes about 0.9 pages per item: 5–43 items give minutes of 5–40 pages. */
const MIN_ITEMS = 5;
const MAX_ITEMS = 43;
/** A notification not handled by then means the stack is stuck, not slow. */
const DOCUMENT_TIMEOUT_MS = 120_000;

interface Options {
  readonly documents: number;
  /** Extraction workers (INGEST_CONCURRENCY); the cores when absent. */
  readonly concurrency: number | undefined;
  readonly trace: boolean;
  readonly keep: boolean;
  /** A folder to keep the generated PDFs in, reused by later runs; a temporary one when absent. */
  readonly pdfs: string | undefined;
}

/** Where memory and throughput are reported (those the run reaches, and its last document). */
const CHECKPOINTS = [200, 1000, 2000];

interface MinutesFile {
  readonly path: string;
  readonly key: string;
  readonly body: string;
}

function options(): Options {
  const { values } = parseArgs({
    options: {
      documents: { type: 'string', default: '500' },
      concurrency: { type: 'string' },
      trace: { type: 'boolean', default: false },
      keep: { type: 'boolean', default: false },
      pdfs: { type: 'string' },
    },
  });
  return {
    documents: positiveIntegerOption('documents', values.documents),
    concurrency:
      values.concurrency === undefined ? undefined : positiveIntegerOption('concurrency', values.concurrency),
    trace: values.trace === true,
    keep: values.keep === true,
    pdfs: values.pdfs,
  };
}

// ---- Timing the ports ----

type Stage = 's3 head' | 's3 get' | 'registry' | 'extraction' | 'index';

/** Summed time per stage and per port method (calls overlap when documents are read at once). */
class StageClock {
  readonly stages = new Map<Stage, number>();
  readonly methods = new Map<string, { ms: number; calls: number }>();

  add(stage: Stage, method: string, ms: number): void {
    this.stages.set(stage, (this.stages.get(stage) ?? 0) + ms);
    const entry = this.methods.get(method) ?? { ms: 0, calls: 0 };
    this.methods.set(method, { ms: entry.ms + ms, calls: entry.calls + 1 });
  }

  total(): number {
    return [...this.stages.values()].reduce((sum, ms) => sum + ms, 0);
  }
}

/**
 * A timing decorator applied in place: the running service's queue holds these very adapter
 * instances, so replacing their methods by timed ones times every call the ingest makes,
 * without a change to the service. Only promise-returning methods are wrapped.
 */
function timePort<T extends object>(
  port: T,
  name: string,
  stages: Partial<Record<keyof T & string, Stage>>,
  clock: StageClock,
): void {
  const methods = port as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>;
  for (const [method, stage] of Object.entries(stages) as [string, Stage][]) {
    const original = methods[method];
    if (typeof original !== 'function') throw new Error(`${name} has no method ${method}`);
    methods[method] = async (...args: unknown[]) => {
      const start = performance.now();
      try {
        return await original.apply(port, args);
      } finally {
        clock.add(stage, `${name}.${method}`, performance.now() - start);
      }
    };
  }
}

function timeAdapters(service: LocalService, clock: StageClock): void {
  const { adapters } = service;
  // A service from before the extractor pool (a baseline checkout) reads on adapters.extractor.
  const extractor = (service as { extractor?: object }).extractor ?? adapters.extractor;
  timePort(extractor, 'extractor', { extract: 'extraction' } as never, clock);
  timePort(adapters.blobs, 'blobs', { head: 's3 head', get: 's3 get' }, clock);
  timePort(
    adapters.registry,
    'registry',
    {
      receive: 'registry',
      claim: 'registry',
      complete: 'registry',
      setKey: 'registry',
      get: 'registry',
      keysOf: 'registry',
      markRemoved: 'registry',
      removeKey: 'registry',
      documentAt: 'registry',
    },
    clock,
  );
  timePort(adapters.index, 'index', { replaceDocument: 'index', deleteDocument: 'index' }, clock);
}

// ---- The documents ----

function between(random: Random, low: number, high: number): number {
  return low + Math.floor(random() * (high - low + 1));
}

/** Short minutes are more common than long ones: items are skewed towards the low end. */
async function generateFolder(dir: string, count: number): Promise<MinutesFile[]> {
  const random = seededRandom(500);
  const files: MinutesFile[] = [];
  for (let n = 0; n < count; n++) {
    const items = MIN_ITEMS + Math.floor(random() ** 1.5 * (MAX_ITEMS - MIN_ITEMS + 1));
    const body = BODIES[between(random, 0, BODIES.length - 1)] as string;
    const date = new Date(Date.UTC(2019, 0, 1) + between(random, 0, 6 * 365) * 86_400_000)
      .toISOString()
      .slice(0, 10);
    const name = `Referat ${body} ${date} ${String(n + 1).padStart(3, '0')}.pdf`;
    const path = join(dir, name);
    // The same seeds make the same file: one kept from an earlier run is used as it is.
    if (!existsSync(path))
      writeFileSync(path, await generateMinutesPdf({ items, seed: 1000 + n, body, date }));
    files.push({ path, key: `referater/${name}`, body });
  }
  return files;
}

// ---- The run ----

interface Checkpoint {
  readonly documents: number;
  readonly ms: number;
  readonly memory: NodeJS.MemoryUsage;
  /** The main thread's heap: used, and the memory committed for it (V8's physical size, as the workers'). */
  readonly mainHeap: HeapSize;
  /** The extraction workers' heaps together (null for a service without a pool). */
  readonly workersHeap: HeapSize | null;
  readonly load: number;
}

interface IngestRun {
  readonly wallMs: number;
  readonly outcomes: readonly IngestOutcome[];
  readonly errors: readonly { key: string; error: unknown }[];
  readonly checkpoints: readonly Checkpoint[];
}

/** Reports by key, so the loop can wait for the one its put caused. */
class Reports {
  readonly #waiting = new Map<string, (report: QueueReport) => void>();

  onReport = (report: QueueReport): void => {
    const key = report.kind === 'error' ? report.key : report.outcome.key;
    this.#waiting.get(key)?.(report);
    this.#waiting.delete(key);
  };

  next(key: string): Promise<QueueReport> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.#waiting.delete(key);
        reject(new Error(`no notification handled for ${key} within ${DOCUMENT_TIMEOUT_MS / 1000} s`));
      }, DOCUMENT_TIMEOUT_MS);
      this.#waiting.set(key, (value) => {
        clearTimeout(timer);
        resolve(value);
      });
    });
  }
}

/**
 * Puts the files as a user's client would, keeping `window` of them put but not yet handled (so
 * the queue always has work, and never the whole folder's bytes at once), and samples the
 * process's memory as the handled count passes each checkpoint.
 */
async function ingestAll(
  service: LocalService,
  files: readonly MinutesFile[],
  s3: S3Client,
  bucket: string,
  reports: Reports,
  window: number,
  trace: boolean,
): Promise<IngestRun> {
  const outcomes: IngestOutcome[] = [];
  const errors: { key: string; error: unknown }[] = [];
  const checkpoints: Checkpoint[] = [];
  const start = performance.now();
  const handle = async (file: MinutesFile) => {
    const handled = reports.next(file.key);
    await s3.send(
      new PutObjectCommand({
        Bucket: bucket,
        Key: file.key,
        Body: readFileSync(file.path),
        ContentType: 'application/pdf',
      }),
    );
    const report = await handled;
    if (report.kind === 'ingested') outcomes.push(report.outcome);
    else if (report.kind === 'error') errors.push({ key: report.key, error: report.error });
    const done = outcomes.length + errors.length;
    if (CHECKPOINTS.includes(done) || done === files.length || (trace && done % 100 === 0)) {
      const ms = performance.now() - start;
      const memory = process.memoryUsage();
      const pool = (service as { extractor?: { heap?: () => Promise<HeapSize> } }).extractor;
      const workersHeap = pool?.heap === undefined ? null : await pool.heap();
      const mainHeap = heapSizeOf(getHeapStatistics());
      checkpoints.push({ documents: done, ms, memory, mainHeap, workersHeap, load: loadavg()[0] ?? 0 });
    }
  };
  let next = 0;
  const lane = async () => {
    while (next < files.length) await handle(files[next++] as MinutesFile);
  };
  await Promise.all(Array.from({ length: window }, lane));
  return { wallMs: performance.now() - start, outcomes, errors, checkpoints };
}

/** ingestObject hashes the bytes for the document id, extractMeeting again for source.sha256. */
function hashingMs(files: readonly MinutesFile[]): number {
  const contents = files.map((file) => readFileSync(file.path));
  const start = performance.now();
  for (const bytes of contents) {
    createHash('sha256').update(bytes).digest('hex');
    createHash('sha256').update(bytes).digest('hex');
  }
  return performance.now() - start;
}

function pdftotextMs(files: readonly MinutesFile[]): number {
  const paths = files.map((file) => file.path);
  const start = performance.now();
  runPdftotext(paths);
  return performance.now() - start;
}

/** Every indexed item should be found by the API: a search without words counts them all. */
async function searchableItems(service: LocalService): Promise<number> {
  const response = await fetch(`${service.url}/search?q=&size=1`);
  if (!response.ok) throw new Error(`GET /search answered ${response.status}`);
  return ((await response.json()) as { total: number }).total;
}

// ---- Printing ----

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

function printDocuments(files: readonly MinutesFile[], outcomes: readonly IngestOutcome[], ms: number): void {
  const pages = outcomes.flatMap((o) => (o.status === 'indexed' ? [o.pages] : []));
  const bytes = files.reduce((sum, file) => sum + statSync(file.path).size, 0);
  const bodies = new Set(files.map((file) => file.body)).size;
  console.log(
    `documents: ${files.length} generated minutes PDFs in ${seconds(ms)} (not timed below): ` +
      `${Math.min(...pages)}–${Math.max(...pages)} pages, mean ${(pages.reduce((a, b) => a + b, 0) / pages.length).toFixed(1)}, ` +
      `${bodies} bodies, ${(bytes / 2 ** 20).toFixed(1)} MB`,
  );
}

function printStages(run: IngestRun, clock: StageClock, hashMs: number, documents: number): number {
  const stage = (name: Stage) => clock.stages.get(name) ?? 0;
  const registryCalls = [...clock.methods]
    .filter(([method]) => method.startsWith('registry.'))
    .map(([method, { calls }]) => `${method.slice('registry.'.length)} ${calls}`)
    .join(', ');
  const rows: [string, number][] = [
    ['S3 head (once per file)', stage('s3 head')],
    ['S3 get (its size checked on the answer)', stage('s3 get')],
    ['hashing (sha256 twice per file) [a]', hashMs],
    [`registry (${registryCalls})`, stage('registry')],
    ['extraction (pdf.js + parse + summaries, in a worker) [b]', stage('extraction')],
    ['indexing (replaceDocument, one writer)', stage('index')],
  ];
  const widths = [72, 10, 10];
  console.log(`\n${row(['stage (busy time, summed over documents)', 'ms', 'ms/doc'], widths)}`);
  for (const [name, ms] of rows) console.log(row([name, ms.toFixed(0), (ms / documents).toFixed(1)], widths));
  console.log(row(['wall', run.wallMs.toFixed(0), (run.wallMs / documents).toFixed(1)], widths));
  console.log(`
how: the running service's adapter and extractor instances have their methods wrapped by timing
  decorators (the queue holds the same instances). Documents are read at once, so stage times
  overlap and add up to more than the wall time. [a] hashing runs inside ingestObject and
  extractMeeting: the same sha256 calls were timed on the same bytes outside the run. [b] from
  the queue's call to the answer: waiting for a free worker is included.`);
  return stage('extraction');
}

/** A heap as `53 MB / 190 MB`: used, committed. */
const usedOf = ({ used, committed }: HeapSize) => `${mb(used)} / ${mb(committed)}`;

function printCheckpoints(run: IngestRun): void {
  const widths = [10, 9, 8, 12, 8, 16, 9, 16, 6];
  console.log(
    `\n${row(['documents', 'time', 'docs/s', 'docs/s here', 'rss', 'heap', 'external', 'workers heap', 'load'], widths)}`,
  );
  let previous = { documents: 0, ms: 0 };
  for (const point of run.checkpoints) {
    const here = perSecond(point.documents - previous.documents, point.ms - previous.ms);
    console.log(
      row(
        [
          String(point.documents),
          seconds(point.ms),
          perSecond(point.documents, point.ms).toFixed(2),
          here.toFixed(2),
          mb(point.memory.rss),
          usedOf(point.mainHeap),
          mb(point.memory.external),
          point.workersHeap === null ? '-' : usedOf(point.workersHeap),
          point.load.toFixed(2),
        ],
        widths,
      ),
    );
    previous = point;
  }
  const from = run.checkpoints.find((point) => point.documents === 200);
  const to = run.checkpoints.at(-1);
  if (from && to && to !== from)
    console.log(
      `rss from document 200 to ${to.documents}: ${mb(from.memory.rss)} -> ${mb(to.memory.rss)} (${to.memory.rss >= from.memory.rss ? '+' : '-'}${mb(Math.abs(to.memory.rss - from.memory.rss))})`,
    );
  console.log(
    "  (docs/s: since the first put; docs/s here: since the row before; heap: the main thread's, used / committed (V8's physical size); workers heap: the extraction workers' together, likewise; load: 1-minute load average then.)",
  );
}

function printRun(run: IngestRun, items: number, searchable: number): number {
  const pages = run.outcomes.reduce((sum, o) => sum + (o.status === 'indexed' ? o.pages : 0), 0);
  const counts = new Map<string, number>();
  for (const outcome of run.outcomes) counts.set(outcome.status, (counts.get(outcome.status) ?? 0) + 1);
  const documents = run.outcomes.length + run.errors.length;
  console.log(
    `\nend to end: ${documents} documents, ${pages} pages, ${items} items in ${seconds(run.wallMs)}: ` +
      `${perSecond(documents, run.wallMs).toFixed(2)} documents/s, ${perSecond(pages, run.wallMs).toFixed(1)} pages/s`,
  );
  console.log(
    `outcomes: ${[...counts].map(([status, n]) => `${status} ${n}`).join(', ')}; errors ${run.errors.length}`,
  );
  if ((counts.get('indexed') ?? 0) !== documents) {
    console.log('WARNING: not every document was indexed; the figures do not describe a clean run');
    for (const { key, error } of run.errors.slice(0, 5)) console.log(`  error ${key}: ${String(error)}`);
  }
  console.log(
    `searchable: GET /search?q= counts ${searchable} items${searchable === items ? ' (every item indexed)' : ` — MISMATCH, ${items} indexed`}`,
  );
  return pages;
}

function printBaseline(pages: number, run: IngestRun, extractionMs: number, baselineMs: number | null): void {
  if (baselineMs === null) {
    console.log('\nbaseline: pdftotext is not installed, so no ratio');
    return;
  }
  const theirs = perSecond(pages, baselineMs);
  const ours = perSecond(pages, run.wallMs);
  const extraction = perSecond(pages, extractionMs);
  console.log(
    `\nbaseline: pdftotext -layout FILE - (one process per file, the same ${run.outcomes.length} files, one after another): ` +
      `${seconds(baselineMs)}, ${theirs.toFixed(1)} pages/s`,
  );
  console.log(`ratio ours/pdftotext in pages/s: end to end ${(ours / theirs).toFixed(2)}`);
  console.log(
    `  (extraction alone, per worker: ${extraction.toFixed(1)} pages/s, ${(extraction / theirs).toFixed(2)})`,
  );
}

// ---- Main ----

async function main(): Promise<void> {
  const { documents, concurrency, trace, keep, pdfs } = options();
  const pdftotext = pdftotextVersion();
  const workers = ingestWorkers({ ingestConcurrency: concurrency });
  printMachine({
    lines: [
      `pdftotext: ${pdftotext ?? 'NOT INSTALLED (apt-get install poppler-utils): no baseline'}`,
      `load average at the start: ${loadavg()
        .map((load) => load.toFixed(2))
        .join(' ')}; extraction workers: ${workers}`,
    ],
  });
  const folder = pdfs ?? mkdtempSync(join(tmpdir(), 'bench-ingest-pdfs-'));
  mkdirSync(folder, { recursive: true });
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-ingest-data-'));
  let service: LocalService | null = null;
  let s3: S3Client | null = null;
  try {
    let start = performance.now();
    const files = await generateFolder(folder, documents);
    const generationMs = performance.now() - start;

    const config = benchServiceConfig(dataDir, { INGEST_CONCURRENCY: String(workers) });
    const reports = new Reports();
    start = performance.now();
    service = await startLocalService(config, { onReport: reports.onReport });
    console.log(`local service: started in ${(performance.now() - start).toFixed(0)} ms, data in ${dataDir}`);
    const clock = new StageClock();
    timeAdapters(service, clock);
    // A user's own client, as `aws s3 cp` would be: not the service's adapter.
    s3 = createS3Client({ region: service.config.region, endpoint: service.config.endpoints.s3 });

    // Twice what the queue takes at once (twice the workers), so it never runs dry.
    const run = await ingestAll(service, files, s3, service.config.bucket, reports, 4 * workers, trace);
    const items = run.outcomes.reduce((sum, o) => sum + (o.status === 'indexed' ? o.items : 0), 0);
    const searchable = await searchableItems(service);
    const hashMs = hashingMs(files);
    const baselineMs = pdftotext === null ? null : pdftotextMs(files);

    printDocuments(files, run.outcomes, generationMs);
    const pages = printRun(run, items, searchable);
    const extractionMs = printStages(run, clock, hashMs, run.outcomes.length + run.errors.length);
    printBaseline(pages, run, extractionMs, baselineMs);
    printCheckpoints(run);
    console.log(
      `load average at the end: ${loadavg()
        .map((load) => load.toFixed(2))
        .join(' ')}`,
    );
  } finally {
    s3?.destroy();
    await service?.stop();
    if (pdfs === undefined) rmSync(folder, { recursive: true, force: true });
    if (keep) console.log(`data kept in ${dataDir}`);
    else rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
