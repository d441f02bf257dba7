/**
 * Search benchmark: builds indexes of 10k and 100k generated items (sentences of the real
 * corpus), then times a fixed query mix. The baseline, timed in the same run, is a plain FTS5
 * table of the same texts with SQLite's own tokenizer: no stemming, no stop words, no compounds,
 * no facets, no highlights or summaries. Prints index time, memory and latency p50/p99 after a
 * warm-up round.
 * Usage: npm run bench:search [-- --sizes 10000,100000 --rounds 5]
 */

import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { SearchQuery } from '#domain/search.ts';
import { searchFields } from '#search/fields.ts';
import { SqliteSearchIndex } from '#search/sqlite/sqlite-index.ts';
import { mb, percentile, perSecond, positiveIntegerOption, printMachine } from './lib/bench-report.ts';
import { QUERY_MIX } from './lib/bench-service.ts';
import { corpusPool, syntheticDocuments } from './lib/synthetic-items.ts';

const { values } = parseArgs({
  options: { sizes: { type: 'string', default: '10000,100000' }, rounds: { type: 'string', default: '5' } },
});
const sizes = (values.sizes as string).split(',').map((size) => positiveIntegerOption('sizes', size));
const rounds = positiveIntegerOption('rounds', values.rounds);

function plainBaseline(path: string) {
  const db = new Database(path);
  db.exec(
    "CREATE VIRTUAL TABLE plain USING fts5(title, decision, body, tokenize = 'unicode61 remove_diacritics 0')",
  );
  const insert = db.prepare('INSERT INTO plain (title, decision, body) VALUES (?, ?, ?)');
  const query = db.prepare(
    'SELECT rowid, bm25(plain) AS rank FROM plain WHERE plain MATCH ? ORDER BY rank LIMIT 10',
  );
  return { db, insert, query };
}

function plainMatch(q: string): string | null {
  const words = q.match(/[\p{L}\p{N}]+/gu);
  return words ? words.map((w) => `"${w}"`).join(' OR ') : null;
}

const pool = await corpusPool();
printMachine({
  lines: [
    `pool: ${pool.sentences.length} sentences, ${pool.titles.length} titles from the corpus; ${rounds} rounds of ${QUERY_MIX.length} queries\n`,
  ],
});

for (const size of sizes) {
  const dir = mkdtempSync(join(tmpdir(), 'bench-search-'));
  const index = SqliteSearchIndex.open(join(dir, 'ours.sqlite'));
  const plain = plainBaseline(join(dir, 'plain.sqlite'));
  global.gc?.();
  const rssBefore = process.memoryUsage().rss;
  let oursMs = 0;
  let plainMs = 0;
  for (const { documentId, items } of syntheticDocuments(pool, size)) {
    let t = performance.now();
    await index.replaceDocument(documentId, items);
    oursMs += performance.now() - t;
    t = performance.now();
    plain.db.transaction(() => {
      for (const item of items) {
        const f = searchFields(item);
        plain.insert.run(f.title, f.decision, f.body);
      }
    })();
    plainMs += performance.now() - t;
  }
  const rssAfter = process.memoryUsage().rss;
  const ours: number[] = [];
  const baseline: number[] = [];
  const perQuery = new Map<string, number[]>();
  // A warm-up round, not measured: the first call of each query compiles statements and fills caches.
  for (const input of QUERY_MIX) await index.search(SearchQuery.parse(input));
  for (let round = 0; round < rounds; round++) {
    for (const input of QUERY_MIX) {
      const query = SearchQuery.parse(input);
      let t = performance.now();
      const { total } = await index.search(query);
      const ms = performance.now() - t;
      ours.push(ms);
      const label = `${JSON.stringify(input)} (${total} matches)`;
      perQuery.set(label, [...(perQuery.get(label) ?? []), ms]);
      const match = plainMatch(query.q);
      if (!match) continue;
      t = performance.now();
      plain.query.all(match);
      baseline.push(performance.now() - t);
    }
  }
  ours.sort((a, b) => a - b);
  baseline.sort((a, b) => a - b);
  const fileSize = statSync(join(dir, 'ours.sqlite')).size;
  console.log(`${size.toLocaleString('en')} items`);
  console.log(
    `  index time   ours ${(oursMs / 1000).toFixed(1)} s (${Math.round(perSecond(size, oursMs))} items/s), plain ${(plainMs / 1000).toFixed(1)} s, ratio ${(oursMs / plainMs).toFixed(1)}x`,
  );
  console.log(`  memory       rss +${mb(rssAfter - rssBefore)} while indexing; index file ${mb(fileSize)}`);
  console.log(
    `  latency      ours p50 ${percentile(ours, 0.5).toFixed(2)} ms, p99 ${percentile(ours, 0.99).toFixed(2)} ms (full search: facets, highlights, summaries)`,
  );
  console.log(
    `               plain p50 ${percentile(baseline, 0.5).toFixed(2)} ms, p99 ${percentile(baseline, 0.99).toFixed(2)} ms (match + bm25 + limit only)`,
  );
  const slowest = [...perQuery]
    .map(
      ([label, times]) =>
        [
          label,
          percentile(
            [...times].sort((x, y) => x - y),
            0.5,
          ),
        ] as const,
    )
    .sort((x, y) => y[1] - x[1])
    .slice(0, 4);
  console.log(
    `  slowest      ${slowest.map(([label, ms]) => `${ms.toFixed(1)} ms ${label}`).join('\n               ')}`,
  );
  console.log(
    `  targets      p50 <= 5 ms: ${percentile(ours, 0.5) <= 5 ? 'met' : 'MISSED'}; p99 <= 25 ms: ${percentile(ours, 0.99) <= 25 ? 'met' : 'MISSED'}\n`,
  );
  index.close();
  plain.db.close();
  rmSync(dir, { recursive: true, force: true });
}
