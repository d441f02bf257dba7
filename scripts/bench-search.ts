/**
 * Search benchmark: builds indexes of 10k and 100k generated items (sentences of the real
 * corpus), then times a fixed query mix. The baseline, timed in the same run, is a plain FTS5
 * table of the same texts with SQLite's own tokenizer: no stemming, no stop words, no compounds,
 * no facets, no highlights or summaries. Prints index time, memory and latency p50/p99 after a
 * warm-up round.
 * With `--engine opensearch` the same items and queries also run on OpenSearch (the node at
 * OPENSEARCH_URL, else one started for the run), after SQLite, one engine at a time.
 * Usage: npm run bench:search [-- --sizes 10000,100000 --rounds 5 --engine sqlite|opensearch
 *        --writes 20 --heap 512]
 */

import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { SearchQuery } from '#domain/search.ts';
import { searchFields } from '#search/fields.ts';
import { OpenSearchIndex } from '#search/opensearch/opensearch-index.ts';
import type { SearchIndex } from '#search/port.ts';
import { SqliteSearchIndex } from '#search/sqlite/sqlite-index.ts';
import {
  type BenchNode,
  benchNode,
  bulkLoad,
  deleteBenchIndex,
  engineVersion,
  indexSize,
  type NodeMemory,
  nodeMemory,
} from './lib/bench-opensearch.ts';
import { mb, percentile, perSecond, positiveIntegerOption, printMachine } from './lib/bench-report.ts';
import { QUERY_MIX } from './lib/bench-service.ts';
import { plainBaseline, plainMatch } from './lib/plain-fts.ts';
import { corpusPool, type Pool, type SyntheticDocument, syntheticDocuments } from './lib/synthetic-items.ts';

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '10000,100000' },
    rounds: { type: 'string', default: '5' },
    engine: { type: 'string', default: 'sqlite' },
    writes: { type: 'string', default: '20' },
    heap: { type: 'string', default: '512' },
    batch: { type: 'string', default: '1000' },
  },
});
const sizes = (values.sizes as string).split(',').map((size) => positiveIntegerOption('sizes', size));
const rounds = positiveIntegerOption('rounds', values.rounds);
const writes = positiveIntegerOption('writes', values.writes);
const heapMb = positiveIntegerOption('heap', values.heap);
const batchItems = positiveIntegerOption('batch', values.batch);
if (values.engine !== 'sqlite' && values.engine !== 'opensearch')
  throw new Error(`--engine must be sqlite or opensearch (SQLite always runs), not ${values.engine}`);

/** The times of the query mix: every timed call sorted, each query's, and each query's total. */
interface MixTimes {
  readonly sorted: number[];
  readonly perQuery: Map<string, number[]>;
  readonly totals: Map<string, number>;
  /** OpenSearch: the engine's own time of each call (its requests' `took`, summed), sorted, and requests per call. */
  readonly engine: { readonly sorted: number[]; requests: number };
}

/**
 * A warm-up round, not measured (statements compiled, caches filled), then `rounds` rounds of the
 * mix. `engineSince` (OpenSearch) tells the engine's own time of the requests since its last call.
 */
async function timeMix(index: SearchIndex, engineSince?: BenchNode['engineSince']): Promise<MixTimes> {
  for (const input of QUERY_MIX) await index.search(SearchQuery.parse(input));
  const times: MixTimes = {
    sorted: [],
    perQuery: new Map(),
    totals: new Map(),
    engine: { sorted: [], requests: 0 },
  };
  for (let round = 0; round < rounds; round++) {
    for (const input of QUERY_MIX) {
      const query = SearchQuery.parse(input);
      engineSince?.();
      const t = performance.now();
      const { total } = await index.search(query);
      const ms = performance.now() - t;
      const label = JSON.stringify(input);
      times.sorted.push(ms);
      times.perQuery.set(label, [...(times.perQuery.get(label) ?? []), ms]);
      times.totals.set(label, total);
      const engine = engineSince?.();
      if (engine) {
        times.engine.sorted.push(engine.tookMs);
        times.engine.requests += engine.requests;
      }
    }
  }
  times.sorted.sort((a, b) => a - b);
  times.engine.sorted.sort((a, b) => a - b);
  return times;
}

/** Each of the documents written through the port's replaceDocument, as an ingest writes it, one at a time. */
async function timeWrites(index: SearchIndex, documents: readonly SyntheticDocument[]): Promise<number[]> {
  const times: number[] = [];
  for (const { documentId, items } of documents) {
    const t = performance.now();
    await index.replaceDocument(documentId, items);
    times.push(performance.now() - t);
  }
  return times.sort((a, b) => a - b);
}

/** Items in each generated document (scripts/lib/synthetic-items.ts), the last one aside. */
const ITEMS_PER_DOCUMENT = 12;

