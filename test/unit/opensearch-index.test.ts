import { once } from 'node:events';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { type IndexedItem, SearchQuery } from '#domain/search.ts';
import { TOKEN_PATTERN } from '#language/analyze.ts';
import { DECOMPOUND, vocabularyWords } from '#language/compounds.ts';
import { searchFields } from '#search/fields.ts';
import { toHit } from '#search/hits.ts';
import { createOpenSearchClient } from '#search/opensearch/client.ts';
import { BulkIndexError, SearchEngineError } from '#search/opensearch/errors.ts';
import { OpenSearchIndex } from '#search/opensearch/opensearch-index.ts';
import { FACET_SIZE } from '#search/opensearch/query.ts';
import { createSearchClient } from '#search/opensearch/search-client.ts';
import { planSearch } from '#search/plan.ts';
import { SqliteSearchIndex } from '#search/sqlite/sqlite-index.ts';
import { RecordedOpenSearch } from '#test/support/recorded-opensearch.ts';
import { BEHAVIOUR_DOCUMENTS } from '#test/support/search-index-behaviour.ts';

const query = (input: Record<string, unknown>) => SearchQuery.parse(input);

// The recorded responses (scripts/record-opensearch.ts) answer for the behaviour suite's items.
const DOC_A = BEHAVIOUR_DOCUMENTS['doc-a'] as [IndexedItem, IndexedItem, IndexedItem];
const [SYGEFRAVÆR, TRIVSEL] = DOC_A;
const STRESS = BEHAVIOUR_DOCUMENTS['doc-b']?.[1] as IndexedItem;

const ALL_FIELDS = [
  'text.title',
  'text.decision',
  'text.body',
  'text.title.parts',
  'text.decision.parts',
  'text.body.parts',
];

/** The fields and weights of FIELD_WEIGHTS, as OpenSearch fields. */
const WEIGHTED = [
  'text.title^3',
  'text.decision^1.5',
  'text.body^1',
  'text.title.parts^0.9',
  'text.decision.parts^0.45',
  'text.body.parts^0.3',
];
/** Any of the words, each in some field (its compound parts too). */
const anyOf = (...words: string[]) => ({
  bool: {
    should: words.map((query) => ({ multi_match: { query, fields: ALL_FIELDS } })),
    minimum_should_match: 1,
  },
});

/** Newest first, agenda order, then by document: a total order, as the embedded engine sorts. */
const BY_DATE = [
  { date: { order: 'desc' } },
  { position: { order: 'asc' } },
  { documentId: { order: 'asc' } },
];

/** The parts of "sygefravær" (stemmed in JS), each matched as it is in some field; all or any of them. */
const sygefraværParts = (minimum: number) => ({
  bool: {
    should: ['syg', 'fravær'].map((part) => ({
      multi_match: { query: part, fields: WEIGHTED, type: 'most_fields', analyzer: 'keyword' },
    })),
    minimum_should_match: minimum,
    boost: 0.5,
  },
});
/** Bodies and municipalities by key, each named by its most shown name; years and outcomes by value. */
const FACET_AGGS = {
  body: {
    terms: { field: 'bodyKey', size: FACET_SIZE },
    aggs: { name: { terms: { field: 'body', size: 1 } } },
  },
  year: { terms: { field: 'year', size: FACET_SIZE } },
  outcome: { terms: { field: 'outcome', size: FACET_SIZE } },
  municipality: {
    terms: { field: 'municipalityKey', size: FACET_SIZE },
    aggs: { name: { terms: { field: 'municipality', size: 1 } } },
  },
};

function recorded(wordListPath?: string) {
  const opensearch = new RecordedOpenSearch();
  const index = new OpenSearchIndex({ client: opensearch.client(), alias: 'minutes', wordListPath });
  return { opensearch, index };
}

/** The search body sent for a query's full matches, answered with enough of them that no partial ones are asked for. */
async function searchBody(input: Record<string, unknown>) {
  const { opensearch, index } = recorded();
  opensearch.reply('search-many');
  await index.search(query(input));
  return opensearch.request(0).body as Record<string, unknown>;
}

