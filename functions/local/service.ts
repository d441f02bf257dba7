import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { basename, join } from 'node:path';
import { serve } from '@hono/node-server';
import { createApp } from '#api/app.ts';
import type { LocalConfig } from '#config/local.ts';
import { ingestWorkers, type ServiceConfig } from '#config/service.ts';
import { s3Changes } from '#ingest/events.ts';
import { ExtractorPool } from '#ingest/extractor-pool.ts';
import { changesToReconcile, keysToReread } from '#ingest/reconcile.ts';
import { minutesContentType } from '#storage/blob-store.ts';
import { createDynamoClient } from '#storage/clients.ts';
import { createRegistryTable } from '#storage/dynamo-registry.ts';
import { type Adapters, apiDepsOf, composeAdapters, type Notice } from '../compose.ts';
import { type Emulators, PortInUseError, startEmulators } from './emulators.ts';
import { IngestQueue, type QueueReport } from './ingest-queue.ts';

/** The emulators accept any region; one name keeps the local configuration whole. */
const LOCAL_REGION = 'us-east-1';

export interface LocalService {
  /** The API's base URL. */
  readonly url: string;
  readonly config: ServiceConfig;
  readonly adapters: Adapters;
  readonly queue: IngestQueue;
  /** The queue's extraction workers. */
  readonly extractor: ExtractorPool;
  /** Changes found on start that a stop had cut short, now in the queue. */
  readonly reconciled: number;
  /** Indexed documents found missing from an empty index on start, now in the queue to be read again. */
  readonly reread: number;
  /** False when the index was made by a version with other analysis or mappings (`cli reindex` rebuilds it). */
  readonly layoutCurrent: boolean;
  stop(): Promise<void>;
}

export interface LocalServiceOptions {
  /** Told about every bucket notification handled. */
  readonly onReport?: (report: QueueReport) => void;
  /**
   * Serve the API over HTTP and catch up with the bucket (reconcile) first; the CLI runs the
   * stack for one command without either. Default true.
   */
  readonly serveApi?: boolean;
  /** Told what starting does that a person waits for (compose.ts Notice). */
  readonly onNotice?: Notice;
}

/**
 * The whole service in one process, with the code that runs in AWS: s3rver for the bucket,
 * dynalite for the registry, the embedded search index, the ingest use cases subscribed to the
 * bucket's notifications, and the API. Everything is kept under the data folder.
 */
export async function startLocalService(
  local: LocalConfig,
  options: LocalServiceOptions = {},
): Promise<LocalService> {
  const dataDir = local.service.dataDir;
  await mkdir(join(dataDir, 's3'), { recursive: true });
  await mkdir(join(dataDir, 'dynamodb'), { recursive: true });
  // The API's port is known only after it listens when it is 0 (tests, benchmarks): then any port of this host.
  const port = local.port === 0 ? '*' : String(local.port);
  const apiOrigin = `http://${browserHost(local.host)}:${port}`;
  const emulators = await startEmulators({
    bucket: local.service.bucket,
    host: local.host,
    s3Port: local.s3Port,
    dynamoPort: local.dynamoPort,
    s3Directory: join(dataDir, 's3'),
    dynamoDirectory: join(dataDir, 'dynamodb'),
    bucketCors: uploadCors([apiOrigin, `http://127.0.0.1:${port}`]),
  });
  try {
    return await withEmulators(local, emulators, options);
  } catch (error) {
    await emulators.stop();
    throw error;
  }
}

/**
 * The service's configuration on the local emulators: their endpoints, and the embedded index in
 * the data folder unless the search runs on OpenSearch.
 */
export function onEmulators(service: ServiceConfig, endpoints: Emulators['endpoints']): ServiceConfig {
  const search =
    service.search.engine === 'sqlite'
      ? { ...service.search, path: indexFile(service.dataDir) }
      : service.search;
  return { ...service, region: LOCAL_REGION, endpoints, search };
}

/** The embedded index's file in a data folder. */
export const indexFile = (dataDir: string) => join(dataDir, 'search.sqlite');

/** How a browser on this machine addresses the host the service listens on. */
const browserHost = (host: string) => (host === '127.0.0.1' ? 'localhost' : host);

