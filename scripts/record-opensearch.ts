/**
 * `npm run record:opensearch [-- --url URL]`: records the responses the adapter's unit tests
 * replay (test/fixtures/opensearch/*.json, through test/support/recorded-opensearch.ts) from a
 * real node: the node at URL, else one started for the run. It drives the node through
 * OpenSearchIndex on the behaviour suite's documents (and the corpus where a count must be
 * large), checks that each call sends the requests the tests expect, and writes the body of each
 * named response, pretty-printed. The indices it makes are deleted when it ends.
 */
import { writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { Client } from '@opensearch-project/opensearch';
import { type IndexedItem, SearchQuery } from '#domain/search.ts';
import { createOpenSearchClient } from '#search/opensearch/client.ts';
import { BulkIndexError, SearchEngineError } from '#search/opensearch/errors.ts';
import { OpenSearchIndex } from '#search/opensearch/opensearch-index.ts';
import { PARTIAL_WHEN_FEWER_THAN } from '#search/plan.ts';
import { BEHAVIOUR_DOCUMENTS } from '#test/support/search-index-behaviour.ts';
import { type RunningNode, startNode } from './lib/opensearch-node.ts';
import { corpusDocuments, corpusFolders } from './lib/search-eval.ts';

const FIXTURES = join(import.meta.dirname, '..', 'test', 'fixtures', 'opensearch');
/** The alias of the unit tests: its name is in the recorded bodies. */
const ALIAS = 'minutes';
/** The corpus (seeds and extra documents), for a search with PARTIAL_WHEN_FEWER_THAN full matches or more. */
const CORPUS_ALIAS = 'record-corpus';
const CORPUS = join(import.meta.dirname, '..', 'test', 'fixtures', 'corpus');

/** One response the client received: the request it answered, its status and its parsed body. */
interface Response {
  readonly request: string;
  readonly status: number | null;
  readonly body: unknown;
}

/** What a call must send, in order: `METHOD /path`, with the fixture its response is written to. */
type Expected = readonly (readonly [request: string, fixture?: string])[];

class Recorder {
  readonly #responses: Response[] = [];
  readonly #written = new Map<string, unknown>();

  constructor(client: Client) {
    client.on('response', (_error, result) => {
      const params = result?.meta.request.params;
      if (!params) return;
      this.#responses.push({
        request: `${params.method} ${params.path}`,
        status: result.statusCode,
        body: result.body,
      });
    });
  }

  /** Runs a call, fails unless it sent exactly the requests expected, and writes the named responses. */
  async record<T>(call: () => Promise<T>, expected: Expected): Promise<T> {
    this.#responses.length = 0;
    const outcome = await call();
    const sent = this.#responses.map((r) => r.request);
    const wanted = expected.map(([request]) => request);
    if (sent.join('\n') !== wanted.join('\n'))
      throw new Error(
        `Expected the requests\n  ${wanted.join('\n  ')}\nbut the adapter sent\n  ${sent.join('\n  ')}`,
      );
    expected.forEach(([, fixture], n) => {
      const response = this.#responses[n];
      if (fixture && response) this.#write(fixture, response);
    });
    return outcome;
  }

  /** The body written to a fixture. */
  body(fixture: string): unknown {
    if (!this.#written.has(fixture)) throw new Error(`${fixture} is not recorded`);
    return this.#written.get(fixture);
  }

  #write(fixture: string, { request, status, body }: Response): void {
    if (this.#written.has(fixture)) throw new Error(`${fixture} is recorded twice`);
    this.#written.set(fixture, body);
    writeFileSync(join(FIXTURES, `${fixture}.json`), `${JSON.stringify(body, null, 2)}\n`);
    process.stdout.write(`${`${fixture}.json`.padEnd(24)} ${status} ${request}\n`);
  }
}

/** The error a call must fail with; anything else (or success) ends the recording. */
async function failure<E extends Error>(
  call: Promise<unknown>,
  type: new (...args: never[]) => E,
): Promise<E> {
  const error = await call.then(
    () => new Error(`expected ${type.name}, the call succeeded`),
    (e: unknown) => e,
  );
  if (!(error instanceof type)) throw error;
  return error;
}

const query = (input: Record<string, unknown>) => SearchQuery.parse(input);

