import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '#api/app.ts';
import { SqliteSearchIndex } from '#search/sqlite/sqlite-index.ts';
import type { LocalService } from '../../functions/local/service.ts';
import { seriousViolations } from '../support/axe.ts';
import { startWebBed, type WebBed, watchedPages } from '../support/web-service.ts';

const NEEDS_REVIEW = 'test/fixtures/portal/needs-review.html';
const SEEDS = [
  'test/fixtures/corpus/pdf/001_cdd17d21176dd4b4.pdf',
  'test/fixtures/corpus/pdf/002_b1227399e4e80a2d.pdf', // Direktionen 2024-09-03, item 2 is closed
  'test/fixtures/corpus/extra/pdf/e4_kaerholm_aeldre_sundhed_20250513.pdf',
  NEEDS_REVIEW,
];
const UPLOAD = 'test/fixtures/corpus/extra/pdf/e2_vesterlund_oekonomiudvalget_20240611.pdf';
const PORTAL_UPLOAD = 'test/fixtures/firstagenda/egholt-byraad-2025-03-27.json';
const SIGNED_IN_UPLOAD = 'test/fixtures/corpus/extra/pdf/e5_ravnsbjerg_koncernledelsen_20250429.pdf';

/** Uploads a file on the upload view and waits until it settles: the state it settled in. */
async function uploadState(page: Page, file: string): Promise<string | null> {
  await page.setInputFiles('#files', file);
  const state = page.locator('.upload').first().locator('.upload-state');
  await expect.poll(() => state.textContent(), { timeout: 30_000 }).toMatch(/indekseret|fejlede|kræver/i);
  return state.textContent();
}

let dataDir: string;
let bed: WebBed;
let service: LocalService;
let browser: Browser;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'web-e2e-'));
  bed = await startWebBed(dataDir, SEEDS);
  ({ service, browser } = bed);
}, 60_000);

afterAll(async () => {
  await bed?.stop();
  await rm(dataDir, { recursive: true, force: true });
});

const pages = watchedPages(() => bed);

/** A fresh page at a desktop width; script errors fail the test. `prepare` runs before it loads. */
const open = (path: string, width = 1280, prepare?: (page: Page) => Promise<void>) =>
  pages.open(path, {
    viewport: { width, height: 900 },
    prepare,
    // The upload view polls documents/{sha256}, a 404 until the bucket's notification is handled.
    expected: (url, text) => url.includes('/documents/') && text.includes('404'),
  });

/** Closes the page; the page must have had no script errors. */
const close = (page: Page) => pages.close(page);

const params = (page: Page) => new URL(page.url()).searchParams;

/** The parts of GET /search's answer these tests read or change; the fields of partial matches and suggestions may be absent. */
interface SearchAnswer {
  readonly total: number;
  readonly partialTotal?: number;
  readonly suggestion?: string | null;
  readonly results: readonly { readonly match?: 'full' | 'partial' }[];
}

