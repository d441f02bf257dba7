/**
 * The live OpenSearch suite needs a node: OPENSEARCH_URL when one is given (CI starts its own),
 * else a node of opensearch/ started for this run on a free port and a throwaway data folder,
 * when this machine has Java. Test workers inherit OPENSEARCH_URL from here.
 */
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startNode } from '../../scripts/lib/opensearch-node.ts';

export default async function setup(): Promise<(() => Promise<void>) | undefined> {
  if (process.env.OPENSEARCH_URL) return undefined;
  if (spawnSync('java', ['-version']).status !== 0) {
    process.stdout.write(
      'No Java here: the live OpenSearch suite is skipped (npm run opensearch needs Java 17).\n',
    );
    return undefined;
  }
  const dir = await mkdtemp(join(tmpdir(), 'opensearch-test-'));
  const node = await startNode({ port: 0, dir, heapMb: 512 });
  process.env.OPENSEARCH_URL = node.url;
  return async () => {
    await node.stop();
    await rm(dir, { recursive: true, force: true });
  };
}
