import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { OpenAPIHono } from '@hono/zod-openapi';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '#api/app.ts';
import type { ApiDeps } from '#api/deps.ts';
import { ItemView, MeetingView } from '#api/schemas.ts';
import { SearchResult } from '#domain/search.ts';
import { SqliteSearchIndex } from '#search/sqlite/sqlite-index.ts';
import { DynamoRegistry } from '#storage/dynamo-registry.ts';
import { S3BlobStore } from '#storage/s3-blob-store.ts';
import { type SeededMinutes, seedMinutes } from '#test/support/api-seed.ts';
import { type LocalAws, startLocalAws } from '#test/support/local-aws.ts';

// Permanent PDF links and what extraction found (votes, absence, attachments, time and place),
// through the app with the real local stack: s3rver and dynalite over HTTP, SQLite FTS5.

const EXTRA = 'test/fixtures/corpus/extra/pdf';
const AT = '2026-11-23T10:00:00.000Z';

let aws: LocalAws;
let dir: string;
let index: SqliteSearchIndex;
let deps: ApiDeps;
let app: OpenAPIHono;
let seeded: { egholt: SeededMinutes; vesterlund: SeededMinutes; portal: SeededMinutes };

beforeAll(async () => {
  aws = await startLocalAws();
  dir = await mkdtemp(join(tmpdir(), 'item-pdf-test-'));
  index = SqliteSearchIndex.open(join(dir, 'search.sqlite'));
  const registry = new DynamoRegistry({ client: aws.dynamo, table: aws.table });
  const blobs = new S3BlobStore({ client: aws.s3, bucket: aws.bucket });
  const ports = { index, registry, blobs };
  seeded = {
    egholt: await seedMinutes(ports, `${EXTRA}/e1_egholt_kommunalbestyrelsen_20250327.pdf`, AT),
    vesterlund: await seedMinutes(ports, `${EXTRA}/e2_vesterlund_oekonomiudvalget_20240611.pdf`, AT),
    portal: await seedMinutes(ports, 'test/fixtures/firstagenda/egholt-byraad-2025-03-27.json', AT),
  };
  deps = { ...ports, uploadMaxBytes: 1_000_000, linkTtlSeconds: 120, now: () => new Date(AT) };
  app = createApp(deps);
}, 120_000);

