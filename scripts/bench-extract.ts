/**
 * Extraction throughput: pages per second of the whole pipeline (extractMeeting = pdf.js
 * extraction + parsing + zod validation) against `pdftotext -layout`, on the corpus PDFs and on a
 * generated ~200-page document. Each measurement is warmed up once, then repeated; the median
 * counts. Files are processed one after another, never in parallel. The pipeline is timed in
 * process and as the service runs it, isolated in a worker thread (IsolatedExtractor), so the
 * cost of isolation shows. Prints figures, asserts nothing.
 * Usage: npm run bench:extract [-- --runs N]
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { defaultLimits } from '#config/limits.ts';
import { extractLines } from '#extract/index.ts';
import { extractMeeting } from '#ingest/extract-meeting.ts';
import { IsolatedExtractor } from '#ingest/isolated-extractor.ts';
import { pdfsIn, SAMPLE_FOLDERS } from '../functions/samples.ts';
import {
  median,
  pdftotextVersion,
  perSecond,
  positiveIntegerOption,
  printMachine,
  row,
  runPdftotext,
} from './lib/bench-report.ts';
import { generateMinutesPdf } from './lib/minutes-pdf.ts';

/** About 0.9 pages per generated item: this many items make a document of about 200 pages. */
const LARGE_DOCUMENT_ITEMS = 224;
/** The target: the whole pipeline reaches at least this share of pdftotext's pages per second. */
const TARGET_RATIO = 0.5;

interface DocumentSet {
  readonly name: string;
  readonly files: readonly string[];
  readonly pages: number;
}

interface Result {
  readonly set: DocumentSet;
  readonly oursMs: number;
  readonly isolatedMs: number;
  readonly pdftotextMs: number;
  readonly extractLinesMs: number;
}

function runCount(): number {
  const { values } = parseArgs({ options: { runs: { type: 'string', default: '3' } } });
  return positiveIntegerOption('runs', values.runs);
}

/** pdf.js refuses a Buffer: it wants a plain Uint8Array. */
function readBytes(file: string): Uint8Array {
  return new Uint8Array(readFileSync(file));
}

async function pagesOf(files: readonly string[]): Promise<number> {
  let pages = 0;
  for (const file of files) pages += (await extractLines(readBytes(file), defaultLimits)).pages;
  return pages;
}

/** Writes the generated document where pdftotext can read it, and checks it parses into every item. */
async function largeDocument(dir: string): Promise<string> {
  const file = join(dir, `generated-${LARGE_DOCUMENT_ITEMS}-items.pdf`);
  writeFileSync(file, await generateMinutesPdf({ items: LARGE_DOCUMENT_ITEMS, seed: 2024 }));
  const meeting = await extractMeeting(readBytes(file), file, defaultLimits);
  const decided = meeting.items.filter((item) => item.decision !== null).length;
  console.log(
    `generated document: ${meeting.source.pages} pages, ${meeting.items.length} of ${LARGE_DOCUMENT_ITEMS} items parsed, ` +
      `${decided} with a decision`,
  );
  if (meeting.items.length !== LARGE_DOCUMENT_ITEMS) {
    throw new Error(
      'the generated document did not parse into the expected items: the benchmark would mislead',
    );
  }
  return file;
}

// The readers under test. Each starts from the file path, as pdftotext does.

async function runPipeline(files: readonly string[]): Promise<void> {
  for (const file of files) await extractMeeting(readBytes(file), file, defaultLimits);
}

/** The service's reader: one worker thread, kept between documents as the service keeps it. */
const isolated = new IsolatedExtractor(defaultLimits);

async function runIsolated(files: readonly string[]): Promise<void> {
  for (const file of files) await isolated.extract(readBytes(file), file);
}

async function runExtractLines(files: readonly string[]): Promise<void> {
  for (const file of files) await extractLines(readBytes(file), defaultLimits);
}

async function elapsedMs(run: () => Promise<void> | void): Promise<number> {
  const start = performance.now();
  await run();
  return performance.now() - start;
}

const READERS = {
  ours: runPipeline,
  isolated: runIsolated,
  pdftotext: runPdftotext,
  extractLines: runExtractLines,
} as const;
type ReaderName = keyof typeof READERS;

