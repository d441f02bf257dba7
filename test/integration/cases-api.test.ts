import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { OpenAPIHono } from '@hono/zod-openapi';
import { handle, type LambdaEvent } from 'hono/aws-lambda';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createApp } from '#api/app.ts';
import type { ApiDeps } from '#api/deps.ts';
import { ItemView } from '#api/schemas.ts';
import { SearchResult } from '#domain/search.ts';
import type { SearchIndex } from '#search/port.ts';
import { SqliteSearchIndex } from '#search/sqlite/sqlite-index.ts';
import { DynamoRegistry } from '#storage/dynamo-registry.ts';
import { S3BlobStore } from '#storage/s3-blob-store.ts';
import { seedMinutes } from '#test/support/api-seed.ts';
import {
  BUDGET,
  CASE,
  CASE_MUNICIPALITY,
  CLOSED_CASE,
  COMMITTEE_DECISION,
  caseDocuments,
  ONE_MEETING,
  OTHER_CASE,
  REFERRING_MEETING,
  STANDING_ITEM,
  UNKNOWN_CASE,
} from '#test/support/case-items.ts';
import { type LocalAws, startLocalAws } from '#test/support/local-aws.ts';
import { searchCommand } from '../../functions/cli/search.ts';
import { CaseView } from '../../shared/cases/schema.ts';

const NOW = new Date('2026-11-23T10:00:00.000Z');
/** Minutes whose item 13 records Økonomiudvalget's decision before the council's. */
const EGHOLT = 'test/fixtures/corpus/extra/pdf/e1_egholt_kommunalbestyrelsen_20250327.pdf';

let aws: LocalAws;
let dir: string;
let index: SqliteSearchIndex;
let deps: ApiDeps;
let app: OpenAPIHono;
/** How often the API asked the index for case members: the page's hits share one request. */
let caseRequests = 0;
let egholt: string;

/** The real index, counting the case requests that pass through it. */
function counted(inner: SearchIndex): SearchIndex {
  return new Proxy(inner, {
    get(target, property) {
      const value = Reflect.get(target, property, target);
      if (property !== 'caseMembers' || typeof value !== 'function') return value?.bind?.(target) ?? value;
      return (...args: Parameters<SearchIndex['caseMembers']>) => {
        caseRequests++;
        return target.caseMembers(...args);
      };
    },
  });
}

beforeAll(async () => {
  aws = await startLocalAws();
  dir = await mkdtemp(join(tmpdir(), 'cases-api-'));
  index = SqliteSearchIndex.open(join(dir, 'search.sqlite'));
  for (const [documentId, items] of Object.entries(caseDocuments()))
    await index.replaceDocument(documentId, items);
  const registry = new DynamoRegistry({ client: aws.dynamo, table: aws.table });
  const blobs = new S3BlobStore({ client: aws.s3, bucket: aws.bucket });
  egholt = (await seedMinutes({ index, registry, blobs }, EGHOLT, NOW.toISOString())).id;
  deps = {
    index: counted(index),
    registry,
    blobs,
    uploadMaxBytes: 1_000_000,
    linkTtlSeconds: 120,
    now: () => NOW,
  };
  app = createApp(deps);
});

