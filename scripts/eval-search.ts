/**
 * Search quality on the corpus: ingests the seeds (from their PDFs) and the extra documents into
 * the embedded index, runs the graded queries and prints nDCG@10 and Recall@10 per query and
 * overall. Usage: npm run eval:search
 */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { defaultLimits } from '#config/limits.ts';
import { SearchQuery } from '#domain/search.ts';
import { extractMeeting } from '#parse/extract-meeting.ts';
import { toIndexedItems } from '#search/indexed-item.ts';
import { SqliteSearchIndex } from '#search/sqlite/sqlite-index.ts';
import { type Judgement, ndcgAt, recallAt } from './lib/rank-metrics.ts';

const corpus = 'test/fixtures/corpus';
const K = 10;

interface GradedQuery {
  readonly q: string;
  readonly filters?: Record<string, string>;
  readonly relevant: readonly Judgement[];
}

/** An index of the PDFs in the folders; the document id is the file's name, as in the gold. */
async function indexOf(dirs: readonly string[]): Promise<SqliteSearchIndex> {
  const index = SqliteSearchIndex.open(':memory:');
  for (const dir of dirs) {
    for (const name of readdirSync(dir).filter((f) => f.endsWith('.pdf'))) {
      const file = join(dir, name);
      const doc = await extractMeeting(new Uint8Array(readFileSync(file)), file, defaultLimits);
      const documentId = basename(name, '.pdf');
      await index.replaceDocument(documentId, toIndexedItems(doc, { documentId, key: name }));
    }
  }
  return index;
}

// The seed queries are judged over the seeds only; the extra queries over seeds and extras.
const seeds = await indexOf([join(corpus, 'pdf')]);
const everything = await indexOf([join(corpus, 'pdf'), join(corpus, 'extra', 'pdf')]);
const sets: [string, SqliteSearchIndex, GradedQuery[]][] = [
  ['seeds', seeds, JSON.parse(readFileSync(join(corpus, 'queries.json'), 'utf8'))],
  ['extra', everything, JSON.parse(readFileSync(join(corpus, 'extra', 'queries.json'), 'utf8'))],
];

let allNdcg = 0;
let allRecall = 0;
let count = 0;
for (const [name, index, queries] of sets) {
  console.log(`\n${name}: ${'query'.padEnd(44)} nDCG@10  Recall@10`);
  let setNdcg = 0;
  let setRecall = 0;
  for (const query of queries) {
    const result = await index.search(SearchQuery.parse({ q: query.q, ...query.filters, size: K }));
    const ranked = result.results.map(
      (hit) =>
        query.relevant.find(
          (j) =>
            j.doc === hit.source.documentId &&
            (typeof j.item === 'number' ? j.item === hit.item.number : j.item === hit.item.title),
        )?.grade,
    );
    const ndcg = ndcgAt(K, ranked, query.relevant);
    const recall = recallAt(K, ranked, query.relevant);
    setNdcg += ndcg;
    setRecall += recall;
    const label = `${query.q}${query.filters ? ` ${JSON.stringify(query.filters)}` : ''}`.slice(0, 50);
    console.log(`  ${label.padEnd(50)} ${ndcg.toFixed(3).padStart(7)} ${recall.toFixed(3).padStart(10)}`);
  }
  console.log(
    `  ${'mean'.padEnd(50)} ${(setNdcg / queries.length).toFixed(3).padStart(7)} ${(setRecall / queries.length).toFixed(3).padStart(10)}`,
  );
  allNdcg += setNdcg;
  allRecall += setRecall;
  count += queries.length;
}
console.log(
  `\noverall (${count} queries): nDCG@10 ${(allNdcg / count).toFixed(3)}, Recall@10 ${(allRecall / count).toFixed(3)}`,
);
seeds.close();
everything.close();
