import { existsSync } from 'node:fs';
import type { ServiceConfig } from '#config/service.ts';
import type { StorageError } from '#storage/errors.ts';
import { type Adapters, composeAdapters, type Notice } from '../compose.ts';
import { indexFile, onEmulators, runningService, startLocalService } from '../local/service.ts';

/** Where a command works: the local store (through a running service, or started for the command) or AWS. */
export interface Store {
  readonly adapters: Adapters;
  readonly config: ServiceConfig;
  /** How the store was reached, for the user. */
  readonly description: string;
  /** What a failed storage call means, in one line for the user: a service that stopped says so. */
  explain(error: StorageError): Promise<string>;
  close(): Promise<void>;
}

export interface StoreOptions {
  /** A deployed stack's bucket and table (from the stack outputs); the local store when absent. */
  readonly bucket?: string;
  readonly table?: string;
}

/** What opening a store does that a person waits for, told on stderr (stdout is the command's output). */
export const noticeOnStderr: Notice = (line) => void process.stderr.write(`${line}\n`);

/**
 * Opens the store a command works on. Locally, when `npm start` runs on the same data folder the
 * command goes through its emulators (the service ingests what is put into its bucket);
 * otherwise the command starts the stack itself, without the API, and stops it when done.
 */
export async function openStore(config: ServiceConfig, options: StoreOptions): Promise<Store> {
  if (options.bucket !== undefined) {
    const deployed = { ...config, bucket: options.bucket, table: options.table ?? config.table };
    const adapters = await composeAdapters(deployed);
    const description = `bucket ${deployed.bucket}`;
    return {
      adapters,
      config: deployed,
      description,
      explain: async (error) => `${description}: ${error.message}`,
      close: async () => adapters.close(),
    };
  }
  const running = await runningService(config.dataDir);
  if (running !== null) {
    // The service's own index, whatever engine this command's environment names.
    const attached = { ...onEmulators(config, running.endpoints), search: running.search };
    const adapters = await composeAdapters(attached, noticeOnStderr);
    const description = `the service running at ${running.url}`;
    return {
      adapters,
      config: attached,
      description,
      // Its emulators go with it: a call that failed because it stopped is explained as that.
      explain: async (error) =>
        (await runningService(config.dataDir))?.pid === running.pid
          ? `${description}: ${error.message}`
          : `${description} has stopped (${error.message})`,
      close: async () => adapters.close(),
    };
  }
  const service = await startLocalService(
    { host: '127.0.0.1', port: 0, s3Port: 0, dynamoPort: 0, service: config },
    { serveApi: false, onNotice: noticeOnStderr },
  );
  const description = `the local store in ${config.dataDir}`;
  return {
    adapters: service.adapters,
    config: service.config,
    description,
    explain: async (error) => `${description}: ${error.message}`,
    close: () => service.stop(),
  };
}

/**
 * The search index of the local store, for commands that only search: the running service's, else
 * the configured OpenSearch index, else the embedded index when it exists (null when not).
 */
export async function localSearch(config: ServiceConfig): Promise<ServiceConfig['search'] | null> {
  const running = await runningService(config.dataDir);
  if (running !== null) return running.search;
  if (config.search.engine === 'opensearch') return config.search;
  const path = indexFile(config.dataDir);
  return existsSync(path) ? { ...config.search, path } : null;
}
