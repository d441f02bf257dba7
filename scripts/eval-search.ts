/**
 * Search quality on the corpus: nDCG@10 and Recall@10 per graded query and overall, on the
 * embedded engine. Usage: npm run eval:search
 */
import { evaluateSearch, type QueryScore } from './lib/search-eval.ts';

const scores = await evaluateSearch('test/fixtures/corpus');
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
