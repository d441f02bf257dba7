/**
 * Search quality on the corpus and on the real Greve meetings: nDCG@10 and Recall@10 per graded
 * query, per set and overall, on the embedded engine or on OpenSearch (OPENSEARCH_URL, or a node
 * started for the run). The Greve set (test/fixtures/greve/queries.json over the FirstAgenda JSON
 * in GREVE_DIR or ../shared/realworld/greve) is skipped with a note when the meetings are absent.
 * Usage: npm run eval:search [-- --engine opensearch]
 */
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createOpenSearchClient } from '#search/opensearch/client.ts';
import { OpenSearchIndex } from '#search/opensearch/opensearch-index.ts';
import { startNode } from './lib/opensearch-node.ts';
import {
  evaluateGreve,
  evaluateSearch,
  greveFolder,
  hasGreve,
  type OpenIndex,
  type QueryScore,
} from './lib/search-eval.ts';

const { values } = parseArgs({ options: { engine: { type: 'string', default: 'sqlite' } } });
if (values.engine !== 'sqlite' && values.engine !== 'opensearch') {
  console.error(`--engine is sqlite or opensearch, not ${values.engine}`);
  process.exit(2);
}

const greve = greveFolder();
const withGreve = hasGreve(greve);

/** Both sets on an engine: the corpus, then the Greve meetings when they are there. */
async function evaluateAll(open?: OpenIndex): Promise<QueryScore[]> {
  const corpus = await evaluateSearch('test/fixtures/corpus', open);
  return withGreve ? [...corpus, ...(await evaluateGreve(greve, open))] : corpus;
}

/** Runs the evaluation on OpenSearch, in indices of its own that it deletes afterwards. */
async function onOpenSearch(): Promise<QueryScore[]> {
  const dir = process.env.OPENSEARCH_URL ? null : await mkdtemp(join(tmpdir(), 'opensearch-eval-'));
  const node = dir ? await startNode({ port: 0, dir, heapMb: 512 }) : null;
  const client = createOpenSearchClient({ node: node?.url ?? process.env.OPENSEARCH_URL ?? '' });
  const prefix = `eval-${randomUUID().slice(0, 8)}`;
  let opened = 0;
  const open: OpenIndex = async () => {
    const index = new OpenSearchIndex({ client, alias: `${prefix}-${++opened}` });
    await index.ensureIndex();
    return index;
  };
  try {
    return await evaluateAll(open);
  } finally {
    await client.indices.delete({ index: `${prefix}-*` });
    await client.close();
    await node?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  }
}

const scores = values.engine === 'opensearch' ? await onOpenSearch() : await evaluateAll();
console.log(`engine: ${values.engine}`);
const mean = (list: readonly QueryScore[], key: 'ndcg' | 'recall') =>
  list.reduce((sum, s) => sum + s[key], 0) / Math.max(1, list.length);

for (const set of ['seeds', 'extra', ...(withGreve ? ['greve'] : [])]) {
  const list = scores.filter((s) => s.set === set);
  console.log(`\n${set}: ${'query'.padEnd(44)} nDCG@10  Recall@10`);
  for (const { query, ndcg, recall } of list) {
    const label = `${query.q}${query.filters ? ` ${JSON.stringify(query.filters)}` : ''}`.slice(0, 50);
    console.log(`  ${label.padEnd(50)} ${ndcg.toFixed(3).padStart(7)} ${recall.toFixed(3).padStart(10)}`);
  }
  console.log(
    `  ${'mean'.padEnd(50)} ${mean(list, 'ndcg').toFixed(3).padStart(7)} ${mean(list, 'recall').toFixed(3).padStart(10)}`,
  );
}
const line = (label: string, list: readonly QueryScore[]) =>
  console.log(
    `${label} (${list.length} queries): nDCG@10 ${mean(list, 'ndcg').toFixed(3)}, Recall@10 ${mean(list, 'recall').toFixed(3)}`,
  );
const corpus = scores.filter((s) => s.set !== 'greve');
console.log('');
line('corpus overall', corpus);
if (withGreve)
  line(
    'greve overall',
    scores.filter((s) => s.set === 'greve'),
  );
else console.log(`greve: skipped, no FirstAgenda meetings in ${greve} (set GREVE_DIR to measure them)`);
