/**
 * Search latency of this checkout against another (`--baseline DIR`: a git worktree of an earlier
 * commit, with node_modules), on the same generated items, with plain FTS5 as the common yardstick.
 * Each query of the mix runs on both embedded engines (in alternating order) and on the plain
 * table in turn, so the machine's load falls on all three alike, which two separate runs of
 * bench:search cannot promise. Prints p50/p99 of each, their ratios to plain, and each query's p50.
 * Usage: npm run bench:versus -- --baseline ../base [--items 100000] [--rounds 30] [--warmup 40] [--keep DIR]
 *   `--keep DIR` builds the three indexes in DIR, or reuses them when DIR has them.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { SearchQuery } from '#domain/search.ts';
import { searchFields } from '#search/fields.ts';
import type { SearchIndex } from '#search/port.ts';
import { percentile, positiveIntegerOption, printMachine } from './lib/bench-report.ts';
import { QUERY_MIX } from './lib/bench-service.ts';
import { plainBaseline, plainMatch } from './lib/plain-fts.ts';
import { corpusPool, syntheticDocuments } from './lib/synthetic-items.ts';

const { values } = parseArgs({
  options: {
    baseline: { type: 'string' },
    items: { type: 'string', default: '100000' },
    rounds: { type: 'string', default: '30' },
    // Rounds not counted, as bench:search's: V8 compiles each checkout's search as it runs it.
    warmup: { type: 'string', default: '40' },
    keep: { type: 'string' },
  },
});
if (!values.baseline || !existsSync(join(values.baseline, 'shared/search/sqlite/sqlite-index.ts'))) {
  process.stderr.write(
    'usage: npm run bench:versus -- --baseline <a checkout of this project> [--items N] [--rounds N] [--warmup N] [--keep DIR]\n',
  );
  process.exit(2);
}
const items = positiveIntegerOption('items', values.items);
const rounds = positiveIntegerOption('rounds', values.rounds);
const warmupRounds = positiveIntegerOption('warmup', values.warmup);

type Engine = SearchIndex & { close(): void };
/** The embedded engine of a checkout, loaded from its own sources. */
async function engineOf(checkout: string, path: string): Promise<Engine> {
  const module = await import(resolve(checkout, 'shared/search/sqlite/sqlite-index.ts'));
  // Nothing kept between searches but postings (an older checkout ignores the option): the mix
  // repeats its queries, each timed as if asked for the first time.
  return module.SqliteSearchIndex.open(path, { searchCache: 0 });
}

const dir = values.keep ?? mkdtempSync(join(tmpdir(), 'bench-versus-'));
const built = existsSync(join(dir, 'plain.sqlite'));
const engines = {
  baseline: await engineOf(values.baseline, join(dir, 'baseline.sqlite')),
  this: await engineOf('.', join(dir, 'this.sqlite')),
};
const plain = plainBaseline(join(dir, 'plain.sqlite'));
printMachine();
process.stdout.write(
  `load: ${loadavg()
    .map((l) => l.toFixed(2))
    .join(', ')} at the start\n`,
);
if (!built) {
  const pool = await corpusPool();
  for (const { documentId, items: documentItems } of syntheticDocuments(pool, items)) {
    await engines.baseline.replaceDocument(documentId, documentItems);
    await engines.this.replaceDocument(documentId, documentItems);
    plain.db.transaction(() => {
      for (const item of documentItems) {
        const f = searchFields(item);
        plain.insert.run(f.title, f.decision, f.body);
      }
    })();
  }
}

const queries = QUERY_MIX.map((input) => SearchQuery.parse(input));
const times = { baseline: [] as number[], this: [] as number[], plain: [] as number[] };
const perQuery = new Map<string, { baseline: number[]; this: number[] }>();
const timed = async (run: () => unknown) => {
  const t = performance.now();
  await run();
  return performance.now() - t;
};
// Warm-up rounds, not counted: statements prepared, caches filled, each checkout's code compiled.
for (let round = 0; round < warmupRounds; round++) {
  for (const query of queries) {
    for (const engine of Object.values(engines)) await engine.search(query);
    const match = plainMatch(query.q);
    if (match) plain.query.all(match);
  }
}
for (let round = 0; round < rounds; round++) {
  const order = round % 2 === 0 ? (['baseline', 'this'] as const) : (['this', 'baseline'] as const);
  for (const query of queries) {
    const label = JSON.stringify(
      Object.fromEntries(Object.entries(query).filter(([k]) => ['q', 'body', 'sort', 'page'].includes(k))),
    );
    const mine = perQuery.get(label) ?? { baseline: [], this: [] };
    perQuery.set(label, mine);
    for (const which of order) {
      const ms = await timed(() => engines[which].search(query));
      times[which].push(ms);
      mine[which].push(ms);
    }
    const match = plainMatch(query.q);
    if (match) times.plain.push(await timed(() => plain.query.all(match)));
  }
}

const sorted = (xs: readonly number[]) => [...xs].sort((a, b) => a - b);
const p = (xs: readonly number[], q: number) => percentile(sorted(xs), q);
const line = (name: keyof typeof times) => {
  const [p50, p99] = [p(times[name], 0.5), p(times[name], 0.99)];
  const ratios =
    name === 'plain'
      ? ''
      : `, ${(p50 / p(times.plain, 0.5)).toFixed(1)}x plain at p50, ${(p99 / p(times.plain, 0.99)).toFixed(1)}x at p99`;
  return `  ${name.padEnd(8)} p50 ${p50.toFixed(2)} ms, p99 ${p99.toFixed(2)} ms${ratios}\n`;
};
process.stdout.write(
  `\n${items.toLocaleString('en')} items, ${rounds} rounds of ${queries.length} queries after ${warmupRounds} not counted\n`,
);
process.stdout.write(
  `${line('baseline')}${line('this')}${line('plain')}\nper query, p50 (baseline -> this)\n`,
);
for (const [label, mine] of perQuery) {
  process.stdout.write(
    `  ${p(mine.baseline, 0.5).toFixed(1).padStart(6)} -> ${p(mine.this, 0.5).toFixed(1).padStart(6)} ms  ${label}\n`,
  );
}
process.stdout.write(
  `load: ${loadavg()
    .map((l) => l.toFixed(2))
    .join(', ')} at the end\n`,
);
for (const engine of Object.values(engines)) engine.close();
plain.db.close();
if (!values.keep) rmSync(dir, { recursive: true, force: true });
