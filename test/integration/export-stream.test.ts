import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { finished } from 'node:stream/promises';
import type { OpenAPIHono } from '@hono/zod-openapi';
import { handle, type LambdaEvent } from 'hono/aws-lambda';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createApp } from '#api/app.ts';
import type { ApiDeps } from '#api/deps.ts';
import { serviceConfigFromEnv } from '#config/service.ts';
import { SearchQuery } from '#domain/search.ts';
import { SqliteSearchIndex } from '#search/sqlite/sqlite-index.ts';
import {
  functionUrlEvent,
  type Gate,
  installLambdaStreaming,
  isStreamingHandler,
  LAMBDA_CONTEXT,
  ResponseStream,
  type StreamingHandler,
} from '#test/support/lambda-streaming.ts';
import { type Pool, syntheticDocuments } from '../../scripts/lib/synthetic-items.ts';
import { ExportRecord, toExportRecord } from '../../shared/export/record.ts';

/**
 * GET /export as it runs in AWS: the export function's entry point (functions/api/stream-handler.ts)
 * composed from its environment over a real SQLite index, invoked as Lambda's Node.js runtime
 * invokes a streaming handler, with the runtime's `awslambda` global and response stream from
 * test/support/lambda-streaming.ts (the one thing faked: the runtime is not here). And the API
 * function's GET /export, which answers a redirect to it.
 */

/** More than a buffered Lambda answer may hold (6 MB) once exported: some 400 bytes an item. */
const ITEMS = 20_000;
const STREAM_URL = 'https://abcdefghijklmnop.lambda-url.eu-north-1.on.aws/';

const POOL: Pool = {
  sentences: ['Økonomiudvalget anbefaler, at sagen godkendes.'],
  titles: ['Budget for ældreområdet 2026'],
  decisions: ['Godkendt som indstillet, dog således at "Søndergade" udgår.'],
  words: 'kommune byråd økonomi udvalg skole vej plan budget ældre børn trafik havn sundhed miljø'.split(' '),
};

let dir: string;
let index: SqliteSearchIndex;
let handler: StreamingHandler;
/** What the export should hold: every item, as the index yields them, as records. */
let expected: ExportRecord[];
/** How many exports have read the index to its end (matchBatches exhausted). */
let exportsRead = 0;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'export-stream-'));
  index = SqliteSearchIndex.open(join(dir, 'search.sqlite'));
  for (const document of syntheticDocuments(POOL, ITEMS)) {
    const items = document.items.map((item) => ({ ...item, sections: [], summary: [] }));
    await index.replaceDocument(document.documentId, items);
  }
  expected = [];
  for await (const batch of index.matchBatches(SearchQuery.parse({})))
    expected.push(...batch.map(toExportRecord));

  // Every index the export function opens is this class: count the exports that read it through.
  const matchBatches = SqliteSearchIndex.prototype.matchBatches;
  vi.spyOn(SqliteSearchIndex.prototype, 'matchBatches').mockImplementation(async function* (
    this: SqliteSearchIndex,
    ...args: Parameters<SqliteSearchIndex['matchBatches']>
  ) {
    yield* matchBatches.apply(this, args);
    exportsRead++;
  });

  // The export function's environment, as the CDK app writes it but for the engine: SQLite in
  // this folder. Even told where exports stream, the export function never redirects to itself.
  vi.stubEnv('SEARCH_ENGINE', 'sqlite');
  vi.stubEnv('DATA_DIR', dir);
  vi.stubEnv('EXPORT_STREAM_URL', STREAM_URL);
  installLambdaStreaming();
  ({ handler } = (await import('../../functions/api/stream-handler.ts')) as unknown as {
    handler: StreamingHandler;
  });
}, 300_000);

