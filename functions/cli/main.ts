#!/usr/bin/env node
/**
 * Command line entry point. It turns on Node's compile cache before anything else is loaded,
 * so a run reuses the type-stripped and compiled modules of the runs before it (on disk, checked
 * against each file's contents); the worker threads that read documents inherit it through the
 * environment. The commands themselves are in program.ts.
 */
import { enableCompileCache } from 'node:module';

const cache = enableCompileCache();
// Worker threads take the cache from the environment, not from this call.
if (cache.directory !== undefined) process.env.NODE_COMPILE_CACHE ??= cache.directory;

await import('./program.ts');
