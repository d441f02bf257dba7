import { execFile, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultLimits } from '#config/limits.ts';
import { extractMeeting } from '#ingest/extract-meeting.ts';
import { type BuiltBundle, buildBundle } from '../../infra/bundle.ts';
import {
  ENTRY_POINTS,
  PROJECT_ROOT,
  RUNTIME_FILES,
  WORKER_ENTRIES,
  workerBundleFile,
} from '../../infra/constructs/house-bundling.ts';

const PDF = join(PROJECT_ROOT, 'test/fixtures/corpus/pdf/002_b1227399e4e80a2d.pdf');
const WORKER = 'node_modules/pdfjs-dist/legacy/build/pdf.worker.mjs';

/** The environment Lambda gives a house function (AWS_REGION is Lambda's own). */
const LAMBDA_ENV = {
  PATH: process.env.PATH ?? '',
  AWS_REGION: 'eu-north-1',
  BUCKET_NAME: 'minutes',
  TABLE_NAME: 'registry',
  SEARCH_ENGINE: 'opensearch',
  OPENSEARCH_ENDPOINT: 'https://search-minutes.eu-north-1.es.amazonaws.com',
};

let root: string;
const bundles: Partial<Record<keyof typeof ENTRY_POINTS | 'probe', BuiltBundle>> = {};

