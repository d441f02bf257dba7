import { readFile } from 'node:fs/promises';
import type { ExtractLimits } from '#config/limits.ts';
import type { MeetingDocument } from '#domain/meeting.ts';
import { ExtractionError } from '#extract/errors.ts';
import { ExtractorPool } from '#ingest/extractor-pool.ts';

/** Exit code for input we cannot read, as the CLI contract says. */
export const EXIT_UNREADABLE = 2;
/** Exit code when reading failed for a reason of ours (a bug), not the input's. */
const EXIT_FAULT = 1;

/** What became of one file: its Meeting document (or explanation), or why it has none. */
type Reading =
  | { readonly file: string; readonly output: MeetingDocument | string }
  | { readonly file: string; readonly failure: Failure };

interface Failure {
  /** An ExtractionError's kind; `cannot-read` when the file cannot be opened; `internal` for a fault of ours. */
  readonly kind: string;
  readonly message: string;
  readonly cause?: unknown;
}

/**
 * `extract FILE...`: for one file, the Meeting JSON on stdout, or one line naming the kind of
 * failure on stderr; for several, one JSON line per file in the order given, a failed file's
 * line saying why in its place, read in parallel on a pool of `workers` threads (no more than the files).
 * With `explain`, what each line was taken for and why instead of the JSON.
 */
export async function extractCommand(
  files: readonly string[],
  limits: ExtractLimits,
  explain: boolean,
  workers: number,
): Promise<number> {
  // Each file is read in a worker thread, as the service reads, so a hostile file is stopped at the limits.
  const pool = new ExtractorPool(limits, Math.min(files.length, workers));
  try {
    const [only] = files;
    if (files.length === 1 && only !== undefined) return printOne(await read(pool, only, explain));
    return await printEach(
      files.map((file) => read(pool, file, explain)),
      explain,
    );
  } finally {
    await pool.close();
  }
}

async function read(pool: ExtractorPool, file: string, explain: boolean): Promise<Reading> {
  return pool.withSlot(async (extractor) => {
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(await readFile(file));
    } catch (error) {
      return { file, failure: { kind: 'cannot-read', message: errorCode(error), cause: error } };
    }
    try {
      return {
        file,
        output: explain ? await extractor.explain(bytes, file) : await extractor.extract(bytes, file),
      };
    } catch (error) {
      if (error instanceof ExtractionError)
        return { file, failure: { kind: error.kind, message: error.message } };
      return { file, failure: { kind: 'internal', message: String(error), cause: error } };
    }
  });
}

/** One file, as the CLI has always printed it. */
function printOne(reading: Reading): number {
  if ('output' in reading) {
    const { output } = reading;
    process.stdout.write(`${typeof output === 'string' ? output : JSON.stringify(output, null, 2)}\n`);
    return 0;
  }
  const { kind, message, cause } = reading.failure;
  if (kind === 'internal') throw cause;
  process.stderr.write(
    kind === 'cannot-read' ? `cannot read ${reading.file}: ${message}\n` : `${kind}: ${message}\n`,
  );
  return EXIT_UNREADABLE;
}

/** Several files: each printed in the order given as soon as it and those before it are read. */
async function printEach(readings: readonly Promise<Reading>[], explain: boolean): Promise<number> {
  let code = 0;
  for (const [index, pending] of readings.entries()) {
    const reading = await pending;
    const between = index === 0 ? '' : '\n';
    process.stdout.write(explain ? `${between}${explainedSection(reading)}` : `${jsonLine(reading)}\n`);
    if ('failure' in reading) {
      const { kind, message } = reading.failure;
      process.stderr.write(`${reading.file}: ${kind}: ${message}\n`);
      code = kind === 'internal' || code === EXIT_FAULT ? EXIT_FAULT : EXIT_UNREADABLE;
    }
  }
  return code;
}

function jsonLine(reading: Reading): string {
  if ('output' in reading) return JSON.stringify(reading.output);
  const { kind, message } = reading.failure;
  return JSON.stringify({ file: reading.file, error: { kind, message } });
}

/** `--explain` of several files: each under a `==> FILE <==` heading, as `head` prints several files. */
function explainedSection(reading: Reading): string {
  const body =
    'output' in reading ? String(reading.output) : `${reading.failure.kind}: ${reading.failure.message}`;
  return `==> ${reading.file} <==\n${body}\n`;
}

function errorCode(error: unknown): string {
  return (error as NodeJS.ErrnoException).code ?? String(error);
}
