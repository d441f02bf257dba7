import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { defaultLimits } from '#config/limits.ts';
import { type IndexedItem, SearchQuery } from '#domain/search.ts';
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

/** A document of the corpus as the index gets it: the document id is the file's name, as in the gold. */
export interface CorpusDocument {
  readonly documentId: string;
  readonly items: IndexedItem[];
}

/** The PDFs of the folders, extracted and made into indexed items. */
export async function corpusDocuments(dirs: readonly string[]): Promise<CorpusDocument[]> {
  const documents: CorpusDocument[] = [];
  for (const dir of dirs) {
    for (const name of readdirSync(dir).filter((f) => f.endsWith('.pdf'))) {
      const file = join(dir, name);
      const doc = await extractMeeting(new Uint8Array(readFileSync(file)), file, defaultLimits);
      const documentId = basename(name, '.pdf');
      documents.push({ documentId, items: toIndexedItems(doc, { documentId, key: name }) });
    }
  }
  return documents;
}

/** The folders of the seed documents and of the extra documents under the corpus folder. */
export const corpusFolders = (corpus: string) => ({
  seeds: [join(corpus, 'pdf')],
  everything: [join(corpus, 'pdf'), join(corpus, 'extra', 'pdf')],
});

/** The graded queries: the seed queries run over the seeds, the extra queries over everything. */
export function gradedQueries(corpus: string): { seeds: GradedQuery[]; extra: GradedQuery[] } {
  const read = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as GradedQuery[];
  return { seeds: read(join(corpus, 'queries.json')), extra: read(join(corpus, 'extra', 'queries.json')) };
}

/** The search query a graded query asks, with its filters and the first K results. */
export const searchQueryOf = (query: GradedQuery) =>
  SearchQuery.parse({ q: query.q, ...query.filters, size: K });

/** Opens an empty index: the embedded engine by default; closed after the run when it can be. */
export type OpenIndex = () => Promise<SearchIndex & { close?(): void }>;

const inMemory: OpenIndex = async () => SqliteSearchIndex.open(':memory:');

async function indexOf(dirs: readonly string[], open: OpenIndex) {
  const index = await open();
  for (const { documentId, items } of await corpusDocuments(dirs))
    await index.replaceDocument(documentId, items);
  return index;
}

async function score(set: string, index: SearchIndex, query: GradedQuery): Promise<QueryScore> {
  const result = await index.search(searchQueryOf(query));
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
 * Runs the corpus's graded queries on an engine (the embedded one unless `open` says otherwise):
 * the seed queries over the seeds (ingested from their PDFs), the extra queries over seeds and
 * extra documents.
 */
export async function evaluateSearch(corpus: string, open: OpenIndex = inMemory): Promise<QueryScore[]> {
  const folders = corpusFolders(corpus);
  const queries = gradedQueries(corpus);
  const seeds = await indexOf(folders.seeds, open);
  const everything = await indexOf(folders.everything, open);
  const scores: QueryScore[] = [];
  for (const query of queries.seeds) scores.push(await score('seeds', seeds, query));
  for (const query of queries.extra) scores.push(await score('extra', everything, query));
  seeds.close?.();
  everything.close?.();
  return scores;
}
