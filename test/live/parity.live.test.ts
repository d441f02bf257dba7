import { randomUUID } from 'node:crypto';
import type { Client } from '@opensearch-project/opensearch';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SearchQuery, type SearchResult } from '#domain/search.ts';
import { analyze, analyzeBoth, tokenize } from '#language/analyze.ts';
import { searchFields } from '#search/fields.ts';
import { createOpenSearchClient } from '#search/opensearch/client.ts';
import { OpenSearchIndex } from '#search/opensearch/opensearch-index.ts';
import { createSearchClient } from '#search/opensearch/search-client.ts';
import type { SearchIndex } from '#search/port.ts';
import { SqliteSearchIndex } from '#search/sqlite/sqlite-index.ts';
import {
  type CorpusDocument,
  corpusDocuments,
  corpusFolders,
  gradedQueries,
  searchQueryOf,
} from '../../scripts/lib/search-eval.ts';

const CORPUS = 'test/fixtures/corpus';

/** What a page says: which items in which order, with which scores, how many, and the facets. */
const answer = ({ total, partialTotal, suggestion, facets, results }: SearchResult) => ({
  total,
  partialTotal,
  suggestion,
  facets,
  results: results.map((hit) => ({ id: hit.id, score: hit.score, match: hit.match })),
});

/** Beyond the graded queries: sorts, filters, paging, browsing, and words the corpus lacks. */
const MORE_QUERIES: readonly Record<string, unknown>[] = [
  { q: 'budget', sort: 'date' },
  { q: 'godkendt', page: 2, size: 5 },
  { q: 'sygefravær', body: 'direktionen' },
  { q: 'lokalplan', outcome: 'approved' },
  { q: 'fravær', from: '2025-02-01', to: '2025-06-30' },
  { q: '', access: 'closed' },
  { q: '' },
  // Bodies and municipalities however they are written: by their keys (shared/search/names.ts).
  { q: 'budget', body: 'Økonomiudvalg 2022-2025' },
  { q: '', body: 'KOMMUNALBESTYRELSE' },
  { q: 'godkendt', municipality: 'norddjurs' },
  { q: '', municipality: 'Kærholm Kommune' },
  { q: 'ejendomssalg kystbeskyttelse' },
  { q: 'xyzzyplugh' },
  // The query language (shared/search/query-language.ts), partial matches after full ones.
  { q: 'orientering taget' },
  { q: 'orientering taget', sort: 'date' },
  { q: 'orientering taget', page: 2, size: 5 },
  { q: '"taget til efterretning"' },
  { q: '"taget efterretning"' },
  { q: '"til efterretning taget"' },
  // Plain words score as a phrase too, a stop word's gap kept (SearchPlan.proximity).
  { q: 'taget til efterretning' },
  { q: 'sagen taget til efterretning', sort: 'date' },
  { q: 'direktionen drøftede' },
  { q: 'budget -godkendt' },
  { q: 'budget -"taget til efterretning"' },
  { q: 'lokalpl*' },
  { q: 'sygefr* OR stress' },
  { q: 'klimatilpasning OR kystbeskyttelse' },
  { q: 'fravær OR stress ledere' },
  { q: 'ejendomssalg' },
  { q: '24/16905' },
  { q: '"budget' },
  { q: 'budget OR' },
  { q: '- * OR' },
  // Synonyms (shared/search/synonyms.ts) and suggestions (shared/search/suggest.ts).
  { q: 'kystsikring' },
  { q: 'klimatilpasning', sort: 'date' },
  { q: 'sygefravar' },
  { q: 'budgt' },
];

/**
 * Both engines, given the corpus, give the same answers: the embedded engine ranks as OpenSearch
 * does (shared/search/sqlite/scoring.ts), and the JS analysis is the engine's (docs/search.md,
 * "Differences between the engines", says where they cannot agree).
 */
