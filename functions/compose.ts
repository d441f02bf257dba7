/**
 * The adapters every composition root builds from the configuration: the bucket, the registry
 * and the search index. Lambda handlers, the local server and the CLI share it.
 */

import {
  ConnectionError,
  NoLivingConnectionsError,
  TimeoutError,
} from '@opensearch-project/opensearch/lib/errors.js';
import type { ApiDeps } from '#api/deps.ts';
import type { ServiceConfig } from '#config/service.ts';
import { IsolatedExtractor, type MeetingExtractor } from '#ingest/isolated-extractor.ts';
import { SearchEngineError } from '#search/opensearch/errors.ts';
import type { SearchIndex } from '#search/port.ts';
import type { BlobStore } from '#storage/blob-store.ts';
import { createDynamoClient, createS3Client } from '#storage/clients.ts';
import { DynamoRegistry } from '#storage/dynamo-registry.ts';
import type { DocumentRegistry } from '#storage/registry.ts';
import { S3BlobStore } from '#storage/s3-blob-store.ts';

export interface Adapters {
  readonly blobs: BlobStore;
  readonly registry: DocumentRegistry;
  readonly index: SearchIndex;
  /** Reads documents in a worker thread it starts on first use (the API never does). */
  readonly extractor: MeetingExtractor;
  /**
   * Creates the search index when it is missing. Writing to a missing OpenSearch index would
   * make OpenSearch create one with guessed mappings and no Danish analysis.
   */
  readonly prepare: () => Promise<void>;
  /**
   * Fills the index anew with `load`, searches still answered from the old one until it is done:
   * OpenSearch fills a new version behind its alias, with this code's analysis and mappings;
   * the embedded index is filled in place (its layout is brought up to date when opened).
   */
  readonly rebuild: (load: (fresh: SearchIndex) => Promise<void>) => Promise<void>;
  /** False when the index was made by a version whose analysis or mappings differ: rebuild it. */
  readonly layoutIsCurrent: () => Promise<boolean>;
  /** Lets go of clients and files (the local service and the CLI stop; a Lambda never does). */
  readonly close: () => void;
}

/** A line for a person waiting on what composing does that takes long (an index made again as it opens). */
export type Notice = (line: string) => void;

export async function composeAdapters(config: ServiceConfig, notice?: Notice): Promise<Adapters> {
  const { index, prepare, rebuild, layoutIsCurrent, closeIndex } = await composeSearchIndex(
    config.search,
    notice,
  );
  const s3 = createS3Client({ region: config.region, endpoint: config.endpoints.s3 });
  const dynamo = createDynamoClient({ region: config.region, endpoint: config.endpoints.dynamodb });
  const extractor = new IsolatedExtractor(config.limits);
  return {
    blobs: new S3BlobStore({ client: s3, bucket: config.bucket }),
    registry: new DynamoRegistry({ client: dynamo, table: config.table }),
    index,
    extractor,
    prepare,
    rebuild,
    layoutIsCurrent,
    close() {
      void extractor.close();
      s3.destroy();
      dynamo.destroy();
      closeIndex();
    },
  };
}

/**
 * Node loads its fetch implementation (undici) the first time `Request` is read, and Hono makes a
 * Request of every event: the API's handlers read it at init, which Lambda runs at full CPU,
 * rather than in the first request someone waits for (15-40 ms of CPU, paired runs of the api bundle).
 */
export function loadWebRequestAtInit(): void {
  void globalThis.Request;
}

/** What the API is built from, by every composition root that serves it (the api Lambda, the local server). */
export function apiDepsOf(config: ServiceConfig, adapters: Adapters, now: () => Date): ApiDeps {
  const { index, registry, blobs } = adapters;
  return {
    index,
    registry,
    blobs,
    uploadMaxBytes: config.uploadMaxBytes,
    linkTtlSeconds: config.linkTtlSeconds,
    now,
    exportStreamUrl: config.exportStreamUrl,
  };
}

type SearchParts = Pick<Adapters, 'index' | 'prepare' | 'rebuild' | 'layoutIsCurrent'> & {
  readonly closeIndex: () => void;
};

/** The search index alone, for what only searches (the CLI's `search`). */
export async function composeSearchIndex(
  search: ServiceConfig['search'],
  notice?: Notice,
): Promise<SearchParts> {
  // Each engine is loaded only when configured: a Lambda bundle (OpenSearch) never loads the native
  // SQLite module, and a command on the embedded index loads no OpenSearch client.
  if (search.engine === 'opensearch') {
    const [{ createSearchClient }, { OpenSearchIndex }] = await Promise.all([
      import('#search/opensearch/search-client.ts'),
      import('#search/opensearch/opensearch-index.ts'),
    ]);
    // SigV4 with the caller's credentials for an Amazon OpenSearch Service domain, plain HTTP for a local node.
    const client = createSearchClient({
      node: search.endpoint,
      region: search.signingRegion ?? undefined,
    });
    const index = new OpenSearchIndex({ client, alias: search.index, wordListPath: search.wordListPath });
    return {
      index,
      prepare: () => index.ensureIndex(),
      rebuild: async (load) => void (await index.reindex(load)),
      layoutIsCurrent: () => index.layoutIsCurrent(),
      closeIndex: () => void client.close(),
    };
  }
  const { SqliteSearchIndex } = await import('#search/sqlite/sqlite-index.ts');
  // Rows made on a worker: writing minutes in, the service's event loop stays free for searches.
  const index = SqliteSearchIndex.open(search.path, {
    searchBudget: search.budget,
    searchCache: search.cache,
    rowsOnWorker: true,
    onReanalyse: (documents) =>
      notice?.(
        `The search index was made by an earlier version: analysing its ${documents} document(s) again, once (about 700 items a second)…`,
      ),
  });
  return {
    index,
    prepare: async () => {},
    rebuild: (load) => load(index),
    layoutIsCurrent: async () => true,
    closeIndex: () => index.close(),
  };
}

/**
 * A search engine that could not be reached (nothing listens at the URL, or nothing answers in
 * time), as opposed to one that answered with an error: a person is then told to start it.
 */
export function engineUnreachable(error: unknown): boolean {
  if (!(error instanceof SearchEngineError)) return false;
  const { cause } = error;
  return (
    cause instanceof ConnectionError ||
    cause instanceof NoLivingConnectionsError ||
    cause instanceof TimeoutError
  );
}
