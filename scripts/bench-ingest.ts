/**
 * Ingest throughput of the local service, end to end: generated minutes PDFs are put into the
 * bucket through the S3 API (as a user would), and the bucket's notifications drive the queue:
 * S3 head/get, hashing, registry, extraction (pdf.js + parse + summaries), indexing. Prints
 * documents/s, pages/s and the share of time per stage. The baseline, timed in the same run over
 * the same files, is `pdftotext -layout` (poppler). Prints figures, asserts nothing.
 * Usage: npm run bench:ingest [-- --documents N --keep]
 */

import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import type { IngestOutcome } from '#ingest/ingest-object.ts';
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
  readonly keep: boolean;
}

interface MinutesFile {
  readonly path: string;
  readonly key: string;
  readonly body: string;
}

function options(): Options {
  const { values } = parseArgs({
    options: { documents: { type: 'string', default: '500' }, keep: { type: 'boolean', default: false } },
  });
  return { documents: positiveIntegerOption('documents', values.documents), keep: values.keep === true };
}

// ---- Timing the ports ----

type Stage = 's3 head' | 's3 get' | 'registry' | 'index';

/** Summed time per stage and per port method; `firstCallAt` marks where a document's ingest began. */
class StageClock {
  readonly stages = new Map<Stage, number>();
  readonly methods = new Map<string, { ms: number; calls: number }>();
  firstCallAt: number | null = null;

  add(stage: Stage, method: string, start: number, ms: number): void {
    this.firstCallAt ??= start;
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
        clock.add(stage, `${name}.${method}`, start, performance.now() - start);
      }
    };
  }
}

function timeAdapters({ adapters }: LocalService, clock: StageClock): void {
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
    writeFileSync(path, await generateMinutesPdf({ items, seed: 1000 + n, body, date }));
    files.push({ path, key: `referater/${name}`, body });
  }
  return files;
}

// ---- The run ----

interface IngestRun {
  readonly wallMs: number;
  /** From sending PutObject until the queue's first port call for it (or the put's answer, if sooner). */
  readonly putMs: number;
  /** From the first port call of a document until the queue reported it, summed. */
  readonly ingestMs: number;
  readonly outcomes: readonly IngestOutcome[];
  readonly errors: readonly { key: string; error: unknown }[];
}

/** Reports by key, so the loop can wait for the one its put caused. */
class Reports {
  readonly #waiting = new Map<string, (report: { at: number; report: QueueReport }) => void>();

  onReport = (report: QueueReport): void => {
    const at = performance.now();
    const key = report.kind === 'error' ? report.key : report.outcome.key;
    this.#waiting.get(key)?.({ at, report });
    this.#waiting.delete(key);
  };

