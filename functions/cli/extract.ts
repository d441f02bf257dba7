import { readFile } from 'node:fs/promises';
import type { ExtractLimits } from '#config/limits.ts';
import { ExtractionError } from '#extract/errors.ts';
import { IsolatedExtractor } from '#ingest/isolated-extractor.ts';

/** Exit code for input we cannot read, as the CLI contract says. */
export const EXIT_UNREADABLE = 2;

/**
 * `extract FILE`: the Meeting JSON on stdout, or one line naming the kind of failure on stderr;
 * with `explain`, what each line was taken for and why instead of the JSON.
 */
export async function extractCommand(file: string, limits: ExtractLimits, explain = false): Promise<number> {
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFile(file));
  } catch (error) {
    process.stderr.write(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}\n`);
    return EXIT_UNREADABLE;
  }
  // Read in a worker thread, as the service reads, so a hostile file is stopped at the limits.
  const extractor = new IsolatedExtractor(limits);
  try {
    const output = explain
      ? await extractor.explain(bytes, file)
      : JSON.stringify(await extractor.extract(bytes, file), null, 2);
    process.stdout.write(`${output}\n`);
    return 0;
  } catch (error) {
    if (!(error instanceof ExtractionError)) throw error;
    process.stderr.write(`${error.kind}: ${error.message}\n`);
    return EXIT_UNREADABLE;
  } finally {
    await extractor.close();
  }
}
