import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalService, loadFiles } from '../../functions/local/service.ts';
import { seriousViolations } from '../support/axe.ts';
import { agenda, bytesOf, itemHtml, type PointSpec } from '../support/firstagenda.ts';
import { startWebBed, type WebBed, watchedPages } from '../support/web-service.ts';

// The page for real screens (issue 15): compact cards, results first on a phone, votes and the
// other extracted parts as text, permanent item pages, the list of meetings and the feed link.

const DIREKTIONEN = 'test/fixtures/corpus/pdf/002_b1227399e4e80a2d.pdf'; // 2024-09-03, item 2 closed
const SEEDS = [
  'test/fixtures/corpus/pdf/001_cdd17d21176dd4b4.pdf',
  DIREKTIONEN,
  'test/fixtures/corpus/extra/pdf/e4_kaerholm_aeldre_sundhed_20250513.pdf',
  'test/fixtures/corpus/extra/pdf/e6_baekmose_ledermoede_20250114.pdf',
  'test/fixtures/firstagenda/egholt-byraad-2025-03-27.json', // votes, absences, linked attachments
];
const PHONE = { width: 390, height: 844 };

let dataDir: string;
let bed: WebBed;
let service: LocalService;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'page-e2e-'));
  bed = await startWebBed(dataDir, SEEDS);
  ({ service } = bed);
}, 60_000);

afterAll(async () => {
  await bed?.stop();
  await rm(dataDir, { recursive: true, force: true });
});

const pages = watchedPages(() => bed);

/** A fresh page (desktop unless a viewport is given); script errors fail the test at `close`. */
const open = (
  path: string,
  viewport = { width: 1280, height: 900 },
  prepare?: (page: Page) => Promise<void>,
) => pages.open(path, { viewport, prepare });

const close = (page: Page) => pages.close(page);

const params = (page: Page) => new URL(page.url()).searchParams;

const get = async <T>(path: string): Promise<T> => (await (await fetch(`${service.url}${path}`)).json()) as T;

interface Votes {
  readonly for: unknown;
  readonly against: unknown;
  readonly abstained: unknown;
}
interface MeetingView {
  readonly id: string;
  readonly meeting: {
    readonly body: string | null;
    readonly date: string | null;
    readonly start?: string | null;
  };
  readonly items: readonly {
    readonly id: string;
    readonly item: { readonly number: number | null; readonly title: string; readonly access: string };
    readonly decision: { readonly votes: Votes | null } | null;
    readonly absent?: readonly string[];
    readonly attachments?: readonly { readonly title: string; readonly link: string | null }[];
  }[];
}

/** Every indexed meeting with its items, as the API shows them. */
async function meetings(): Promise<MeetingView[]> {
  const list = await get<{ meetings: { id: string }[] }>('/meetings?limit=100');
  return Promise.all(list.meetings.map((m) => get<MeetingView>(`/meetings/${m.id}`)));
}

/** The first open item the predicate accepts, with its meeting. */
async function findItem(accept: (item: MeetingView['items'][number]) => boolean) {
  for (const meeting of await meetings()) {
    const item = meeting.items.find((entry) => entry.item.access === 'open' && accept(entry));
    if (item) return { meeting, item };
  }
  throw new Error('no such item in the seeds');
}