beforeAll(async () => {
  // Outside the repository: nothing in node_modules can be found from here, as in Lambda.
  root = mkdtempSync(join(tmpdir(), 'house-bundle-'));
  const built = await Promise.all([
    buildBundle(ENTRY_POINTS.ingest, join(root, 'ingest'), WORKER_ENTRIES.ingest),
    buildBundle(ENTRY_POINTS.api, join(root, 'api')),
    buildBundle(ENTRY_POINTS.export, join(root, 'export')),
    buildBundle('test/infra/bundle-probe.ts', join(root, 'probe'), WORKER_ENTRIES.ingest),
  ]);
  [bundles.ingest, bundles.api, bundles.export, bundles.probe] = built;
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

function bundle(name: keyof typeof bundles): BuiltBundle {
  const built = bundles[name];
  if (!built) throw new Error(`no ${name} bundle`);
  return built;
}

/** Runs node in the bundle's folder with Lambda's environment. */
function runIn(folder: string, args: string[]) {
  return spawnSync(process.execPath, args, {
    cwd: folder,
    env: LAMBDA_ENV,
    encoding: 'utf8',
    timeout: 60_000,
  });
}

/** An HTTP API event for GET `path?query`. */
function httpGet(path: string, query = '') {
  return {
    version: '2.0',
    routeKey: '$default',
    rawPath: path,
    rawQueryString: query,
    headers: { host: 'api.example.com' },
    requestContext: {
      http: { method: 'GET', path, protocol: 'HTTP/1.1', sourceIp: '192.0.2.1', userAgent: 'test' },
      domainName: 'api.example.com',
      stage: '$default',
      requestId: 'test',
    },
    isBase64Encoded: false,
  };
}

/** Bundle files of a package, as `<package>/<path>`. */
function filesOf(name: keyof typeof bundles, packageName: string): string[] {
  const prefix = `node_modules/${packageName}/`;
  return bundle(name)
    .inputs.filter((input) => input.startsWith(prefix))
    .map((input) => input.slice('node_modules/'.length));
}

describe('house function bundles', () => {
  it('are built in a folder where no package resolves', () => {
    expect(() => createRequire(join(root, 'x.js')).resolve('pdfjs-dist/package.json')).toThrow();
  });

  it.each(['ingest', 'api', 'export'] as const)('%s: one ESM file with a source map', (name) => {
    const built = bundle(name);
    expect(existsSync(built.file)).toBe(true);
    expect(existsSync(`${built.file}.map`)).toBe(true);
    expect(built.bytes).toBeGreaterThan(0);
  });

  it.each(['ingest', 'api'] as const)('%s: carries its runtime files', (name) => {
    const folder = join(root, name);
    for (const file of RUNTIME_FILES) {
      const source = join(PROJECT_ROOT, file.from);
      const copy = join(folder, file.to);
      if (statSync(source).isDirectory())
        expect(readdirSync(copy).sort()).toEqual(readdirSync(source).sort());
      else expect(readFileSync(copy).equals(readFileSync(source))).toBe(true);
    }
  });

  it('api: serves the search page and its scripts from the copied web folder', () => {
    expect(readdirSync(join(root, 'api', 'web'))).toEqual(
      expect.arrayContaining(['index.html', 'app.js', 'app.css']),
    );
    const url = pathToFileURL(bundle('api').file).href;
    const run = runIn(join(root, 'api'), [
      '--input-type=module',
      '-e',
      `const { handler } = await import(${JSON.stringify(url)});
       const answers = [];
       for (const event of ${JSON.stringify([httpGet('/'), httpGet('/assets/app.js')])}) {
         const r = await handler(event);
         answers.push({ status: r.statusCode, type: r.headers['content-type'], body: r.body.slice(0, 200) });
       }
       console.log(JSON.stringify(answers));`,
    ]);
    expect(run.status).toBe(0);
    const [page, script] = JSON.parse(run.stdout.trim().split('\n').at(-1) ?? '[]');
    expect(page).toMatchObject({ status: 200, type: expect.stringMatching(/^text\/html/) });
    expect(page.body).toContain('<html lang="da">');
    expect(script).toMatchObject({ status: 200, type: expect.stringMatching(/^text\/javascript/) });
  });

  it('ingest: its extraction worker is bundled next to it, with the pdf.js worker module', () => {
    for (const worker of WORKER_ENTRIES.ingest)
      expect(existsSync(join(root, 'ingest', workerBundleFile(worker)))).toBe(true);
    expect(bundle('ingest').inputs).toContain(WORKER);
  });

  it.each(['ingest', 'api', 'export'] as const)('%s: contains no SQLite native module', (name) => {
    const inputs = bundle(name).inputs;
    expect(inputs.some((input) => input.includes('node_modules/better-sqlite3/'))).toBe(false);
  });

  it.each(['ingest', 'api', 'export'] as const)(
    '%s: takes AWS credentials from the environment, with none of the default chain’s other providers',
    (name) => {
      const inputs = bundle(name).inputs;
      expect(inputs).toContain('node_modules/@aws-sdk/credential-provider-env/dist-es/fromEnv.js');
      // SSO, ini files, processes, web identity, login, HTTP/IMDS, and the STS/SSO clients they use.
      const chain =
        /node_modules\/(@aws-sdk\/(credential-provider-(?!env\/)[^/]+|nested-clients|token-providers)|@smithy\/credential-provider-imds)\//;
      expect(inputs.filter((input) => chain.test(input))).toEqual([]);
    },
  );

  it.each(['ingest', 'api', 'export'] as const)(
    '%s: carries the OpenSearch calls the service makes, not the package’s whole client',
    (name) => {
      const files = filesOf(name, '@opensearch-project/opensearch');
      expect(files.filter((file) => file.includes('/api/')).sort()).toEqual(
        [
          '_core/bulk.js',
          '_core/deleteByQuery.js',
          '_core/get.js',
          '_core/search.js',
          'indices/create.js',
          'indices/delete.js',
          'indices/exists.js',
          'indices/getAlias.js',
          'indices/getMapping.js',
          'indices/updateAliases.js',
          'utils.js',
        ].map((file) => `@opensearch-project/opensearch/api/${file}`),
      );
      expect(files).not.toContain('@opensearch-project/opensearch/lib/Client.js');
    },
  );

  it('api: searches OpenSearch signed with the credentials Lambda puts in the environment', async () => {
    const requests: { method?: string; url?: string; headers: IncomingHttpHeaders }[] = [];
    const reply = readFileSync(join(PROJECT_ROOT, 'test/fixtures/opensearch/search-fravaer.json'));
    const opensearch = createServer((request, response) => {
      requests.push({ method: request.method, url: request.url, headers: request.headers });
      request.resume();
      response.writeHead(200, { 'content-type': 'application/json' }).end(reply);
    });
    opensearch.listen(0, '127.0.0.1');
    await once(opensearch, 'listening');
    const { port } = opensearch.address() as AddressInfo;
    const url = pathToFileURL(bundle('api').file).href;
    try {
      // Not spawnSync: the cluster answers from this process.
      const run = await promisify(execFile)(
        process.execPath,
        [
          '--input-type=module',
          '-e',
          `const { handler } = await import(${JSON.stringify(url)});
           const answer = await handler(${JSON.stringify(httpGet('/search', 'q=frav%C3%A6r'))});
           console.log(JSON.stringify({ status: answer.statusCode }));`,
        ],
        {
          cwd: join(root, 'api'),
          env: {
            ...LAMBDA_ENV,
            OPENSEARCH_ENDPOINT: `http://127.0.0.1:${port}`,
            OPENSEARCH_SIGNING: 'sigv4',
            AWS_ACCESS_KEY_ID: 'AKIDLAMBDAROLE',
            AWS_SECRET_ACCESS_KEY: 'lambda-role-secret',
            AWS_SESSION_TOKEN: 'lambda-role-session',
            POWERTOOLS_LOG_LEVEL: 'ERROR',
          },
          encoding: 'utf8',
          timeout: 60_000,
        },
      );
      expect(JSON.parse(run.stdout.trim().split('\n').at(-1) ?? '{}')).toEqual({ status: 200 });
    } finally {
      opensearch.close();
    }
    expect(requests[0]).toMatchObject({ method: 'POST', url: expect.stringMatching(/^\/minutes\/_search/) });
    for (const { headers } of requests) {
      expect(headers.authorization).toMatch(
        /^AWS4-HMAC-SHA256 Credential=AKIDLAMBDAROLE\/\d{8}\/eu-north-1\/es\/aws4_request, /,
      );
      expect(headers['x-amz-security-token']).toBe('lambda-role-session');
    }
  });

  it.each(['ingest', 'api'] as const)('%s: loads without node_modules and exports handler', (name) => {
    const url = pathToFileURL(bundle(name).file).href;
    const run = runIn(join(root, name), [
      '--enable-source-maps',
      '--input-type=module',
      '-e',
      `const m = await import(${JSON.stringify(url)}); console.log(typeof m.handler);`,
    ]);
    expect(run.stderr).not.toMatch(/ERR_MODULE_NOT_FOUND|SyntaxError/);
    expect(run.status).toBe(0);
    expect(run.stdout.trim().split('\n').at(-1)).toBe('function');
  });

  it('export: loads with the runtime’s awslambda global, streams its handler and serves GET /export only', () => {
    const url = pathToFileURL(bundle('export').file).href;
    const shim = pathToFileURL(join(PROJECT_ROOT, 'test/support/lambda-streaming.ts')).href;
    // Answers that need no search engine: a route it does not serve, and parameters it refuses.
    const requests = [
      ['/search', 'q=budget'],
      ['/export', 'from=2024-02-30'],
    ];
    const run = runIn(join(root, 'export'), [
      '--enable-source-maps',
      '--input-type=module',
      '-e',
      `const lambda = await import(${JSON.stringify(shim)});
       lambda.installLambdaStreaming();
       const { handler } = await import(${JSON.stringify(url)});
       const answers = [];
       for (const [path, query] of ${JSON.stringify(requests)}) {
         const response = new lambda.ResponseStream();
         await handler(lambda.functionUrlEvent(path, query), response, lambda.LAMBDA_CONTEXT);
         const { statusCode, headers, body } = response.answer();
         answers.push({ statusCode, type: headers['content-type'], detail: JSON.parse(body).detail });
       }
       console.log(JSON.stringify({ streaming: lambda.isStreamingHandler(handler), answers }));`,
    ]);
    expect(run.stderr).not.toMatch(/ERR_MODULE_NOT_FOUND|SyntaxError/);
    expect(run.status).toBe(0);
    const result = JSON.parse(run.stdout.trim().split('\n').at(-1) ?? '{}');
    expect(result.streaming).toBe(true);
    expect(result.answers).toEqual([
      {
        statusCode: 404,
        type: expect.stringMatching(/^application\/problem\+json/),
        detail: expect.stringMatching(/GET \/export only/),
      },
      {
        statusCode: 400,
        type: expect.stringMatching(/^application\/problem\+json/),
        detail: expect.any(String),
      },
    ]);
  });

  it('reads a PDF as the source does, in its bundled extraction worker, with the copied dictionary', async () => {
    const run = runIn(join(root, 'probe'), ['--enable-source-maps', bundle('probe').file, PDF]);
    expect(run.stderr).not.toMatch(/ERR_MODULE_NOT_FOUND|exited with code/);
    expect(run.status).toBe(0);
    const result = JSON.parse(run.stdout.trim().split('\n').at(-1) ?? '{}');
    const fromSource = await extractMeeting(new Uint8Array(readFileSync(PDF)), PDF, defaultLimits);
    expect(result).toMatchObject({
      pages: fromSource.source.pages,
      titles: fromSource.items.map((item) => item.title),
    });
    expect(result.parts).toEqual(expect.arrayContaining(['syge', 'fravær']));
  });
});