afterAll(async () => {
  index?.close();
  await aws?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function call(path: string) {
  const response = await app.request(path);
  const text = await response.text();
  const type = response.headers.get('content-type') ?? '';
  return { response, body: type.includes('json') ? JSON.parse(text) : text };
}

async function expectProblem(path: string, status: number, detail: RegExp) {
  const { response, body } = await call(path);
  expect(response.status, path).toBe(status);
  expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  expect(body.detail).toMatch(detail);
}

/** The item of the meeting with this agenda number. */
async function itemNumbered(meeting: SeededMinutes, number: number) {
  const items = await index.itemsOf(meeting.id);
  const found = items.find((item) => item.item.number === number);
  if (!found) throw new Error(`no item ${number} in ${meeting.key}`);
  return found;
}

describe('GET /items/{id}/pdf', () => {
  it('redirects to a freshly signed URL of the PDF at the cited page, never cached', async () => {
    const item = await itemNumbered(seeded.egholt, 15);
    const { response } = await call(`/items/${item.id}/pdf`);
    expect(response.status).toBe(302);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const location = response.headers.get('location') ?? '';
    const page = item.decision?.page;
    expect(page).toEqual(expect.any(Number));
    expect(location).toMatch(new RegExp(`X-Amz-Signature=.*#page=${page}$`));
    // The same link /items/{id} hands out, and the URL serves the document's own bytes.
    const view = ItemView.parse((await call(`/items/${item.id}`)).body);
    expect(view.pdf.page).toBe(page);
    const fetched = await fetch(location.split('#')[0] ?? location);
    expect(fetched.status).toBe(200);
    expect(new Uint8Array(await fetched.arrayBuffer())).toEqual(seeded.egholt.bytes);
  });

  it('answers a 404 problem for an unknown item and a 400 for a malformed id', async () => {
    await expectProblem(`/items/${seeded.egholt.id}:999/pdf`, 404, /There is no item/);
    await expectProblem(`/items/${'x'.repeat(201)}/pdf`, 400, /invalid parameters/);
  });

  it('says so when the item was read from a portal agenda JSON, which has no PDF page', async () => {
    const [item] = await index.itemsOf(seeded.portal.id);
    expect(item?.format).toBe('firstagenda-json');
    await expectProblem(`/items/${item?.id}/pdf`, 404, /firstagenda-json source, not a PDF/);
  });

  it('says so when the PDF left the bucket, and links again once it is back', async () => {
    const item = await itemNumbered(seeded.vesterlund, 3);
    await deps.blobs.put(
      seeded.vesterlund.key,
      new TextEncoder().encode('%PDF-1.7 another file'),
      'application/pdf',
    );
    await expectProblem(`/items/${item.id}/pdf`, 404, /^Its PDF is no longer in the bucket/);
    await deps.blobs.delete(seeded.vesterlund.key);
    await expectProblem(`/items/${item.id}/pdf`, 404, /^Its PDF is no longer in the bucket/);
    // The document's own bytes back at its key: the same link leads to it again.
    await deps.blobs.put(seeded.vesterlund.key, seeded.vesterlund.bytes, 'application/pdf');
    expect((await call(`/items/${item.id}/pdf`)).response.status).toBe(302);
  });
});

describe('what extraction found, in the item and meeting views', () => {
  it('shows an item with its votes, attachments, absent members and the meeting’s time and place', async () => {
    const item = await itemNumbered(seeded.egholt, 15);
    const view = ItemView.parse((await call(`/items/${item.id}`)).body);
    expect(view.card.decision?.votes).toEqual({
      for: { count: 13, parties: ['A', 'V', 'C', 'F'] },
      against: { count: 1, parties: ['Ø'] },
      abstained: null,
    });
    expect(view.item.attachments.map((a) => [a.number, a.access])).toEqual([
      [1, 'open'],
      [2, 'open'],
      [3, 'open'],
    ]);
    expect(view.item.attachments[0]?.title).toMatch(/^Lokalplan nr\. 87/);
    expect(view.item.meeting).toMatchObject({
      start: '17:00',
      end: '20:15',
      location: 'Byrådssalen, Egholt Rådhus',
    });
    expect(view.item.format).toBe('pdf');
    const absentFor = await itemNumbered(seeded.vesterlund, 6);
    const absentView = ItemView.parse((await call(`/items/${absentFor.id}`)).body);
    expect(absentView.item.absent).toEqual(['Jens Riis', 'Hanne Dalgaard']);
  });

  it('shows a closed item without its absent members, attachments or decision', async () => {
    const closed = await itemNumbered(seeded.egholt, 21);
    const view = ItemView.parse((await call(`/items/${closed.id}`)).body);
    expect(view.item).toMatchObject({ absent: [], attachments: [], sections: [] });
    expect(view.card).toEqual({ decision: null, recommendation: null, summary: [] });
  });

  it('shows a meeting with its time and place, and each item with its absent members and attachments', async () => {
    const view = MeetingView.parse((await call(`/meetings/${seeded.vesterlund.id}`)).body);
    expect(view.meeting).toMatchObject({
      body: 'Økonomiudvalget',
      start: '08:00',
      end: '10:40',
      location: 'Mødelokale Fjorden, Vesterlund Rådhus',
    });
    const byNumber = new Map(view.items.map((item) => [item.item.number, item]));
    expect(byNumber.get(6)?.absent).toEqual(['Jens Riis', 'Hanne Dalgaard']);
    expect(byNumber.get(2)?.attachments).toHaveLength(3);
  });

  it('shows the meeting’s time and place on search hits', async () => {
    const result = SearchResult.parse((await call('/search?q=lokalplan&municipality=egholt')).body);
    expect(result.results[0]?.meeting).toMatchObject({
      start: '17:00',
      location: 'Byrådssalen, Egholt Rådhus',
    });
  });
});

describe('GET /search by votes and party', () => {
  const numbers = async (query: string) =>
    SearchResult.parse((await call(`/search?municipality=egholt&${query}`)).body)
      .results.filter((hit) => hit.meeting.id === seeded.egholt.id)
      .map((hit) => hit.item.number)
      .sort();

  it('finds the split votes, by party letter or name', async () => {
    expect(await numbers('votes=split')).toEqual([14, 15]);
    expect(await numbers('votes=split&party=%C3%B8')).toEqual([14, 15]);
    expect(await numbers('party=Konservative')).toEqual([14, 15]);
    expect(await numbers('votes=unanimous&party=A')).toEqual([]);
  });

  it('refuses an unknown vote kind or party with a 400 problem', async () => {
    for (const query of ['votes=maybe', 'party=Piratpartiet', 'party=']) {
      const { response, body } = await call(`/search?${query}`);
      expect(response.status, query).toBe(400);
      expect(body.errors[0]).toMatchObject({ in: 'query', path: query.split('=')[0] });
    }
  });
});
