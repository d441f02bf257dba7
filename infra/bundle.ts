import { cp, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { build } from 'esbuild';
import {
  BUNDLE_FILE,
  HOUSE_ALIASES,
  HOUSE_ESBUILD,
  PROJECT_ROOT,
  RUNTIME_FILES,
  workerBundleFile,
} from './constructs/house-bundling.ts';

export interface BuiltBundle {
  /** The bundle's path. */
  readonly file: string;
  /** Size of the bundle file. */
  readonly bytes: number;
  /** Size of everything Lambda would get: bundle, source map, runtime files. */
  readonly assetBytes: number;
  /** The source files in the bundle and its workers' bundles, relative to the project root. */
  readonly inputs: readonly string[];
}

/**
 * Bundles an entry point as CDK bundles a house function (same esbuild settings, same runtime
 * files next to it), without CDK: for the bundle test and scripts/bundle-sizes.ts.
 */
export async function buildBundle(
  entry: string,
  outdir: string,
  workers: readonly string[] = [],
): Promise<BuiltBundle> {
  const file = join(outdir, BUNDLE_FILE);
  const result = await bundleOne(entry, file);
  const inputs = new Set(Object.keys(result.metafile.inputs));
  for (const worker of workers) {
    const built = await bundleOne(worker, join(outdir, workerBundleFile(worker)));
    for (const input of Object.keys(built.metafile.inputs)) inputs.add(input);
  }
  for (const runtimeFile of RUNTIME_FILES) {
    await cp(join(PROJECT_ROOT, runtimeFile.from), join(outdir, runtimeFile.to), { recursive: true });
  }
  return {
    file,
    bytes: (await stat(file)).size,
    assetBytes: await folderSize(outdir),
    inputs: [...inputs],
  };
}

function bundleOne(entry: string, outfile: string) {
  const { banner, ...settings } = HOUSE_ESBUILD;
  return build({
    ...settings,
    mainFields: [...settings.mainFields],
    banner: { js: banner },
    alias: { ...HOUSE_ALIASES },
    absWorkingDir: PROJECT_ROOT,
    entryPoints: [entry],
    outfile,
    metafile: true,
    logLevel: 'error',
  });
}

async function folderSize(folder: string): Promise<number> {
  let total = 0;
  for (const entry of await readdir(folder, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) total += (await stat(join(entry.parentPath, entry.name))).size;
  }
  return total;
}
