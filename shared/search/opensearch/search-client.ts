import { EventEmitter } from 'node:events';
import { defaultProvider } from '@aws-sdk/credential-provider-node';
import type { Client } from '@opensearch-project/opensearch';
import bulk from '@opensearch-project/opensearch/api/_core/bulk.js';
import deleteByQuery from '@opensearch-project/opensearch/api/_core/deleteByQuery.js';
import get from '@opensearch-project/opensearch/api/_core/get.js';
import search from '@opensearch-project/opensearch/api/_core/search.js';
import createIndex from '@opensearch-project/opensearch/api/indices/create.js';
import deleteIndex from '@opensearch-project/opensearch/api/indices/delete.js';
import indexExists from '@opensearch-project/opensearch/api/indices/exists.js';
import getAlias from '@opensearch-project/opensearch/api/indices/getAlias.js';
import getMapping from '@opensearch-project/opensearch/api/indices/getMapping.js';
import updateAliases from '@opensearch-project/opensearch/api/indices/updateAliases.js';
import { kConfigErr } from '@opensearch-project/opensearch/api/utils.js';
import { AwsSigv4Signer } from '@opensearch-project/opensearch/aws';
import Connection from '@opensearch-project/opensearch/lib/Connection.js';
import { ConfigurationError } from '@opensearch-project/opensearch/lib/errors.js';
import { ConnectionPool } from '@opensearch-project/opensearch/lib/pool/index.js';
import Serializer from '@opensearch-project/opensearch/lib/Serializer.js';
import Transport from '@opensearch-project/opensearch/lib/Transport.js';

/**
 * The calls the service makes to OpenSearch, typed as the package's `Client` has them: a full
 * `Client` (the scripts', the tests') is one too.
 */
export interface SearchClient {
  readonly search: Client['search'];
  readonly bulk: Client['bulk'];
  readonly get: Client['get'];
  readonly deleteByQuery: Client['deleteByQuery'];
  readonly indices: Pick<
    Client['indices'],
    'create' | 'delete' | 'exists' | 'getAlias' | 'getMapping' | 'updateAliases'
  >;
  close(): Promise<void>;
}

export interface OpenSearchClientOptions {
  /** The cluster's URL: an Amazon OpenSearch Service endpoint, or a local cluster. */
  readonly node: string;
  /** The AWS region: requests are then signed with SigV4. Absent for a local cluster. */
  readonly region?: string;
  /** `es` for a managed domain, `aoss` for OpenSearch Serverless. */
  readonly service?: 'es' | 'aoss';
  /**
   * How requests go over the wire: a test's recorded connection.
   * @default the package's Connection (SigV4-signing with `region`)
   */
  readonly Connection?: typeof Connection;
  /** @default 3, as the package's Client */
  readonly maxRetries?: number;
}

/**
 * SigV4 with the SDK's default credential chain (environment, SSO, profile, which caches and
 * refreshes the credentials; in a Lambda bundle the environment's, read as they are, see
 * infra/constructs/stubs): the package's Connection and Transport, signing.
 */
export function awsSigning(region: string, service: OpenSearchClientOptions['service'] = 'es') {
  return AwsSigv4Signer({ region, service, getCredentials: defaultProvider() });
}

/**
 * A client with the package's own transport (connection pool, retries, serialisation, SigV4)
 * and only the API calls of SearchClient. The package's `Client` requires every API it knows at
 * load (some 550 modules: ML, security, k-NN ...), which a Lambda would parse at every cold
 * start; the API functions are the same modules `Client` binds, bound here to a transport alone.
 */
export function createSearchClient(options: OpenSearchClientOptions): SearchClient {
  const { node, region, service } = options;
  const signing = region ? awsSigning(region, service) : undefined;
  const events = new EventEmitter();
  const emit = events.emit.bind(events);
  // The package Client's defaults (lib/Client.js), without sniffing, cloud ids or compression.
  const connectionPool = new ConnectionPool({
    Connection: options.Connection ?? signing?.Connection ?? Connection,
    emit,
    pingTimeout: 3000,
    resurrectStrategy: 'ping',
    sniffEnabled: false,
  });
  connectionPool.addConnection(node);
  const transport = new (signing?.Transport ?? Transport)({
    emit,
    connectionPool,
    serializer: new Serializer({
      disablePrototypePoisoningProtection: false,
      enableLongNumeralSupport: false,
    }),
    maxRetries: options.maxRetries ?? 3,
    requestTimeout: 30_000,
    sniffOnStart: false,
    sniffOnConnectionFault: false,
    sniffEndpoint: '_nodes/_all/http',
    headers: {},
    nodeSelector: 'round-robin',
    name: 'opensearch-js',
  });
  // What the API functions read from `this`: the transport, and the error for a missing parameter.
  const host = { transport, [kConfigErr]: ConfigurationError };
  const bound = <F>(call: (this: typeof host, ...args: never[]) => unknown) => call.bind(host) as F;
  return {
    search: bound(search),
    bulk: bound(bulk),
    get: bound(get),
    deleteByQuery: bound(deleteByQuery),
    indices: {
      create: bound(createIndex),
      delete: bound(deleteIndex),
      exists: bound(indexExists),
      getAlias: bound(getAlias),
      getMapping: bound(getMapping),
      updateAliases: bound(updateAliases),
    },
    close: () => new Promise((resolve) => connectionPool.empty(() => resolve())),
  };
}
