/**
 * The commands (main.js starts them): a composition root, the only place that reads the environment.
 * Each command imports its own modules when it runs, so `extract` and `--help` do not load the
 * emulators, the AWS SDK or the OpenSearch client (test/unit/cli-modules.test.ts holds it).
 */
import { Argument, Command } from 'commander';
import { ingestWorkers, type ServiceConfig, serviceConfigFromEnv } from '#config/service.ts';
import { SAMPLE_FOLDERS } from '../samples.ts';
import type { SearchOptions } from './search.ts';
import type { Store, StoreOptions } from './store.ts';
import type { SyncFlags } from './sync.ts';

const loaded = serviceConfigFromEnv(process.env);
if (!loaded.ok) {
  process.stderr.write(`invalid configuration: ${loaded.error}\n`);
  process.exit(2);
}
const { config } = loaded;

interface StoreFlags extends StoreOptions {
  readonly dataDir?: string;
}

const withDataDir = (flags: { readonly dataDir?: string | undefined }): ServiceConfig =>
  flags.dataDir === undefined ? config : { ...config, dataDir: flags.dataDir };

/** Runs a store command on the store the flags name (functions/cli/on-store.ts). */
async function onStore(
  command: string,
  flags: StoreFlags,
  run: (store: Store) => Promise<number>,
): Promise<number> {
  const { onStore } = await import('./on-store.ts');
  return onStore(command, withDataDir(flags), flags, run);
}

const storeOptions = (command: Command) =>
  command
    .option('--data-dir <dir>', 'the local store (default: DATA_DIR or .data)')
    .option(
      '--bucket <name>',
      "a deployed stack's bucket (stack output BucketName) instead of the local store",
    )
    .option('--table <name>', "a deployed stack's registry table (stack output TableName)");

const program = new Command()
  .name('minutes-search')
  .description('Search the decisions in Danish municipal minutes.')
  .showHelpAfterError();

program
  .command('extract')
  .description(
    'print the Meeting JSON of a minutes document (PDF or text); of several, one JSON line each, read in parallel',
  )
  .argument('<files...>', 'the documents')
  .option('--explain', 'print what each line was taken for, and why, instead of the JSON')
  .action(async (files: string[], flags: { explain?: boolean }) => {
    const { extractCommand } = await import('./extract.ts');
    process.exitCode = await extractCommand(
      files,
      config.limits,
      flags.explain === true,
      ingestWorkers(config),
    );
  });

storeOptions(
  program
    .command('ingest')
    .description(
      'put minutes (files, or folders searched recursively) into the bucket and wait until indexed',
    )
    .argument('<paths...>', 'PDF files and folders')
    .option('--prefix <prefix>', 'object key prefix', '')
    .option(
      '--concurrency <n>',
      'files handed over at once (1-64; default: twice INGEST_CONCURRENCY, else twice the cores)',
    ),
).action(async (paths: string[], flags: StoreFlags & { prefix: string; concurrency?: string }) => {
  const { ingestCommand, filesAtOnce } = await import('./ingest.ts');
  const atOnce = filesAtOnce(flags.concurrency, 2 * ingestWorkers(config));
  if (typeof atOnce === 'string') {
    process.stderr.write(`invalid ingest: --concurrency: ${atOnce}\n`);
    process.exitCode = 2;
    return;
  }
  process.exitCode = await onStore('ingest', flags, (store) =>
    ingestCommand(paths, store, { prefix: flags.prefix, atOnce }),
  );
});

program
  .command('search')
  .description('search the decisions; readable, or the API JSON with --json')
  .argument('<query>', 'words to search for ("" lists the newest)')
  .option('--from <date>', 'meetings on or after (YYYY-MM-DD)')
  .option('--to <date>', 'meetings on or before (YYYY-MM-DD)')
  .option('--body <body>', 'e.g. Økonomiudvalget')
  .option('--municipality <name>', 'e.g. Norddjurs Kommune')
  .option('--outcome <outcome>', 'approved, rejected, postponed, noted, recommended, discussed, other')
  .option('--sort <sort>', 'relevance or date')
  .option('--page <n>', 'page number')
  .option('--size <n>', 'hits per page')
  .option('--json', 'print the API search JSON')
  .option('--data-dir <dir>', 'the local store (default: DATA_DIR or .data)')
  .option('--api <url>', "a deployed stack's API URL instead of the local store")
  .action(async (q: string, flags: SearchOptions & { dataDir?: string; api?: string }) => {
    const { dataDir, api, ...options } = flags;
    if (api !== undefined) {
      const { searchCommand } = await import('./search.ts');
      process.exitCode = await searchCommand(q, options, { api });
      return;
    }
    const { searchLocally } = await import('./on-store.ts');
    process.exitCode = await searchLocally(q, options, withDataDir({ dataDir }));
  });

storeOptions(
  program
    .command('status')
    .description('the registry: every document, or one with its parse-quality report')
    .argument('[document]', 'a document: its id, the short id the list shows, or an object key')
    .option('--json', 'print the registry records as JSON')
    .option('--needs-review', 'only the documents whose reading a person should check'),
).action(
  async (documentId: string | undefined, flags: StoreFlags & { json?: boolean; needsReview?: boolean }) => {
    const options = { json: flags.json === true, needsReview: flags.needsReview === true };
    const { statusCommand } = await import('./status.ts');
    process.exitCode = await onStore('status', flags, (store) => statusCommand(documentId, store, options));
  },
);

storeOptions(
  program
    .command('reindex')
    .description('read every object in the bucket again and rebuild its items in the index'),
).action(async (flags: StoreFlags) => {
  const { reindexCommand } = await import('./reindex.ts');
  process.exitCode = await onStore('reindex', flags, reindexCommand);
});

storeOptions(
  program
    .command('sync')
    .description(
      "keep a publication portal's meetings in the bucket: fetch what is new or changed, wait until indexed",
    )
    .addArgument(new Argument('<system>', 'the portal system').choices(['firstagenda']))
    .argument('<url>', 'the portal, e.g. https://dagsordener.greve.dk')
    .option('--since <date>', 'only meetings on or after (YYYY-MM-DD)')
    .option('--body <name>', 'only this body, however written (Byrådet, Byråd 2022-2025)')
    .option('--dry-run', 'list what would be fetched; fetch and write nothing')
    .option('--recheck', 'fetch every chosen meeting again and replace what differs')
    .option('--concurrency <n>', 'requests to the portal at once (1-4)', '1')
    .option('--delay-ms <ms>', 'pause after each request', '1000')
    .option('--timeout-ms <ms>', 'time for one attempt', '30000')
    .option('--retries <n>', 'retries of a 429, 5xx, timeout or lost connection', '4')
    .option('--contact <url>', "where the portal's administrator can reach you, sent in the User-Agent"),
).action(async (_system: string, url: string, flags: StoreFlags & SyncFlags) => {
  const { syncCommand, syncSettings } = await import('./sync.ts');
  const settings = syncSettings(url, flags);
  if (typeof settings === 'string') {
    process.stderr.write(`invalid sync: ${settings}\n`);
    process.exitCode = 2;
    return;
  }
  process.exitCode = await onStore('sync', flags, (store) => syncCommand(settings, store));
});

program
  .command('samples')
  .description('extract the bundled sample minutes and print what was found (no store)')
  .option('--dir <dir...>', 'folders with minutes', [...SAMPLE_FOLDERS])
  .action(async (options: { dir: string[] }) => {
    const { samplesCommand } = await import('./samples.ts');
    process.exitCode = await samplesCommand(options.dir, config.limits);
  });

await program.parseAsync();