describe('OpenSearch index: creation', () => {
  it('creates version 1 behind the alias, with the analysis of shared/language', async () => {
    const { opensearch, index } = recorded();
    opensearch.replyStatus(404).reply('create-index');
    await index.ensureIndex();
    const [exists, create] = opensearch.requests;
    expect(exists).toMatchObject({ method: 'HEAD', path: '/minutes' });
    expect(create).toMatchObject({ method: 'PUT', path: '/minutes-v1' });
    expect(create?.body).toMatchObject({
      aliases: { minutes: {} },
      settings: {
        number_of_shards: 1,
        analysis: {
          tokenizer: { da_tokens: { type: 'pattern', pattern: TOKEN_PATTERN, group: 0 } },
          filter: {
            da_stop: { type: 'stop', stopwords: '_danish_' },
            da_stem: { type: 'snowball', language: 'Danish' },
            da_decompound: {
              type: 'dictionary_decompounder',
              min_word_size: DECOMPOUND.minWordSize,
              min_subword_size: DECOMPOUND.minSubwordSize,
              max_subword_size: DECOMPOUND.maxSubwordSize,
              only_longest_match: false,
              word_list: vocabularyWords(),
            },
            da_decompound_words: { type: 'condition', filter: ['da_decompound'] },
          },
          analyzer: {
            da_exact: { type: 'custom', tokenizer: 'da_tokens', filter: ['lowercase', 'da_stop', 'da_stem'] },
            da_parts: {
              type: 'custom',
              char_filter: ['da_names'],
              tokenizer: 'da_tokens',
              filter: ['lowercase', 'da_stop', 'da_decompound_words', 'da_unmark', 'da_stem'],
            },
          },
        },
      },
    });
  });

  it('maps text with a parts subfield, keywords for filters and facets, and the item unindexed', async () => {
    const { opensearch, index } = recorded();
    opensearch.replyStatus(404).reply('create-index');
    await index.ensureIndex();
    const { mappings } = opensearch.request(1).body as {
      mappings: { properties: Record<string, unknown> };
    };
    const text = {
      type: 'text',
      analyzer: 'da_exact',
      fields: { parts: { type: 'text', analyzer: 'da_parts', search_analyzer: 'da_exact' } },
    };
    const keyword = { type: 'keyword' };
    expect(mappings).toEqual({
      dynamic: 'strict',
      // The fingerprint of this layout, by which an index made by other code is recognised.
      _meta: { layout: expect.stringMatching(/^[0-9a-f]{16}$/) },
      properties: {
        documentId: keyword,
        // Shown (facet names) and as keys (filters, facet buckets), both made in JS (names.ts).
        body: keyword,
        bodyKey: keyword,
        municipality: keyword,
        municipalityKey: keyword,
        outcome: keyword,
        access: keyword,
        caseNumber: keyword,
        // The case numbers the item's text names: a case's items are also those naming it.
        caseRefs: keyword,
        year: keyword,
        date: { type: 'date', format: 'strict_date' },
        position: { type: 'integer' },
        // How the decision was voted and the parties of its vote (votes.ts): filters only.
        votes: keyword,
        parties: keyword,
        text: { properties: { title: text, decision: text, body: text } },
        item: { type: 'object', enabled: false },
      },
    });
  });

  it('points the decompounder at a custom package when given its path', async () => {
    const { opensearch, index } = recorded('analyzers/F111111111');
    opensearch.replyStatus(404).reply('create-index');
    await index.ensureIndex();
    const body = opensearch.request(1).body as {
      settings: { analysis: { filter: { da_decompound: Record<string, unknown> } } };
    };
    expect(body.settings.analysis.filter.da_decompound.word_list_path).toBe('analyzers/F111111111');
    expect(body.settings.analysis.filter.da_decompound).not.toHaveProperty('word_list');
  });

  it('leaves an existing alias alone', async () => {
    const { opensearch, index } = recorded();
    opensearch.replyStatus(200);
    await index.ensureIndex();
    expect(opensearch.requests).toHaveLength(1);
  });
});

