import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { SingleBar } from 'cli-progress';
import { z } from 'zod';
import { type DocumentRecord, documentIdOfBytes } from '#domain/document.ts';
import { eachAtOnce } from '#ingest/slots.ts';
import { EXTRACTOR_VERSION } from '#ingest/version.ts';
import { minutesContentType } from '#storage/blob-store.ts';
import type { Store } from './store.ts';

/** How long to wait between looks at the registry while a document is processed. */
const POLL_MS = 100;
const FINAL = new Set(['indexed', 'failed', 'needs-ocr']);

const FilesAtOnce = z.coerce.number().int().min(1).max(64);

/**
 * --concurrency as given (text), or what is wrong with it; `fallback` when not given: the caller
 * passes twice the store's extraction workers, so they (the local queue's, or a deployment's
 * functions) always have the next file while one is written and waited for.
 */
export function filesAtOnce(given: string | undefined, fallback: number): number | string {
  const parsed = FilesAtOnce.default(fallback).safeParse(given);
  return parsed.success ? parsed.data : (parsed.error.issues[0]?.message ?? 'not a number');
}

interface FileToIngest {
  readonly path: string;
  /** The object key: the file's path below the folder given, or its name. */
  readonly key: string;
}

type Result =
  | { readonly file: FileToIngest; readonly status: 'indexed' | 'skipped' }
  | { readonly file: FileToIngest; readonly status: 'failed'; readonly reason: string };

/**
 * `ingest PATH...`: puts each PDF (or saved web page, or portal agenda JSON) into the bucket and
 * follows it in the registry until it is indexed or refused, several at once (`atOnce`), the
 * results said in the order given. Bytes the registry already has from this extractor version
 * are skipped. A store that fails stops new files; those under way end first.
 */
export async function ingestCommand(
  paths: readonly string[],
  store: Store,
  { prefix, atOnce }: { readonly prefix: string; readonly atOnce: number },
): Promise<number> {
  const files = await minutesFiles(paths, prefix);
  if (files.length === 0) {
    process.stderr.write('No PDF, HTML or JSON files found.\n');
    return 1;
  }
  process.stderr.write(`Ingesting ${files.length} file(s) into ${store.description}\n`);
  const bar = new SingleBar({
    format: '{bar} {value}/{total} {file}',
    stream: process.stderr,
    hideCursor: true,
    clearOnComplete: true,
  });
  bar.start(files.length, 0, { file: '' });
  const order = new GivenOrder();
  let results: Result[];
  try {
    results = await eachAtOnce(files, atOnce, async (file) => {
      bar.update({ file: file.key });
      try {
        return await ingestFile(file, store, order);
      } finally {
        bar.increment();
      }
    });
  } finally {
    // Also when the store fails: the terminal gets its cursor back before the error is said.
    bar.stop();
  }
  printSummary(results);
  return results.some((r) => r.status === 'failed') ? 1 : 0;
}

/**
 * Files read one after another in the order given, so that files with the same bytes (one
 * document) are handled in that order too, one after another: the first is indexed, the others
 * are then skipped. Reading is quick next to what the store does with a file.
 */
class GivenOrder {
  #reading: Promise<unknown> = Promise.resolve();
  readonly #byDocument = new Map<string, Promise<unknown>>();

  read(path: string): Promise<Buffer> {
    const read = this.#reading.then(() => readFile(path));
    this.#reading = read.catch(() => {});
    return read;
  }

  /** `handle` once the files before with these bytes are handled (it fails if one of them failed). */
  after(id: string, handle: () => Promise<Result>): Promise<Result> {
    const handled = (this.#byDocument.get(id) ?? Promise.resolve()).then(handle);
    this.#byDocument.set(id, handled);
    return handled;
  }
}

/** One file put in and followed, after any file given before it with the same bytes. */
async function ingestFile(file: FileToIngest, store: Store, order: GivenOrder): Promise<Result> {
  const bytes = new Uint8Array(await order.read(file.path));
  if (bytes.length > store.config.limits.maxBytes) {
    const reason = `too-large: ${bytes.length} bytes exceeds the limit of ${store.config.limits.maxBytes}`;
    return { file, status: 'failed', reason };
  }
  const id = documentIdOfBytes(bytes);
  return order.after(id, () => putAndFollow(file, bytes, id, store));
}

async function putAndFollow(
  file: FileToIngest,
  bytes: Uint8Array,
  id: string,
  store: Store,
): Promise<Result> {
  const { registry, blobs } = store.adapters;
  const known = await registry.get(id);
  if (known && FINAL.has(known.status) && known.extractorVersion === EXTRACTOR_VERSION) {
    // Read before by this extractor version: it would end the same way again.
    return known.status === 'indexed' ? { file, status: 'skipped' } : resultOf(file, known);
  }
  const since = new Date().toISOString();
  await blobs.put(file.key, bytes, minutesContentType(file.key));
  return resultOf(file, await settled(store, id, since));
}

type Settled =
  | Pick<DocumentRecord, 'status' | 'reason'>
  | { readonly status: 'waiting'; readonly reason: string };

function resultOf(file: FileToIngest, { status, reason }: Settled): Result {
  return status === 'indexed' ? { file, status } : { file, status: 'failed', reason: reason ?? status };
}

/** The document's record once its processing (started at `since` or later) has ended. */
async function settled(store: Store, id: string, since: string): Promise<Settled> {
  const deadline = Date.now() + store.config.limits.timeoutMs + 60_000;
  for (;;) {
    const record = await store.adapters.registry.get(id);
    if (record && FINAL.has(record.status) && record.updatedAt >= since) return record;
    if (Date.now() > deadline) {
      return {
        status: 'waiting',
        reason: `still ${record?.status ?? 'not yet received'}; see \`status\` later`,
      };
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

/** What a folder of minutes holds: PDFs, web pages saved from a publication portal, a portal's agenda JSON. */
const MINUTES_FILE = /\.(pdf|html?|json)$/i;

/** Every PDF, web page or agenda JSON under the paths (folders recursively), each with its object key. */
async function minutesFiles(paths: readonly string[], prefix: string): Promise<FileToIngest[]> {
  const files: FileToIngest[] = [];
  for (const path of paths) {
    if ((await stat(path)).isDirectory()) {
      for (const entry of await readdir(path, { recursive: true })) {
        if (MINUTES_FILE.test(entry))
          files.push({ path: join(path, entry), key: `${prefix}${basename(path)}/${entry}` });
      }
    } else {
      files.push({ path, key: `${prefix}${basename(path)}` });
    }
  }
  return files.sort((a, b) => a.key.localeCompare(b.key));
}

function printSummary(results: readonly Result[]): void {
  const count = (status: Result['status']) => results.filter((r) => r.status === status).length;
  process.stdout.write(
    `${count('indexed')} indexed, ${count('failed')} failed, ${count('skipped')} skipped (already indexed)\n`,
  );
  for (const result of results) {
    if (result.status === 'failed') process.stdout.write(`  failed  ${result.file.path}: ${result.reason}\n`);
  }
}
