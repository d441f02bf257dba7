import { SingleBar } from 'cli-progress';
import { ingestObject } from '#ingest/ingest-object.ts';
import type { Store } from './store.ts';

/**
 * `reindex`: reads every object in the bucket again with this extractor version into a rebuilt
 * index (on OpenSearch a new version with this code's analysis and mappings, swapped in when
 * full), whatever the registry says was done before.
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
  const counts = new Map<string, number>();
  const deps = { ...store.adapters, limits: store.config.limits, now: () => new Date(), force: true };
  await store.adapters.rebuild(async (index) => {
    for (const key of keys) {
      bar.update({ key });
      const { status } = await ingestObject({ ...deps, index }, key);
      counts.set(status, (counts.get(status) ?? 0) + 1);
      bar.increment();
    }
  });
  bar.stop();
  process.stdout.write(
    `${[...counts].map(([status, n]) => `${n} ${status}`).join(', ') || 'nothing to do'}\n`,
  );
  return 0;
}