/** Whole documents after the first `size` items: new to an index of `size` items. */
function laterDocuments(pool: Pool, size: number, count: number): SyntheticDocument[] {
  const later: SyntheticDocument[] = [];
  // Past the document that holds the last of the `size` items, and short of a partial last one.
  const firstNew = Math.floor(size / ITEMS_PER_DOCUMENT) + 1;
  for (const document of syntheticDocuments(pool, size + (count + 2) * ITEMS_PER_DOCUMENT)) {
    if (Number(document.documentId.slice('synthetic-'.length)) >= firstNew) later.push(document);
  }
  return later.slice(0, count);
}

/** The plain table's queries of the mix (those with words), after a warm-up round. */
function timePlain(plain: ReturnType<typeof plainBaseline>): number[] {
  const matches = QUERY_MIX.map((input) => plainMatch(SearchQuery.parse(input).q)).filter(
    (match): match is string => match !== null,
  );
  for (const match of matches) plain.query.all(match);
  const times: number[] = [];
  for (let round = 0; round < rounds; round++) {
    for (const match of matches) {
      const t = performance.now();
      plain.query.all(match);
      times.push(performance.now() - t);
    }
  }
  return times.sort((a, b) => a - b);
}

interface SqliteFigures {
  readonly indexMs: number;
  readonly plainMs: number;
  readonly rssDelta: number;
  readonly heapDelta: number;
  readonly fileBytes: number;
  readonly mix: MixTimes;
  readonly plain: number[];
  readonly writes: number[];
}

