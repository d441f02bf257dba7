import { SingleBar } from 'cli-progress';
import { ingestWorkers } from '#config/service.ts';
import { ExtractorPool } from '#ingest/extractor-pool.ts';
import { ingestObject } from '#ingest/ingest-object.ts';
import { eachAtOnce } from '#ingest/slots.ts';
import type { Store } from './store.ts';

/**
 * `reindex`: reads every object in the bucket again with this extractor version into a rebuilt
 * index (on OpenSearch a new version with this code's analysis and mappings, swapped in when
 * full), whatever the registry says was done before. Read on a pool of workers (INGEST_CONCURRENCY,
 * else one a core), with twice as many objects under way, so one object's reads and writes
 * overlap another's reading.
 */
export async function reindexCommand(store: Store): Promise<number> {
  const keys: string[] = [];
  for await (const key of store.adapters.blobs.list()) keys.push(key);
  process.stderr.write(`Reindexing ${keys.length} object(s) in ${store.description}\n`);
  const bar = new SingleBar({
    format: '{bar} {value}/{total} {key}',
    stream: process.stderr,
    clearOnComplete: true,
  });
  bar.start(keys.length, 0, { key: '' });
  const workers = ingestWorkers(store.config);
  const extractor = new ExtractorPool(store.config.limits, workers);
  const deps = {
    ...store.adapters,
    extractor,
    limits: store.config.limits,
    now: () => new Date(),
    force: true,
  };
  let statuses: string[] = [];
  try {
    await store.adapters.rebuild(async (index) => {
      statuses = await eachAtOnce(keys, 2 * workers, async (key) => {
        bar.update({ key });
        const { status } = await ingestObject({ ...deps, index }, key);
        bar.increment();
        return status;
      });
    });
  } finally {
    bar.stop();
    await extractor.close();
  }
  // Counted in the order of the keys: the same summary whatever order the objects end in.
  const counts = new Map<string, number>();
  for (const status of statuses) counts.set(status, (counts.get(status) ?? 0) + 1);
  process.stdout.write(
    `${[...counts].map(([status, n]) => `${n} ${status}`).join(', ') || 'nothing to do'}\n`,
  );
  return 0;
}