/** Warm-up, then `runs` rounds; the readers take turns in each round so drift hits them alike. */
async function measure(set: DocumentSet, runs: number): Promise<Result> {
  const names = Object.keys(READERS) as ReaderName[];
  for (const name of names) await READERS[name](set.files);
  const times: Record<ReaderName, number[]> = { ours: [], isolated: [], pdftotext: [], extractLines: [] };
  for (let round = 0; round < runs; round++) {
    for (const name of names) times[name].push(await elapsedMs(() => READERS[name](set.files)));
  }
  return {
    set,
    oursMs: median(times.ours),
    isolatedMs: median(times.isolated),
    pdftotextMs: median(times.pdftotext),
    extractLinesMs: median(times.extractLines),
  };
}

function ratioOf(result: Result, ms = result.oursMs): number {
  return perSecond(result.set.pages, ms) / perSecond(result.set.pages, result.pdftotextMs);
}

function pdfjsVersion(): string {
  const path = createRequire(import.meta.url).resolve('pdfjs-dist/package.json');
  return (JSON.parse(readFileSync(path, 'utf8')) as { version: string }).version;
}

/** pdftotext is what the pipeline is measured against: without it there is nothing to compare. */
function requirePdftotext(): string {
  const version = pdftotextVersion();
  if (version === null) throw new Error('pdftotext is not installed (apt-get install poppler-utils)');
  return version;
}

function printThroughput(results: readonly Result[]): void {
  const widths = [22, 5, 6, 16, 18, 7, 16];
  console.log(
    row(
      ['document set', 'docs', 'pages', 'ours pages/s', 'pdftotext pages/s', 'ratio', 'isolated ratio'],
      widths,
    ),
  );
  for (const result of results) {
    const { set } = result;
    console.log(
      row(
        [
          set.name,
          String(set.files.length),
          String(set.pages),
          perSecond(set.pages, result.oursMs).toFixed(1),
          perSecond(set.pages, result.pdftotextMs).toFixed(1),
          ratioOf(result).toFixed(2),
          ratioOf(result, result.isolatedMs).toFixed(2),
        ],
        widths,
      ),
    );
  }
}

/** Where the time goes: extractLines (pdf.js + line grouping) against the rest (parse + validate). */
function printBreakdown(results: readonly Result[]): void {
  const widths = [22, 12, 16, 16, 13, 12, 15];
  console.log(
    `\n${row(['document set', 'pipeline ms', 'extractLines ms', 'parse+zod ms', 'pdf.js share', 'isolated ms', 'isolation cost'], widths)}`,
  );
  for (const { set, oursMs, isolatedMs, extractLinesMs } of results) {
    const share = `${Math.round((100 * extractLinesMs) / oursMs)}%`;
    const parseMs = Math.max(0, oursMs - extractLinesMs);
    const cost = `${((100 * (isolatedMs - oursMs)) / oursMs).toFixed(0)}%`;
    console.log(
      row(
        [
          set.name,
          oursMs.toFixed(0),
          extractLinesMs.toFixed(0),
          parseMs.toFixed(0),
          share,
          isolatedMs.toFixed(0),
          cost,
        ],
        widths,
      ),
    );
  }
}

function printVerdicts(results: readonly Result[]): void {
  console.log();
  for (const result of results) {
    const ratio = ratioOf(result);
    const outcome = ratio >= TARGET_RATIO ? 'MEETS' : 'MISSES';
    console.log(
      `verdict ${result.set.name}: ${outcome} the target (whole pipeline >= ${TARGET_RATIO} x pdftotext throughput): ` +
        `${ratio.toFixed(2)} x`,
    );
  }
}

async function main(): Promise<void> {
  const runs = runCount();
  const dir = mkdtempSync(join(tmpdir(), 'bench-extract-'));
  try {
    printMachine({
      versions: [`pdfjs-dist ${pdfjsVersion()}`],
      lines: [`pdftotext: ${requirePdftotext()}`, `runs: warm-up + ${runs}, median\n`],
    });
    const corpus = await pdfsIn(SAMPLE_FOLDERS);
    const generated = [await largeDocument(dir)];
    const sets: DocumentSet[] = [
      { name: 'corpus', files: corpus, pages: await pagesOf(corpus) },
      { name: 'generated ~200 pages', files: generated, pages: await pagesOf(generated) },
    ];
    const results: Result[] = [];
    for (const set of sets) results.push(await measure(set, runs));
    console.log();
    printThroughput(results);
    printBreakdown(results);
    printVerdicts(results);
  } finally {
    await isolated.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