async function withEmulators(
  local: LocalConfig,
  emulators: Emulators,
  options: LocalServiceOptions,
): Promise<LocalService> {
  const config = onEmulators(local.service, emulators.endpoints);
  const tables = createDynamoClient({ region: LOCAL_REGION, endpoint: emulators.endpoints.dynamodb });
  await createRegistryTable(tables, config.table);
  tables.destroy();
  const adapters = await composeAdapters(config, options.onNotice);
  // Before anything writes to it: OpenSearch would create a missing index with guessed mappings.
  await adapters.prepare().catch((error: unknown) => {
    adapters.close();
    throw error;
  });
  const now = () => new Date();
  // INGEST_CONCURRENCY extraction workers; the queue takes twice as many objects at once, so
  // one object's S3, registry and index calls overlap the others' reading and no worker idles.
  const workers = ingestWorkers(config);
  const extractor = new ExtractorPool(config.limits, workers);
  const queue = new IngestQueue(
    { ...adapters, extractor, limits: config.limits, now },
    options.onReport ?? (() => {}),
    { concurrency: 2 * workers },
  );
  emulators.s3rver.on('event', (event) => queue.push(...s3Changes(event.Records, 'local')));
  // What a stop cut short (or changed while nothing listened), and what an emptied index lost, is read now, once.
  const catchUp = options.serveApi !== false;
  const reconciled = catchUp ? await changesToReconcile(adapters) : [];
  const reread = catchUp ? await keysToReread(adapters) : [];
  const layoutCurrent = await adapters.layoutIsCurrent();
  queue.push(...reconciled);
  queue.reread(...reread);

  const server =
    options.serveApi === false ? null : await listen(createApp(apiDepsOf(config, adapters, now)), local);
  const port = server ? (server.address() as AddressInfo).port : local.port;
  const url = `http://${browserHost(local.host)}:${port}`;
  if (server)
    await writeRunning(config.dataDir, {
      pid: process.pid,
      url,
      endpoints: emulators.endpoints,
      search: config.search,
    });
  return {
    url,
    config,
    adapters,
    queue,
    extractor,
    reconciled: reconciled.length,
    reread: reread.length,
    layoutCurrent,
    async stop() {
      if (server) await rm(runningFile(config.dataDir), { force: true });
      server?.closeAllConnections();
      await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
      await queue.idle();
      await extractor.close();
      adapters.close();
      await emulators.stop();
    },
  };
}

/**
 * Puts files into the service's bucket and waits until its queue has handled every one of their
 * notifications (they arrive as the puts complete, not before the puts return).
 */
export async function loadFiles(
  service: LocalService,
  files: readonly string[],
  prefix: string,
): Promise<void> {
  const before = service.queue.handled;
  for (const file of files) {
    await service.adapters.blobs.put(
      `${prefix}${basename(file)}`,
      await readFile(file),
      minutesContentType(file),
    );
  }
  while (service.queue.handled - before < files.length) {
    await service.queue.idle();
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** What a running service tells other processes (the CLI) about itself, in its data folder. */
export interface RunningService {
  readonly pid: number;
  readonly url: string;
  readonly endpoints: { readonly s3: string; readonly dynamodb: string };
  /** Its search index: the CLI searches and writes the index the service serves. */
  readonly search: ServiceConfig['search'];
}

const runningFile = (dataDir: string) => join(dataDir, 'service.json');

async function writeRunning(dataDir: string, running: RunningService): Promise<void> {
  await writeFile(runningFile(dataDir), `${JSON.stringify(running, null, 2)}\n`);
}

/** The service running on this data folder, if one is: the CLI then works through it. */
export async function runningService(dataDir: string): Promise<RunningService | null> {
  let running: Omit<RunningService, 'search'> & Partial<Pick<RunningService, 'search'>>;
  try {
    running = JSON.parse(await readFile(runningFile(dataDir), 'utf8')) as typeof running;
  } catch {
    return null;
  }
  try {
    process.kill(running.pid, 0);
  } catch {
    return null; // Left behind by a service that did not stop cleanly.
  }
  // A service started before it wrote its engine here served the data folder's embedded index.
  return { ...running, search: running.search ?? { engine: 'sqlite', path: indexFile(dataDir) } };
}

type HttpServer = ReturnType<typeof serve> & import('node:http').Server;

function listen(
  app: { fetch: (request: Request) => Response | Promise<Response> },
  local: LocalConfig,
): Promise<HttpServer> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, port: local.port, hostname: local.host }) as HttpServer;
    server.once('listening', () => resolve(server));
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(error.code === 'EADDRINUSE' ? new PortInUseError('API', local.port, { cause: error }) : error),
    );
  });
}

/** The bucket's CORS rules: the search page (issue 6) uploads straight to presigned URLs. */
function uploadCors(origins: readonly string[]): string {
  const rules = origins
    .map(
      (origin) =>
        `<CORSRule><AllowedOrigin>${origin}</AllowedOrigin><AllowedMethod>PUT</AllowedMethod><AllowedMethod>GET</AllowedMethod><AllowedHeader>*</AllowedHeader><MaxAgeSeconds>3000</MaxAgeSeconds></CORSRule>`,
    )
    .join('');
  return `<CORSConfiguration>${rules}</CORSConfiguration>`;
}
