import { copyFile, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { OpenAPIHono } from '@hono/zod-openapi';
import { handle, type LambdaEvent } from 'hono/aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, TOO_BROAD } from '#api/app.ts';
import type { ApiDeps } from '#api/deps.ts';
import { FEED_PATH } from '#api/routes/feed.ts';
import { ItemView, MeetingList, MeetingView, UploadResponse } from '#api/schemas.ts';
import { defaultLimits } from '#config/limits.ts';
import { DocumentRecord, documentIdOfBytes } from '#domain/document.ts';
import { SearchResult } from '#domain/search.ts';
import { extractMeeting } from '#ingest/extract-meeting.ts';
import { EXTRACTOR_VERSION } from '#ingest/version.ts';
import { SqliteSearchIndex } from '#search/sqlite/sqlite-index.ts';
import { DynamoRegistry } from '#storage/dynamo-registry.ts';
import { S3BlobStore } from '#storage/s3-blob-store.ts';
import { type SeededMinutes, seedFailed, seedMinutes } from '#test/support/api-seed.ts';
import { type LocalAws, startLocalAws } from '#test/support/local-aws.ts';

const CORPUS = 'test/fixtures/corpus/pdf';
const NOW = new Date('2026-11-23T10:00:00.000Z');
const UPLOAD_MAX_BYTES = 1_000_000;
const FAILED_ID = 'f'.repeat(64);
const UNKNOWN_ID = 'a'.repeat(64);

/** Records what the app logs, so a test can see that a failure was logged (and nothing else was). */
class RecordingLog {
  readonly errors: unknown[][] = [];
  readonly warnings: unknown[][] = [];
  warn(message: string, ...extra: unknown[]): void {
    this.warnings.push([message, ...extra]);
  }
  error(message: string, ...extra: unknown[]): void {
    this.errors.push([message, ...extra]);
  }
}

let aws: LocalAws;
let dir: string;
let index: SqliteSearchIndex;
let deps: ApiDeps;
let app: OpenAPIHono;
let log: RecordingLog;
let seeded: { feb: SeededMinutes; jan: SeededMinutes; sep: SeededMinutes };

beforeAll(async () => {
  aws = await startLocalAws();
  dir = await mkdtemp(join(tmpdir(), 'api-test-'));
  index = SqliteSearchIndex.open(join(dir, 'search.sqlite'));
  const registry = new DynamoRegistry({ client: aws.dynamo, table: aws.table });
  const blobs = new S3BlobStore({ client: aws.s3, bucket: aws.bucket });
  const ports = { index, registry, blobs };
  const at = NOW.toISOString();
  seeded = {
    feb: await seedMinutes(ports, `${CORPUS}/000_0a24eb9eb155f3ad.pdf`, at),
    jan: await seedMinutes(ports, `${CORPUS}/001_cdd17d21176dd4b4.pdf`, at),
    sep: await seedMinutes(ports, `${CORPUS}/002_b1227399e4e80a2d.pdf`, at),
  };
  await seedFailed(ports, FAILED_ID, 'not-a-pdf: the file does not start with %PDF', at);
  log = new RecordingLog();
  deps = { ...ports, uploadMaxBytes: UPLOAD_MAX_BYTES, linkTtlSeconds: 120, now: () => NOW, log };
  app = createApp(deps);
});

afterAll(async () => {
  index?.close();
  await aws?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

interface Answer {
  readonly status: number;
  readonly headers: Headers;
  // biome-ignore lint/suspicious/noExplicitAny: a JSON answer, checked by each test against its schema
  readonly body: any;
}

async function call(path: string, init?: RequestInit, target: OpenAPIHono = app): Promise<Answer> {
  const response = await target.request(path, init);
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : null };
}

const post = (path: string, body: unknown) =>
  call(path, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });

function expectProblem(answer: Answer, status: number): void {
  expect(answer.status).toBe(status);
  expect(answer.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  expect(answer.body).toMatchObject({ type: 'about:blank', status, title: expect.any(String) });
  expect(answer.body.detail).toEqual(expect.any(String));
}

/** Fetches a presigned URL as a browser would (the fragment never reaches the server). */
async function download(url: string): Promise<Uint8Array> {
  const response = await fetch(url.split('#')[0] ?? url);
  expect(response.status).toBe(200);
  return new Uint8Array(await response.arrayBuffer());
}

describe('GET /search', () => {
  it('answers the contract shape with hits, highlights and facets', async () => {
    const answer = await call('/search?q=beslutningsprotokoller');
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toMatch(/^application\/json/);
    const result = SearchResult.parse(answer.body);
    expect(result.total).toBe(result.results.length);
    // The item is in both Norddjurs meetings; other items only mention the word.
    const titled = result.results.filter((hit) => hit.item.title.startsWith('Beslutningsprotokoller'));
    expect(titled.map((hit) => hit.meeting.id).sort()).toEqual([seeded.feb.id, seeded.jan.id].sort());
    expect(result.results[0]?.item.title).toMatch(/^Beslutningsprotokoller/);
    expect(result.facets.body).toEqual({ Direktionen: result.total });
    expect(result.results[0]?.highlights.length).toBeGreaterThan(0);
    expect(result.results[0]?.source).toMatchObject({ key: expect.stringMatching(/^minutes\//) });
    // The contract's shape exactly: no links or internal fields slipped into a hit.
    expect(Object.keys(answer.body.results[0]).sort()).toEqual(
      [
        'case',
        'decision',
        'highlights',
        'id',
        'item',
        'match',
        'meeting',
        'score',
        'source',
        'summary',
      ].sort(),
    );
  });

  it('filters by date, case number, outcome and municipality', async () => {
    const inFebruary = SearchResult.parse(
      (await call('/search?q=beslutningsprotokoller&from=2025-02-01&to=2025-02-28')).body,
    );
    expect(inFebruary.total).toBeGreaterThan(0);
    expect(inFebruary.results.every((hit) => hit.meeting.id === seeded.feb.id)).toBe(true);

    const byCase = SearchResult.parse((await call('/search?caseNumber=24%2F16905')).body);
    expect(byCase.results.map((hit) => hit.item.title)).toEqual([
      'Disponering af overført mindreforbrug fra budgetforlig 2023',
    ]);
    expect(byCase.results[0]?.decision?.outcome).toBe('postponed');

    const postponed = SearchResult.parse((await call('/search?outcome=postponed')).body);
    expect(postponed.results.every((hit) => hit.decision?.outcome === 'postponed')).toBe(true);
    expect(postponed.total).toBeGreaterThan(0);

    const norddjurs = SearchResult.parse(
      (await call('/search?municipality=Norddjurs%20Kommune&size=100')).body,
    );
    expect(new Set(norddjurs.results.map((hit) => hit.meeting.id))).toEqual(
      new Set([seeded.feb.id, seeded.jan.id]),
    );
  });

  it('pages through the results without repeating a hit', async () => {
    const all = SearchResult.parse((await call('/search?body=Direktionen&sort=date&size=100')).body);
    const first = SearchResult.parse((await call('/search?body=Direktionen&sort=date&size=5&page=1')).body);
    const second = SearchResult.parse((await call('/search?body=Direktionen&sort=date&size=5&page=2')).body);
    expect(all.total).toBe(19);
    expect(first).toMatchObject({ total: 19, page: 1, size: 5 });
    expect(second).toMatchObject({ total: 19, page: 2, size: 5 });
    expect([...first.results, ...second.results].map((hit) => hit.id)).toEqual(
      all.results.slice(0, 10).map((hit) => hit.id),
    );
    expect(all.results[0]?.meeting.date).toBe('2025-02-05');
  });

  it('pages to the first 10,000 hits, as OpenSearch does', async () => {
    for (const query of ['page=100&size=100', 'page=1000&size=10']) {
      const answer = await call(`/search?q=budget&${query}`);
      expect(answer.status, query).toBe(200);
      expect(SearchResult.parse(answer.body).results).toEqual([]);
    }
  });

  it('ignores unknown parameters', async () => {
    const answer = await call('/search?q=seminar&utm_source=mail&debug=1');
    expect(answer.status).toBe(200);
    expect(SearchResult.parse(answer.body).total).toBeGreaterThan(0);
  });

  it.each([
    ['size 0', 'size=0', 'size'],
    ['a size over the limit', 'size=101', 'size'],
    ['a negative page', 'page=-1', 'page'],
    ['a huge page', 'page=99999999999999999999999', 'page'],
    ['a page past the first 10,000 hits', 'page=101&size=100', 'page'],
    ['a page that is not a number', 'page=abc', 'page'],
    ['a date that does not exist', 'from=2024-02-30', 'from'],
    ['a date in another format', 'to=05-02-2025', 'to'],
    ['from after to', 'from=2025-02-01&to=2025-01-01', 'from'],
    ['an unknown outcome', 'outcome=maybe', 'outcome'],
    ['an unknown sort', 'sort=random', 'sort'],
    ['a repeated q', 'q=a&q=b', 'q'],
    ['a q longer than allowed', `q=${'ord '.repeat(130)}`, 'q'],
  ])('answers 400 with the zod issues for %s', async (_name, query, path) => {
    const answer = await call(`/search?${query}`);
    expectProblem(answer, 400);
    expect(answer.body.errors).toContainEqual(expect.objectContaining({ in: 'query', path }));
  });
});

describe('GET /items/{id}', () => {
  it('shows the item, its decision card and a presigned link to the decision page', async () => {
    const hit = SearchResult.parse((await call('/search?caseNumber=24%2F16905')).body).results[0];
    const answer = await call(`/items/${encodeURIComponent(hit?.id ?? '')}`);
    expect(answer.status).toBe(200);
    const view = ItemView.parse(answer.body);
    expect(view.item).toMatchObject({ id: hit?.id, documentId: seeded.sep.id, key: seeded.sep.key });
    expect(view.item.item).toEqual({
      number: 3,
      title: 'Disponering af overført mindreforbrug fra budgetforlig 2023',
      access: 'open',
      caseNumber: '24/16905',
      // The case numbers its text names: none here.
      caseRefs: [],
    });
    expect(view.item.sections.length).toBeGreaterThan(0);
    expect(view.card.decision).toMatchObject({ outcome: 'postponed', page: 5 });
    expect(view.card.summary.length).toBeGreaterThan(0);
    expect(view.card.summary.every((sentence) => sentence.page !== null)).toBe(true);
    expect(view.pdf.page).toBe(5);
    expect(view.pdf.url).toMatch(/#page=5$/);
    expect(view.pdf.expiresAt).toBe('2026-11-23T10:02:00.000Z');
    expect(await download(view.pdf.url)).toEqual(seeded.sep.bytes);
  });

  it('shows a closed item with its title and metadata only', async () => {
    const closed = (await index.itemsOf(seeded.jan.id)).filter((item) => item.item.access === 'closed');
    expect(closed.map((item) => item.item.title)).toContain('Genbehandling af HR-punkt');
    for (const item of closed) {
      const view = ItemView.parse((await call(`/items/${encodeURIComponent(item.id)}`)).body);
      expect(view.item.item).toMatchObject({ title: item.item.title, access: 'closed' });
      expect(view.item.sections).toEqual([]);
      expect(view.card).toEqual({ decision: null, recommendation: null, summary: [] });
      expect(view.pdf.page).toBe(item.pages?.first);
    }
  });

  it('answers 404 for an item that does not exist', async () => {
    expectProblem(await call(`/items/${UNKNOWN_ID}:0`), 404);
    expectProblem(await call('/items/nothing'), 404);
  });
});

describe('GET /meetings', () => {
  it('lists the indexed meetings, newest first, with their item counts', async () => {
    const answer = await call('/meetings');
    expect(answer.status).toBe(200);
    const list = MeetingList.parse(answer.body);
    expect(list.meetings.map((m) => [m.id, m.meeting.date, m.items, m.pages, m.status])).toEqual([
      [seeded.feb.id, '2025-02-05', 5, 9, 'indexed'],
      [seeded.jan.id, '2025-01-22', 11, 16, 'indexed'],
      [seeded.sep.id, '2024-09-03', 3, 7, 'indexed'],
    ]);
  });

  it('pages with a cursor and filters by date and body', async () => {
    const first = MeetingList.parse((await call('/meetings?limit=2')).body);
    expect(first.meetings.map((m) => m.id)).toEqual([seeded.feb.id, seeded.jan.id]);
    expect(first.nextCursor).not.toBeNull();
    const rest = MeetingList.parse(
      (await call(`/meetings?limit=2&cursor=${encodeURIComponent(first.nextCursor ?? '')}`)).body,
    );
    expect(rest.meetings.map((m) => m.id)).toEqual([seeded.sep.id]);

    const in2025 = MeetingList.parse((await call('/meetings?from=2025-01-01&to=2025-12-31')).body);
    expect(in2025.meetings.map((m) => m.id)).toEqual([seeded.feb.id, seeded.jan.id]);
    const direktionen = MeetingList.parse((await call('/meetings?body=direktionen')).body);
    expect(direktionen.meetings).toHaveLength(3);
    const other = MeetingList.parse((await call('/meetings?body=Byr%C3%A5det')).body);
    expect(other.meetings).toEqual([]);
  });

  it.each([
    ['a cursor it never handed out', 'cursor=bm90LWEtY3Vyc29y'],
    ['a cursor that is not even base64', 'cursor=%%%'],
    ['a limit of 0', 'limit=0'],
    ['an invalid date', 'from=2025-13-01'],
  ])('answers 400 for %s', async (_name, query) => {
    const answer = await call(`/meetings?${query}`);
    expectProblem(answer, 400);
    if (query.startsWith('cursor=')) expect(answer.body.detail).toMatch(/^The cursor is not one/);
  });
});

describe('GET /meetings/{id}', () => {
  it('shows the meeting, every item in agenda order and a link to the PDF', async () => {
    const answer = await call(`/meetings/${seeded.jan.id}`);
    expect(answer.status).toBe(200);
    const view = MeetingView.parse(answer.body);
    expect(view).toMatchObject({
      id: seeded.jan.id,
      status: 'indexed',
      pages: 16,
      meeting: {
        body: 'Direktionen',
        municipality: 'Norddjurs Kommune',
        date: '2025-01-22',
        kind: 'minutes',
      },
      quality: { items: 11, closedItems: 3 },
    });
    expect(view.items.map((item) => item.item.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    const doc = await extractMeeting(seeded.jan.bytes, seeded.jan.key, defaultLimits);
    expect(view.items.map((item) => item.item.title)).toEqual(doc.items.map((item) => item.title));
    for (const item of view.items.filter((i) => i.item.access === 'closed')) {
      expect(item.decision).toBeNull();
      expect(item.summary).toEqual([]);
    }
    expect(view.items[0]?.decision).toMatchObject({ outcome: 'discussed' });
    expect(view.pdf.page).toBeNull();
    expect(await download(view.pdf.url)).toEqual(seeded.jan.bytes);
  });

  it('answers 404 for a document that is unknown or holds no meeting, 400 for a malformed id', async () => {
    expectProblem(await call(`/meetings/${UNKNOWN_ID}`), 404);
    expectProblem(await call(`/meetings/${FAILED_ID}`), 404);
    expectProblem(await call('/meetings/not-a-hash'), 400);
  });
});

describe('GET /documents', () => {
  it('shows one document with its processing state', async () => {
    const record = DocumentRecord.parse((await call(`/documents/${seeded.sep.id}`)).body);
    expect(record).toMatchObject({
      status: 'indexed',
      attempts: 1,
      reason: null,
      key: seeded.sep.key,
      extractorVersion: EXTRACTOR_VERSION,
      quality: { items: 3, closedItems: 1, decisions: 1, headerIncomplete: false },
    });
    // The parser's confidence and its reasons reach the API as the extractor reported them.
    const doc = await extractMeeting(seeded.sep.bytes, seeded.sep.key, defaultLimits);
    expect(record.quality).toMatchObject(doc.quality);
    const failed = DocumentRecord.parse((await call(`/documents/${FAILED_ID}`)).body);
    expect(failed).toMatchObject({ status: 'failed', reason: expect.stringMatching(/^not-a-pdf/) });
  });

  it('lists documents, optionally of one status', async () => {
    const all = (await call('/documents')).body;
    expect(all.documents.map((d: DocumentRecord) => DocumentRecord.parse(d).id).sort()).toEqual(
      [seeded.feb.id, seeded.jan.id, seeded.sep.id, FAILED_ID].sort(),
    );
    const failed = (await call('/documents?status=failed')).body;
    expect(failed.documents.map((d: DocumentRecord) => d.id)).toEqual([FAILED_ID]);
    const firstPage = (await call('/documents?limit=1')).body;
    expect(firstPage.documents).toHaveLength(1);
    expect(firstPage.nextCursor).toEqual(expect.any(String));
  });

  it('answers 404, or 400 for a malformed id, status or cursor', async () => {
    expectProblem(await call(`/documents/${UNKNOWN_ID}`), 404);
    expectProblem(await call('/documents/XYZ'), 400);
    expectProblem(await call('/documents?status=lost'), 400);
    const badCursor = await call('/documents?cursor=eyJway');
    expectProblem(badCursor, 400);
    expect(badCursor.body.detail).toMatch(/^The cursor is not one this API handed out/);
  });
});

describe('POST /uploads', () => {
  it('hands out a presigned PUT whose upload lands in the bucket under a dated key', async () => {
    const pdf = new TextEncoder().encode('%PDF-1.7 pretend minutes');
    const answer = await post('/uploads', {
      filename: 'Referat/Økonomiudvalget\\æøå 2025.pdf',
      contentType: 'application/pdf',
      size: pdf.byteLength,
    });
    expect(answer.status).toBe(201);
    const { key, upload } = UploadResponse.parse(answer.body);
    expect(key).toMatch(/^uploads\/2026-11-23\/[0-9a-f-]{36}\/Referat_Økonomiudvalget_æøå 2025\.pdf$/);
    expect(upload.headers).toMatchObject({ 'Content-Type': 'application/pdf' });

    const put = await fetch(upload.url, { method: upload.method, headers: upload.headers, body: pdf });
    expect(put.status).toBe(200);
    const stored = await deps.blobs.get(key);
    expect(stored?.bytes).toEqual(pdf);
    expect(stored?.contentType).toBe('application/pdf');
  });

  it.each([
    ['a lone surrogate', '\uD800.pdf', '_.pdf'],
    ['nothing before the extension', '.pdf', 'upload.pdf'],
  ])('hands out a usable key for a file name with %s', async (_name, filename, expected) => {
    const answer = await post('/uploads', { filename, contentType: 'application/pdf', size: 10 });
    expect(answer.status).toBe(201);
    const { key, upload } = UploadResponse.parse(answer.body);
    expect(key).toMatch(new RegExp(`^uploads/2026-11-23/[0-9a-f-]{36}/${expected.replace('.', '\\.')}$`));
    expect(new URL(upload.url).pathname.endsWith(`/${expected}`)).toBe(true);
  });

  it('answers 413 for a file over the limit', async () => {
    const answer = await post('/uploads', {
      filename: 'big.pdf',
      contentType: 'application/pdf',
      size: UPLOAD_MAX_BYTES + 1,
    });
    expectProblem(answer, 413);
    expect(answer.body.detail).toContain(String(UPLOAD_MAX_BYTES));
  });

  it.each([
    ['a Word document', { filename: 'referat.docx', contentType: 'application/msword', size: 10 }],
    [
      'a PDF type with another extension',
      { filename: 'referat.exe', contentType: 'application/pdf', size: 10 },
    ],
    ['a .pdf name with another type', { filename: 'referat.pdf', contentType: 'text/html', size: 10 }],
  ])('answers 415 for %s', async (_name, body) => {
    expectProblem(await post('/uploads', body), 415);
  });

  it.each([
    ['size 0', { filename: 'a.pdf', contentType: 'application/pdf', size: 0 }],
    ['a fractional size', { filename: 'a.pdf', contentType: 'application/pdf', size: 1.5 }],
    ['a size as text', { filename: 'a.pdf', contentType: 'application/pdf', size: '10' }],
    ['no filename', { contentType: 'application/pdf', size: 10 }],
    ['a blank filename', { filename: '   ', contentType: 'application/pdf', size: 10 }],
    ['an array', [1, 2, 3]],
  ])('answers 400 for %s', async (_name, body) => {
    const answer = await post('/uploads', body);
    expectProblem(answer, 400);
    expect(answer.body.errors).toContainEqual(expect.objectContaining({ in: 'json' }));
  });

  it('answers 400 for malformed JSON, 415 for a body that is not JSON, 413 for a huge request', async () => {
    const json = { 'Content-Type': 'application/json' };
    expectProblem(await call('/uploads', { method: 'POST', headers: json, body: '{"filename": ' }), 400);
    expectProblem(
      await call('/uploads', { method: 'POST', headers: { 'Content-Type': 'text/plain' }, body: 'x' }),
      415,
    );
    expectProblem(
      await call('/uploads', { method: 'POST', headers: json, body: `"${'x'.repeat(100_000)}"` }),
      413,
    );
  });
});

describe('GET /openapi.json', () => {
  it('describes every route, with relative servers', async () => {
    const answer = await call('/openapi.json');
    expect(answer.status).toBe(200);
    expect(answer.headers.get('cache-control')).toBe('public, max-age=300');
    expect(answer.body.info).toMatchObject({ title: 'minutes-search', version: expect.any(String) });
    expect(answer.body.servers).toEqual([{ url: '/' }]);
    expect(Object.keys(answer.body.paths).sort()).toEqual(
      [
        '/auth-config',
        '/cases/{municipality}/{caseNumber}',
        '/changes',
        '/documents',
        '/documents/{id}',
        '/export',
        '/feed',
        '/health',
        '/items/{id}',
        '/items/{id}/pdf',
        '/meetings',
        '/meetings/{id}',
        '/search',
        '/uploads',
      ].sort(),
    );
    const searchParams = answer.body.paths['/search'].get.parameters.map((p: { name: string }) => p.name);
    expect(searchParams).toEqual(
      expect.arrayContaining(['q', 'from', 'to', 'body', 'outcome', 'votes', 'party', 'page', 'size']),
    );
    expect(answer.body.components.schemas).toHaveProperty('Problem');
    expect(answer.body.components.schemas.SearchResult.properties.facets.required).toEqual([
      'body',
      'year',
      'outcome',
      'municipality',
    ]);
  });
});

describe('health and errors', () => {
  it('answers health with a check of each dependency', async () => {
    const answer = await call('/health');
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ status: 'ok', checks: { index: 'ok', registry: 'ok' } });
  });

  it('answers 503 when the index fails, and 500 without internals on a route, logging both', async () => {
    const broken = SqliteSearchIndex.open(':memory:');
    broken.close();
    const brokenLog = new RecordingLog();
    const brokenApp = createApp({ ...deps, index: broken, log: brokenLog });

    const health = await call('/health', undefined, brokenApp);
    expectProblem(health, 503);
    expect(health.body.detail).toBe('Unavailable: index');

    const search = await call('/search?q=budget', undefined, brokenApp);
    expectProblem(search, 500);
    expect(JSON.stringify(search.body)).not.toMatch(/database|sqlite|stack/i);
    expect(search.headers.get('x-content-type-options')).toBe('nosniff');
    expect(brokenLog.errors.map(([message]) => message)).toEqual([
      'Health check failed',
      'Unhandled API error',
    ]);
  });

  it('answers 400, code too_broad, when a search is too broad for the engine, and logs no error', async () => {
    // The same index file, on a connection whose searches may read one occurrence of their words.
    const narrow = SqliteSearchIndex.open(join(dir, 'search.sqlite'), { searchBudget: 1 });
    const narrowLog = new RecordingLog();
    const narrowApp = createApp({ ...deps, index: narrow, log: narrowLog });
    for (const path of ['/search?q=budget', `${FEED_PATH}?q=budget`]) {
      const answer = await call(path, undefined, narrowApp);
      expectProblem(answer, 400);
      expect(answer.body.detail).toMatch(
        /too broad: its words occur .*, more than the 1 one search may read/,
      );
      expect(answer.body.errors).toEqual([
        { in: 'query', path: 'q', code: TOO_BROAD, message: 'Use fewer or rarer words' },
      ]);
    }
    expect((await call('/search?q=zzxyqq', undefined, narrowApp)).status).toBe(200);
    expect(narrowLog.errors).toEqual([]);
    narrow.close();
  });

  it('answers 404 problems for unknown routes and methods', async () => {
    expectProblem(await call('/nowhere'), 404);
    expectProblem(await call('/search', { method: 'DELETE' }), 404);
  });

  it('revalidates the page and its files, by ETag, and never caches a problem', async () => {
    const page = await app.request('/');
    expect(page.status).toBe(200);
    expect(page.headers.get('cache-control')).toBe('no-cache');
    const script = (await page.text()).match(/src="\/?(assets\/[a-z0-9-]+\.js)"/)?.[1];
    expect(script).toBeDefined();

    const asset = await app.request(`/${script}`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toBe('no-cache');
    const tag = asset.headers.get('etag');
    expect(tag).toMatch(/^"[0-9a-f]+"$/);
    const again = await app.request(`/${script}`, { headers: { 'If-None-Match': tag ?? '' } });
    expect(again.status).toBe(304);
    expect(again.headers.get('cache-control')).toBe('no-cache');
    expect(again.headers.get('etag')).toBe(tag);

    const missing = await call('/assets/missing.js');
    expectProblem(missing, 404);
    expect(missing.headers.get('cache-control')).toBe('no-store');
    // The page asked for the bucket's origin: presigning worked, nothing was worth a warning.
    expect(log.warnings).toEqual([]);
  });

  it('sets security headers and no-store on every answer', async () => {
    for (const path of ['/search?q=seminar', '/nowhere', '/search?size=0', `/meetings/${seeded.feb.id}`]) {
      const { headers } = await app.request(path);
      expect(headers.get('x-content-type-options')).toBe('nosniff');
      expect(headers.get('strict-transport-security')).toMatch(/max-age=/);
      expect(headers.get('content-security-policy')).toContain("default-src 'none'");
      expect(headers.get('x-frame-options')).toBe('SAMEORIGIN');
      expect(headers.get('cache-control')).toBe('no-store');
      expect(headers.get('access-control-allow-origin')).toBeNull();
    }
  });
});

describe('no 500 for any input', () => {
  const odd = [
    '"',
    '""',
    '*',
    'budget*',
    '"unterminated',
    'NEAR(a b)',
    'a AND OR NOT b',
    'title:budget',
    '^start',
    '(((',
    ')',
    '-',
    '--',
    "'; DROP TABLE items; --",
    '%',
    '%00',
    '\\',
    '{}[]',
    '🙂 møde',
    'e\u0301',
    '\u202e',
    'ÆØÅ æøå',
    'x'.repeat(500),
    ' ',
    '+',
    'a:b:c',
  ];

  /** A small deterministic generator, so a failing input can be reproduced. */
  function randomStrings(count: number, seed: number): string[] {
    const pool = 'abcæøå AOR"*()^:-+%\\/\u0000\u202e\n\t🙂.,;{}[]<>&=#?';
    const chars = [...pool];
    let state = seed;
    const next = () => {
      state = (state * 1103515245 + 12345) % 2 ** 31;
      return state;
    };
    return Array.from({ length: count }, () =>
      Array.from({ length: 1 + (next() % 40) }, () => chars[next() % chars.length]).join(''),
    );
  }

  const values = [...odd, ...randomStrings(60, 7)];

  it('answers search with 200 or 400 for odd values of every parameter', async () => {
    const params = [
      'q',
      'from',
      'to',
      'body',
      'municipality',
      'outcome',
      'access',
      'caseNumber',
      'sort',
      'page',
      'size',
    ];
    const statuses = new Set<number>();
    for (const [i, value] of values.entries()) {
      const param = params[i % params.length] ?? 'q';
      for (const query of [`q=${encodeURIComponent(value)}`, `${param}=${encodeURIComponent(value)}`]) {
        const answer = await app.request(`/search?${query}`);
        statuses.add(answer.status);
        if (answer.status !== 200) expectProblem(await toAnswer(answer), 400);
      }
    }
    expect([...statuses].sort()).toEqual([200, 400]);
    expect(log.errors).toEqual([]);
  });

  it('answers the other routes with 4xx, never 500, for odd ids and parameters', async () => {
    for (const value of values) {
      const encoded = encodeURIComponent(value);
      for (const path of [
        `/items/${encoded}`,
        `/meetings/${encoded}`,
        `/documents/${encoded}`,
        `/meetings?cursor=${encoded}&body=${encoded}`,
        // Apart: a bad limit is refused before the cursor is ever read.
        `/documents?cursor=${encoded}`,
        `/documents?limit=${encoded}`,
      ]) {
        const answer = await app.request(path);
        expect(answer.status, path).toBeLessThan(500);
      }
    }
    for (const size of [-1, 1e300, Number.MAX_SAFE_INTEGER + 2, null, 'NaN']) {
      const answer = await post('/uploads', { filename: 'a.pdf', contentType: 'application/pdf', size });
      expect(answer.status).toBeGreaterThanOrEqual(400);
      expect(answer.status).toBeLessThan(500);
    }
    expect(log.errors).toEqual([]);
  });
});

describe('crafted list cursors', () => {
  const hex = (c: string) => c.repeat(64);
  const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const documents = (over: Record<string, unknown>) => ({
    pk: `doc#${hex('b')}`,
    kind: 'document',
    updatedAt: '2026-11-23T10:00:00.000Z',
    ...over,
  });
  const meetings = (over: Record<string, unknown>) => ({
    pk: `doc#${hex('b')}`,
    meetingPartition: 'meeting',
    meetingSort: `2025-01-22#${hex('b')}`,
    ...over,
  });

  /** JSON.stringify drops an own `__proto__` key; JSON.parse makes one. */
  const protoCursor = (value: object) =>
    Buffer.from(JSON.stringify(value).replace(/^\{/, '{"__proto__":{"x":1},')).toString('base64url');

  /** Cursors the API never handed out: every one is a 400 problem on every list, never a 500. */
  const crafted: [string, string][] = [
    ['not base64', '%%%'],
    ['base64 of nothing', 'a'],
    ['base64 of text', Buffer.from('hello').toString('base64url')],
    ['base64 of JSON null', b64(null)],
    ['base64 of a number', b64(1)],
    ['base64 of an array', b64([1, 2])],
    ['an empty object', b64({})],
    ...Object.entries({ documents, meetings }).flatMap(([list, shape]): [string, string][] => [
      [`${list}: a number for pk`, b64(shape({ pk: 1 }))],
      [`${list}: an attribute value for pk`, b64(shape({ pk: { S: `doc#${hex('b')}` } }))],
      [`${list}: an empty pk`, b64(shape({ pk: '' }))],
      [`${list}: a key item for pk`, b64(shape({ pk: 'key#minutes/a.pdf' }))],
      [`${list}: a pk of 2,000 characters`, b64(shape({ pk: `doc#${'b'.repeat(2000)}` }))],
      [`${list}: an unknown key`, b64(shape({ extra: 'x' }))],
      [`${list}: a prototype key`, protoCursor(shape({}))],
      [`${list}: an unknown document`, b64(shape({}))],
    ]),
    ['an empty updatedAt', b64(documents({ updatedAt: '' }))],
    ['a huge updatedAt', b64(documents({ updatedAt: 'x'.repeat(2500) }))],
    ['an updatedAt that is no time', b64(documents({ updatedAt: 'yesterday' }))],
    ['another kind', b64(documents({ kind: 'key' }))],
    ['an empty meetingSort', b64(meetings({ meetingSort: '' }))],
    ['a huge meetingSort', b64(meetings({ meetingSort: `2025-01-22#${'b'.repeat(1500)}` }))],
    ['a meetingSort of another document', b64(meetings({ meetingSort: `2025-01-22#${hex('c')}` }))],
    ['a meetingSort without a date', b64(meetings({ meetingSort: hex('b') }))],
    ['another partition', b64(meetings({ meetingPartition: 'document' }))],
  ];

  it.each(crafted)('answers 400 for a cursor with %s', async (_name, cursor) => {
    for (const list of [
      '/documents',
      '/documents?status=indexed&',
      '/meetings',
      '/meetings?from=2025-01-01&',
    ]) {
      const path = `${list}${list.endsWith('&') ? '' : '?'}cursor=${encodeURIComponent(cursor)}`;
      const answer = await call(path);
      expectProblem(answer, 400);
      expect(answer.body.detail, path).toMatch(/^The cursor is not one this API handed out/);
    }
  });

  it('answers 400 for a cursor of a known document in the wrong list, or outside the dates asked for', async () => {
    const known = (id: string, sort: string) =>
      b64(meetings({ pk: `doc#${id}`, meetingSort: `${sort}#${id}` }));
    // Right shape, real document: a page starts after it, whichever filter.
    expect((await call(`/meetings?cursor=${known(seeded.jan.id, '2025-01-22')}`)).status).toBe(200);
    for (const path of [
      `/documents?cursor=${known(seeded.jan.id, '2025-01-22')}`,
      `/meetings?from=2025-02-01&cursor=${known(seeded.jan.id, '2025-01-22')}`,
      `/meetings?to=2024-12-31&cursor=${known(seeded.jan.id, '2025-01-22')}`,
      `/meetings?from=2025-01-01&cursor=${known(seeded.sep.id, '2024-09-03')}`,
    ]) {
      expectProblem(await call(path), 400);
    }
    expect(log.errors).toEqual([]);
  });
});

async function toAnswer(response: Response): Promise<Answer> {
  return { status: response.status, headers: response.headers, body: await response.json() };
}

describe('through the Lambda adapter', () => {
  /** An API Gateway HTTP API (payload format 2.0) event, as the api Lambda receives it. */
  function httpApiEvent(method: string, path: string, query = '', body?: unknown): LambdaEvent {
    return {
      version: '2.0',
      routeKey: '$default',
      rawPath: path,
      rawQueryString: query,
      headers: { host: 'api.example.test', 'content-type': 'application/json', 'user-agent': 'vitest' },
      queryStringParameters: Object.fromEntries(new URLSearchParams(query)),
      requestContext: {
        accountId: '123456789012',
        apiId: 'api',
        authentication: null,
        authorizer: {},
        domainName: 'api.example.test',
        domainPrefix: 'api',
        http: { method, path, protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 'vitest' },
        requestId: 'request-1',
        routeKey: '$default',
        stage: '$default',
        time: '23/Nov/2026:10:00:00 +0000',
        timeEpoch: NOW.getTime(),
      },
      body: body === undefined ? null : JSON.stringify(body),
      isBase64Encoded: false,
    };
  }

  it('answers an HTTP API v2 event with the same JSON as the app', async () => {
    const lambda = handle(app);
    const query = 'q=beslutningsprotokoller&size=1&page=2';
    const result = await lambda(httpApiEvent('GET', '/search', query));
    expect(result.statusCode).toBe(200);
    expect(result.headers).toMatchObject({ 'content-type': 'application/json', 'cache-control': 'no-store' });
    expect(JSON.parse(result.body)).toEqual((await call(`/search?${query}`)).body);

    const missing = await lambda(httpApiEvent('GET', '/items/nothing'));
    expect(missing.statusCode).toBe(404);
    expect(missing.headers['content-type']).toBe('application/problem+json');
    expect(JSON.parse(missing.body)).toEqual((await call('/items/nothing')).body);

    const upload = await lambda(
      httpApiEvent('POST', '/uploads', '', { filename: 'r.pdf', contentType: 'application/pdf', size: 3 }),
    );
    expect(upload.statusCode).toBe(201);
    expect(UploadResponse.parse(JSON.parse(upload.body)).key).toMatch(/\/r\.pdf$/);
  });

  it('composes the same API from the environment in functions/api/handler.ts', async () => {
    const saved = { ...process.env };
    Object.assign(process.env, {
      BUCKET_NAME: aws.bucket,
      TABLE_NAME: aws.table,
      AWS_REGION: 'us-east-1',
      S3_ENDPOINT: aws.endpoints.s3,
      DYNAMODB_ENDPOINT: aws.endpoints.dynamodb,
      SEARCH_ENGINE: 'sqlite',
      DATA_DIR: dir,
      POWERTOOLS_LOG_LEVEL: 'SILENT',
    });
    try {
      const { handler } = await import('../../functions/api/handler.ts');
      const query = 'q=seminar&body=Direktionen';
      const search = await handler(httpApiEvent('GET', '/search', query));
      expect(search.statusCode).toBe(200);
      expect(JSON.parse(search.body)).toEqual((await call(`/search?${query}`)).body);
      const meetings = await handler(httpApiEvent('GET', '/meetings'));
      expect(JSON.parse(meetings.body)).toEqual((await call('/meetings')).body);
      const health = await handler(httpApiEvent('GET', '/health'));
      expect(JSON.parse(health.body)).toEqual({ status: 'ok', checks: { index: 'ok', registry: 'ok' } });
    } finally {
      process.env = saved;
    }
  });
});

describe('PDF links when keys are reused', () => {
  const EXTRA = 'test/fixtures/corpus/extra/pdf';
  const at = NOW.toISOString();

  /** The minutes in `path` uploaded as `name`: stored under `minutes/<name>` and ingested. */
  async function seedAs(path: string, name: string): Promise<SeededMinutes> {
    const folder = await mkdtemp(join(dir, 'upload-'));
    await copyFile(path, join(folder, name));
    return seedMinutes({ index, registry: deps.registry, blobs: deps.blobs }, join(folder, name), at);
  }

  const meetingPdf = async (id: string) => MeetingView.parse((await call(`/meetings/${id}`)).body).pdf;

  it('answers 404 while the key holds another file not yet ingested, then links the new document', async () => {
    const first = await seedAs(`${EXTRA}/e4_kaerholm_aeldre_sundhed_20250513.pdf`, 'referat.pdf');
    expect((await deps.registry.keyRecord(first.key))?.etag).toEqual(expect.any(String));
    const item = (await index.itemsOf(first.id))[0]?.id ?? '';
    const next = new Uint8Array(await readFile(`${EXTRA}/e5_ravnsbjerg_koncernledelsen_20250429.pdf`));
    // Another file uploaded under the same name: its ingest has not run yet.
    await deps.blobs.put(first.key, next, 'application/pdf');
    for (const path of [`/meetings/${first.id}`, `/items/${encodeURIComponent(item)}`]) {
      const answer = await call(path);
      expectProblem(answer, 404);
      expect(answer.body.detail, path).toMatch(/^Its PDF is no longer in the bucket/);
    }

    const second = await seedAs(`${EXTRA}/e5_ravnsbjerg_koncernledelsen_20250429.pdf`, 'referat.pdf');
    expect(second.key).toBe(first.key);
    expect(documentIdOfBytes(await download((await meetingPdf(second.id)).url))).toBe(
      documentIdOfBytes(next),
    );
    expectProblem(await call(`/meetings/${first.id}`), 404);
  });

  it('links the document under another of its keys when the key its record names holds another', async () => {
    const kept = await seedAs(`${EXTRA}/e6_baekmose_ledermoede_20250114.pdf`, 'ledermøde.pdf');
    const other = await seedAs(`${CORPUS}/003_0ef5c3c12aec06f5.pdf`, 'kopi.pdf');
    // The same minutes were uploaded as kopi.pdf too before the other file replaced them there: the
    // record still names that key, while ledermøde.pdf holds the minutes.
    await deps.registry.receive({ id: kept.id, key: other.key, size: kept.bytes.length, at });
    expect((await deps.registry.get(kept.id))?.key).toBe(other.key);
    expect(documentIdOfBytes(await download((await meetingPdf(kept.id)).url))).toBe(kept.id);
  });

  it('checks the bytes themselves at a key recorded before ETags were', async () => {
    const old = await seedAs(`${CORPUS}/004_60c343e47a70d8f7.pdf`, 'gammel.pdf');
    await deps.registry.setKey(old.key, old.id);
    expect(await deps.registry.keyRecord(old.key)).toEqual({ documentId: old.id, etag: null });
    expect(documentIdOfBytes(await download((await meetingPdf(old.id)).url))).toBe(old.id);

    await deps.blobs.put(old.key, new TextEncoder().encode('%PDF-1.7 another file'), 'application/pdf');
    expectProblem(await call(`/meetings/${old.id}`), 404);
  });
});