describe('the results on a phone (390 × 844)', () => {
  it('come first: the first result is on screen without scrolling; the filters open from »Filtre«', async () => {
    const page = await open('/?q=sygefravær', PHONE);
    const card = page.locator('.card').first();
    await card.waitFor();
    const title = await card.locator('h3').boundingBox();
    const decision = await card.locator('.decision-text').boundingBox();
    expect(title && decision).toBeTruthy();
    expect((decision?.y ?? 0) + (decision?.height ?? 0)).toBeLessThanOrEqual(PHONE.height);
    expect(await page.evaluate('window.scrollY')).toBe(0);

    const filters = page.locator('#filters');
    expect(await filters.isVisible()).toBe(false);
    const toggle = page.getByRole('button', { name: /^Filtre/ });
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    await toggle.click();
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    expect(await filters.isVisible()).toBe(true);
    await page.getByRole('button', { name: /^Direktionen/ }).click();
    await expect.poll(() => params(page).get('body')).toBe('Direktionen');
    await expect.poll(() => toggle.textContent()).toBe('Filtre (1 valgt)');
    expect(await filters.isVisible()).toBe(true);
    expect(await seriousViolations(page)).toEqual([]);

    const overflow = await page.evaluate('document.documentElement.scrollWidth - window.innerWidth');
    expect(overflow).toBeLessThanOrEqual(0);
    await close(page);
  });

  it('fits the meeting, item and meetings pages to the width, without scrolling sideways', async () => {
    const { meeting, item } = await findItem((entry) => (entry.attachments ?? []).length > 0);
    const page = await open(`/?meeting=${meeting.id}`, PHONE);
    for (const [path, ready] of [
      [`/?meeting=${meeting.id}`, '.agenda'],
      [`/?item=${encodeURIComponent(item.id)}`, '#item-view .attachments'],
      ['/?meetings', '.meeting-list'],
    ] as const) {
      await page.goto(`${service.url}${path}`);
      await page.locator(ready).waitFor();
      const overflow = await page.evaluate('document.documentElement.scrollWidth - window.innerWidth');
      expect(overflow, path).toBeLessThanOrEqual(0);
      expect(await seriousViolations(page), path).toEqual([]);
    }
    await close(page);
  });

  it('keeps the filters as a sidebar on a wide screen, with no »Filtre« button', async () => {
    const page = await open('/?q=sygefravær');
    await page.locator('.card').first().waitFor();
    expect(await page.locator('#filters').isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: /^Filtre/ }).isVisible()).toBe(false);
    await close(page);
  });
});

describe('a compact card', () => {
  it('shows the decision, one passage and the meta line; the summary and recommendation on opening', async () => {
    const page = await open('/?q=mindreforbrug');
    const card = page.locator('.card').first();
    await card.waitFor();
    // The item number is in the meta line as »Punkt 3«, never a rank-like »3.« before the title.
    expect(await card.locator('h3').textContent()).toBe(
      'Disponering af overført mindreforbrug fra budgetforlig 2023',
    );
    expect(await card.locator('.meta').textContent()).toBe(
      'Direktionen · 3. september 2024 · Punkt 3 · udsat',
    );
    expect(await card.locator('.decision-text').textContent()).toMatch(
      /^Beslutning: Sagen udsættes.*\(side 5\)/,
    );
    expect(await card.locator('.passage').count()).toBe(1);
    expect(await card.locator('.passage mark').count()).toBeGreaterThan(0);

    expect(await card.locator('.summary').isVisible()).toBe(false);
    const toggle = card.locator('.card-actions button');
    expect(await toggle.textContent()).toBe('Vis resumé og indstilling');
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    await toggle.click();
    await card.locator('.recommendation .prose').waitFor();
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    expect(await toggle.textContent()).toBe('Skjul resumé og indstilling');
    expect(await card.locator('.summary').isVisible()).toBe(true);
    expect(await card.locator('.recommendation').textContent()).toMatch(/indstille/i);
    expect(await seriousViolations(page)).toEqual([]);
    await close(page);
  });

  it('holds about twice as many results per screen as a card with every highlight and the summary', async () => {
    const page = await open('/?q=sygefravær');
    await page.locator('.card').nth(2).waitFor();
    const heights = await page
      .locator('.card')
      .evaluateAll((cards) => cards.map((c) => c.getBoundingClientRect().height));
    const mean = heights.reduce((a, b) => a + b, 0) / heights.length;
    // The card before issue 15 was about 450 px at this width for these hits (docs/screenshots).
    expect(mean).toBeLessThan(250);
    await close(page);
  });

  it('links »(side N)« to the lasting PDF redirect, which opens the PDF', async () => {
    const page = await open('/?q=mindreforbrug');
    const link = page.locator('.card .decision-text a.page-ref').first();
    await link.waitFor();
    const id = (await get<{ results: { id: string }[] }>('/search?q=mindreforbrug')).results[0]?.id ?? '';
    expect(await link.getAttribute('href')).toBe(`items/${encodeURIComponent(id)}/pdf`);
    const href = new URL((await link.getAttribute('href')) ?? '', page.url()).href;
    expect(href).toBe(`${service.url}/items/${encodeURIComponent(id)}/pdf`);
    const pdf = await fetch(href);
    expect(pdf.status).toBe(200);
    expect(new TextDecoder().decode((await pdf.arrayBuffer()).slice(0, 5))).toBe('%PDF-');
    await close(page);
  });

  it('follows the search with an Atom feed of its words and filters', async () => {
    const page = await open('/?q=fravær&body=Direktionen&sort=date&page=1');
    await page.locator('.card').first().waitFor();
    const link = page.getByRole('link', { name: /^Følg søgningen/ });
    expect(await link.getAttribute('href')).toBe(
      `feed?${new URLSearchParams({ q: 'fravær', body: 'Direktionen' })}`,
    );
    await page.goto(`${service.url}/`);
    await page.locator('.card').first().waitFor();
    expect(await link.getAttribute('href')).toBe('feed');
    await close(page);
  });
});