afterAll(async () => {
  index?.close();
  await aws?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

interface Answer {
  readonly status: number;
  readonly type: string | null;
  // biome-ignore lint/suspicious/noExplicitAny: a JSON answer, checked by each test against its schema
  readonly body: any;
}

async function call(path: string): Promise<Answer> {
  const response = await app.request(path);
  return { status: response.status, type: response.headers.get('content-type'), body: await response.json() };
}

const casePath = (municipality: string, caseNumber: string) =>
  `/cases/${encodeURIComponent(municipality)}/${encodeURIComponent(caseNumber)}`;

/** A GET as API Gateway's HTTP API (payload 2.0) hands it to the Lambda adapter: the fields it reads. */
const httpApiGet = (rawPath: string) =>
  ({
    version: '2.0',
    rawPath,
    rawQueryString: '',
    headers: { host: 'api.example.test' },
    requestContext: { http: { method: 'GET', path: rawPath }, domainName: 'api.example.test' },
    isBase64Encoded: false,
  }) as unknown as LambdaEvent;

describe('GET /cases/{municipality}/{caseNumber}', () => {
  it('lists a case’s treatments oldest first, each with its body, date, decision and prior decisions', async () => {
    const answer = await call(casePath(CASE_MUNICIPALITY, CASE));
    expect(answer.status).toBe(200);
    const view = CaseView.parse(answer.body);
    expect(view).toMatchObject({ municipality: CASE_MUNICIPALITY, caseNumber: CASE, umbrella: null });
    expect(
      view.treatments.map((t) => [t.meeting.body, t.meeting.date, t.item.title, t.decision?.outcome, t.via]),
    ).toEqual([
      ['Økonomiudvalget', '2024-03-04', 'Udvidelse af Vesterlund Skole', 'recommended', 'number'],
      ['Byrådet', '2024-03-18', 'Udvidelse af Vesterlund Skole', 'approved', 'number'],
      // Items whose text names the number are treatments too.
      ['Byrådet', '2024-03-18', 'Skolebus til Vesterlund Skole', 'approved', 'reference'],
      ['Byrådet', '2024-06-10', 'Orientering om skoleudvidelsen', 'noted', 'reference'],
    ]);
    expect(view.treatments[1]?.priorDecisions).toEqual([COMMITTEE_DECISION]);
    expect(view.treatments[1]?.priorDecisions[0]).toMatchObject({
      body: 'Økonomiudvalget',
      date: '2024-03-04',
    });
    // The latest decision first; the other municipality's item with the same number is another case.
    expect(view.summary.latest).toMatchObject({ body: 'Byrådet', date: '2024-03-18', outcome: 'approved' });
    // The latest decision is the case's own: an item naming it decides its own matter.
    expect(view.summary.line).toBe(
      'Senest: Byrådet 2024-03-18: Byrådet godkendte indstillingen. ' +
        'Behandlet 4 gange: Økonomiudvalget 2024-03-04, Byrådet 2024-03-18, ' +
        'Byrådet 2024-03-18 (nævner sagen), Byrådet 2024-06-10 (nævner sagen).',
    );
    // Every item whose text names the number is a treatment; the closed one's stored text is not read.
    expect(view.mentions).toEqual([]);
  });

  it('shows the case without mentions when naming it is too broad a search for the engine', async () => {
    // The same index file, on a connection whose searches may read one occurrence.
    const narrow = SqliteSearchIndex.open(join(dir, 'search.sqlite'), { searchBudget: 1 });
    const narrowApp = createApp({ ...deps, index: narrow });
    const response = await narrowApp.request(casePath(CASE_MUNICIPALITY, CASE));
    expect(response.status).toBe(200);
    const view = CaseView.parse(await response.json());
    expect(view.treatments).toHaveLength(4);
    expect(view.mentions).toEqual([]);
    narrow.close();
  });

  it('finds the municipality however it is written', async () => {
    const answer = await call(casePath('vesterlund', CASE));
    expect(answer.status).toBe(200);
    expect(answer.body.treatments).toHaveLength(4);
    expect(answer.body.municipality).toBe(CASE_MUNICIPALITY);
  });

  it('shows a closed case by its titles and metadata only', async () => {
    const answer = await call(casePath(CASE_MUNICIPALITY, CLOSED_CASE));
    expect(answer.status).toBe(200);
    const view = CaseView.parse(answer.body);
    expect(view.treatments.map((t) => [t.item.access, t.item.title, t.decision, t.priorDecisions])).toEqual([
      ['closed', 'Salg af grund', null, []],
      ['closed', 'Salg af grund', null, []],
    ]);
    expect(view.summary).toEqual({
      latest: null,
      line: 'Ingen offentlig beslutning i sagen. Behandlet 2 gange: Økonomiudvalget 2024-03-04, Byrådet 2024-03-18.',
    });
  });

  it.each([
    [STANDING_ITEM, 'meetingsOfOneBodyInAYear', 6],
    [BUDGET, 'distinctTitles', 6],
    [ONE_MEETING, 'itemsAtOneMeeting', 3],
  ])(
    'says that umbrella number %s is not one case, and lists its items unchained',
    async (number, sign, items) => {
      const view = CaseView.parse((await call(casePath(CASE_MUNICIPALITY, number))).body);
      expect(view.umbrella?.signs).toEqual([sign]);
      expect(view.umbrella?.spread.items).toBe(items);
      expect(view.summary.latest).toBeNull();
      expect(view.summary.line).toMatch(
        new RegExp(`^Sagsnummer ${number} bruges til mange emner \\(${items} punkter`),
      );
      expect(view.treatments).toHaveLength(items);
      expect(view.treatments.every((t) => t.decision === null && t.priorDecisions.length === 0)).toBe(true);
    },
  );

  it('answers 404 for a number no item has, here or in another municipality', async () => {
    for (const path of [casePath(CASE_MUNICIPALITY, '99/99999'), casePath('Greve Kommune', CASE)]) {
      const answer = await call(path);
      expect(answer.status).toBe(404);
      expect(answer.type).toMatch(/^application\/problem\+json/);
    }
  });

  it('answers 400, never 500, for what is no case number', async () => {
    for (const number of ['24/16905"', '"', '-24', 'a b', 'x'.repeat(101), '24/16905 OR 1=1']) {
      const answer = await call(casePath(CASE_MUNICIPALITY, number));
      expect(answer.status, number).toBe(400);
      expect(answer.body.errors?.[0]).toMatchObject({ in: 'param', path: 'caseNumber' });
    }
    expect((await call(casePath(' ', CASE))).status).toBe(400);
  });

  it('answers hostile paths with a problem, never a 500', async () => {
    const paths = [
      `/cases/${'x'.repeat(201)}/${encodeURIComponent(CASE)}`,
      '/cases/Vesterlund/%E0%A4%A',
      '/cases/%00/24-1',
      '/cases/Vesterlund/24-1%00',
      '/cases/..%2F..%2Fetc/passwd',
      '/cases/Vesterlund/og',
      '/cases/!!!/24-1',
      '/cases/Vesterlund',
      `/cases/Vesterlund/${'9'.repeat(100)}`,
    ];
    for (const path of paths) {
      const answer = await call(path);
      expect([400, 404], path).toContain(answer.status);
      expect(answer.type, path).toMatch(/^application\/problem\+json/);
    }
  });

  it('routes a case number with "/" through the Lambda adapter when the rawPath keeps it encoded', async () => {
    const rawPath = casePath(CASE_MUNICIPALITY, CASE);
    expect(rawPath).toContain('24%2F16905');
    const result = await handle(app)(httpApiGet(rawPath));
    expect(result.statusCode).toBe(200);
    expect(JSON.parse(result.body)).toEqual((await call(rawPath)).body);
  });

  it('answers the same case when the number’s slash is a real one (/cases/…/24/16905)', async () => {
    const encoded = await call(casePath(CASE_MUNICIPALITY, CASE));
    const spread = `/cases/${encodeURIComponent(CASE_MUNICIPALITY)}/${CASE}`;
    expect(spread).toBe('/cases/Vesterlund%20Kommune/24/16905');
    const answer = await call(spread);
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual(encoded.body);
    expect(CaseView.parse(answer.body).caseNumber).toBe(CASE);
    // A number of three parts, spelled either way.
    expect((await call(`/cases/${encodeURIComponent(CASE_MUNICIPALITY)}/24/16905/1`)).status).toBe(404);
    expect((await call(casePath(CASE_MUNICIPALITY, '24/16905/1'))).status).toBe(404);
  });

  it('checks a number over segments as it checks one segment: the same 400 or 404 problems, never a 500', async () => {
    const municipality = encodeURIComponent(CASE_MUNICIPALITY);
    const numbers = [
      ['24/16905/', 400],
      ['24/16905"', 400],
      ['24/a b', 400],
      ['24/5.', 400],
      [`24/${'x'.repeat(98)}`, 400],
      ['24//16905', 404],
      ['99/99999', 404],
    ] as const;
    for (const [number, status] of numbers) {
      const spread = number.split('/').map(encodeURIComponent).join('/');
      const answer = await call(`/cases/${municipality}/${spread}`);
      expect(answer.status, number).toBe(status);
      expect(answer.type, number).toMatch(/^application\/problem\+json/);
      expect(answer.body, number).toEqual((await call(casePath(CASE_MUNICIPALITY, number))).body);
    }
    expect((await call('/cases/Greve%20Kommune/24/16905')).status).toBe(404);
    // A dot segment is resolved before routing (the URL of /cases/…/24/.. is /cases/…/): no case, a 404 problem.
    const dots = await call(`/cases/${municipality}/24/..`);
    expect([dots.status, dots.type]).toEqual([404, expect.stringMatching(/^application\/problem\+json/)]);
  });

  it('routes the number through the Lambda adapter as the HTTP API hands it over: the path decoded, %2F a real slash', async () => {
    // API Gateway's HTTP API decodes the path before routing ({caseNumber+} in infra) and passes it decoded.
    const rawPath = `/cases/${CASE_MUNICIPALITY}/${CASE}`;
    const result = await handle(app)(httpApiGet(rawPath));
    expect(result.statusCode).toBe(200);
    expect(JSON.parse(result.body)).toEqual((await call(casePath(CASE_MUNICIPALITY, CASE))).body);
  });

  it('is in the OpenAPI document', async () => {
    const doc = (await call('/openapi.json')).body;
    expect(Object.keys(doc.paths)).toContain('/cases/{municipality}/{caseNumber}');
    // Documented once, by its one-segment form; the greedy route Hono matches is not a second path.
    expect(Object.keys(doc.paths).filter((path) => path.startsWith('/cases/'))).toEqual([
      '/cases/{municipality}/{caseNumber}',
    ]);
    expect(doc.paths['/cases/{municipality}/{caseNumber}'].get.parameters).toHaveLength(2);
    expect(doc.components.schemas).toHaveProperty('CaseView');
  });
});

describe('GET /search: each hit’s case', () => {
  it('says how many times a hit’s case was treated, and that an umbrella is none, in one request a page', async () => {
    caseRequests = 0;
    const answer = await call('/search?municipality=Vesterlund%20Kommune&size=50');
    expect(caseRequests).toBe(1);
    const result = SearchResult.parse(answer.body);
    const byTitle = new Map(result.results.map((hit) => [hit.item.title, hit.case]));
    expect(byTitle.get('Udvidelse af Vesterlund Skole')).toEqual({
      municipality: CASE_MUNICIPALITY,
      caseNumber: CASE,
      treatments: 4,
      umbrella: false,
      via: 'number',
    });
    expect(byTitle.get('Salg af grund')).toMatchObject({ treatments: 2, umbrella: false });
    // Its own case, though its text names another.
    expect(byTitle.get('Skolebus til Vesterlund Skole')).toMatchObject({
      caseNumber: OTHER_CASE,
      treatments: 1,
      umbrella: false,
    });
    expect(byTitle.get('Godkendelse af dagsorden')).toMatchObject({ treatments: 6, umbrella: true });
    expect(byTitle.get('Budget 2025: Anlæg')).toMatchObject({ caseNumber: BUDGET, umbrella: true });
  });

  it('gives a hit without a case number no case, and asks nothing when no hit has one', async () => {
    caseRequests = 0;
    const result = SearchResult.parse((await call('/search?q=beslutningsprotokol&municipality=Egholt')).body);
    for (const hit of result.results) if (hit.item.caseNumber === null) expect(hit.case).toBeNull();
    caseRequests = 0;
    const none = SearchResult.parse((await call('/search?q=zzzzqqq')).body);
    expect(none.results).toEqual([]);
    expect(caseRequests).toBe(0);
  });
});

describe('GET /items/{id}: prior decisions', () => {
  it('come whole, with their body and date, before the council’s own decision', async () => {
    const items = await index.itemsOf(egholt);
    const item = items.find((i) => i.item.number === 13);
    const view = ItemView.parse((await call(`/items/${encodeURIComponent(item?.id ?? '')}`)).body);
    expect(view.card.decision).toMatchObject({ date: '2025-03-27', outcome: 'approved' });
    expect(view.priorDecisions).toEqual([
      expect.objectContaining({
        body: 'Økonomiudvalget',
        date: '2025-03-18',
        text: 'Anbefales.',
        outcome: 'recommended',
      }),
    ]);
  });

  it('are none for an item that records none', async () => {
    const items = await index.itemsOf(egholt);
    const first = items.find((i) => i.item.access === 'open' && i.priorDecisions?.length === 0);
    const view = ItemView.parse((await call(`/items/${encodeURIComponent(first?.id ?? '')}`)).body);
    expect(view.priorDecisions).toEqual([]);
  });
});

describe('cli search --json on the index itself', () => {
  it('prints each hit’s case, the same JSON as the API', async () => {
    const written: string[] = [];
    const stdout = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
      written.push(String(chunk));
      return true;
    });
    try {
      const options = { json: true, municipality: CASE_MUNICIPALITY };
      expect(await searchCommand('udvidelse', options, { index })).toBe(0);
    } finally {
      stdout.mockRestore();
    }
    const printed = SearchResult.parse(JSON.parse(written.join('')));
    expect(printed.results[0]?.case).toMatchObject({ caseNumber: CASE, treatments: 4, umbrella: false });
    const api = await call(`/search?q=udvidelse&municipality=${encodeURIComponent(CASE_MUNICIPALITY)}`);
    expect(printed).toEqual(api.body);
  });
});

