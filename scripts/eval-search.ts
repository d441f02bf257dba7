/**
 * Search quality on the corpus: nDCG@10 and Recall@10 per graded query and overall, on the
 * embedded engine or on OpenSearch (OPENSEARCH_URL, or a node started for the run).
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
import { evaluateSearch, type OpenIndex, type QueryScore } from './lib/search-eval.ts';

const { values } = parseArgs({ options: { engine: { type: 'string', default: 'sqlite' } } });
if (values.engine !== 'sqlite' && values.engine !== 'opensearch') {
  console.error(`--engine is sqlite or opensearch, not ${values.engine}`);
  process.exit(2);
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
    return await evaluateSearch('test/fixtures/corpus', open);
  } finally {
    await client.indices.delete({ index: `${prefix}-*` });
    await client.close();
    await node?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  }
}

const scores =
  values.engine === 'opensearch' ? await onOpenSearch() : await evaluateSearch('test/fixtures/corpus');
console.log(`engine: ${values.engine}`);
const mean = (list: readonly QueryScore[], key: 'ndcg' | 'recall') =>
  list.reduce((sum, s) => sum + s[key], 0) / Math.max(1, list.length);

for (const set of ['seeds', 'extra']) {
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
console.log(
  `\noverall (${scores.length} queries): nDCG@10 ${mean(scores, 'ndcg').toFixed(3)}, Recall@10 ${mean(scores, 'recall').toFixed(3)}`,
);