describe('votes, absences, attachments, time and place', () => {
  it('show a vote as text on the opened card, the item page and the meeting page', async () => {
    const { meeting, item } = await findItem((entry) => entry.decision?.votes != null);
    const votesLine = /^Afstemning: For: .+ · Imod: .+ · Undlod: .+$/;

    const page = await open(`/?q=${encodeURIComponent(item.item.title)}`);
    const card = page.locator('.card', {
      has: page.locator(`a[href="?item=${encodeURIComponent(item.id)}"]`),
    });
    await card.getByRole('button', { name: 'Vis resumé og indstilling' }).click();
    await card.locator('.card-detail .votes').waitFor();
    expect(await card.locator('.card-detail .votes').textContent()).toMatch(votesLine);
    expect(await page.textContent('body')).not.toContain('[object Object]');

    await page.goto(`${service.url}/?item=${encodeURIComponent(item.id)}`);
    await page.locator('#item-view .votes').first().waitFor();
    expect(await page.locator('#item-view .decision .votes').textContent()).toMatch(votesLine);

    await page.goto(`${service.url}/?meeting=${meeting.id}`);
    await page.locator('.agenda').waitFor();
    expect(await page.locator('.agenda .votes').first().textContent()).toMatch(votesLine);
    expect(await page.textContent('body')).not.toContain('[object Object]');
    await close(page);
  });

  it('show the vote on the card’s face, before the card is opened', async () => {
    const { item } = await findItem((entry) => entry.decision?.votes != null);
    const page = await open(`/?q=${encodeURIComponent(item.item.title)}`);
    const card = page.locator('.card', {
      has: page.locator(`a[href="?item=${encodeURIComponent(item.id)}"]`),
    });
    await card.waitFor();
    expect(await card.locator('.card-detail').isVisible()).toBe(false);
    const face = card.locator('> .votes');
    expect(await face.isVisible()).toBe(true);
    expect(await face.textContent()).toMatch(
      /^Afstemning: For: A, V, C, F \(20\) · Imod: Ø \(1\) · Undlod: –$/,
    );
    // A hit without a vote shows no vote line.
    await page.goto(`${service.url}/?q=mindreforbrug`);
    await page.locator('.card').first().waitFor();
    expect(await page.locator('.card').first().locator('.votes').count()).toBe(0);
    await close(page);
  });

  it('list attachments by title, linked where the source links them, and who was absent', async () => {
    const { meeting, item } = await findItem((entry) =>
      (entry.attachments ?? []).some((a) => a.link !== null),
    );
    const page = await open(`/?meeting=${meeting.id}`);
    await page.locator('.agenda').waitFor();
    const attachments = page.locator('.agenda .attachments');
    const titles = await attachments.locator('li').allTextContents();
    for (const attachment of item.attachments ?? []) {
      expect(titles).toContainEqual(expect.stringContaining(attachment.title));
    }
    const linked = (item.attachments ?? []).find((a) => a.link !== null);
    expect(await attachments.getByRole('link', { name: linked?.title }).first().getAttribute('href')).toBe(
      linked?.link,
    );

    const absent = await findItem((entry) => (entry.absent ?? []).length > 0);
    await page.goto(`${service.url}/?item=${encodeURIComponent(absent.item.id)}`);
    await page.locator('#item-view .absent').waitFor();
    expect(await page.locator('#item-view .absent').textContent()).toBe(
      `Fraværende under punktet: ${(absent.item.absent ?? []).join(', ')}`,
    );
    expect(await seriousViolations(page)).toEqual([]);
    await close(page);
  });
});

