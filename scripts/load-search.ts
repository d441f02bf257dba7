/**
 * Load test of the local service's search API: a store of generated items (written straight into
 * the embedded index), the local service started on it, and autocannon firing a fixed query mix
 * at GET /search from a worker thread. The baseline, timed in the same run on the same index, is
 * the same queries answered by `index.search()` in-process, one after another, for as long: the
 * ratio is what HTTP, parameter validation and JSON cost. Prints figures, asserts nothing.
 * Usage: npm run bench:load [-- --items N --duration S --connections C]
 */

import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { SearchQuery } from '#domain/search.ts';
import { SqliteSearchIndex } from '#search/sqlite/sqlite-index.ts';
import { type LocalService, startLocalService } from '../functions/local/service.ts';
import { mb, percentile, perSecond, positiveIntegerOption, printMachine } from './lib/bench-report.ts';
import { benchServiceConfig, QUERY_MIX } from './lib/bench-service.ts';
import { corpusPool, fillIndex } from './lib/synthetic-items.ts';

const WARMUP_SECONDS = 3;

/** The part of autocannon's result this script reads (the package ships no types). */
interface LoadResult {
  readonly duration: number;
  readonly requests: { readonly average: number; readonly total: number };
  readonly latency: { readonly p50: number; readonly p99: number; readonly average: number };
  readonly errors: number;
  readonly timeouts: number;
  readonly non2xx: number;
  readonly '2xx': number;
}
type Autocannon = (options: Record<string, unknown>) => Promise<LoadResult>;
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

interface Options {
  readonly items: number;
  readonly duration: number;
  readonly connections: number;
}

function options(): Options {
  const { values } = parseArgs({
    options: {
      items: { type: 'string', default: '10000' },
      duration: { type: 'string', default: '20' },
      connections: { type: 'string', default: '10' },
    },
  });
  return {
    items: positiveIntegerOption('items', values.items),
    duration: positiveIntegerOption('duration', values.duration),
    connections: positiveIntegerOption('connections', values.connections),
  };
}

const pathOf = (query: Record<string, string>) => `/search?${new URLSearchParams(query)}`;

function memory(): { rss: number; heapUsed: number } {
  global.gc?.();
  const { rss, heapUsed } = process.memoryUsage();
  return { rss, heapUsed };
}

/** Writes the items straight into the index file the service will open: no PDFs, no registry. */
async function buildStore(dataDir: string, items: number): Promise<number> {
  const start = performance.now();
  const pool = await corpusPool();
  const index = SqliteSearchIndex.open(join(dataDir, 'search.sqlite'));
  try {
    await fillIndex(index, pool, items);
  } finally {
    index.close();
  }
  return performance.now() - start;
}

/** Every query of the mix must answer 200 before load is put on it; prints what each matches. */
async function checkMix(url: string): Promise<void> {
  for (const query of QUERY_MIX) {
    const response = await fetch(`${url}${pathOf(query)}`);
    const body = (await response.json()) as { total?: number };
    if (response.status !== 200) throw new Error(`${pathOf(query)} answered ${response.status}`);
    console.log(`  ${String(body.total).padStart(5)} matches  ${pathOf(query)}`);
  }
}

async function loadHttp(url: string, { duration, connections }: Options): Promise<LoadResult> {
  return autocannon({
    url,
    connections,
    duration,
    // The load generator gets a thread of its own, so it does not share the service's event loop.
    workers: 1,
    warmup: { connections, duration: WARMUP_SECONDS },
    requests: QUERY_MIX.map((query) => ({ method: 'GET', path: pathOf(query) })),
  });
}

/** The same queries, parsed once, answered in-process one after another for `seconds`. */
async function loadInProcess(service: LocalService, seconds: number) {
  const queries = QUERY_MIX.map((query) => SearchQuery.parse(query));
  const latencies: number[] = [];
  const start = performance.now();
  const end = start + seconds * 1000;
  for (let i = 0; performance.now() < end; i++) {
    const t = performance.now();
    await service.adapters.index.search(queries[i % queries.length] as SearchQuery);
    latencies.push(performance.now() - t);
  }
  const elapsed = performance.now() - start;
  latencies.sort((a, b) => a - b);
  return {
    requests: latencies.length,
    perSecond: perSecond(latencies.length, elapsed),
    p50: percentile(latencies, 0.5),
    p99: percentile(latencies, 0.99),
  };
}

async function main(): Promise<void> {
  const opts = options();
  printMachine();
  const dataDir = mkdtempSync(join(tmpdir(), 'load-search-'));
  let service: LocalService | null = null;
  try {
    const buildMs = await buildStore(dataDir, opts.items);
    console.log(
      `store: ${opts.items} generated items written to the index in ${(buildMs / 1000).toFixed(1)} s`,
    );
    // Each connection cycles through the same 16 queries: kept searches would answer all but the
    // first of each. Nothing kept, each is found again, as distinct queries would be.
    const config = benchServiceConfig(dataDir, { SEARCH_CACHE: '0' });
    service = await startLocalService(config);
    console.log(
      `local service: ${service.url}; the mix (${QUERY_MIX.length} queries, each connection cycles through them):`,
    );
    await checkMix(service.url);

    const before = memory();
    console.log(
      `\nload: autocannon, ${opts.connections} connections, ${WARMUP_SECONDS} s warm-up then ${opts.duration} s, from a worker thread`,
    );
    const http = await loadHttp(service.url, opts);
    const after = memory();
    const failures = http.errors + http.timeouts + http.non2xx;
    console.log(
      `  HTTP GET /search   ${(http.requests.total / http.duration).toFixed(0)} requests/s (${http.requests.total} in ${http.duration.toFixed(1)} s, ` +
        `per-second mean ${http.requests.average.toFixed(0)}); latency p50 ${http.latency.p50} ms, p99 ${http.latency.p99} ms, mean ${http.latency.average.toFixed(2)} ms`,
    );
    console.log(
      `  failures           errors ${http.errors}, timeouts ${http.timeouts}, non-2xx ${http.non2xx}` +
        (failures === 0 ? ' (none)' : '  <-- FAILURES: the figures above do not describe a clean run'),
    );
    console.log(
      `  memory             before rss ${mb(before.rss)}, heap used ${mb(before.heapUsed)}; ` +
        `after rss ${mb(after.rss)}, heap used ${mb(after.heapUsed)}`,
    );

    const direct = await loadInProcess(service, opts.duration);
    const ratio = http.requests.total / http.duration / direct.perSecond;
    console.log(
      `\nbaseline: the same queries, index.search() in-process, one after another, ${opts.duration} s\n` +
        `  in-process         ${direct.perSecond.toFixed(0)} requests/s (${direct.requests}); latency p50 ${direct.p50.toFixed(2)} ms, p99 ${direct.p99.toFixed(2)} ms`,
    );
    console.log(`  ratio HTTP/in-process requests/s: ${ratio.toFixed(2)}`);
  } finally {
    await service?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