describe('OpenSearch index: writes', () => {
  it('replaces a document: deletes its items, then indexes one action and one document per item', async () => {
    const { opensearch, index } = recorded();
    opensearch.reply('delete-by-query').reply('bulk');
    await index.replaceDocument('doc-a', DOC_A);
    const [deletion, bulk] = opensearch.requests;
    expect(deletion).toEqual({
      method: 'POST',
      path: '/minutes/_delete_by_query',
      querystring: 'refresh=true',
      body: { query: { term: { documentId: 'doc-a' } } },
    });
    expect(bulk).toMatchObject({ method: 'PUT', path: '/minutes/_bulk', querystring: 'refresh=true' });
    // The closed item keeps its case number and has no decision, so no outcome.
    const differing = [
      { outcome: 'discussed', access: 'open', caseNumber: null },
      { outcome: 'approved', access: 'open', caseNumber: null },
      { outcome: null, access: 'closed', caseNumber: '24/16905' },
    ];
    expect(bulk?.body).toEqual(
      DOC_A.flatMap((item, position) => [
        { index: { _id: `doc-a:${position}` } },
        {
          documentId: 'doc-a',
          body: 'Direktionen',
          bodyKey: 'direktion',
          municipality: 'Vesterlund Kommune',
          municipalityKey: 'vesterlund',
          date: '2025-02-05',
          year: '2025',
          ...differing[position],
          position,
          // No vote recorded in these decisions: neither split nor unanimous, no parties.
          votes: null,
          parties: [],
          // None of these items names a case in its text.
          caseRefs: [],
          text: searchFields(item),
          item,
        },
      ]),
    );
  });

  it('throws a SearchEngineError naming the items the bulk request failed to index', async () => {
    const { opensearch, index } = recorded();
    opensearch.reply('delete-by-query').reply('bulk-errors');
    // A date written the Danish way, which the mapping (strict_date) refuses; its sibling is indexed.
    const danishDate = { ...TRIVSEL, meeting: { ...TRIVSEL.meeting, date: '05-02-2025' } };
    const error = await index.replaceDocument('doc-a', [SYGEFRAVÆR, danishDate]).catch((e: unknown) => e);
    expect(opensearch.request(1).body).toMatchObject([
      {},
      { date: '2025-02-05' },
      {},
      { date: '05-02-2025' },
    ]);
    expect(error).toBeInstanceOf(SearchEngineError);
    expect(error).toBeInstanceOf(BulkIndexError);
    const reason =
      "failed to parse field [date] of type [date] in document with id 'doc-a:1'. Preview of field's value: '05-02-2025'";
    expect((error as BulkIndexError).failures).toEqual([
      { id: 'doc-a:1', status: 400, type: 'mapper_parsing_exception', reason },
    ]);
    expect((error as Error).message).toBe(
      `OpenSearch did not index 1 item(s): doc-a:1 (400 mapper_parsing_exception: ${reason})`,
    );
  });

  it('deletes a document by its id, and sends no bulk request for no items', async () => {
    const { opensearch, index } = recorded();
    opensearch.reply('delete-by-query').reply('delete-by-query');
    await index.deleteDocument('doc-b');
    await index.replaceDocument('doc-a', []);
    expect(opensearch.requests.map((r) => [r.path, r.body])).toEqual([
      ['/minutes/_delete_by_query', { query: { term: { documentId: 'doc-b' } } }],
      ['/minutes/_delete_by_query', { query: { term: { documentId: 'doc-a' } } }],
    ]);
  });
});