describe('the search page, served by the app', () => {
  it('gives the page a CSP of its own origin and the bucket, and keeps JSON at none', async () => {
    const page = await fetch(`${service.url}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    const csp = page.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain(`connect-src 'self' ${new URL(service.config.endpoints.s3 ?? '').origin}`);
    expect(csp).not.toContain('unsafe-inline');
    expect((await page.text()).includes('assets/app.js')).toBe(true);

    const json = await fetch(`${service.url}/search?q=budget`);
    expect(json.headers.get('content-security-policy')).toBe("default-src 'none'; frame-ancestors 'none'");
    const script = await fetch(`${service.url}/assets/app.js`);
    expect(script.headers.get('content-type')).toMatch(/^text\/javascript/);
    for (const path of ['/assets/missing.js', '/assets/..%2Fpackage.json', '/assets/index.html']) {
      expect((await fetch(`${service.url}${path}`)).status).toBe(404);
    }
  });
});

describe('the search page in a browser', () => {
  it('searches as one types, marks compound matches, filters by a facet, and back restores', async () => {
    const page = await open('/');
    await expect.poll(() => page.textContent('#search-status')).toContain('nyeste først');
    await page.locator('#q').pressSequentially('fravær', { delay: 20 });
    await expect.poll(() => page.textContent('#search-status')).toContain('for »fravær«');
    expect(params(page).get('q')).toBe('fravær');

    const marked = page.locator('.passage', { has: page.locator('mark', { hasText: /^fravær$/i }) });
    expect(await marked.allTextContents()).toContainEqual(expect.stringMatching(/sygefravær/i));
    const bodies = async () =>
      (await page.locator('.card .meta').allTextContents()).map((t) => t.split(' · ')[0]);
    expect(new Set(await bodies())).toEqual(new Set(['Direktionen', 'Ældre- og Sundhedsudvalget']));

    await page.getByRole('button', { name: /^Direktionen/ }).click();
    await expect.poll(() => params(page).get('body')).toBe('Direktionen');
    await expect.poll(async () => new Set(await bodies())).toEqual(new Set(['Direktionen']));
    expect(await page.getByRole('button', { name: /^Direktionen/ }).getAttribute('aria-pressed')).toBe(
      'true',
    );

    await page.goBack();
    await expect.poll(() => params(page).get('body')).toBeNull();
    expect(params(page).get('q')).toBe('fravær');
    await expect.poll(async () => new Set(await bodies()).size).toBe(2);

    // A body written another way in the URL is the same body, and its facet value shows it chosen.
    await page.goto(`${service.url}/?q=fravær&body=direktion`);
    await expect.poll(async () => new Set(await bodies())).toEqual(new Set(['Direktionen']));
    expect(await page.getByRole('button', { name: /^Direktionen/ }).getAttribute('aria-pressed')).toBe(
      'true',
    );
    expect(await page.inputValue('#q')).toBe('fravær');
    expect(await seriousViolations(page)).toEqual([]);
    await close(page);
  });

  it('keeps the keyboard focus on a filter control when the results are shown again', async () => {
    const page = await open('/?q=fravær');
    await page.locator('.card').first().waitFor();
    /** The focused element (a string: the page's globals are not this file's). */
    const focused = () =>
      page.evaluate<{ id: string; text: string | null; pressed: string | null }>(`(() => {
        const element = document.activeElement;
        return { id: element.id, text: element.textContent, pressed: element.getAttribute('aria-pressed') };
      })()`);

    await page.getByRole('button', { name: /^Direktionen/ }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => params(page).get('body')).toBe('Direktionen');
    await expect
      .poll(focused)
      .toEqual({ id: '', text: expect.stringMatching(/^Direktionen/), pressed: 'true' });

    // The municipality is a facet like the body: a toggle with its count, the focus kept on it.
    const town = page.locator('[data-focus^="municipality:"]').first();
    const name = (await town.getAttribute('data-focus'))?.slice('municipality:'.length) ?? '';
    expect(name).toMatch(/Kommune$/);
    await town.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => params(page).get('municipality')).toBe(name);
    await expect.poll(() => page.locator('#results').getAttribute('aria-busy')).toBeNull();
    await expect
      .poll(focused)
      .toEqual({ id: '', text: expect.stringMatching(new RegExp(`^${name}`)), pressed: 'true' });

    await page.getByRole('button', { name: 'Nulstil filtre' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => params(page).get('body')).toBeNull();
    await expect.poll(async () => (await focused()).id).toBe('search-status');
    expect(params(page).get('q')).toBe('fravær');
    await close(page);
  });

  it('starts a new history entry for words typed after going back', async () => {
    const page = await open('/');
    await expect.poll(() => page.textContent('#search-status')).toContain('nyeste først');
    await page.locator('#q').fill('fravær');
    await expect.poll(() => params(page).get('q')).toBe('fravær');
    await page.goBack();
    await expect.poll(() => page.url()).toBe(`${service.url}/`);

    await page.locator('#q').fill('budget');
    await expect.poll(() => params(page).get('q')).toBe('budget');
    await page.locator('#q').fill('budgettet');
    await expect.poll(() => params(page).get('q')).toBe('budgettet');
    await page.goBack();
    await expect.poll(() => page.url()).toBe(`${service.url}/`);
    await expect.poll(() => page.textContent('#search-status')).toContain('nyeste først');
    await close(page);
  });

  it('shows a highlight with anything but bare <mark> elements as plain text', async () => {
    const page = await open('/');
    const shown = (html: string) =>
      page.evaluate(`(async () => {
        const { highlighted } = await import('/assets/dom.js');
        const box = document.createElement('div');
        box.append(highlighted(${JSON.stringify(html)}));
        return { tags: [...box.querySelectorAll('*')].map((element) => element.tagName), text: box.textContent };
      })()`);
    expect(await shown('sygefra<mark>vær</mark> &amp; ferie')).toEqual({
      tags: ['MARK'],
      text: 'sygefravær & ferie',
    });
    expect(await shown('<img src=x onerror=alert(1)>a<mark class=x>b</mark>')).toEqual({
      tags: [],
      text: 'ab',
    });
    await page.close();
    // Chromium checks the CSP as it parses the onerror attribute, even in the inert template, and
    // reports the handler blocked; that report is the only error there may be.
    const errors = pages.errorsOf(page);
    expect(errors.filter((error) => !error.startsWith('Executing inline event handler'))).toEqual([]);
  });

  it('sorts by date, newest first, and the URL holds the sort', async () => {
    const page = await open('/?q=fravær');
    await page.locator('.card').first().waitFor();
    await page.selectOption('#sort', 'date');
    await expect.poll(() => params(page).get('sort')).toBe('date');
    await expect.poll(() => page.locator('#results').getAttribute('aria-busy')).toBeNull();
    const dates = await page
      .locator('.card .meta time')
      .evaluateAll((els) => els.map((e) => e.getAttribute('datetime')));
    expect(dates.length).toBeGreaterThan(1);
    expect(dates).toEqual([...dates].sort().reverse());
    await close(page);
  });

  it('opens a card: the recommendation beside the decision, the summary, and the PDF at its page', async () => {
    const page = await open('/?q=mindreforbrug');
    const card = page.locator('.card').first();
    await card.waitFor();
    expect(await card.locator('.summary li').count()).toBeGreaterThan(0);
    expect(await card.locator('.summary').textContent()).toMatch(/\(side \d+\)/);
    await card.getByRole('button', { name: 'Vis resumé og indstilling' }).click();
    await card.locator('.recommendation .prose').waitFor();
    expect(await card.locator('.recommendation').textContent()).toMatch(/indstille/i);
    expect(await card.locator('.card-detail .decision').textContent()).toContain('Sagen udsættes');

    // »(side N)« links to the API's lasting redirect to the PDF at that page (docs/web.md).
    const link = card.locator('.card-detail .decision a.page-ref');
    expect(await link.textContent()).toMatch(/\(side \d+\)/);
    const href = new URL((await link.getAttribute('href')) ?? '', page.url()).href;
    expect(href).toMatch(/\/items\/[^/]+\/pdf$/);
    const pdf = await fetch(href);
    expect(pdf.status).toBe(200);
    expect(new TextDecoder().decode((await pdf.arrayBuffer()).slice(0, 5))).toBe('%PDF-');
    expect(await seriousViolations(page)).toEqual([]);
    await close(page);
  });

  it('says so when an expired PDF link cannot be renewed', async () => {
    const page = await open('/?q=mindreforbrug');
    let meetingRequests = 0;
    await page.route(/\/meetings\/[0-9a-f]{64}$/, async (route) => {
      meetingRequests += 1;
      if (meetingRequests > 1) return route.fulfill({ status: 503, body: '' });
      const response = await route.fetch();
      const view = (await response.json()) as { pdf: object };
      const expired = { ...view, pdf: { ...view.pdf, expiresAt: new Date(0).toISOString() } };
      return route.fulfill({ response, json: expired });
    });
    await page.locator('.card').first().getByRole('link', { name: 'Se hele mødet' }).click();
    const actions = page.locator('#meeting-view .card-actions');
    await actions.locator('.pdf-link').click();
    await expect
      .poll(() => actions.getByRole('alert').textContent())
      .toBe('PDF’en kunne ikke åbnes: Noget gik galt hos os. Prøv igen om lidt.');
    expect(meetingRequests).toBe(2);
    expect(page.context().pages()).toHaveLength(1);
    await page.close();
    const errors = pages.errorsOf(page);
    expect(errors.filter((error) => !error.includes('status of 503'))).toEqual([]);
  });

  it('opens a meeting: items in order, a closed item by its title only, status and parse quality', async () => {
    const page = await open('/?q=mindreforbrug');
    await page.locator('.card').first().getByRole('link', { name: 'Se hele mødet' }).click();
    await page.locator('.agenda').waitFor();
    expect(params(page).get('meeting')).toMatch(/^[0-9a-f]{64}$/);
    expect(await page.locator('h1:visible').textContent()).toBe('Direktionen, 3. september 2024');
    const closed = page.locator('.agenda-item.closed');
    expect(await closed.count()).toBe(1);
    expect(await closed.locator('.item-number').textContent()).toBe('Punkt 2');
    expect(await closed.locator('.badge').textContent()).toBe('Lukket punkt');
    expect(await closed.locator('.decision, .summary').count()).toBe(0);
    const numbers = await page.locator('.agenda-item .item-number').allTextContents();
    expect(numbers).toEqual(['Punkt 1', 'Punkt 2', 'Punkt 3']);
    expect(await page.textContent('.quality')).toMatch(/Status\s*Indekseret/);
    expect(await page.textContent('.quality')).toMatch(/Lukkede punkter\s*1/);
    expect(await seriousViolations(page)).toEqual([]);

    await page.goBack();
    await page.locator('.card').first().waitFor();
    expect(params(page).get('q')).toBe('mindreforbrug');
    await close(page);
  });

  it('warns on a meeting the parser is unsure of, and says why', async () => {
    const id = createHash('sha256').update(readFileSync(NEEDS_REVIEW)).digest('hex');
    const page = await open(`/?meeting=${id}`);
    const warning = page.locator('.notice-warning');
    await warning.waitFor();
    expect(await warning.textContent()).toMatch(/^Bør gennemses/);
    expect(await warning.locator('li').allTextContents()).toEqual([
      'Udvalget blev ikke fundet.',
      'Mødedatoen blev ikke fundet.',
    ]);
    expect(await page.textContent('.quality')).toMatch(/Sikkerhed i læsningen\s*60 %, bør gennemses/);
    expect(await seriousViolations(page)).toEqual([]);
    await close(page);
  });

  it('uploads a PDF, follows it to indexed, then finds it', async () => {
    const before = (await fetch(`${service.url}/search?q=kystsikring`).then((r) => r.json())) as {
      total: number;
    };
    expect(before.total).toBe(0);

    const page = await open('/?upload');
    expect(await page.locator('h1:visible').textContent()).toBe('Upload referater');
    expect(await uploadState(page, UPLOAD)).toBe('Indekseret');
    expect(await page.textContent('#upload-status')).toContain('Indekseret');
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByRole('link', { name: 'Søg i mødets beslutninger' }).click();
    await expect.poll(() => params(page).get('body')).toBe('Økonomiudvalget');
    await page.locator('#q').fill('kystsikring');
    await page.locator('#q').press('Enter');
    await expect
      .poll(() => page.textContent('#search-status'))
      .toMatch(/^\d+ beslutning(er)? for »kystsikring«/);
    const meta = await page.locator('.card .meta').allTextContents();
    expect(meta.length).toBeGreaterThan(0);
    expect(meta.every((line) => line.startsWith('Økonomiudvalget · 11. juni 2024'))).toBe(true);
    await close(page);
  });

  it("uploads a portal's agenda JSON, follows it to indexed, and shows its body without the election term", async () => {
    const page = await open('/?upload');
    expect(await uploadState(page, PORTAL_UPLOAD)).toBe('Indekseret');
    await page.getByRole('link', { name: 'Søg i mødets beslutninger' }).click();
    await expect.poll(() => params(page).get('body')).toBe('Byråd');
    await close(page);
  });

  it('refuses a file that is neither a PDF nor a portal JSON before sending it', async () => {
    const page = await open('/?upload');
    await page.setInputFiles('#files', {
      name: 'referat.docx',
      mimeType: 'application/octet-stream',
      buffer: Buffer.from('PK'),
    });
    await expect
      .poll(() => page.locator('.upload .upload-state').first().textContent())
      .toMatch(/^Ikke uploadet: kun PDF-referater og dagsordener fra FirstAgenda/);
    await close(page);
  });

  it('offers search tips: phrases, minus, prefix, OR and case numbers', async () => {
    const page = await open('/');
    const tips = page.locator('#search-tips');
    await tips.getByText('Søgetips').click();
    expect(await tips.locator('dl').isVisible()).toBe(true);
    const shown = (await tips.locator('dl').textContent()) ?? '';
    for (const example of [
      '"lokal afledning"',
      'skole -skolevej',
      'ældre*',
      'kystsikring OR diger',
      '24/16905',
    ]) {
      expect(shown).toContain(example);
    }
    expect(await seriousViolations(page)).toEqual([]);
    await close(page);
  });

  /** Answers GET /search through the service, then changes the answer as `change` says. */
  const changeSearch = (page: Page, change: (answer: SearchAnswer, q: string) => SearchAnswer) =>
    page.route(
      (url) => url.pathname.endsWith('/search'),
      async (route) => {
        const response = await route.fetch();
        const q = new URL(route.request().url()).searchParams.get('q') ?? '';
        return route.fulfill({ response, json: change((await response.json()) as SearchAnswer, q) });
      },
    );

  it('shows partial matches after the full ones under »Delvise match«, counted apart', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    // The service's answer for »fravær«, its last three hits offered as partial matches (as the API
    // marks them when the full matches are few), unless the service marks some itself.
    await changeSearch(page, (answer) => {
      if (answer.results.some((hit) => hit.match === 'partial')) return answer;
      const full = answer.results.length - 3;
      return {
        ...answer,
        total: full,
        partialTotal: 3,
        results: answer.results.map((hit, i) => ({ ...hit, match: i < full ? 'full' : 'partial' })),
      };
    });
    await page.goto(`${service.url}/?q=fravær`);
    const section = page.locator('.partial-matches');
    await section.getByRole('heading', { name: 'Delvise match' }).waitFor();
    const answer = (await (await fetch(`${service.url}/search?q=fravær&size=10`)).json()) as SearchAnswer;
    const partial = await section.locator('.card').count();
    const full = answer.results.length - partial;
    expect(partial).toBeGreaterThan(0);
    expect(await page.locator('.card').count()).toBe(answer.results.length);
    // Full matches first, then the section; the numbering goes on through it.
    expect(await page.locator('#results > ol.hits > li').count()).toBe(full);
    expect(await section.locator('ol.hits').getAttribute('start')).toBe(String(full + 1));
    expect(await page.textContent('#search-status')).toMatch(
      new RegExp(`^${full} beslutning(er)? for »fravær« og ${partial} delvise? match`),
    );
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();
  });

  it('suggests another query, »Mente du …?«, as a link to its search', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    // The service's own suggestion when it gives one; else the one it would give for this typo.
    await changeSearch(page, (answer, q) =>
      !answer.suggestion && q === 'sygefravar' ? { ...answer, suggestion: 'sygefravær' } : answer,
    );
    await page.goto(`${service.url}/?q=sygefravar`);
    const link = page.locator('.suggestion a');
    await expect.poll(() => page.locator('.suggestion').textContent()).toBe('Mente du »sygefravær«?');
    await link.click();
    await expect.poll(() => params(page).get('q')).toBe('sygefravær');
    await expect.poll(() => page.textContent('#search-status')).toMatch(/beslutninger? for »sygefravær«/);
    expect(await page.locator('.card').count()).toBeGreaterThan(0);
    expect(await page.locator('.suggestion').count()).toBe(0);
    await page.close();
  });

  it('pages to the last page the API answers, not past it, however many the hits', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    // The service's answer for »fravær«, as if it had 123,456 hits: the API pages to the first 10,000.
    await changeSearch(page, (answer) => ({ ...answer, total: 123_456, partialTotal: 0 }));
    await page.goto(`${service.url}/?q=fravær&page=999`);
    await expect.poll(() => page.textContent('#pager')).toContain('Side 999 af 1000');
    expect(await page.textContent('#search-status')).toMatch(
      /^123\.456 beslutninger for »fravær«, side 999 af 1000$/,
    );
    await page.getByRole('link', { name: 'Næste →' }).click();
    await expect.poll(() => page.textContent('#pager')).toContain('Side 1000 af 1000');
    expect(await page.getByRole('link', { name: 'Næste →' }).count()).toBe(0);
    await page.close();
  });

  it('tells in plain Danish when a search finds nothing, and works at a phone width', async () => {
    const page = await open('/?q=zzxyqq', 375);
    await expect.poll(() => page.textContent('#results')).toContain('Ingen beslutninger matcher »zzxyqq«');
    const overflow = await page.evaluate('document.documentElement.scrollWidth - window.innerWidth');
    expect(overflow).toBeLessThanOrEqual(0);
    await close(page);
  });

  it('says in plain Danish when a search is too broad for the engine, and offers no retry', async () => {
    // The API's own refusal: the service's index, on a connection whose searches may read one occurrence.
    const { path } = service.config.search as { path: string };
    const narrow = SqliteSearchIndex.open(path, { searchBudget: 1 });
    const { registry, blobs } = service.adapters;
    const app = createApp({
      index: narrow,
      registry,
      blobs,
      uploadMaxBytes: 1,
      linkTtlSeconds: 60,
      now: () => new Date(),
    });
    const page = await pages.open('/?q=sygefravær', {
      prepare: async (p) => {
        await p.route('**/search?*', async (route) => {
          const answer = await app.request(`/search${new URL(route.request().url()).search}`);
          await route.fulfill({
            status: answer.status,
            headers: Object.fromEntries(answer.headers),
            body: await answer.text(),
          });
        });
      },
      expected: (url, text) => url.includes('/search?') && text.includes('400'),
    });
    await expect.poll(() => page.textContent('#results')).toContain('Søgningen er for bred');
    expect(await page.textContent('#search-status')).toBe('Søgningen blev ikke udført.');
    expect(await page.locator('#results button').count()).toBe(0);
    await close(page);
    narrow.close();
  });
});

describe('the upload view where the service guards writing (a stand-in issuer, no Cognito)', () => {
  const ISSUER = 'https://login.example.test';

  /** What GET /auth-config answers in AWS with Cognito; the token endpoint is stood in for on this origin. */
  const signInConfig = () => ({
    mode: 'jwt',
    signIn: {
      clientId: 'web-client',
      authorizeUrl: `${ISSUER}/oauth2/authorize`,
      tokenUrl: `${service.url}/oauth2/token`,
      logoutUrl: `${ISSUER}/logout`,
      scopes: ['openid', 'email'],
    },
  });
  const answering = (config: object) => async (page: Page) => {
    await page.route('**/auth-config', (route) => route.fulfill({ json: config }));
  };

  it('asks to sign in, offers no file picker, and sends nothing to POST /uploads before', async () => {
    const requests: string[] = [];
    const page = await open('/?upload', 1280, async (p) => {
      await answering(signInConfig())(p);
      p.on('request', (request) => requests.push(`${request.method()} ${new URL(request.url()).pathname}`));
    });
    await page.getByRole('button', { name: 'Log ind' }).waitFor();
    expect(await page.textContent('#account')).toContain('Log ind for at uploade referater.');
    expect(await page.locator('#upload-form').isHidden()).toBe(true);
    // A file given anyway (the picker is hidden, a script could still) goes nowhere.
    await page.setInputFiles('#files', UPLOAD);
    await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 100)));
    expect(await page.locator('.upload').count()).toBe(0);
    expect(requests.filter((request) => request.includes('/uploads'))).toEqual([]);
    expect(await seriousViolations(page)).toEqual([]);
    await close(page);
  });

  it('signs in with the code flow and PKCE, uploads with the bearer token, and signs out', async () => {
    let authorize: URL | undefined;
    let logout: URL | undefined;
    let tokenRequest: URLSearchParams | undefined;
    const bearers: string[] = [];
    const claims = Buffer.from(JSON.stringify({ email: 'maja@egholt.dk' })).toString('base64url');
    const page = await open('/?upload', 1280, async (p) => {
      await answering(signInConfig())(p);
      await p.route(`${ISSUER}/**`, (route) => {
        const url = new URL(route.request().url());
        if (url.pathname === '/oauth2/authorize') {
          authorize = url;
          const state = url.searchParams.get('state') ?? '';
          const back = `${url.searchParams.get('redirect_uri')}?code=the-code&state=${state}`;
          return route.fulfill({ status: 302, headers: { location: back } });
        }
        logout = url;
        return route.fulfill({
          status: 302,
          headers: { location: url.searchParams.get('logout_uri') ?? '' },
        });
      });
      await p.route('**/oauth2/token', (route) => {
        tokenRequest = new URLSearchParams(route.request().postData() ?? '');
        return route.fulfill({
          json: {
            access_token: 'access-123',
            id_token: `e30.${claims}.sig`,
            expires_in: 3600,
            token_type: 'Bearer',
          },
        });
      });
      await p.route(/\/(uploads|documents\/[0-9a-f]{64})$/, (route) => {
        bearers.push(route.request().headers().authorization ?? '');
        return route.continue();
      });
    });

    await page.getByRole('button', { name: 'Log ind' }).click();
    await expect.poll(() => page.textContent('#account')).toContain('Logget ind som maja@egholt.dk.');
    expect(page.url()).toBe(`${service.url}/?upload`);
    expect(Object.fromEntries(authorize?.searchParams ?? [])).toMatchObject({
      response_type: 'code',
      client_id: 'web-client',
      redirect_uri: `${service.url}/`,
      scope: 'openid email',
      code_challenge_method: 'S256',
    });
    expect(Object.fromEntries(tokenRequest ?? [])).toMatchObject({
      grant_type: 'authorization_code',
      client_id: 'web-client',
      code: 'the-code',
      redirect_uri: `${service.url}/`,
    });
    const verifier = tokenRequest?.get('code_verifier') ?? '';
    expect(verifier).toMatch(/^[\w-]{43,}$/);
    expect(createHash('sha256').update(verifier).digest('base64url')).toBe(
      authorize?.searchParams.get('code_challenge'),
    );

    await page.setInputFiles('#files', SIGNED_IN_UPLOAD);
    const upload = page.locator('.upload').first();
    await expect
      .poll(() => upload.locator('.upload-state').textContent(), { timeout: 30_000 })
      .toMatch(/indekseret|fejlede|kræver|ikke uploadet/i);
    expect(await upload.locator('.upload-state').textContent()).toBe('Indekseret');
    expect(bearers.length).toBeGreaterThanOrEqual(2); // POST /uploads, then GET /documents/{id}
    expect(new Set(bearers)).toEqual(new Set(['Bearer access-123']));

    await page.getByRole('button', { name: 'Log ud' }).click();
    await expect.poll(() => logout?.searchParams.get('client_id')).toBe('web-client');
    expect(logout?.searchParams.get('logout_uri')).toBe(`${service.url}/`);
    await page.goto(`${service.url}/?upload`);
    await page.getByRole('button', { name: 'Log ind' }).waitFor();
    expect(await page.evaluate(() => sessionStorage.length)).toBe(0);
    await close(page);
  });

  it('refuses a return from the sign-in it did not start', async () => {
    const page = await open('/?code=stolen&state=forged', 1280, answering(signInConfig()));
    await expect.poll(() => page.textContent('#account')).toContain('Login kunne ikke bekræftes.');
    expect(page.url()).toBe(`${service.url}/?upload`);
    expect(await page.locator('#upload-form').isHidden()).toBe(true);
    await close(page);
  });

  it('says so when writing needs AWS credentials, which the page cannot sign with', async () => {
    const page = await open('/?upload', 1280, answering({ mode: 'iam' }));
    await expect.poll(() => page.textContent('#account')).toContain('kræver AWS-adgang');
    expect(await page.locator('#upload-form').isHidden()).toBe(true);
    await close(page);
  });
});
