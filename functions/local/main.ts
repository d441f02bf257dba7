/**
 * `npm start`: the service on this machine, with the sample minutes loaded on first start.
 * The composition root of the local service: the only place it reads the environment.
 */
import { localConfigFromEnv } from '#config/local.ts';
import type { ServiceConfig } from '#config/service.ts';
import { SearchEngineError } from '#search/opensearch/errors.ts';
import { engineUnreachable } from '../compose.ts';
import { pdfsIn, SAMPLE_FOLDERS } from '../samples.ts';
import { PortInUseError } from './emulators.ts';
import type { QueueReport } from './ingest-queue.ts';
import { type LocalService, loadFiles, startLocalService } from './service.ts';

const loaded = localConfigFromEnv(process.env);
if (!loaded.ok) {
  process.stderr.write(`invalid configuration: ${loaded.error}\n`);
  process.exit(2);
}
const local = loaded.config;

const service = await startLocalService(local, {
  onReport: (report) => process.stdout.write(`${describe(report)}\n`),
  onNotice: (line) => process.stdout.write(`${line}\n`),
}).catch((error: unknown) => {
  if (error instanceof SearchEngineError) {
    const hint = engineUnreachable(error) ? '. Is it running? `npm run opensearch` starts one' : '';
    process.stderr.write(`Cannot start: ${error.message}${hint}\n`);
    process.exit(1);
  }
  if (!(error instanceof PortInUseError)) throw error;
  const variable = { API: 'PORT', 'S3 endpoint': 'S3_PORT', 'DynamoDB endpoint': 'DYNAMODB_PORT' }[
    error.service
  ];
  process.stderr.write(
    `Cannot start: ${error.message}. Stop what uses it, or choose another port, e.g. ${variable}=${error.port + 1} npm start\n`,
  );
  process.exit(1);
});

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, async () => {
    process.stdout.write('\nStopping…\n');
    await service.stop();
    process.exit(0);
  });
}

if (service.reconciled > 0)
  process.stdout.write(`Catching up: ${service.reconciled} change(s) in the bucket since the last stop…\n`);
if (!service.layoutCurrent)
  process.stdout.write(
    'The search index was made by an earlier version (other analysis or fields): searches can miss until `npm run --silent cli -- reindex` rebuilds it.\n',
  );
if (service.reread > 0)
  process.stdout.write(
    `The search index is empty: reading the ${service.reread} indexed document(s) again…\n`,
  );
if (await isEmpty(service)) await loadSamples(service);
printWelcome(service);

async function isEmpty({ adapters }: LocalService): Promise<boolean> {
  const { records } = await adapters.registry.list({ limit: 1 });
  return records.length === 0;
}

/** First start: the bundled minutes go into the bucket, and its notifications ingest them. */
async function loadSamples(service: LocalService): Promise<void> {
  const files = await pdfsIn(SAMPLE_FOLDERS);
  process.stdout.write(`First start: loading ${files.length} sample minutes…\n`);
  await loadFiles(service, files, 'samples/');
}

function describe(report: QueueReport): string {
  if (report.kind === 'error') return `  error      ${report.key}: ${(report.error as Error).message}`;
  const { outcome } = report;
  const detail =
    'reason' in outcome
      ? outcome.reason
      : 'items' in outcome
        ? `${counted(outcome.items, 'item')}, ${counted(outcome.pages, 'page')}`
        : '';
  return `  ${outcome.status.padEnd(10)} ${outcome.key}${detail ? `  (${detail})` : ''}`;
}

/** "1 item", "3 items". */
function counted(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

function printWelcome({ url, config }: LocalService): void {
  const s3 = config.endpoints.s3;
  process.stdout.write(`
minutes-search is running: ${url}   (open it in a browser for the search page)

  Search:     curl -G ${url}/search --data-urlencode 'q=sygefravær'
              curl -G ${url}/search --data-urlencode 'q=lokalplan' --data-urlencode 'body=Økonomiudvalget' -d sort=date
              npm run cli -- search fravær
  Meetings:   curl '${url}/meetings'
  API docs:   ${url}/openapi.json

  Add minutes:
    npm run cli -- ingest path/to/minutes.pdf            (files or folders)
    curl -X POST ${url}/uploads -H 'content-type: application/json' \\
         -d '{"filename":"referat.pdf","contentType":"application/pdf","size":12345}'
    aws --endpoint-url ${s3} s3 cp referat.pdf s3://${config.bucket}/   (credentials S3RVER / S3RVER)

  Index: ${describeIndex(config.search)}
  Data: ${config.dataDir}   Stop: Ctrl-C
`);
}

function describeIndex(search: ServiceConfig['search']): string {
  return search.engine === 'opensearch'
    ? `OpenSearch at ${search.endpoint}, index ${search.index}${search.signingRegion ? ` (SigV4, ${search.signingRegion})` : ''}`
    : `SQLite FTS5 in ${search.path}`;
}