describe('OpenSearch index: the search request', () => {
  it('requires every word in some field, and scores the words', async () => {
    expect(await searchBody({ q: 'sygefravær' })).toEqual({
      query: {
        bool: {
          should: [{ multi_match: { query: 'sygefravær', fields: WEIGHTED, type: 'most_fields' } }],
          minimum_should_match: 0,
          filter: [
            {
              bool: {
                should: [{ multi_match: { query: 'sygefravær', fields: ALL_FIELDS } }],
                minimum_should_match: 1,
              },
            },
          ],
          must_not: [],
        },
      },
      sort: [{ _score: { order: 'desc' } }, ...BY_DATE],
      track_scores: true,
      track_total_hits: true,
      from: 0,
      size: 10,
      _source: ['item'],
      aggs: FACET_AGGS,
    });
  });

  it('sends no parts clause for a word that is no compound', async () => {
    const body = await searchBody({ q: 'fravær' });
    expect((body.query as { bool: { should: unknown[] } }).bool.should).toEqual([
      { multi_match: { query: 'fravær', fields: WEIGHTED, type: 'most_fields' } },
    ]);
  });

  it('sends OR as a group, a prefix, a phrase and a case number as filters, minus as must_not', async () => {
    const body = await searchBody({ q: 'trivsel OR stress lokal* "salg af ejendommen" 24/16905 -skole' });
    const exact = ['text.title', 'text.decision', 'text.body'];
    expect(body.query).toMatchObject({
      bool: {
        should: [{ multi_match: { query: 'trivsel stress salg af ejendommen 24/16905' } }],
        filter: [
          anyOf('trivsel', 'stress'),
          {
            bool: {
              should: [{ bool: { should: exact.map((f) => ({ prefix: { [f]: { value: 'lokal' } } })) } }],
            },
          },
          {
            bool: {
              should: [
                {
                  bool: {
                    should: exact.map((f) => ({ match_phrase: { [f]: { query: 'salg af ejendommen' } } })),
                  },
                },
              ],
            },
          },
          { bool: { should: [{ match_phrase: { 'text.title': { query: '24/16905' } } }] } },
        ],
        must_not: [{ multi_match: { query: 'skole', fields: ALL_FIELDS } }],
      },
    });
  });

  it('asks for the partial matches after the full ones when these are few, without facets', async () => {
    const { opensearch, index } = recorded();
    opensearch.reply('search-tiers').reply('search-tiers-partial');
    await index.search(query({ q: 'trivsel fravær', page: 1, size: 2 }));
    const partial = opensearch.request(1).body as Record<string, unknown>;
    // One full match on the page: the first partial match fills it.
    expect(partial).toMatchObject({ from: 0, size: 1 });
    const sygefravær = (await (async () => {
      const { opensearch: os, index: ix } = recorded();
      os.reply('search-tiers').reply('search-tiers-partial');
      await ix.search(query({ q: 'sygefravær trivsel' }));
      return os.request(1).body;
    })()) as { query: { bool: { should: unknown[] } } };
    // Partial matches score all the parts of a compound of the query too, and plain words as a
    // phrase in each exact field (proximity).
    const phrase = (field: string, boost: number) => ({
      match_phrase: { [`text.${field}`]: { query: 'sygefravær trivsel', boost } },
    });
    expect(sygefravær.query.bool.should).toEqual([
      { multi_match: { query: 'sygefravær trivsel', fields: WEIGHTED, type: 'most_fields' } },
      phrase('title', 1.5),
      phrase('decision', 0.75),
      phrase('body', 0.5),
      sygefraværParts(2),
    ]);
    expect(partial.aggs).toBeUndefined();
    expect(partial.query).toMatchObject({
      bool: {
        filter: [anyOf('trivsel', 'fravær')],
        must_not: [{ bool: { filter: [{}, {}] } }],
      },
    });
  });

  it('sorts by date, then position, then document, and pages with from and size', async () => {
    expect(await searchBody({ q: 'fravær', sort: 'date', page: 3, size: 2 })).toMatchObject({
      sort: BY_DATE,
      track_scores: true,
      from: 4,
      size: 2,
    });
  });

  it('browses by date when there are no words', async () => {
    expect(await searchBody({ sort: 'relevance' })).toMatchObject({
      query: { bool: { must: { match_all: {} }, filter: [] } },
      sort: BY_DATE,
      track_scores: false,
    });
  });

  it('filters by date range, body and municipality by their keys, outcome, access, case number and votes', async () => {
    const body = await searchBody({
      from: '2025-01-01',
      to: '2025-12-31',
      body: 'DIREKTIONEN 2022-2025',
      municipality: 'norddjurs',
      outcome: 'postponed',
      access: 'closed',
      caseNumber: '24/16905',
      votes: 'split',
      party: 'enhedslisten',
    });
    expect(body.query).toEqual({
      bool: {
        must: { match_all: {} },
        filter: [
          { range: { date: { gte: '2025-01-01', lte: '2025-12-31' } } },
          { term: { bodyKey: { value: 'direktion' } } },
          { term: { municipalityKey: { value: 'norddjur' } } },
          { term: { outcome: { value: 'postponed' } } },
          { term: { access: { value: 'closed' } } },
          { term: { caseNumber: { value: '24/16905' } } },
          { term: { votes: { value: 'split' } } },
          // A party's name is asked for by its letter, as the votes record it.
          { term: { parties: { value: 'Ø' } } },
        ],
      },
    });
    const { query: filtered } = (await searchBody({ q: 'fravær', to: '2024-12-31' })) as {
      query: { bool: { filter: unknown[] } };
    };
    expect(filtered.bool.filter[0]).toEqual({ range: { date: { lte: '2024-12-31' } } });
  });
});

