#!/usr/bin/env node
/**
 * Command line entry point. JavaScript, so Node strips no types before the compile cache is on:
 * it turns the cache on before anything else is loaded, so a run reuses the type-stripped and
 * compiled modules of the runs before it (on disk, checked against each file's contents); the
 * worker threads that read documents inherit it through the environment. The commands are in
 * program.ts.
 */
import { enableCompileCache } from 'node:module';

const cache = enableCompileCache();
// Worker threads take the cache from the environment, not from this call.
if (cache.directory !== undefined) process.env.NODE_COMPILE_CACHE ??= cache.directory;

/** Commands that read documents, and wait mostly for their reading thread to load pdf.js. */
const READS_DOCUMENTS = new Set(['extract', 'samples']);
if (READS_DOCUMENTS.has(process.argv[2] ?? '')) {
  // Start it now, with the default memory limit, while the commands' own modules load.
  const [{ prestartWorker }, { defaultLimits }] = await Promise.all([
    import('#ingest/isolated-extractor.ts'),
    import('#config/limits.ts'),
  ]);
  prestartWorker(defaultLimits.maxMemoryMb);
}

await import('./program.ts');