  next(key: string): Promise<{ at: number; report: QueueReport }> {
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
 * One file at a time: put it, then wait until the queue has handled its notification. So the
 * stages never overlap on the one event loop, and their times add up to the wall time.
 */
async function ingestAll(
  files: readonly MinutesFile[],
  s3: S3Client,
  bucket: string,
  clock: StageClock,
  reports: Reports,
): Promise<IngestRun> {
  const outcomes: IngestOutcome[] = [];
  const errors: { key: string; error: unknown }[] = [];
  let putMs = 0;
  let ingestMs = 0;
  const start = performance.now();
  for (const file of files) {
    const bytes = readFileSync(file.path);
    clock.firstCallAt = null;
    const handled = reports.next(file.key);
    const putStart = performance.now();
    await s3.send(
      new PutObjectCommand({ Bucket: bucket, Key: file.key, Body: bytes, ContentType: 'application/pdf' }),
    );
    const putEnd = performance.now();
    const { at, report } = await handled;
    const ingestStart = clock.firstCallAt ?? putEnd;
    putMs += Math.min(putEnd, ingestStart) - putStart;
    ingestMs += at - ingestStart;
    if (report.kind === 'ingested') outcomes.push(report.outcome);
    else if (report.kind === 'error') errors.push({ key: report.key, error: report.error });
  }
  return { wallMs: performance.now() - start, putMs, ingestMs, outcomes, errors };
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
const percent = (part: number, whole: number) => `${((100 * part) / whole).toFixed(1)}%`;

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
  const extractionMs = run.ingestMs - clock.total() - hashMs;
  const otherMs = run.wallMs - run.putMs - run.ingestMs;
  const registryCalls = [...clock.methods]
    .filter(([method]) => method.startsWith('registry.'))
    .map(([method, { calls }]) => `${method.slice('registry.'.length)} ${calls}`)
    .join(', ');
  const rows: [string, number][] = [
    ['S3 put (PutObject until the queue starts on it)', run.putMs],
    ['S3 head (twice per file)', stage('s3 head')],
    ['S3 get', stage('s3 get')],
    ['hashing (sha256 twice per file) [a]', hashMs],
    [`registry (${registryCalls})`, stage('registry')],
    ['extraction (pdf.js + parse + summaries) [b]', extractionMs],
    ['indexing (SQLite replaceDocument)', stage('index')],
    ['other (file reads, put answers, notification hops)', otherMs],
  ];
  const widths = [72, 10, 7, 10];
  console.log(`\n${row(['stage', 'ms', 'share', 'ms/doc'], widths)}`);
  for (const [name, ms] of rows) {
    console.log(row([name, ms.toFixed(0), percent(ms, run.wallMs), (ms / documents).toFixed(1)], widths));
  }
  console.log(
    row(['total (wall)', run.wallMs.toFixed(0), '100.0%', (run.wallMs / documents).toFixed(1)], widths),
  );
  console.log(`
how: one file at a time (put, then wait until the queue has handled its notification), so stages
  never overlap on the event loop. S3 head/get, registry and indexing: the running service's
  adapter instances have their methods wrapped by timing decorators (the queue holds the same
  instances). [a] hashing cannot be wrapped inside ingestObject/extractMeeting: the same sha256
  calls were timed on the same bytes outside the run. [b] extraction by subtraction: the time
  from a document's first port call to its report, less the wrapped port calls and [a]; it also
  holds toIndexedItems and the use case's own bookkeeping.`);
  return extractionMs;
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
    `  (extraction stage alone: ${extraction.toFixed(1)} pages/s, ${(extraction / theirs).toFixed(2)})`,
  );
}

// ---- Main ----

async function main(): Promise<void> {
  const { documents, keep } = options();
  const pdftotext = pdftotextVersion();
  printMachine({
    lines: [`pdftotext: ${pdftotext ?? 'NOT INSTALLED (apt-get install poppler-utils): no baseline'}`],
  });
  const folder = mkdtempSync(join(tmpdir(), 'bench-ingest-pdfs-'));
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-ingest-data-'));
  let service: LocalService | null = null;
  let s3: S3Client | null = null;
  try {
    let start = performance.now();
    const files = await generateFolder(folder, documents);
    const generationMs = performance.now() - start;

    const config = benchServiceConfig(dataDir);
    const reports = new Reports();
    start = performance.now();
    service = await startLocalService(config, { onReport: reports.onReport });
    console.log(`local service: started in ${(performance.now() - start).toFixed(0)} ms, data in ${dataDir}`);
    const clock = new StageClock();
    timeAdapters(service, clock);
    // A user's own client, as `aws s3 cp` would be: not the service's adapter.
    s3 = createS3Client({ region: service.config.region, endpoint: service.config.endpoints.s3 });

    const run = await ingestAll(files, s3, service.config.bucket, clock, reports);
    const items = run.outcomes.reduce((sum, o) => sum + (o.status === 'indexed' ? o.items : 0), 0);
    const searchable = await searchableItems(service);
    const hashMs = hashingMs(files);
    const baselineMs = pdftotext === null ? null : pdftotextMs(files);

    printDocuments(files, run.outcomes, generationMs);
    const pages = printRun(run, items, searchable);
    const extractionMs = printStages(run, clock, hashMs, run.outcomes.length + run.errors.length);
    printBaseline(pages, run, extractionMs, baselineMs);
    const memory = process.memoryUsage();
    console.log(`\nmemory at the end: rss ${mb(memory.rss)}, heap used ${mb(memory.heapUsed)}`);
  } finally {
    s3?.destroy();
    await service?.stop();
    rmSync(folder, { recursive: true, force: true });
    if (keep) console.log(`data kept in ${dataDir}`);
    else rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