describe('cases of items whose text names a case number', () => {
  it('gives a hit without a number of its own the case its text names, counted with every treatment', async () => {
    caseRequests = 0;
    const result = SearchResult.parse(
      (await call(`/search?municipality=Vesterlund%20Kommune&from=2024-06-10&to=2024-06-10`)).body,
    );
    expect(caseRequests).toBe(1);
    const byTitle = new Map(result.results.map((hit) => [hit.item.title, hit]));
    expect(byTitle.get('Orientering om skoleudvidelsen')?.case).toEqual({
      municipality: CASE_MUNICIPALITY,
      caseNumber: CASE,
      treatments: 4,
      umbrella: false,
      via: 'reference',
    });
    expect(byTitle.get('Orientering om skoleudvidelsen')?.item.caseRefs).toEqual([CASE]);
    // An umbrella gives no case through a reference, nor does a number no item has.
    expect(byTitle.get('Mødets form')?.item.caseRefs).toEqual([STANDING_ITEM]);
    expect(byTitle.get('Mødets form')?.case).toBeNull();
    expect(byTitle.get('Ny skolegård')?.item.caseRefs).toEqual([UNKNOWN_CASE]);
    expect(byTitle.get('Ny skolegård')?.case).toBeNull();
    // A closed item tells nothing of its text, whatever was stored.
    expect(byTitle.get('Lukket: Erstatningssag')?.item.caseRefs).toEqual([]);
  });

  it('keeps an umbrella to its own items: the item naming it is not chained in', async () => {
    const view = CaseView.parse((await call(casePath(CASE_MUNICIPALITY, STANDING_ITEM))).body);
    expect(view.umbrella?.spread.items).toBe(6);
    expect(view.treatments.map((t) => t.via)).toEqual(Array(6).fill('number'));
    expect(view.treatments.map((t) => t.meeting.id)).not.toContain(REFERRING_MEETING);
    const hits = SearchResult.parse((await call('/search?q=dagsorden&municipality=Vesterlund')).body).results;
    expect(hits.find((hit) => hit.item.caseNumber === STANDING_ITEM)?.case).toMatchObject({
      treatments: 6,
      umbrella: true,
    });
  });

  it('answers 404 for a number only named, never owned, and shows a referring treatment’s decision', async () => {
    expect((await call(casePath(CASE_MUNICIPALITY, UNKNOWN_CASE))).status).toBe(404);
    const view = CaseView.parse((await call(casePath(CASE_MUNICIPALITY, CASE))).body);
    const named = view.treatments.find((t) => t.via === 'reference' && t.item.caseNumber === null);
    expect(named).toMatchObject({
      item: { title: 'Orientering om skoleudvidelsen', caseRefs: [CASE] },
      decision: { text: 'Taget til efterretning.', outcome: 'noted' },
    });
  });
});
