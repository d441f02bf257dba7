/**
 * Search benchmark: builds indexes of 10k and 100k generated items (sentences of the real
 * corpus), then times a fixed query mix. The baseline, timed in the same run, is a plain FTS5
 * table of the same texts with SQLite's own tokenizer: no stemming, no stop words, no compounds,
 * no facets, no highlights or summaries. Our index is written as the local service writes it
 * (rows made on a worker), `--in-flight` documents asked for at once, as a bulk writer asks
 * (1: each awaited before the next). Prints index time, memory and latency p50/p99 after
 * `--warmup` rounds of the mix that are not counted (their p50/p99 printed apart).
 * With `--engine opensearch` the same items and queries also run on OpenSearch (the node at
 * OPENSEARCH_URL, else one started for the run), after SQLite, one engine at a time.
 * With `--grow`, each engine keeps one index and grows it from size to size (measured at each, the
 * first documents of the same generated stream), instead of building a new one per size: a 1M-item
 * run measures 100k, 250k, ... on the way, and a run stopped at its deadline still reports the sizes
 * it reached (index time is then the total since the start); `--minutes N` stops growing after N
 * minutes and measures at the size reached. `--skip-sqlite` runs OpenSearch alone
 * (no SQLite, no plain baseline: no ratios), e.g. in a second process beside a SQLite-only run.
 * Progress (items, rate, rss) goes to stderr every `--progress` items.
 * Usage: npm run bench:search [-- --sizes 10000,100000 --rounds 20 --warmup 40 --engine sqlite|opensearch
 *        --in-flight 8 --writes 20 --heap 512 --batch 1000 --grow --minutes 60 --skip-sqlite
 *        --progress 50000]
 */

import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { SearchQuery } from '#domain/search.ts';
import { eachAtOnce } from '#ingest/slots.ts';
import { chunksOf } from '#lib/chunks.ts';
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
    // 20 rounds of the 16 queries: 320 searches, so the p99 is the fourth slowest, not the
    // slowest (5 rounds' was).
    rounds: { type: 'string', default: '20' },
    // Rounds before them, not counted: V8 compiles the search's code as it runs it, and the mix's
    // p50 falls from 2.2-2.8 ms over its first 20 rounds to 1.4-1.7 ms from about the 40th at
    // 100,000 items (docs/benchmarks.md, ninth session): a server past its first few hundred
    // searches answers as the latter.
    warmup: { type: 'string', default: '40' },
    engine: { type: 'string', default: 'sqlite' },
    'in-flight': { type: 'string', default: '8' },
    writes: { type: 'string', default: '20' },
    heap: { type: 'string', default: '512' },
    batch: { type: 'string', default: '1000' },
    grow: { type: 'boolean', default: false },
    'skip-sqlite': { type: 'boolean', default: false },
    progress: { type: 'string', default: '50000' },
    minutes: { type: 'string' },
  },
});
const sizes = (values.sizes as string).split(',').map((size) => positiveIntegerOption('sizes', size));
const rounds = positiveIntegerOption('rounds', values.rounds);
const warmupRounds = positiveIntegerOption('warmup', values.warmup);
const inFlight = positiveIntegerOption('in-flight', values['in-flight']);
const writes = positiveIntegerOption('writes', values.writes);
const heapMb = positiveIntegerOption('heap', values.heap);
const batchItems = positiveIntegerOption('batch', values.batch);
const progressItems = positiveIntegerOption('progress', values.progress);
const grow = values.grow === true;
/** With --grow: stop growing after this many minutes, measure at the size reached, and end. */
const deadline =
  values.minutes === undefined
    ? null
    : Date.now() + positiveIntegerOption('minutes', values.minutes) * 60_000;
if (deadline !== null && !grow) throw new Error('--minutes needs --grow');
const skipSqlite = values['skip-sqlite'] === true;
if (values.engine !== 'sqlite' && values.engine !== 'opensearch')
  throw new Error(
    `--engine must be sqlite or opensearch (SQLite runs too, unless --skip-sqlite), not ${values.engine}`,
  );
// Each engine's feed stops at the deadline on its own, so two would hold different sizes.
if (deadline !== null && values.engine === 'opensearch' && !skipSqlite)
  throw new Error(
    '--minutes grows one engine: with --engine opensearch add --skip-sqlite (SQLite in another run)',
  );
if (skipSqlite && values.engine !== 'opensearch') throw new Error('--skip-sqlite needs --engine opensearch');
if (grow && sizes.some((size, i) => i > 0 && size <= (sizes[i - 1] as number)))
  throw new Error('--grow needs --sizes in increasing order');

