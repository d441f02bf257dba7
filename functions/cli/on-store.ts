/**
 * What the store commands share: opening the store (or the search index) a command's flags
 * name, and ending in one line when it fails. Loaded only by those commands, since it brings
 * in the emulators, the AWS SDK and the OpenSearch client.
 */
import type { ServiceConfig } from '#config/service.ts';
import { SearchEngineError } from '#search/opensearch/errors.ts';
import { StorageError } from '#storage/errors.ts';
import { composeSearchIndex, engineUnreachable } from '../compose.ts';
import { type SearchOptions, searchCommand } from './search.ts';
import { localSearch, noticeOnStderr, openStore, type Store, type StoreOptions } from './store.ts';

/** The exit code when the store failed under a command: not its input (2), not a refused file (1). */
const STORE_FAILED = 3;

/** A search engine that failed (an OpenSearch node not running) ends a command in one line too. */
function engineFailed(command: string, error: unknown): number {
  if (!(error instanceof SearchEngineError)) throw error;
  const hint = engineUnreachable(error) ? ' (is OpenSearch running? `npm run opensearch` starts one)' : '';
  process.stderr.write(`${command} stopped: ${error.message}${hint}\n`);
  return STORE_FAILED;
}

/**
 * Runs a command on the store the config and options name, and always lets go of it. A store
 * that fails under it (a service stopped, a bucket refused) ends the command with one line, not
 * a stack trace.
 */
export async function onStore(
  command: string,
  config: ServiceConfig,
  options: StoreOptions,
  run: (store: Store) => Promise<number>,
): Promise<number> {
  let store: Store;
  try {
    store = await openStore(config, options);
  } catch (error) {
    return engineFailed(command, error);
  }
  try {
    return await run(store);
  } catch (error) {
    if (!(error instanceof StorageError)) return engineFailed(command, error);
    process.stderr.write(`${command} stopped: ${await store.explain(error)}\n`);
    return STORE_FAILED;
  } finally {
    await store.close();
  }
}

/** `search` on the local index (the running service's engine, or the SQLite file). */
export async function searchLocally(
  q: string,
  options: SearchOptions,
  config: ServiceConfig,
): Promise<number> {
  const search = await localSearch(config);
  if (search === null) {
    process.stderr.write('No local index yet: run `npm start` or `npm run cli -- ingest PATH` first.\n');
    return 1;
  }
  const { index, closeIndex } = await composeSearchIndex(search, noticeOnStderr);
  try {
    return await searchCommand(q, options, { index }).catch((error: unknown) =>
      engineFailed('search', error),
    );
  } finally {
    closeIndex();
  }
}