describe('OpenSearch index: the search result', () => {
  const search = async (input: Record<string, unknown>, ...fixtures: string[]) => {
    const { opensearch, index } = recorded();
    for (const fixture of fixtures) opensearch.reply(fixture);
    return index.search(query(input));
  };

  it('maps the recorded response: total, facets from the aggregations, hits built by toHit', async () => {
    const result = await search({ q: 'fravær' }, 'search-fravaer', 'search-fravaer-partial');
    expect(result.total).toBe(3);
    // Body and municipality buckets are keys; each is shown by the name its sub-aggregation found.
    expect(result.facets).toEqual({
      body: { Direktionen: 2, Økonomiudvalget: 1 },
      year: { '2025': 2, '2024': 1 },
      outcome: { approved: 1, discussed: 1, postponed: 1 },
      municipality: { 'Vesterlund Kommune': 2, 'Norddjurs Kommune': 1 },
    });
    const { terms } = planSearch('fravær');
    expect(result.results).toEqual([
      toHit(TRIVSEL, 6.270044, terms),
      toHit(SYGEFRAVÆR, 1.2348487, terms),
      toHit(STRESS, 0.83730626, terms),
    ]);
    expect(result.results.map((hit) => hit.score)).toEqual([6.27, 1.235, 0.837]);
    expect(result.results[1]?.highlights).toContain('Fokus på syge<mark>fravær</mark>');
  });

  it('gives the result the embedded engine gives for the same items and query, scores too', async () => {
    const sqlite = SqliteSearchIndex.open(':memory:');
    for (const [documentId, items] of Object.entries(BEHAVIOUR_DOCUMENTS))
      await sqlite.replaceDocument(documentId, items);
    const embedded = await sqlite.search(query({ q: 'fravær' }));
    const tiers = await sqlite.search(query({ q: 'trivsel fravær' }));
    sqlite.close();
    expect(await search({ q: 'fravær' }, 'search-fravaer', 'search-fravaer-partial')).toEqual(embedded);
    expect(await search({ q: 'trivsel fravær' }, 'search-tiers', 'search-tiers-partial')).toEqual(tiers);
    expect(tiers).toMatchObject({ total: 1, partialTotal: 2 });
  });

  it('finds nothing for a query of stop words, without asking OpenSearch', async () => {
    const result = await search({ q: 'og i at' });
    expect(result).toEqual({
      total: 0,
      partialTotal: 0,
      suggestion: null,
      page: 1,
      size: 10,
      results: [],
      facets: { body: {}, year: {}, outcome: {}, municipality: {} },
    });
  });

  it('throws a SearchEngineError, with the cause, when OpenSearch refuses or answers nonsense', async () => {
    const { opensearch, index } = recorded();
    opensearch.reply('index-not-found', 404).reply('acknowledged');
    const refused = await index.search(query({ q: 'fravær' })).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(SearchEngineError);
    expect((refused as Error).message).toContain('index_not_found_exception');
    expect((refused as Error).cause).toMatchObject({ name: 'ResponseError', statusCode: 404 });
    await expect(index.search(query({ q: 'fravær' }))).rejects.toThrow(SearchEngineError);
  });
});

describe('OpenSearch index: get', () => {
  it('gets the stored item by id', async () => {
    const { opensearch, index } = recorded();
    opensearch.reply('get');
    expect(await index.get('doc-a:1')).toEqual(TRIVSEL);
    expect(opensearch.requests[0]).toMatchObject({
      method: 'GET',
      path: '/minutes/_doc/doc-a%3A1',
      querystring: '_source_includes=item',
    });
  });

  it('returns null when OpenSearch answers 404', async () => {
    const { opensearch, index } = recorded();
    opensearch.reply('get-missing', 404);
    expect(await index.get('no-such:0')).toBeNull();
  });
});