/** The times of the query mix: every timed call sorted, each query's, and each query's total. */
interface MixTimes {
  readonly sorted: number[];
  readonly perQuery: Map<string, number[]>;
  readonly totals: Map<string, number>;
  /** The warm-up rounds' times, sorted: not counted, printed so the cost of a cold JIT stays in sight. */
  readonly warmup: number[];
  /** OpenSearch: the engine's own time of each call (its requests' `took`, summed), sorted, and requests per call. */
  readonly engine: { readonly sorted: number[]; requests: number };
}

/**
 * `warmupRounds` rounds of the mix, not counted (statements prepared, caches filled, the code
 * compiled by V8), then `rounds` rounds. `engineSince` (OpenSearch) tells the engine's own time
 * of the requests since its last call; `alongside` is a round of another's (the plain
 * baseline's), run beside each of ours so both meet the same moments of the machine: before ours
 * on every other round and after it on the rest, so neither always runs in what the other left
 * (its caches, its garbage).
 */
async function timeMix(
  index: SearchIndex,
  engineSince?: BenchNode['engineSince'],
  alongside?: () => void,
): Promise<MixTimes> {
  const warmup: number[] = [];
  for (let round = 0; round < warmupRounds; round++) {
    for (const input of QUERY_MIX) {
      const t = performance.now();
      await index.search(SearchQuery.parse(input));
      warmup.push(performance.now() - t);
    }
  }
  const times: MixTimes = {
    sorted: [],
    perQuery: new Map(),
    totals: new Map(),
    engine: { sorted: [], requests: 0 },
    warmup: warmup.sort((a, b) => a - b),
  };
  for (let round = 0; round < rounds; round++) {
    if (round % 2 === 1) alongside?.();
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
    if (round % 2 === 0) alongside?.();
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

/**
 * Documents written through the port's replaceDocument as a bulk writer asks for them: up to
 * --in-flight at once, the next asked for as one is written (the index keeps their order).
 */
async function writeInFlight(index: SearchIndex, documents: readonly SyntheticDocument[]): Promise<void> {
  await eachAtOnce(documents, inFlight, ({ documentId, items }) => index.replaceDocument(documentId, items));
}

/** Documents our index and plain's are given in turn: each engine's time is its own. */
const WRITTEN_TOGETHER = 100;

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

/**
 * Page 2 of each query of the mix, each timed right after its page 1, `rounds` times, on another
 * connection to the index that keeps what its searches found (the default, SEARCH_CACHE): what a
 * user paging on waits for.
 */
async function timeNextPages(path: string): Promise<number[]> {
  const index = SqliteSearchIndex.open(path);
  const times: number[] = [];
  for (let round = 0; round <= rounds; round++) {
    for (const input of QUERY_MIX) {
      const first = SearchQuery.parse(input);
      await index.search(first);
      const t = performance.now();
      await index.search({ ...first, page: first.page + 1 });
      if (round > 0) times.push(performance.now() - t);
    }
  }
  index.close();
  return times.sort((a, b) => a - b);
}

/**
 * The plain table's queries of the mix (those with words), after as many warm-up rounds as
 * ours: `round` times one round of them, `sorted` gives every time so far. Its rounds run beside
 * ours (timeMix's `alongside`): timed in a loop of its own after ours, plain's p50 moved by a
 * factor of two between runs minutes apart, with the machine's speed.
 */
function plainRounds(plain: ReturnType<typeof plainBaseline>): { round: () => void; sorted: () => number[] } {
  const matches = QUERY_MIX.map((input) => plainMatch(SearchQuery.parse(input).q)).filter(
    (match): match is string => match !== null,
  );
  for (let round = 0; round < warmupRounds; round++) for (const match of matches) plain.query.all(match);
  const times: number[] = [];
  return {
    round: () => {
      for (const match of matches) {
        const t = performance.now();
        plain.query.all(match);
        times.push(performance.now() - t);
      }
    },
    sorted: () => [...times].sort((a, b) => a - b),
  };
}

/**
 * The generated documents handed out up to a number of items: whole documents, so an index grown
 * to `size` holds the first whole documents of at least `size` items (`count` says how many).
 */
class Feed {
  count = 0;
  /** Stopped at the --minutes deadline: the size reached is the run's last. */
  stopped = false;
  readonly #documents: Iterator<SyntheticDocument>;
  readonly #label: string;
  readonly #started = performance.now();
  #nextProgress = progressItems;
  constructor(documents: Iterable<SyntheticDocument>, label: string) {
    this.#documents = documents[Symbol.iterator]();
    this.#label = label;
  }
  *until(size: number): Generator<SyntheticDocument> {
    while (this.count < size) {
      if (deadline !== null && Date.now() >= deadline) {
        this.stopped = true;
        return;
      }
      const next = this.#documents.next();
      if (next.done) return;
      this.count += next.value.items.length;
      if (this.count >= this.#nextProgress) {
        this.#nextProgress += progressItems;
        const s = (performance.now() - this.#started) / 1000;
        process.stderr.write(
          `${new Date().toISOString()} ${this.#label}: ${this.count} items, ${s.toFixed(0)} s, ${(this.count / s).toFixed(0)} items/s, rss ${mb(process.memoryUsage().rss)}, load ${load()}\n`,
        );
      }
      yield next.value;
    }
  }
}

/** An index file's bytes with its write-ahead log (FTS5 merges land in the WAL until a checkpoint). */
function fileSize(file: string): number {
  const wal = `${file}-wal`;
  return statSync(file).size + (existsSync(wal) ? statSync(wal).size : 0);
}

interface SqliteFigures {
  readonly items: number;
  readonly indexMs: number;
  readonly plainMs: number;
  readonly rssDelta: number;
  readonly heapDelta: number;
  readonly fileBytes: number;
  readonly mix: MixTimes;
  /** Page 2 of each query of the mix, right after its page 1, by an engine that keeps what searches found (sorted). */
  readonly nextPages: number[];
  readonly plain: number[];
  readonly writes: number[];
}

/** A SQLite index and its plain baseline in a throwaway folder, grown by `measure` to each size. */
class SqliteRun {
  readonly #dir = mkdtempSync(join(tmpdir(), 'bench-search-'));
  // Nothing kept between searches but postings: the mix repeats its queries, and each is timed as
  // if asked for the first time. What a search keeps for its next page is timed apart (timeNextPages).
  readonly #index = SqliteSearchIndex.open(join(this.#dir, 'ours.sqlite'), {
    searchCache: 0,
    rowsOnWorker: true,
  });
  readonly #plain = plainBaseline(join(this.#dir, 'plain.sqlite'));
  readonly #feed: Feed;
  readonly #before: NodeJS.MemoryUsage;
  #indexMs = 0;
  #plainMs = 0;
  get stopped(): boolean {
    return this.#feed.stopped;
  }
  constructor(pool: Pool, items: number) {
    this.#feed = new Feed(syntheticDocuments(pool, items), 'sqlite');
    global.gc?.();
    this.#before = process.memoryUsage();
  }

  async measure(pool: Pool, size: number): Promise<SqliteFigures> {
    const index = this.#index;
    const plain = this.#plain;
    for (const documents of chunksOf(this.#feed.until(size), WRITTEN_TOGETHER)) {
      let t = performance.now();
      await writeInFlight(index, documents);
      this.#indexMs += performance.now() - t;
      t = performance.now();
      for (const { items } of documents) {
        plain.db.transaction(() => {
          for (const item of items) {
            const f = searchFields(item);
            plain.insert.run(f.title, f.decision, f.body);
          }
        })();
      }
      this.#plainMs += performance.now() - t;
    }
    const items = this.#feed.count;
    const rssDelta = process.memoryUsage().rss - this.#before.rss;
    global.gc?.();
    const heapDelta = process.memoryUsage().heapUsed - this.#before.heapUsed;
    const fileBytes = fileSize(join(this.#dir, 'ours.sqlite'));
    const plainTimes = plainRounds(plain);
    const mix = await timeMix(index, undefined, plainTimes.round);
    const nextPages = await timeNextPages(join(this.#dir, 'ours.sqlite'));
    const written = await timeWrites(index, laterDocuments(pool, items, writes));
    return {
      items,
      indexMs: this.#indexMs,
      plainMs: this.#plainMs,
      rssDelta,
      heapDelta,
      fileBytes,
      mix,
      nextPages,
      plain: plainTimes.sorted(),
      writes: written,
    };
  }

  close(): void {
    this.#index.close();
    this.#plain.db.close();
    rmSync(this.#dir, { recursive: true, force: true });
  }
}

interface OpenSearchFigures {
  readonly items: number;
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

/** An OpenSearch index under a throwaway alias, grown by `measure` to each size through `_bulk`. */
class OpenSearchRun {
  readonly #node: BenchNode;
  readonly #alias: string;
  readonly #index: OpenSearchIndex;
  readonly #feed: Feed;
  #before: NodeMemory | null = null;
  #indexMs = 0;
  get stopped(): boolean {
    return this.#feed.stopped;
  }
  constructor(node: BenchNode, pool: Pool, items: number) {
    this.#node = node;
    this.#alias = `bench-search-${items}-${randomUUID().slice(0, 8)}`;
    this.#index = new OpenSearchIndex({ client: node.client, alias: this.#alias });
    this.#feed = new Feed(syntheticDocuments(pool, items), 'opensearch');
  }

  async measure(pool: Pool, size: number): Promise<OpenSearchFigures> {
    const { client, engineSince } = this.#node;
    const alias = this.#alias;
    if (this.#before === null) {
      await this.#index.ensureIndex();
      this.#before = await nodeMemory(client);
    }
    const t = performance.now();
    await bulkLoad(client, alias, this.#feed.until(size), batchItems);
    this.#indexMs += performance.now() - t;
    const items = this.#feed.count;
    const indexed = await nodeMemory(client);
    const stored = await indexSize(client, alias);
    if (stored.items !== items) throw new Error(`OpenSearch holds ${stored.items} of ${items} items`);
    const mix = await timeMix(this.#index, engineSince);
    const queried = await nodeMemory(client);
    const written = await timeWrites(this.#index, laterDocuments(pool, items, writes));
    return {
      items,
      indexMs: this.#indexMs,
      memory: { before: this.#before, indexed, queried },
      size: stored,
      mix,
      writes: written,
    };
  }

  async close(): Promise<void> {
    await deleteBenchIndex(this.#node.client, this.#alias);
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

/** Issue 16's targets, for 100,000 items on a quiet machine. */
const TARGET = { p50Ms: 3, p99Ms: 15, plainRatio: 3, bytesPerItem: 4_500, itemsPerSecond: 2_000 };
const verdict = (met: boolean) => (met ? 'met' : 'MISSED');

/** The latency targets; with the plain baseline's times, its ratio too. */
function targets(mix: MixTimes, plain?: readonly number[]): string {
  const within = plain
    ? `; p50 <= ${TARGET.plainRatio}x plain: ${verdict(p50(mix.sorted) <= TARGET.plainRatio * p50(plain))}`
    : '';
  return `p50 <= ${TARGET.p50Ms} ms: ${verdict(p50(mix.sorted) <= TARGET.p50Ms)}; p99 <= ${TARGET.p99Ms} ms: ${verdict(p99(mix.sorted) <= TARGET.p99Ms)}${within}`;
}

function report(sqlite: SqliteFigures, opensearch: OpenSearchFigures | null): void {
  const size = sqlite.items;
  if (opensearch && opensearch.items !== size)
    throw new Error(`the engines hold ${size} and ${opensearch.items} items`);
  const sqliteRate = Math.round(perSecond(size, sqlite.indexMs));
  console.log(`${size.toLocaleString('en')} items`);
  console.log(
    `  index time   sqlite ${seconds(sqlite.indexMs)} (${sqliteRate} items/s, replaceDocument, ${inFlight} document(s) in flight, rows on a worker${grow ? ', total since the start' : ''}), plain ${seconds(sqlite.plainMs)}, ratio ${ratio(sqlite.indexMs, sqlite.plainMs)}`,
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
    `  memory       sqlite: rss +${mb(sqlite.rssDelta)} while indexing, heap +${mb(sqlite.heapDelta)} after GC; index file ${mb(sqlite.fileBytes)} (${Math.round(sqlite.fileBytes / size)} bytes an item, with its WAL)`,
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
  console.log(
    `               sqlite next page ${latency(sqlite.nextPages)} (page 2 of each query right after its page 1: what page 1 found is kept)`,
  );
  console.log(`               plain ${latency(sqlite.plain)} (match + bm25 + limit only)`);
  console.log(
    `  warm-up      ${warmupRounds} rounds before these, not counted: sqlite ${latency(sqlite.mix.warmup)}${opensearch ? `, opensearch ${latency(opensearch.mix.warmup)}` : ''}`,
  );
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
  console.log(`  targets      sqlite ${targets(sqlite.mix, sqlite.plain)}`);
  console.log(
    `               sqlite index <= ${TARGET.bytesPerItem.toLocaleString('en')} bytes an item: ${verdict(sqlite.fileBytes / size <= TARGET.bytesPerItem)}; indexing >= ${TARGET.itemsPerSecond.toLocaleString('en')} items/s: ${verdict(sqliteRate >= TARGET.itemsPerSecond)}`,
  );
  if (opensearch) console.log(`               opensearch ${targets(opensearch.mix)}`);
  console.log(`  load         ${load()}`);
  console.log('');
}

/** OpenSearch's figures alone (`--skip-sqlite`): no SQLite, no plain baseline, so no ratios. */
function reportOpenSearch(opensearch: OpenSearchFigures): void {
  const size = opensearch.items;
  const { before, indexed, queried } = opensearch.memory;
  const rss = queried.rss === null ? '' : `; node rss ${mb(queried.rss)}`;
  const { engine, sorted } = opensearch.mix;
  console.log(`${size.toLocaleString('en')} items (OpenSearch alone, --skip-sqlite)`);
  console.log(
    `  index time   opensearch ${seconds(opensearch.indexMs)} (${Math.round(perSecond(size, opensearch.indexMs))} items/s, _bulk of ${batchItems} items + refresh${grow ? ', total since the start' : ''})`,
  );
  console.log(
    `  one write    replaceDocument of a new ${ITEMS_PER_DOCUMENT}-item document (${writes} of them, one at a time): opensearch ${latency(opensearch.writes)}`,
  );
  console.log(
    `  memory       opensearch: JVM heap used ${mb(before.heapUsed)} before, ${mb(indexed.heapUsed)} indexed, ${mb(queried.heapUsed)} after the queries (max ${mb(queried.heapMax)})${rss}; index ${mb(opensearch.size.bytes)} (_stats, primaries, ${Math.round(opensearch.size.bytes / size)} bytes an item)`,
  );
  console.log(`  latency      opensearch ${latency(sorted)} (the same port call, over HTTP)`);
  console.log(
    `  warm-up      ${warmupRounds} rounds before these, not counted: opensearch ${latency(opensearch.mix.warmup)}`,
  );
  console.log(
    `               opensearch engine time ${latency(engine.sorted)} (took, summed over ${(engine.requests / sorted.length).toFixed(1)} requests a search: counts and the search)`,
  );
  console.log(`  slowest      opensearch\n               ${slowest(opensearch.mix)}`);
  console.log(`  targets      opensearch ${targets(opensearch.mix)}`);
  console.log(`  load         ${load()}`);
  console.log('');
}

const pool = await corpusPool();
const node = values.engine === 'opensearch' ? await benchNode(process.env.OPENSEARCH_URL, heapMb) : null;
try {
  printMachine({
    versions: node ? [await engineVersion(node.client)] : [],
    lines: [
      ...(node
        ? [
            `opensearch: ${node.origin}; ${skipSqlite ? 'alone (--skip-sqlite)' : 'run after SQLite, one engine at a time'}`,
          ]
        : []),
      `load: ${load()} at the start (others' work on this machine slows both engines)`,
      `pool: ${pool.sentences.length} sentences, ${pool.titles.length} titles from the corpus; ${rounds} rounds of ${QUERY_MIX.length} queries\n`,
    ],
  });
  const largest = sizes[sizes.length - 1] as number;
  // Grown: one index per engine for all the sizes; else a new one per size.
  let sqliteRun: SqliteRun | null = null;
  let openSearchRun: OpenSearchRun | null = null;
  try {
    for (const size of sizes) {
      // Past the deadline while measuring the last size: that was the last.
      if (deadline !== null && Date.now() >= deadline && (sqliteRun ?? openSearchRun) !== null) {
        console.log('--minutes deadline reached while measuring the size above: it is the last\n');
        break;
      }
      if (!skipSqlite) sqliteRun ??= new SqliteRun(pool, grow ? largest : size);
      if (node) openSearchRun ??= new OpenSearchRun(node, pool, grow ? largest : size);
      const sqlite = sqliteRun ? await sqliteRun.measure(pool, size) : null;
      const opensearch = openSearchRun ? await openSearchRun.measure(pool, size) : null;
      if (sqlite) report(sqlite, opensearch);
      else if (opensearch) reportOpenSearch(opensearch);
      if (sqliteRun?.stopped || openSearchRun?.stopped) {
        console.log(
          `--minutes deadline reached: measured at the size reached, not at ${largest.toLocaleString('en')}\n`,
        );
        break;
      }
      if (!grow) {
        sqliteRun?.close();
        await openSearchRun?.close();
        sqliteRun = null;
        openSearchRun = null;
      }
    }
  } finally {
    sqliteRun?.close();
    await openSearchRun?.close();
  }
  console.log(`load: ${load()} at the end`);
} finally {
  await node?.stop();
}