describe.skipIf(!process.env.OPENSEARCH_URL)('both engines on the corpus (OPENSEARCH_URL)', () => {
  const prefix = `test-parity-${randomUUID().slice(0, 8)}`;
  let client: Client;
  const engines: { name: string; seeds: SearchIndex; everything: SearchIndex }[] = [];
  let documents: CorpusDocument[] = [];
  let seedIds: ReadonlySet<string>;

  const opened = async (name: string, set: string, docs: readonly CorpusDocument[]): Promise<SearchIndex> => {
    const index =
      name === 'sqlite'
        ? SqliteSearchIndex.open(':memory:')
        : // The service's own client, the one the Lambdas run.
          new OpenSearchIndex({
            client: createSearchClient({ node: process.env.OPENSEARCH_URL ?? '' }),
            alias: `${prefix}-${set}`,
          });
    if (index instanceof OpenSearchIndex) await index.ensureIndex();
    for (const { documentId, items } of docs) await index.replaceDocument(documentId, items);
    return index;
  };

  beforeAll(async () => {
    client = createOpenSearchClient({ node: process.env.OPENSEARCH_URL ?? '' });
    const folders = corpusFolders(CORPUS);
    documents = await corpusDocuments(folders.everything);
    seedIds = new Set((await corpusDocuments(folders.seeds)).map((d) => d.documentId));
    const seeds = documents.filter((d) => seedIds.has(d.documentId));
    for (const name of ['sqlite', 'opensearch']) {
      engines.push({
        name,
        seeds: await opened(name, 'seeds', seeds),
        everything: await opened(name, 'everything', documents),
      });
    }
  });

  afterAll(async () => {
    for (const { seeds, everything } of engines) {
      for (const index of [seeds, everything]) if (index instanceof SqliteSearchIndex) index.close();
    }
    const { body } = await client.indices.get({ index: `${prefix}-*` });
    if (Object.keys(body).length) await client.indices.delete({ index: Object.keys(body) });
    await client.close();
  });

  const [sqlite, opensearch] = [0, 1];
  const both = async (set: 'seeds' | 'everything', query: SearchQuery) => {
    const [a, b] = [engines[sqlite], engines[opensearch]];
    if (!a || !b) throw new Error('engines not opened');
    return { sqlite: answer(await a[set].search(query)), opensearch: answer(await b[set].search(query)) };
  };

  it('agree on the first 10 of every graded query: items, order, scores, totals, facets', async () => {
    const queries = gradedQueries(CORPUS);
    const asked = [
      ...queries.seeds.map((q) => ['seeds', q] as const),
      ...queries.extra.map((q) => ['everything', q] as const),
    ];
    expect(asked.length).toBeGreaterThanOrEqual(30);
    for (const [set, graded] of asked) {
      const { sqlite, opensearch } = await both(set, searchQueryOf(graded));
      expect({ q: graded.q, ...opensearch }).toEqual({ q: graded.q, ...sqlite });
      // Every graded query finds something, a few only partial matches (all their words in none).
      expect(sqlite.results.length).toBeGreaterThan(0);
    }
  });

  it('agree on sorts, filters, paging, browsing and words nobody wrote', async () => {
    for (const input of MORE_QUERIES) {
      const query = SearchQuery.parse({ size: 10, ...input });
      const { sqlite, opensearch } = await both('everything', query);
      expect({ input, ...opensearch }).toEqual({ input, ...sqlite });
    }
  });

  it("analyse every word of the corpus as the engine's analyzers do: stems, stop words, compound parts", async () => {
    const words = new Set<string>();
    for (const { items } of documents) {
      for (const item of items) {
        const fields = searchFields(item);
        for (const text of [fields.title, fields.decision, fields.body]) {
          for (const token of tokenize(text)) words.add(token.term);
        }
      }
    }
    expect(words.size).toBeGreaterThan(2000);
    const differences: string[] = [];
    for (const analyzer of ['da_exact', 'da_parts'] as const) {
      const engine = await engineTerms(client, `${prefix}-everything`, analyzer, [...words]);
      for (const word of words) {
        const ours = analyzer === 'da_exact' ? analyze(word) : analyzeBoth(word).parts;
        const theirs = engine.get(word) ?? [];
        if ([...ours].sort().join(' ') !== [...theirs].sort().join(' '))
          differences.push(`${analyzer} ${word}: ours [${ours}] engine [${theirs}]`);
      }
    }
    expect(differences).toEqual([]);
  });
});

/**
 * The terms an analyzer of the index makes of each word: the words go in batches as one text,
 * and each token belongs to the word it starts at (compound parts keep their word's offsets).
 */
async function engineTerms(
  client: Client,
  index: string,
  analyzer: string,
  words: readonly string[],
): Promise<Map<string, string[]>> {
  const terms = new Map<string, string[]>();
  const BATCH = 2000;
  for (let from = 0; from < words.length; from += BATCH) {
    const batch = words.slice(from, from + BATCH);
    const starts = new Map<number, string>();
    let offset = 0;
    for (const word of batch) {
      starts.set(offset, word);
      terms.set(word, []);
      offset += word.length + 1;
    }
    const { body } = await client.indices.analyze({ index, body: { analyzer, text: batch.join(' ') } });
    for (const token of body.tokens ?? []) {
      const word = starts.get(token.start_offset);
      if (word === undefined) throw new Error(`a token at ${token.start_offset} starts no word`);
      terms.get(word)?.push(token.token);
    }
  }
  return terms;
}
