import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { OpenAPIHono } from '@hono/zod-openapi';
import { parse as parseCsv } from 'csv-parse/sync';
import { parse as parseXml, validate as validateXml } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '#api/app.ts';
import { ChangesPage } from '#api/changes.ts';
import { defaultLimits } from '#config/limits.ts';
import { SearchQuery } from '#domain/search.ts';
import { ingestObject } from '#ingest/ingest-object.ts';
import { IsolatedExtractor } from '#ingest/isolated-extractor.ts';
import { SqliteSearchIndex } from '#search/sqlite/sqlite-index.ts';
import { DynamoRegistry } from '#storage/dynamo-registry.ts';
import { S3BlobStore } from '#storage/s3-blob-store.ts';
import { type LocalAws, startLocalAws } from '#test/support/local-aws.ts';
import { EXPORT_COLUMNS, ExportRecord } from '../../shared/export/record.ts';

const CORPUS = 'test/fixtures/corpus/pdf';
const [FEB, JAN, SEP] = ['000_0a24eb9eb155f3ad.pdf', '001_cdd17d21176dd4b4.pdf', '002_b1227399e4e80a2d.pdf'];
/** When each step of the archive's history happened. */
const T = {
  before: '2026-10-31T00:00:00.000Z',
  feb: '2026-11-01T10:00:00.000Z',
  jan: '2026-11-02T10:00:00.000Z',
  replaced: '2026-11-03T10:00:00.000Z',
  reread: '2026-11-04T10:00:00.000Z',
  later: '2026-11-05T10:00:00.000Z',
};

let aws: LocalAws;
let dir: string;
let index: SqliteSearchIndex;
let registry: DynamoRegistry;
let blobs: S3BlobStore;
let app: OpenAPIHono;
const extractor = new IsolatedExtractor(defaultLimits);
/** The documents' ids, and the items the first one had before it was replaced. */
const ids = { feb: '', jan: '', sep: '' };
let febItems: string[] = [];

/** Puts bytes at a key and ingests them at a time, as the pipeline does (force: read again). */
async function ingestAt(key: string, file: string, at: string, force = false): Promise<string> {
  await blobs.put(key, new Uint8Array(await readFile(join(CORPUS, file))), 'application/pdf');
  const deps = { index, registry, blobs, limits: defaultLimits, extractor, now: () => new Date(at), force };
  const outcome = await ingestObject(deps, key);
  if (outcome.status !== 'indexed') throw new Error(`${file} was not indexed: ${outcome.status}`);
  return outcome.documentId;
}

beforeAll(async () => {
  aws = await startLocalAws();
  dir = await mkdtemp(join(tmpdir(), 'export-feed-'));
  index = SqliteSearchIndex.open(join(dir, 'search.sqlite'));
  registry = new DynamoRegistry({ client: aws.dynamo, table: aws.table });
  blobs = new S3BlobStore({ client: aws.s3, bucket: aws.bucket });
  // History: two meetings; the first replaced at its key by another; the second read again.
  ids.feb = await ingestAt('minutes/feb.pdf', FEB, T.feb);
  ids.jan = await ingestAt('minutes/jan.pdf', JAN, T.jan);
  febItems = (await index.itemsOf(ids.feb)).map((item) => item.id);
  ids.sep = await ingestAt('minutes/feb.pdf', SEP, T.replaced);
  await ingestAt('minutes/jan.pdf', JAN, T.reread, true);
  const now = () => new Date(T.later);
  app = createApp({ index, registry, blobs, uploadMaxBytes: 1_000_000, linkTtlSeconds: 120, now });
}, 120_000);