afterAll(async () => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
  index?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** Invokes the handler as the runtime does; resolves once it returned and the stream finished. */
async function invoke(event: unknown, response = new ResponseStream()) {
  await handler(event, response, LAMBDA_CONTEXT);
  await finished(response);
  return response.answer();
}

/** Whether the promise settles within `ms`. */
async function settlesWithin(promise: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
  });
  const settled = promise.then(
    () => true,
    () => true,
  );
  try {
    return await Promise.race([settled, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

describe('the export function (Lambda response streaming)', () => {
  it('is a handler the runtime streams', () => {
    expect(isStreamingHandler(handler)).toBe(true);
  });

  it('sends the first chunk while the export still runs, then the whole export', async () => {
    // The client holds the first body chunk, as a slow connection would: the handler must wait.
    let first: (chunk: Buffer) => void = () => {};
    const firstChunk = new Promise<Buffer>((resolve) => {
      first = resolve;
    });
    let release: () => void = () => {};
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    const gate: Gate = async (chunk, n) => {
      if (n > 0) return;
      first(chunk);
      await released;
    };
    const response = new ResponseStream(gate);
    const readBefore = exportsRead;
    const running = handler(functionUrlEvent('/export', 'format=ndjson'), response, LAMBDA_CONTEXT);

    const chunk = await firstChunk;
    // The first chunk arrived before the export read the index to its end, and the export cannot
    // end while the client holds it.
    expect(exportsRead).toBe(readBefore);
    expect(await settlesWithin(running, 300)).toBe(false);
    expect(exportsRead).toBe(readBefore);
    const head = chunk.toString('utf8').split('\n');
    expect(head.length).toBeGreaterThan(1);
    expect(ExportRecord.parse(JSON.parse(head[0] ?? ''))).toEqual(expected[0]);
    expect(Buffer.concat(response.chunks).length).toBeLessThan(1024 * 1024);

    release();
    await running;
    await finished(response);
    expect(exportsRead).toBe(readBefore + 1);
    const answer = response.answer();
    expect(answer.statusCode).toBe(200);
    expect(answer.headers).toMatchObject({
      'content-type': expect.stringMatching(/^application\/x-ndjson/),
      'content-disposition': 'attachment; filename="minutes-export.ndjson"',
      'cache-control': 'no-store',
    });
    const lines = answer.body.toString('utf8').split('\n');
    expect(lines.pop()).toBe('');
    expect(lines).toHaveLength(ITEMS);
    expect(lines.map((line) => JSON.parse(line))).toEqual(expected);
    // Streamed in many writes, more than a buffered Lambda answer may hold.
    expect(response.bodyChunks).toBeGreaterThan(20);
    expect(answer.body.length).toBeGreaterThan(6 * 1024 * 1024);
  }, 120_000);

  it('streams CSV with the same filters as /search', async () => {
    const answer = await invoke(functionUrlEvent('/export', 'format=csv&municipality=Egholt%20Kommune'));
    expect(answer.statusCode).toBe(200);
    expect(answer.headers['content-type']).toMatch(/^text\/csv/);
    const text = answer.body.toString('utf8');
    expect(text.startsWith('\uFEFFid,date,body,municipality,')).toBe(true);
    const egholt = expected.filter((record) => record.municipality === 'Egholt Kommune');
    expect(egholt.length).toBeGreaterThan(1000);
    const rows = text.trimEnd().split('\n');
    expect(rows).toHaveLength(egholt.length + 1);
    expect(rows.slice(1).map((row) => row.split(',')[0])).toEqual(egholt.map((record) => record.id));
  }, 120_000);

  it('answers bad parameters with a 400 problem, before anything is streamed', async () => {
    const answer = await invoke(functionUrlEvent('/export', 'from=2024-02-30'));
    expect(answer.statusCode).toBe(400);
    expect(answer.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(JSON.parse(answer.body.toString('utf8'))).toMatchObject({
      status: 400,
      errors: [{ in: 'query', path: 'from' }],
    });
  });

  it('serves nothing but the export: its URL has no API Gateway in front', async () => {
    for (const [path, method] of [
      ['/search', 'GET'],
      ['/items/synthetic-0:0', 'GET'],
      ['/documents', 'GET'],
      ['/uploads', 'POST'],
      ['/export', 'POST'],
      ['/', 'GET'],
    ] as const) {
      const answer = await invoke(functionUrlEvent(path, '', method));
      expect(answer.statusCode, `${method} ${path}`).toBe(404);
      expect(answer.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(JSON.parse(answer.body.toString('utf8')).detail).toMatch(/serves GET \/export only/);
    }
  });
});

describe('the API function’s GET /export where exports stream elsewhere (EXPORT_STREAM_URL)', () => {
  let app: OpenAPIHono;
  beforeAll(() => {
    const loaded = serviceConfigFromEnv({ EXPORT_STREAM_URL: STREAM_URL });
    if (!loaded.ok) throw new Error(loaded.error);
    app = createApp({
      index,
      registry: {} as ApiDeps['registry'],
      blobs: {} as ApiDeps['blobs'],
      uploadMaxBytes: 1_000_000,
      linkTtlSeconds: 60,
      now: () => new Date(),
      exportStreamUrl: loaded.config.exportStreamUrl,
    });
  });

  it('redirects there with the query as the caller wrote it (307: the method stays GET)', async () => {
    const query = 'q=s%C3%B8ndergade+budget&format=csv&municipality=Egholt%20Kommune&unknown=1';
    const response = await app.request(`/export?${query}`);
    expect(response.status).toBe(307);
    expect(response.headers.get('location')).toBe(`${STREAM_URL}export?${query}`);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect((await app.request('/export')).headers.get('location')).toBe(`${STREAM_URL}export`);
  });

  it('checks the parameters first: a bad one is a 400 problem here, not a redirect', async () => {
    const response = await app.request('/export?from=2024-02-30');
    expect(response.status).toBe(400);
    expect(response.headers.get('location')).toBeNull();
  });

  it('answers the redirect through the buffered adapter, and curl -L gets the stream there', async () => {
    const rawQueryString = 'format=ndjson&municipality=Skovby%20Kommune';
    const event = {
      version: '2.0',
      routeKey: 'GET /export',
      rawPath: '/export',
      rawQueryString,
      headers: { host: 'api.example.test' },
      requestContext: { http: { method: 'GET', path: '/export' }, domainName: 'api.example.test' },
      isBase64Encoded: false,
    } as unknown as LambdaEvent;
    const result = await handle(app)(event);
    expect(result.statusCode).toBe(307);
    const location = new URL(String(result.headers?.location));
    expect(location.origin).toBe(new URL(STREAM_URL).origin);
    // Following it: the function URL's event for the same path and query.
    const answer = await invoke(functionUrlEvent(location.pathname, location.search.slice(1)));
    expect(answer.statusCode).toBe(200);
    const ids = answer.body
      .toString('utf8')
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line).id);
    expect(ids).toEqual(expected.filter((r) => r.municipality === 'Skovby Kommune').map((r) => r.id));
  }, 120_000);

  it('is documented with its 307', async () => {
    const doc = (await (await app.request('/openapi.json')).json()) as {
      paths: Record<string, { get: { responses: object } }>;
    };
    expect(Object.keys(doc.paths['/export']?.get.responses ?? {})).toEqual(['200', '307', '400']);
  });
});

describe('EXPORT_STREAM_URL', () => {
  it('is an http(s) URL, or absent: then /export streams itself', () => {
    expect(serviceConfigFromEnv({})).toMatchObject({ ok: true, config: { exportStreamUrl: null } });
    for (const value of ['not a url', 'ftp://example.org/']) {
      expect(serviceConfigFromEnv({ EXPORT_STREAM_URL: value })).toMatchObject({
        ok: false,
        error: expect.stringMatching(/^EXPORT_STREAM_URL: /),
      });
    }
  });
});