describe('the meeting page', () => {
  it('tells when and where, lists items at anchors, and keeps the parse quality behind »Om behandlingen«', async () => {
    const page = await open('/?q=mindreforbrug');
    await page.locator('.card').first().getByRole('link', { name: 'Se hele mødet' }).click();
    await page.locator('.agenda').waitFor();
    expect(new URL(page.url()).hash).toBe('#punkt-3');
    await expect
      .poll(() => page.evaluate('document.activeElement?.textContent'))
      .toBe('Disponering af overført mindreforbrug fra budgetforlig 2023');
    expect(await page.textContent('.time-place')).toBe('kl. 10.00 · Mødelokale 1.14');
    expect(await page.locator('.agenda-item').evaluateAll((items) => items.map((i) => i.id))).toEqual([
      'punkt-1',
      'punkt-2',
      'punkt-3',
    ]);
    expect(await page.locator('.agenda-item .item-number').allTextContents()).toEqual([
      'Punkt 1',
      'Punkt 2',
      'Punkt 3',
    ]);
    expect(await page.locator('#punkt-2 .decision, #punkt-2 .summary').count()).toBe(0);

    // The quality table is below the agenda, closed until asked for.
    const quality = page.locator('details.quality');
    expect(await quality.locator('dl').isVisible()).toBe(false);
    // The page's globals are not this file's: the check goes as a string.
    const agendaFirst = await page.evaluate(`(() => {
      const agenda = document.querySelector('.agenda');
      const table = document.querySelector('.quality');
      return Boolean(agenda.compareDocumentPosition(table) & Node.DOCUMENT_POSITION_FOLLOWING);
    })()`);
    expect(agendaFirst).toBe(true);
    await quality.getByText('Om behandlingen').click();
    expect(await quality.locator('dl').isVisible()).toBe(true);
    expect(await quality.textContent()).toMatch(/Lukkede punkter\s*1/);
    expect(await seriousViolations(page)).toEqual([]);
    await close(page);
  });
});

describe('the item page', () => {
  it('is reached from the card, titled »item · body · date«, and kept by the URL', async () => {
    const page = await open('/?q=mindreforbrug');
    await page.locator('.card h3 a').first().click();
    await expect.poll(() => params(page).get('item')).toMatch(/^[0-9a-f]{64}:\d+$/);
    await page.locator('#item-view h1').waitFor();
    const title =
      'Disponering af overført mindreforbrug fra budgetforlig 2023 · Direktionen · 3. september 2024';
    await expect.poll(() => page.title()).toBe(title);
    expect(await page.locator('#item-view h1').textContent()).toBe(
      'Disponering af overført mindreforbrug fra budgetforlig 2023',
    );
    expect(await page.locator('#item-view .item-number').textContent()).toBe('Punkt 3');
    expect(await page.locator('#item-view .decision').textContent()).toContain('Sagen udsættes');
    expect(await page.locator('#item-view .recommendation').textContent()).toMatch(/indstille/i);
    const id = params(page).get('item') ?? '';
    expect(await page.locator('#item-view .decision a.page-ref').getAttribute('href')).toBe(
      `items/${encodeURIComponent(id)}/pdf`,
    );
    expect(await seriousViolations(page)).toEqual([]);

    await page.reload();
    await expect.poll(() => page.title()).toBe(title);
    await page.goBack();
    await expect.poll(() => params(page).get('q')).toBe('mindreforbrug');
    await page.locator('.card').first().waitFor();
    await close(page);
  });

  it('shows a closed item by its title and metadata only', async () => {
    const closed = (await meetings()).flatMap((m) => m.items).find((entry) => entry.item.access === 'closed');
    expect(closed).toBeDefined();
    const page = await open(`/?item=${encodeURIComponent(closed?.id ?? '')}`);
    await page.locator('#item-view h1').waitFor();
    expect(await page.locator('#item-view .badge-closed').textContent()).toBe('Lukket punkt');
    expect(
      await page.locator('#item-view .decision, #item-view .recommendation, #item-view .summary').count(),
    ).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
    await close(page);
  });

  it('says so for an item that does not exist', async () => {
    const page = await open(`/?item=${'0'.repeat(64)}:9`);
    await expect.poll(() => page.locator('#item-view h1').textContent()).toBe('Punktet kunne ikke vises');
    await page.close();
    expect(pages.errorsOf(page).filter((error) => !error.includes('404'))).toEqual([]);
  });
});