afterAll(async () => {
  index?.close();
  await aws?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

const fullMatchIds = async (input: Record<string, unknown>) =>
  (await index.search(SearchQuery.parse({ ...input, size: 100, sort: 'date' }))).results
    .filter((hit) => hit.match === 'full')
    .map((hit) => hit.id);

async function expectProblem(response: Response, status: number): Promise<void> {
  expect(response.status).toBe(status);
  expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  expect(await response.json()).toMatchObject({ status });
}

describe('GET /export', () => {
  const ndjson = async (path: string) => {
    const response = await app.request(path);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/x-ndjson; charset=utf-8');
    const text = await response.text();
    return text === ''
      ? []
      : text
          .trimEnd()
          .split('\n')
          .map((line) => ExportRecord.parse(JSON.parse(line)));
  };

  it("streams a search's full matches as NDJSON, each with its decision and permanent path", async () => {
    const records = await ndjson('/export?q=sygefravær');
    expect(records.length).toBeGreaterThan(1);
    expect(records.map((r) => r.id).sort()).toEqual((await fullMatchIds({ q: 'sygefravær' })).sort());
    for (const record of records) {
      const item = await index.get(record.id);
      expect(record).toMatchObject({
        title: item?.item.title,
        date: item?.meeting.date,
        body: item?.meeting.body,
        decision: item?.decision?.text ?? null,
        url: `/items/${record.id}`,
      });
    }
    const permanent = await app.request(records[0]?.url ?? '');
    expect(permanent.status).toBe(200);
  });

  it('streams CSV with a byte-order mark, a header row, and the Danish letters as written', async () => {
    const response = await app.request('/export?format=csv&body=Direktionen');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="minutes-export.csv"');
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes);
    expect(text.split('\n')[0]?.replace('\ufeff', '')).toBe(EXPORT_COLUMNS.join(','));
    const rows = parseCsv(text, { bom: true, columns: true }) as Record<string, string>[];
    expect(rows.map((r) => r.id).sort()).toEqual((await fullMatchIds({ body: 'Direktionen' })).sort());
    expect(rows.some((r) => /[æøåÆØÅ]/.test(`${r.title}${r.decision}`))).toBe(true);
    for (const row of rows) {
      const item = await index.get(row.id ?? '');
      expect([row.title, row.decision]).toEqual([item?.item.title, item?.decision?.text ?? '']);
    }
  });

  it('gives closed items their title and metadata only', async () => {
    const records = await ndjson('/export?access=closed');
    expect(records.length).toBeGreaterThan(0);
    expect(records.map((r) => r.id).sort()).toEqual((await fullMatchIds({ access: 'closed' })).sort());
    for (const record of records)
      expect(record).toMatchObject({ access: 'closed', outcome: null, decision: null });
  });

  it('answers nothing matching with an empty body, or a CSV header alone', async () => {
    expect(await ndjson('/export?q=zxqvbnm')).toEqual([]);
    const empty = await (await app.request('/export?q=zxqvbnm&format=csv')).arrayBuffer();
    expect(new TextDecoder('utf-8', { ignoreBOM: true }).decode(empty)).toBe(
      `\ufeff${EXPORT_COLUMNS.join(',')}\n`,
    );
  });

  it('refuses what is no export with a problem, never a 500', async () => {
    await expectProblem(await app.request('/export?format=xml'), 400);
    await expectProblem(await app.request('/export?from=2025-02-01&to=2025-01-01'), 400);
    await expectProblem(await app.request('/export?size=0'), 400);
  });
});

describe('GET /changes', () => {
  const changes = async (query: string) => {
    const response = await app.request(`/changes?${query}`);
    expect(response.status).toBe(200);
    return ChangesPage.parse(await response.json());
  };
  /** Every page of changes since a time, following the cursors. */
  const allChanges = async (since: string, limit: number) => {
    const entries = [];
    let cursor: string | null = null;
    do {
      const page: ChangesPage = await changes(
        `since=${since}&limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      );
      entries.push(...page.changes);
      cursor = page.cursor;
    } while (cursor !== null);
    return entries;
  };
  const byDocument = (entries: ChangesPage['changes']) =>
    Object.fromEntries(
      [...new Set(entries.map((e) => e.documentId))].map((id) => [
        id,
        [...new Set(entries.filter((e) => e.documentId === id).map((e) => `${e.change}@${e.at}`))],
      ]),
    );

  it('lists the items added, changed and removed since a time, oldest change first', async () => {
    const since = '2026-11-02T10:00:00.001Z';
    const page = await changes(`since=${since}`);
    expect(page.since).toBe(since);
    expect(byDocument(page.changes)).toEqual({
      // Replaced at its key: the old version's items removed, the new one's added.
      [ids.feb]: [`removed@${T.replaced}`],
      [ids.sep]: [`added@${T.replaced}`],
      // Read again by the pipeline (force): its items changed.
      [ids.jan]: [`changed@${T.reread}`],
    });
    expect(page.changes.filter((e) => e.documentId === ids.feb).map((e) => e.id)).toEqual(febItems);
    expect(page.changes.filter((e) => e.documentId === ids.sep).map((e) => e.id)).toEqual(
      (await index.itemsOf(ids.sep)).map((item) => item.id),
    );
    const ats = page.changes.map((e) => e.at);
    expect(ats).toEqual([...ats].sort());
    // What was removed is gone from the API; what was added is there.
    expect((await app.request(`/items/${febItems[0]}`)).status).toBe(404);
    expect((await app.request(`/items/${ids.sep}:0`)).status).toBe(200);
  });

  it('calls a document added when it was received after the time, and changes at exactly the time come again', async () => {
    expect(byDocument((await changes(`since=${T.before}`)).changes)[ids.jan]).toEqual([`added@${T.reread}`]);
    expect(byDocument((await changes(`since=${T.reread}`)).changes)).toEqual({
      [ids.jan]: [`changed@${T.reread}`],
    });
    expect(await changes(`since=${T.later}`)).toEqual({ since: T.later, changes: [], cursor: null });
  });

  it('pages by documents with a cursor, and reads a time with an offset as the same instant', async () => {
    const whole = (await changes(`since=${T.before}&limit=100`)).changes;
    expect(await allChanges(T.before, 1)).toEqual(whole);
    const offset = await changes('since=2026-11-02T11:00:00%2B01:00');
    expect(offset.since).toBe(T.jan);
  });

  it('refuses a missing or malformed time and a foreign cursor with a problem', async () => {
    await expectProblem(await app.request('/changes'), 400);
    await expectProblem(await app.request('/changes?since=yesterday'), 400);
    await expectProblem(await app.request(`/changes?since=${T.before}&limit=0`), 400);
    await expectProblem(await app.request(`/changes?since=${T.before}&cursor=bm90LWEtY3Vyc29y`), 400);
    const page = await changes(`since=${T.before}&limit=1`);
    // A cursor of an earlier time does not fit a later one.
    await expectProblem(
      await app.request(`/changes?since=${T.later}&cursor=${encodeURIComponent(page.cursor ?? '')}`),
      400,
    );
  });
});

describe('GET /feed', () => {
  // biome-ignore lint/suspicious/noExplicitAny: parsed XML, checked element by element
  type Xml = any;
  const atom = async (path: string, headers: Record<string, string> = {}) => {
    const response = await app.request(path, { headers });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/atom+xml; charset=utf-8');
    const xml = await response.text();
    expect(validateXml(xml)).toBe(true);
    const feed: Xml = parseXml(xml, {
      ignoreAttributes: false,
      attributeNamePrefix: '@',
    }).feed;
    expect(feed['@xmlns']).toBe('http://www.w3.org/2005/Atom');
    const entries: Xml[] = feed.entry === undefined ? [] : [feed.entry].flat();
    return { response, feed, entries };
  };
  /** An element's text: Atom's title and summary carry type="html", so they parse as objects. */
  const text = (element: Xml): string => (typeof element === 'object' ? element['#text'] : element);
  const fromHtml = (html: string) =>
    html.replace(
      /&(amp|lt|gt|quot|#39);/g,
      (_, e) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" })[e as string] as string,
    );

  it('is valid Atom: the feed and every entry with id, title, updated and a link to the item page', async () => {
    const { feed, entries, response } = await atom('/feed?q=sygefravær');
    expect(feed.id).toBe('http://localhost/feed?q=sygefrav%C3%A6r');
    expect(feed.title).toBe('Afgørelser: »sygefravær«');
    expect(feed.updated).toBe(T.reread);
    expect(feed.author.name).toBe('minutes-search');
    expect(response.headers.get('cache-control')).toBe('no-cache');
    const expected = await fullMatchIds({ q: 'sygefravær' });
    expect(entries.map((e) => e.id)).toEqual(expected.map((id) => `http://localhost/?item=${id}`));
    for (const entry of entries) {
      expect(text(entry.title)).toEqual(expect.any(String));
      expect(entry.updated).toMatch(/^\d{4}-\d\d-\d\dT00:00:00\.000Z$/);
      expect([entry.link].flat()[0]['@href']).toBe(entry.id);
    }
    // Newest meeting first; the decision as summary, as the minutes wrote it.
    const updated = entries.map((e) => e.updated);
    expect(updated).toEqual([...updated].sort().reverse());
    const summarised = entries.find((e) => e.summary !== undefined);
    const item = await index.get(String(summarised.id).split('item=')[1] ?? '');
    expect(fromHtml(text(summarised.summary))).toBe(item?.decision?.text);
  });

  it('follows a body alone, at most 50 entries, and never summarises a closed item', async () => {
    const { entries } = await atom('/feed?body=Direktionen');
    expect(entries.length).toBe(Math.min(50, (await fullMatchIds({ body: 'Direktionen' })).length));
    expect(entries.every((e) => text(e.title).includes('(Direktionen'))).toBe(true);
    const closed = await atom('/feed?access=closed');
    expect(closed.entries.length).toBeGreaterThan(0);
    for (const entry of closed.entries) expect(entry.summary).toBeUndefined();
  });

  it('answers 304 to its ETag or Last-Modified, and 200 once the index changed', async () => {
    const { response } = await atom('/feed?q=sygefravær');
    const etag = response.headers.get('etag') ?? '';
    const lastModified = response.headers.get('last-modified') ?? '';
    expect(etag).toMatch(/^".+"$/);
    expect(new Date(lastModified).toISOString()).toBe(new Date(T.reread).toISOString());
    for (const headers of [
      { 'If-None-Match': etag },
      { 'If-None-Match': `"other", W/${etag}` },
      { 'If-Modified-Since': lastModified },
    ]) {
      const again = await app.request('/feed?q=sygefravær', { headers });
      expect(again.status).toBe(304);
      expect(await again.text()).toBe('');
      expect(again.headers.get('etag')).toBe(etag);
    }
    // Another search is another feed; an older copy is not current.
    await atom('/feed?q=fravær', { 'If-None-Match': etag });
    await atom('/feed?q=sygefravær', { 'If-Modified-Since': new Date(T.jan).toUTCString() });
    // If-None-Match decides when both are sent (RFC 9110).
    await atom('/feed?q=sygefravær', { 'If-None-Match': '"other"', 'If-Modified-Since': lastModified });
    await ingestAt('minutes/jan.pdf', JAN, T.later, true);
    const changed = await atom('/feed?q=sygefravær', { 'If-None-Match': etag });
    expect(changed.response.headers.get('etag')).not.toBe(etag);
    expect(changed.feed.updated).toBe(T.later);
  });

  it('escapes what the minutes wrote and refuses invalid parameters with a problem', async () => {
    const { entries } = await atom('/feed?q=sygefravær');
    for (const entry of entries) expect(text(entry.title)).not.toMatch(/<[a-z]/i);
    await expectProblem(await app.request('/feed?from=2025-02-01&to=2025-01-01'), 400);
    await expectProblem(await app.request('/feed?outcome=maybe'), 400);
  });
});