describe('OpenSearch index: items of a document', () => {
  it("asks for the document's items in agenda order and returns the stored items", async () => {
    const { opensearch, index } = recorded();
    opensearch.reply('search-items-of');
    expect(await index.itemsOf('doc-a')).toEqual(DOC_A);
    expect(opensearch.request(0)).toMatchObject({
      method: 'POST',
      path: '/minutes/_search',
      body: { query: { term: { documentId: 'doc-a' } }, sort: [{ position: 'asc' }], _source: ['item'] },
    });
  });
});

describe('OpenSearch index: reindex behind the alias', () => {
  it('fills the next version, swaps the alias in one request, then deletes the old version', async () => {
    const { opensearch, index } = recorded();
    opensearch
      .reply('get-alias')
      .reply('create-index-v2')
      .reply('delete-by-query')
      .reply('bulk')
      .reply('acknowledged')
      .reply('acknowledged');
    const created = await index.reindex((next) => next.replaceDocument('doc-a', [SYGEFRAVÆR, TRIVSEL]));
    expect(created).toBe('minutes-v2');
    expect(opensearch.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      'GET /_alias/minutes',
      'PUT /minutes-v2',
      'POST /minutes-v2/_delete_by_query',
      'PUT /minutes-v2/_bulk',
      'POST /_aliases',
      'DELETE /minutes-v1',
    ]);
    expect(opensearch.request(1).body).not.toHaveProperty('aliases');
    expect(opensearch.request(4).body).toEqual({
      actions: [
        { remove: { index: 'minutes-v1', alias: 'minutes' } },
        { add: { index: 'minutes-v2', alias: 'minutes' } },
      ],
    });
  });

  it('deletes the new version and leaves the alias alone when loading fails', async () => {
    const { opensearch, index } = recorded();
    opensearch.reply('get-alias').reply('create-index-v2').reply('acknowledged');
    const failure = new Error('the registry is unreachable');
    await expect(index.reindex(async () => Promise.reject(failure))).rejects.toBe(failure);
    expect(opensearch.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      'GET /_alias/minutes',
      'PUT /minutes-v2',
      'DELETE /minutes-v2',
    ]);
  });

  it('starts at version 1 when the alias does not exist yet', async () => {
    const { opensearch, index } = recorded();
    opensearch.reply('get-alias-missing', 404).reply('create-index').reply('acknowledged');
    expect(await index.reindex(async () => {})).toBe('minutes-v1');
    expect(opensearch.requests.at(-1)?.body).toEqual({
      actions: [{ add: { index: 'minutes-v1', alias: 'minutes' } }],
    });
    expect(opensearch.pending).toBe(0);
  });
});

// The service's client (only the calls it makes) and the package's full one for scripts and tests.
describe.each([
  ['createSearchClient', createSearchClient],
  ['createOpenSearchClient', createOpenSearchClient],
])('%s', (_name, createClient) => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  /** The headers of one request the client sends to a local HTTP server. */
  async function headersSent(options: { region?: string }): Promise<IncomingHttpHeaders> {
    let headers: IncomingHttpHeaders = {};
    const server = createServer((request, response) => {
      headers = request.headers;
      response.writeHead(200, { 'content-type': 'application/json' }).end('{"acknowledged":true}');
    });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    const { port } = server.address() as AddressInfo;
    const client = createClient({ node: `http://127.0.0.1:${port}`, ...options });
    await client.indices.exists({ index: 'minutes' });
    await client.close();
    server.close();
    return headers;
  }

  it('signs requests with SigV4 when given a region', async () => {
    vi.stubEnv('AWS_ACCESS_KEY_ID', 'AKIDEXAMPLE');
    vi.stubEnv('AWS_SECRET_ACCESS_KEY', 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY');
    const headers = await headersSent({ region: 'eu-north-1' });
    expect(headers.authorization).toMatch(
      /^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\/\d{8}\/eu-north-1\/es\//,
    );
    expect(headers).toHaveProperty('x-amz-content-sha256');
  });

  it('sends plain requests to a local cluster', async () => {
    expect((await headersSent({})).authorization).toBeUndefined();
  });

  it('refuses a call without a required parameter before sending it', async () => {
    const client = createClient({ node: 'http://127.0.0.1:9' });
    // @ts-expect-error: the id is required; a caller without types may still leave it out.
    await expect(client.get({ index: 'minutes' })).rejects.toThrow(/Missing required parameter: id/);
    await client.close();
  });
});