describe('the list of meetings', () => {
  it('is in the header: every meeting newest first, then one body chosen', async () => {
    const page = await open('/');
    await page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Møder' }).click();
    await expect.poll(() => params(page).has('meetings')).toBe(true);
    await page.locator('.meeting-list').waitFor();
    expect(await page.locator('#meetings-view h1').textContent()).toBe('Møder');
    const dates = await page
      .locator('.meeting-entry h2 time')
      .evaluateAll((times) => times.map((t) => t.getAttribute('datetime')));
    expect(dates).toHaveLength(SEEDS.length);
    expect(dates).toEqual([...dates].sort().reverse());

    await page.selectOption('#meetings-body', 'Direktionen');
    await page.getByRole('button', { name: 'Vis møder' }).click();
    await expect.poll(() => params(page).get('body')).toBe('Direktionen');
    await expect.poll(() => page.locator('#meetings-view h1').textContent()).toBe('Møder i Direktionen');
    // The heading changes at once, the list when the API answers.
    await expect
      .poll(async () => {
        const titles = await page.locator('.meeting-entry h2').allTextContents();
        return titles.length > 1 && titles.every((title) => title.startsWith('Direktionen, '));
      })
      .toBe(true);
    expect(await seriousViolations(page)).toEqual([]);
    await close(page);
  });

  it('pages with the API cursor, and Back returns to the newer page', async () => {
    // Two meetings a page, so the seeds make three pages; the API's own cursors do the paging.
    const page = await open('/?meetings', undefined, async (p) => {
      await p.route(/\/meetings\?/, (route) => {
        const url = new URL(route.request().url());
        url.searchParams.set('limit', '2');
        return route.continue({ url: url.href });
      });
    });
    await page.locator('.meeting-list').waitFor();
    const first = await page.locator('.meeting-entry h2').allTextContents();
    expect(first).toHaveLength(2);
    await page.getByRole('link', { name: 'Ældre møder →' }).click();
    await expect.poll(() => params(page).get('cursor')).toBeTruthy();
    await expect.poll(() => page.locator('.meeting-entry h2').first().textContent()).not.toBe(first[0]);
    const second = await page.locator('.meeting-entry h2').allTextContents();
    expect(second).toHaveLength(2);
    expect(second.some((title) => first.includes(title))).toBe(false);
    await page.goBack();
    await expect.poll(() => page.locator('.meeting-entry h2').allTextContents()).toEqual(first);
    await close(page);
  });

  it('is reached from a chosen body facet', async () => {
    const page = await open('/?q=fravær&body=Direktionen');
    await page.getByRole('link', { name: 'Møder i Direktionen →' }).click();
    await expect.poll(() => params(page).get('body')).toBe('Direktionen');
    expect(params(page).has('meetings')).toBe(true);
    await page.locator('.meeting-list').waitFor();
    const titles = await page.locator('.meeting-entry h2').allTextContents();
    expect(titles.every((title) => title.startsWith('Direktionen, '))).toBe(true);
    await close(page);
  });
});

