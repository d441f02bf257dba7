/**
 * The first query after start against the same query warm, in fresh processes: each run starts a
 * new node process that imports the embedded engine (SqliteSearchIndex) of a checkout, opens a
 * generated index, searches once (the first query: what a user meets after a cold start) and then
 * the same query again until its time settles (warm). With `--baseline DIR` (a checkout of an
 * earlier commit, with node_modules) both checkouts run in turn, alternating which goes first,
 * so the machine's load falls on both alike. Prints the median of the runs for each.
 * `--warm-language` first loads the language data (a compound split and the sorted word list), timed
 * apart, so what remains of first - warm is the search's own cold cost.
 * Usage: npm run bench:cold -- [--baseline DIR] [--items 2000] [--runs 9] [--query sygefraværsopfølgningen]
 *   [--warm-language]
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { percentile, positiveIntegerOption, printMachine, row } from './lib/bench-report.ts';

const WARM_REPEATS = 30;

const { values } = parseArgs({
  options: {
    baseline: { type: 'string' },
    items: { type: 'string', default: '2000' },
    runs: { type: 'string', default: '9' },
    query: { type: 'string', default: 'sygefraværsopfølgningen' },
    'warm-language': { type: 'boolean', default: false },
    // Internal: one timed process.
    probe: { type: 'string' },
    index: { type: 'string' },
  },
});

interface Probe {
  /** From the process's start to the engine's module imported. */
  readonly importMs: number;
  readonly openMs: number;
  /** Loading the language data before the first query (--warm-language), else 0. */
  readonly languageMs: number;
  readonly firstMs: number;
  /** Median of the warm repeats. */
  readonly warmMs: number;
  readonly total: number;
}

type Engine = {
  search(query: unknown): Promise<{ total: number }>;
  replaceDocument(documentId: string, items: unknown[]): Promise<void>;
  close(): void;
};

/** A checkout's embedded engine and query parser, from its own sources. */
async function checkoutModules(checkout: string) {
  const index = await import(resolve(checkout, 'shared/search/sqlite/sqlite-index.ts'));
  const domain = await import(resolve(checkout, 'shared/domain/search.ts'));
  const compounds = await import(resolve(checkout, 'shared/language/compounds.ts'));
  return {
    // A warm search is the same query again, found again: nothing kept but postings (an older
    // checkout ignores the option).
    open: (path: string): Engine => index.SqliteSearchIndex.open(path, { searchCache: 0 }),
    parse: (q: string): unknown => domain.SearchQuery.parse({ q }),
    loadLanguage: (): void => {
      compounds.splitCompound('kystbeskyttelse');
      compounds.sortedVocabularyWords();
    },
  };
}

const median = (values: readonly number[]): number =>
  percentile(
    [...values].sort((a, b) => a - b),
    0.5,
  );

const elapsed = async (run: () => unknown): Promise<number> => {
  const start = performance.now();
  await run();
  return performance.now() - start;
};

/** One fresh process's figures (runs in the child). */
async function probe(checkout: string, path: string, q: string, warmLanguage: boolean): Promise<Probe> {
  const modules = await checkoutModules(checkout);
  // performance.now() counts from the process's start.
  const importMs = performance.now();
  let engine: Engine | undefined;
  const openMs = await elapsed(() => {
    engine = modules.open(path);
  });
  if (!engine) throw new Error('the engine did not open');
  const opened = engine;
  const query = modules.parse(q);
  const languageMs = warmLanguage ? await elapsed(modules.loadLanguage) : 0;
  let total = 0;
  const firstMs = await elapsed(async () => {
    total = (await opened.search(query)).total;
  });
  const warm: number[] = [];
  for (let i = 0; i < WARM_REPEATS; i++) warm.push(await elapsed(() => opened.search(query)));
  opened.close();
  return { importMs, openMs, languageMs, firstMs, warmMs: median(warm), total };
}

if (values.probe) {
  const figures = await probe(values.probe, values.index ?? '', values.query, values['warm-language']);
  process.stdout.write(`${JSON.stringify(figures)}\n`);
  process.exit(0);
}

const items = positiveIntegerOption('items', values.items);
const runs = positiveIntegerOption('runs', values.runs);
const checkouts: Record<string, string> = { this: resolve('.') };
if (values.baseline) checkouts.baseline = resolve(values.baseline);

printMachine();
const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(', ');
console.log(`load: ${load()} at the start`);

const dir = mkdtempSync(join(tmpdir(), 'bench-cold-'));
try {
  // Each checkout writes its own index (their layouts may differ), from the same generated items.
  const { corpusPool, syntheticDocuments } = await import('./lib/synthetic-items.ts');
  const pool = await corpusPool();
  for (const [name, checkout] of Object.entries(checkouts)) {
    const engine = (await checkoutModules(checkout)).open(join(dir, `${name}.sqlite`));
    for (const document of syntheticDocuments(pool, items)) {
      await engine.replaceDocument(document.documentId, document.items);
    }
    engine.close();
  }

  const results: Record<string, Probe[]> = Object.fromEntries(Object.keys(checkouts).map((n) => [n, []]));
  const names = Object.keys(checkouts);
  for (let run = 0; run < runs; run++) {
    // Alternate which checkout goes first, so neither always meets a warmer page cache.
    const order = run % 2 === 0 ? names : [...names].reverse();
    for (const name of order) {
      const child = spawnSync(
        process.execPath,
        [
          'scripts/bench-cold.ts',
          '--probe',
          checkouts[name] as string,
          '--index',
          join(dir, `${name}.sqlite`),
          '--query',
          values.query,
          ...(values['warm-language'] ? ['--warm-language'] : []),
        ],
        { encoding: 'utf8' },
      );
      if (child.status !== 0) throw new Error(`the ${name} probe failed: ${child.stderr}`);
      results[name]?.push(JSON.parse(child.stdout) as Probe);
    }
  }

  console.log(`load: ${load()} at the end`);
  console.log(
    `${items} generated items, query "${values.query}", ${runs} fresh processes each (median), warm = median of ${WARM_REPEATS} repeats`,
  );
  const widths = [9, 11, 9, 13, 10, 9, 14, 6];
  console.log(
    row(
      ['checkout', 'import ms', 'open ms', 'language ms', 'first ms', 'warm ms', 'first - warm', 'hits'],
      widths,
    ),
  );
  for (const [name, probes] of Object.entries(results)) {
    const of = (pick: (p: Probe) => number) => median(probes.map(pick)).toFixed(1);
    console.log(
      row(
        [
          name,
          of((p) => p.importMs),
          of((p) => p.openMs),
          of((p) => p.languageMs),
          of((p) => p.firstMs),
          of((p) => p.warmMs),
          of((p) => p.firstMs - p.warmMs),
          String(probes[0]?.total ?? 0),
        ],
        widths,
      ),
    );
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
