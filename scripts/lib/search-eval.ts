import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { defaultLimits } from '#config/limits.ts';
import { SearchQuery } from '#domain/search.ts';
import { extractMeeting } from '#ingest/extract-meeting.ts';
import { toIndexedItems } from '#search/indexed-item.ts';
import type { SearchIndex } from '#search/port.ts';
import { SqliteSearchIndex } from '#search/sqlite/sqlite-index.ts';
import { type Judgement, ndcgAt, recallAt } from './rank-metrics.ts';

export const K = 10;

export interface GradedQuery {
  readonly q: string;
  readonly note?: string;
  readonly filters?: Record<string, string>;
  readonly relevant: readonly Judgement[];
}

export interface QueryScore {
  readonly set: string;
  readonly query: GradedQuery;
  readonly ndcg: number;
  readonly recall: number;
}

/** Indexes the PDFs of the folders; the document id is the file's name, as in the gold. */
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

async function score(set: string, index: SearchIndex, query: GradedQuery): Promise<QueryScore> {
  const result = await index.search(SearchQuery.parse({ q: query.q, ...query.filters, size: K }));
  const ranked = result.results.map(
    (hit) =>
      query.relevant.find(
        (j) =>
          j.doc === hit.source.documentId &&
          (typeof j.item === 'number' ? j.item === hit.item.number : j.item === hit.item.title),
      )?.grade,
  );
  return { set, query, ndcg: ndcgAt(K, ranked, query.relevant), recall: recallAt(K, ranked, query.relevant) };
}

/**
 * Runs the corpus's graded queries on the embedded engine: the seed queries over the seeds
 * (ingested from their PDFs), the extra queries over seeds and extra documents.
 */
export async function evaluateSearch(corpus: string): Promise<QueryScore[]> {
  const read = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as GradedQuery[];
  const seeds = await indexOf([join(corpus, 'pdf')]);
  const everything = await indexOf([join(corpus, 'pdf'), join(corpus, 'extra', 'pdf')]);
  const scores: QueryScore[] = [];
  for (const query of read(join(corpus, 'queries.json'))) scores.push(await score('seeds', seeds, query));
  for (const query of read(join(corpus, 'extra', 'queries.json')))
    scores.push(await score('extra', everything, query));
  seeds.close();
  everything.close();
  return scores;
}