describe('the upload link in the header', () => {
  const answering = (config: object) => async (page: Page) => {
    await page.route('**/auth-config', (route) => route.fulfill({ json: config }));
  };
  const uploadLink = (page: Page) =>
    page.getByRole('navigation', { name: 'Hovedmenu' }).locator('#upload-link');

  it('offers uploads to anyone locally', async () => {
    const page = await open('/');
    await expect.poll(() => uploadLink(page).textContent()).toBe('Upload referater');
    expect(await uploadLink(page).isVisible()).toBe(true);
    await close(page);
  });

  it('asks to sign in where writing needs it, offers uploads once signed in, and nothing under IAM', async () => {
    const signIn = {
      mode: 'jwt',
      signIn: {
        clientId: 'web-client',
        authorizeUrl: 'https://login.example.test/oauth2/authorize',
        tokenUrl: `${service.url}/oauth2/token`,
        logoutUrl: null,
        scopes: ['openid', 'email'],
      },
    };
    const page = await open('/', undefined, answering(signIn));
    await expect.poll(() => uploadLink(page).textContent()).toBe('Log ind');
    await uploadLink(page).click();
    await page.getByRole('button', { name: 'Log ind' }).waitFor();
    expect(await page.locator('#upload-form').isHidden()).toBe(true);
    expect(await page.locator('#upload-list').isHidden()).toBe(true);

    await page.evaluate(() =>
      sessionStorage.setItem(
        'minutes-search.session',
        JSON.stringify({ accessToken: 'token', expiresAt: Date.now() + 3_600_000, email: null }),
      ),
    );
    await page.reload();
    await expect.poll(() => uploadLink(page).textContent()).toBe('Upload referater');
    expect(await page.locator('#upload-form').isVisible()).toBe(true);
    await close(page);

    const iam = await open('/', undefined, answering({ mode: 'iam' }));
    await expect.poll(() => uploadLink(iam).isVisible()).toBe(false);
    await close(iam);
  });
});

/** An agenda item whose HTML holds only the decision given. */
const decided = (title: string, decision: string): PointSpec => ({ title, html: itemHtml({ decision }) });

/**
 * A committee's generated FirstAgenda meeting, older than the Egholt council's: a split vote with
 * F abstaining, a unanimous one, a split one with Ø against, and a decision without a vote.
 */
const VOTED = agenda({
  body: 'Kultur- og Fritidsudvalget',
  date: '2025-02-20T16:00:00+01:00',
  items: [
    decided(
      'Tilskud til idrætsforeninger',
      'Godkendt.<br>For stemte: A, V og C (9).<br>Undlod at stemme: F (2).',
    ),
    decided('Nye åbningstider på biblioteket', 'Indstillingen blev godkendt enstemmigt.'),
    decided('Kunstgræsbane ved Egholt Skole', 'Godkendt.<br>For stemte: A og V (8).<br>Imod stemte: Ø (1).'),
    decided('Orientering om kulturnatten', 'Taget til efterretning.'),
  ],
});

