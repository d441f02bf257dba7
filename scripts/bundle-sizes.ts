/**
 * Bundles each Lambda function as the CDK app does and prints its size and the number of source
 * files esbuild read for it and its workers (npm run bundle:sizes). Lambda's limit is 50 MB
 * zipped / 250 MB unzipped; smaller bundles start faster.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildBundle } from '../infra/bundle.ts';
import { ENTRY_POINTS, type FunctionName, WORKER_ENTRIES } from '../infra/constructs/house-bundling.ts';

const kb = (bytes: number) => `${Math.round(bytes / 1024)} KB`;
const root = await mkdtemp(join(tmpdir(), 'bundle-sizes-'));
try {
  console.log('function  bundle (index.mjs)  asset (bundle, workers, maps, runtime files)  source files');
  for (const [name, entry] of Object.entries(ENTRY_POINTS)) {
    const bundle = await buildBundle(entry, join(root, name), WORKER_ENTRIES[name as FunctionName]);
    console.log(
      `${name.padEnd(8)}  ${kb(bundle.bytes).padStart(18)}  ${kb(bundle.assetBytes).padStart(34)}  ${String(bundle.inputs.length).padStart(12)}`,
    );
  }
} finally {
  await rm(root, { recursive: true, force: true });
}
