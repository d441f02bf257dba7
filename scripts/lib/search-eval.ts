import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { defaultLimits } from '#config/limits.ts';
import { type IndexedItem, SearchQuery } from '#domain/search.ts';
import { extractMeeting } from '#ingest/extract-meeting.ts';
import { toIndexedItems } from '#search/indexed-item.ts';
import type { SearchIndex } from '#search/port.ts';
import { SqliteSearchIndex } from '#search/sqlite/sqlite-index.ts';
import { type Judgement, ndcgAt, recallAt } from './rank-metrics.ts';

export const K = 10;

/**
 * A judgement of the Greve set names the item by number and, for whoever reads or checks it, by
 * its title as the meeting has it.
 */
export interface GreveJudgement extends Judgement {
  readonly title?: string;
}

export interface GradedQuery {
  readonly q: string;
  readonly note?: string;
  readonly filters?: Record<string, string>;
  readonly relevant: readonly GreveJudgement[];
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

/**
 * The FirstAgenda meetings of a folder (`*.json`, a portal's agenda JSON), extracted as ingest
 * reads them. The document id is the file's name without `.json` (body, start time and the
 * portal's meeting id), as the Greve judgements name it: stable when the portal serialises a
 * meeting again, where the SHA-256 of the bytes would change.
 */
export async function firstAgendaDocuments(dir: string): Promise<CorpusDocument[]> {
  const documents: CorpusDocument[] = [];
  for (const name of readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()) {
    const file = join(dir, name);
    const doc = await extractMeeting(new Uint8Array(readFileSync(file)), file, defaultLimits);
    const documentId = basename(name, '.json');
    documents.push({ documentId, items: toIndexedItems(doc, { documentId, key: name }) });
  }
  return documents;
}

/** The graded queries over the Greve meetings, kept in the project beside their judgements. */
export const GREVE_QUERIES = 'test/fixtures/greve/queries.json';

/** Where the shared Greve meetings are: GREVE_DIR, else ../shared/realworld/greve. */
export const greveFolder = () => process.env.GREVE_DIR ?? join('..', 'shared', 'realworld', 'greve');

export const hasGreve = (dir: string = greveFolder()) =>
  existsSync(dir) && readdirSync(dir).some((f) => f.endsWith('.json'));

export const greveQueries = (path: string = GREVE_QUERIES) =>
  JSON.parse(readFileSync(path, 'utf8')) as GradedQuery[];

/**
 * What is wrong with the Greve judgements against the meetings: a document that is not there, an
 * item number the meeting does not have, a title that is not the item's, a grade other than 1 or 2,
 * an item judged twice for a query. Empty when every judgement names an existing item.
 */
export function judgementProblems(queries: readonly GradedQuery[], documents: readonly CorpusDocument[]) {
  const byId = new Map(documents.map((d) => [d.documentId, d]));
  const problems: string[] = [];
  for (const { q, filters, relevant } of queries) {
    const label = `${q}${filters ? ` ${JSON.stringify(filters)}` : ''}`;
    if (relevant.length === 0) problems.push(`${label}: no relevant item`);
    const seen = new Set<string>();
    for (const j of relevant) {
      const where = `${label}: ${j.doc} #${j.item}`;
      if (seen.has(`${j.doc}#${j.item}`)) problems.push(`${where} judged twice`);
      seen.add(`${j.doc}#${j.item}`);
      if (j.grade !== 1 && j.grade !== 2) problems.push(`${where} has grade ${j.grade}`);
      const doc = byId.get(j.doc);
      if (!doc) {
        problems.push(`${where}: no such meeting`);
        continue;
      }
      const item = doc.items.find(
        (i) => (typeof j.item === 'number' ? i.item.number : i.item.title) === j.item,
      );
      if (!item) problems.push(`${where}: no such item`);
      else if (j.title !== undefined && j.title !== item.item.title)
        problems.push(`${where}: titled "${item.item.title}", not "${j.title}"`);
    }
  }
  return problems;
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
  return indexOfDocuments(await corpusDocuments(dirs), open);
}

async function indexOfDocuments(documents: readonly CorpusDocument[], open: OpenIndex) {
  const index = await open();
  for (const { documentId, items } of documents) await index.replaceDocument(documentId, items);
  return index;
}

/** The grade of each of the first K hits of a graded query (undefined: not judged relevant). */
export async function rankedGrades(index: SearchIndex, query: GradedQuery) {
  const result = await index.search(searchQueryOf(query));
  return result.results.map((hit) => ({
    hit,
    grade: query.relevant.find(
      (j) =>
        j.doc === hit.source.documentId &&
        (typeof j.item === 'number' ? j.item === hit.item.number : j.item === hit.item.title),
    )?.grade,
  }));
}

async function score(set: string, index: SearchIndex, query: GradedQuery): Promise<QueryScore> {
  const ranked = (await rankedGrades(index, query)).map((r) => r.grade);
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

/** The Greve meetings of a folder in an index (the embedded engine unless `open` says otherwise). */
export async function greveIndex(dir: string = greveFolder(), open: OpenIndex = inMemory) {
  return indexOfDocuments(await firstAgendaDocuments(dir), open);
}

/**
 * Runs the Greve graded queries (set `greve`) over the real meetings of a folder, ingested from
 * their FirstAgenda JSON as the service reads them.
 */
export async function evaluateGreve(
  dir: string = greveFolder(),
  open: OpenIndex = inMemory,
  queriesPath: string = GREVE_QUERIES,
): Promise<QueryScore[]> {
  const index = await greveIndex(dir, open);
  const scores: QueryScore[] = [];
  for (const query of greveQueries(queriesPath)) scores.push(await score('greve', index, query));
  index.close?.();
  return scores;
}