describe('the vote filters', () => {
  beforeAll(async () => {
    const file = join(dataDir, 'kultur-2025-02-20.json');
    await writeFile(file, bytesOf(VOTED));
    await loadFiles(service, [file], 'samples/');
  });

  const votes = (page: Page) => page.getByRole('group', { name: 'Afstemning' });
  const pressed = (page: Page) => votes(page).locator('[aria-pressed="true"]').textContent();
  const titles = (page: Page) => page.locator('.card h3').allTextContents();
  const feedHref = (page: Page) => page.getByRole('link', { name: /^Følg søgningen/ }).getAttribute('href');
  const LOKALPLAN = 'Vedtagelse af lokalplan for boligområde ved Mosevej';

  it('narrow to split votes and a party, kept in the URL and the feed link, and cleared with the others', async () => {
    const page = await open('/');
    await page.locator('.card').first().waitFor();
    expect(await pressed(page)).toBe('Alle');
    expect(await page.locator('#party').inputValue()).toBe('');

    await votes(page).getByRole('button', { name: 'Delt' }).click();
    await expect.poll(() => params(page).get('votes')).toBe('split');
    await expect
      .poll(() => titles(page))
      .toEqual([LOKALPLAN, 'Tilskud til idrætsforeninger', 'Kunstgræsbane ved Egholt Skole']);
    expect(await page.locator('#search-status').textContent()).toBe('3 beslutninger med de valgte filtre');
    // Each card shows its vote on its face.
    expect(await page.locator('.card > .votes').allTextContents()).toEqual([
      'Afstemning: For: A, V, C, F (20) · Imod: Ø (1) · Undlod: –',
      'Afstemning: For: A, V, C (9) · Imod: – · Undlod: F (2)',
      'Afstemning: For: A, V (8) · Imod: Ø (1) · Undlod: –',
    ]);
    expect(await page.evaluate('document.activeElement?.dataset.focus')).toBe('votes:split');

    await page.locator('#party').selectOption('Ø');
    await expect.poll(() => params(page).get('party')).toBe('Ø');
    await expect.poll(() => titles(page)).toEqual([LOKALPLAN, 'Kunstgræsbane ved Egholt Skole']);
    expect(await page.evaluate('document.activeElement?.id')).toBe('party');
    expect(await feedHref(page)).toBe(`feed?${new URLSearchParams({ votes: 'split', party: 'Ø' })}`);
    expect(await page.locator('#filters-chosen').textContent()).toBe(' (2 valgt)');
    expect(await seriousViolations(page)).toEqual([]);

    // The URL holds both: a reload shows them chosen.
    await page.reload();
    await page.locator('.card').first().waitFor();
    expect(await pressed(page)).toBe('Delt');
    expect(await page.locator('#party').inputValue()).toBe('Ø');

    // A party nobody recorded finds nothing; »Fjern alle filtre« clears both with the others.
    await page.locator('#party').selectOption('K');
    await expect.poll(() => page.locator('#results .notice').textContent()).toMatch(/^Ingen beslutninger/);
    await page.getByRole('button', { name: 'Fjern alle filtre' }).click();
    await expect.poll(() => [...params(page).keys()]).toEqual([]);
    await expect.poll(() => pressed(page)).toBe('Alle');
    expect(await page.locator('#party').inputValue()).toBe('');
    expect(await feedHref(page)).toBe('feed');
    await close(page);
  });

  it('find unanimous votes, a party on any side, and a party by its name from a link', async () => {
    const page = await open('/?votes=unanimous');
    await expect.poll(() => titles(page)).toEqual(['Nye åbningstider på biblioteket']);
    expect(await pressed(page)).toBe('Enstemmig');
    // »Enstemmigt« is said in the decision: no sides recorded, so no vote line.
    expect(await page.locator('.card .votes').count()).toBe(0);

    await page.locator('#party').selectOption('F');
    await expect.poll(() => params(page).get('party')).toBe('F');
    await expect.poll(() => titles(page)).toEqual([]);
    await votes(page).getByRole('button', { name: 'Alle' }).click();
    await expect.poll(() => params(page).has('votes')).toBe(false);
    // F voted for the council's plan and abstained in the committee.
    await expect.poll(() => titles(page)).toEqual([LOKALPLAN, 'Tilskud til idrætsforeninger']);
    await page.getByRole('button', { name: 'Nulstil filtre' }).click();
    await expect.poll(() => [...params(page).keys()]).toEqual([]);

    await page.goto(`${service.url}/?party=Enhedslisten`);
    await expect.poll(() => titles(page)).toEqual([LOKALPLAN, 'Kunstgræsbane ved Egholt Skole']);
    expect(await page.locator('#party').inputValue()).toBe('Enhedslisten');
    expect(await seriousViolations(page)).toEqual([]);
    await close(page);
  });

  it('are in the filters on a phone, counted on the »Filtre« button', async () => {
    const page = await open('/?votes=split&party=V', PHONE);
    await page.locator('.card').first().waitFor();
    const toggle = page.getByRole('button', { name: /^Filtre/ });
    expect(await toggle.textContent()).toBe('Filtre (2 valgt)');
    await toggle.click();
    expect(await votes(page).isVisible()).toBe(true);
    expect(await page.getByLabel('Parti').isVisible()).toBe(true);
    expect(await seriousViolations(page)).toEqual([]);
    const overflow = await page.evaluate('document.documentElement.scrollWidth - window.innerWidth');
    expect(overflow).toBeLessThanOrEqual(0);
    await close(page);
  });
});