async function recordAll(client: Client): Promise<void> {
  const recorder = new Recorder(client);
  const record = recorder.record.bind(recorder);
  const index = new OpenSearchIndex({ client, alias: ALIAS });
  const search = `POST /${ALIAS}/_search`;
  const deleteByQuery = `POST /${ALIAS}/_delete_by_query`;
  const bulk = `PUT /${ALIAS}/_bulk`;
  const [docA, docB] = [BEHAVIOUR_DOCUMENTS['doc-a'] ?? [], BEHAVIOUR_DOCUMENTS['doc-b'] ?? []];

  await record(
    () => failure(index.search(query({ q: 'fravær' })), SearchEngineError),
    [[search, 'index-not-found']],
  );
  await record(
    () => index.reindex(async () => {}),
    [
      [`GET /_alias/${ALIAS}`, 'get-alias-missing'],
      [`PUT /${ALIAS}-v1`, 'create-index'],
      ['POST /_aliases', 'acknowledged'],
    ],
  );

  // The index as the behaviour suite fills it: deleted documents would still count in the scores.
  await record(() => index.replaceDocument('doc-a', docA), [[deleteByQuery], [bulk, 'bulk']]);
  await record(() => index.replaceDocument('doc-b', docB), [[deleteByQuery], [bulk]]);

  await record(() => index.get('doc-a:1'), [[`GET /${ALIAS}/_doc/doc-a%3A1`, 'get']]);
  await record(() => index.get('no-such:0'), [[`GET /${ALIAS}/_doc/no-such%3A0`, 'get-missing']]);
  // Few full matches: the partial ones are asked for next.
  await record(
    () => index.search(query({ q: 'fravær' })),
    [
      [search, 'search-fravaer'],
      [search, 'search-fravaer-partial'],
    ],
  );
  await record(
    () => index.search(query({ q: 'trivsel fravær' })),
    [
      [search, 'search-tiers'],
      [search, 'search-tiers-partial'],
    ],
  );
  await record(() => index.itemsOf('doc-a'), [[search, 'search-items-of']]);

  // A date written the Danish way: the mapping (strict_date) refuses the item, its sibling is indexed.
  const [first, second] = docA as [IndexedItem, IndexedItem];
  const badDate = { ...second, meeting: { ...second.meeting, date: '05-02-2025' } };
  await record(
    () => failure(index.replaceDocument('doc-a', [first, badDate]), BulkIndexError),
    [
      [deleteByQuery, 'delete-by-query'],
      [bulk, 'bulk-errors'],
    ],
  );

  const corpus = new OpenSearchIndex({ client, alias: CORPUS_ALIAS });
  await corpus.ensureIndex();
  for (const { documentId, items } of await corpusDocuments(corpusFolders(CORPUS).everything))
    await corpus.replaceDocument(documentId, items);
  // A word the minutes often use: enough full matches that no partial ones are asked for.
  const many = await record(
    () => corpus.search(query({ q: 'godkendt' })),
    [[`POST /${CORPUS_ALIAS}/_search`, 'search-many']],
  );
  if (many.total < PARTIAL_WHEN_FEWER_THAN) throw new Error(`search-many found ${many.total} items`);

  // The next version, filled from the current one while it answers searches.
  await record(
    () =>
      index.reindex(async (next) => {
        for (const documentId of ['doc-a', 'doc-b'])
          await next.replaceDocument(documentId, await index.itemsOf(documentId));
      }),
    [
      [`GET /_alias/${ALIAS}`, 'get-alias'],
      [`PUT /${ALIAS}-v2`, 'create-index-v2'],
      [search],
      [`POST /${ALIAS}-v2/_delete_by_query`],
      [`PUT /${ALIAS}-v2/_bulk`],
      [search],
      [`POST /${ALIAS}-v2/_delete_by_query`],
      [`PUT /${ALIAS}-v2/_bulk`],
      ['POST /_aliases'],
      [`DELETE /${ALIAS}-v1`],
    ],
  );
}

/** The indices of the aliases this script records with: none may exist before it runs. */
async function ownIndices(client: Client): Promise<string[]> {
  const patterns = [ALIAS, CORPUS_ALIAS].flatMap((alias) => [alias, `${alias}-v*`]);
  const { body } = await client.indices.get({
    index: patterns,
    ignore_unavailable: true,
    allow_no_indices: true,
  });
  return Object.keys(body);
}

const { values } = parseArgs({ options: { url: { type: 'string' } } });
let node: RunningNode | undefined;
let dir: string | undefined;
if (!values.url) {
  dir = await mkdtemp(join(tmpdir(), 'opensearch-record-'));
  process.stderr.write('Starting an OpenSearch node for the recording…\n');
  node = await startNode({ port: 0, dir, heapMb: 512 });
}
const url = values.url ?? node?.url ?? '';
const client = createOpenSearchClient({ node: url });
try {
  const existing = await ownIndices(client);
  if (existing.length) {
    process.stderr.write(
      `${url} already has ${existing.join(', ')}: record on a node of its own (without --url).\n`,
    );
    process.exitCode = 1;
  } else {
    try {
      const about = await client.info();
      process.stdout.write(`Recording from OpenSearch ${about.body.version.number} at ${url}\n`);
      await recordAll(client);
    } finally {
      const made = await ownIndices(client);
      if (made.length) await client.indices.delete({ index: made });
    }
  }
} finally {
  await client.close();
  await node?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
}