async function measureSqlite(pool: Pool, size: number): Promise<SqliteFigures> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-search-'));
  const index = SqliteSearchIndex.open(join(dir, 'ours.sqlite'));
  const plain = plainBaseline(join(dir, 'plain.sqlite'));
  try {
    global.gc?.();
    const before = process.memoryUsage();
    let indexMs = 0;
    let plainMs = 0;
    for (const { documentId, items } of syntheticDocuments(pool, size)) {
      let t = performance.now();
      await index.replaceDocument(documentId, items);
      indexMs += performance.now() - t;
      t = performance.now();
      plain.db.transaction(() => {
        for (const item of items) {
          const f = searchFields(item);
          plain.insert.run(f.title, f.decision, f.body);
        }
      })();
      plainMs += performance.now() - t;
    }
    const rssDelta = process.memoryUsage().rss - before.rss;
    global.gc?.();
    const heapDelta = process.memoryUsage().heapUsed - before.heapUsed;
    const fileBytes = statSync(join(dir, 'ours.sqlite')).size;
    const mix = await timeMix(index);
    const plainTimes = timePlain(plain);
    const written = await timeWrites(index, laterDocuments(pool, size, writes));
    return { indexMs, plainMs, rssDelta, heapDelta, fileBytes, mix, plain: plainTimes, writes: written };
  } finally {
    index.close();
    plain.db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

interface OpenSearchFigures {
  readonly indexMs: number;
  readonly memory: {
    readonly before: NodeMemory;
    readonly indexed: NodeMemory;
    readonly queried: NodeMemory;
  };
  readonly size: { readonly bytes: number; readonly items: number };
  readonly mix: MixTimes;
  readonly writes: number[];
}

async function measureOpenSearch(node: BenchNode, pool: Pool, size: number): Promise<OpenSearchFigures> {
  const alias = `bench-search-${size}-${randomUUID().slice(0, 8)}`;
  const index = new OpenSearchIndex({ client: node.client, alias });
  try {
    await index.ensureIndex();
    const before = await nodeMemory(node.client);
    const t = performance.now();
    await bulkLoad(node.client, alias, syntheticDocuments(pool, size), batchItems);
    const indexMs = performance.now() - t;
    const indexed = await nodeMemory(node.client);
    const stored = await indexSize(node.client, alias);
    if (stored.items !== size) throw new Error(`OpenSearch holds ${stored.items} of ${size} items`);
    const mix = await timeMix(index, node.engineSince);
    const queried = await nodeMemory(node.client);
    const written = await timeWrites(index, laterDocuments(pool, size, writes));
    return { indexMs, memory: { before, indexed, queried }, size: stored, mix, writes: written };
  } finally {
    await deleteBenchIndex(node.client, alias);
  }
}

/** The load averages over 1, 5 and 15 minutes. */
const load = () =>
  `${loadavg()
    .map((average) => average.toFixed(2))
    .join(', ')} (1, 5, 15 min)`;
const ms = (value: number) => `${value.toFixed(2)} ms`;
const seconds = (value: number) => `${(value / 1000).toFixed(1)} s`;
const ratio = (a: number, b: number) => `${(a / b).toFixed(1)}x`;
const p50 = (sorted: readonly number[]) => percentile(sorted, 0.5);
const p99 = (sorted: readonly number[]) => percentile(sorted, 0.99);
const latency = (sorted: readonly number[]) => `p50 ${ms(p50(sorted))}, p99 ${ms(p99(sorted))}`;

function slowest(mix: MixTimes): string {
  return [...mix.perQuery]
    .map(([label, times]) => [label, p50([...times].sort((x, y) => x - y))] as const)
    .sort((x, y) => y[1] - x[1])
    .slice(0, 4)
    .map(([label, median]) => `${median.toFixed(1)} ms ${label} (${mix.totals.get(label)} matches)`)
    .join('\n               ');
}

const targets = (mix: MixTimes) =>
  `p50 <= 5 ms: ${p50(mix.sorted) <= 5 ? 'met' : 'MISSED'}; p99 <= 25 ms: ${p99(mix.sorted) <= 25 ? 'met' : 'MISSED'}`;

function report(size: number, sqlite: SqliteFigures, opensearch: OpenSearchFigures | null): void {
  const sqliteRate = Math.round(perSecond(size, sqlite.indexMs));
  console.log(`${size.toLocaleString('en')} items`);
  console.log(
    `  index time   sqlite ${seconds(sqlite.indexMs)} (${sqliteRate} items/s, replaceDocument per document), plain ${seconds(sqlite.plainMs)}, ratio ${ratio(sqlite.indexMs, sqlite.plainMs)}`,
  );
  if (opensearch)
    console.log(
      `               opensearch ${seconds(opensearch.indexMs)} (${Math.round(perSecond(size, opensearch.indexMs))} items/s, _bulk of ${batchItems} items + refresh), ratio ${ratio(opensearch.indexMs, sqlite.plainMs)} plain, ${ratio(opensearch.indexMs, sqlite.indexMs)} sqlite`,
    );
  console.log(
    `  one write    replaceDocument of a new ${ITEMS_PER_DOCUMENT}-item document (${writes} of them, one at a time): sqlite ${latency(sqlite.writes)}`,
  );
  if (opensearch) console.log(`               opensearch ${latency(opensearch.writes)}`);
  console.log(
    `  memory       sqlite: rss +${mb(sqlite.rssDelta)} while indexing, heap +${mb(sqlite.heapDelta)} after GC; index file ${mb(sqlite.fileBytes)}`,
  );
  if (opensearch) {
    const { before, indexed, queried } = opensearch.memory;
    const rss = queried.rss === null ? '' : `; node rss ${mb(queried.rss)}`;
    console.log(
      `               opensearch: JVM heap used ${mb(before.heapUsed)} before, ${mb(indexed.heapUsed)} indexed, ${mb(queried.heapUsed)} after the queries (max ${mb(queried.heapMax)})${rss}; index ${mb(opensearch.size.bytes)} (_stats, primaries)`,
    );
  }
  console.log(
    `  latency      sqlite ${latency(sqlite.mix.sorted)} (full search: facets, highlights, summaries), ratio ${ratio(p50(sqlite.mix.sorted), p50(sqlite.plain))} plain at p50`,
  );
  if (opensearch)
    console.log(
      `               opensearch ${latency(opensearch.mix.sorted)} (the same port call, over HTTP), ratio ${ratio(p50(opensearch.mix.sorted), p50(sqlite.plain))} plain, ${ratio(p50(opensearch.mix.sorted), p50(sqlite.mix.sorted))} sqlite at p50, ${ratio(p99(opensearch.mix.sorted), p99(sqlite.mix.sorted))} at p99`,
    );
  if (opensearch) {
    const { engine, sorted } = opensearch.mix;
    console.log(
      `               opensearch engine time ${latency(engine.sorted)} (took, summed over ${(engine.requests / sorted.length).toFixed(1)} requests a search: counts and the search)`,
    );
  }
  console.log(`               plain ${latency(sqlite.plain)} (match + bm25 + limit only)`);
  if (opensearch) {
    const differ = [...sqlite.mix.totals].filter(
      ([label, total]) => opensearch.mix.totals.get(label) !== total,
    );
    console.log(
      `  totals       the engines count the same matches for ${QUERY_MIX.length - differ.length} of ${QUERY_MIX.length} queries${differ
        .map(
          ([label, total]) =>
            `\n               ${label}: sqlite ${total}, opensearch ${opensearch.mix.totals.get(label)}`,
        )
        .join('')}`,
    );
  }
  console.log(`  slowest      sqlite\n               ${slowest(sqlite.mix)}`);
  if (opensearch) console.log(`               opensearch\n               ${slowest(opensearch.mix)}`);
  console.log(`  targets      sqlite ${targets(sqlite.mix)}`);
  if (opensearch) console.log(`               opensearch ${targets(opensearch.mix)}`);
  console.log('');
}

const pool = await corpusPool();
const node = values.engine === 'opensearch' ? await benchNode(process.env.OPENSEARCH_URL, heapMb) : null;
try {
  printMachine({
    versions: node ? [await engineVersion(node.client)] : [],
    lines: [
      ...(node ? [`opensearch: ${node.origin}; run after SQLite, one engine at a time`] : []),
      `load: ${load()} at the start (others' work on this machine slows both engines)`,
      `pool: ${pool.sentences.length} sentences, ${pool.titles.length} titles from the corpus; ${rounds} rounds of ${QUERY_MIX.length} queries\n`,
    ],
  });
  for (const size of sizes) {
    const sqlite = await measureSqlite(pool, size);
    const opensearch = node ? await measureOpenSearch(node, pool, size) : null;
    report(size, sqlite, opensearch);
  }
  console.log(`load: ${load()} at the end`);
} finally {
  await node?.stop();
}
