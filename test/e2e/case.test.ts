import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from '../support/axe.ts';
import { agenda, bytesOf, itemHtml, type PointSpec } from '../support/firstagenda.ts';
import { startWebBed, type WebBed, watchedPages } from '../support/web-service.ts';

/**
 * Generated FirstAgenda meetings of one municipality, ingested through the service's own bucket:
 * a local plan that goes from Økonomiudvalget to the council (whose item records the committee's
 * decision in its history), a closed sale in both, an item of another case that names the plan's
 * number, an item without a number of its own that names it too, and "Godkendelse af dagsorden"
 * under one number at five council meetings (an umbrella).
 */
const PLAN = '25-000202';
const SALE = '25-000404';
const AGENDA = '25-000001';
const SECRET = 'køber nr. 2 for 3,1 mio. kr.';

const dagsorden: PointSpec = {
  title: 'Godkendelse af dagsorden',
  caseNumber: AGENDA,
  html: itemHtml({ decision: 'Godkendt.' }),
};
const sale: PointSpec = {
  title: 'Lukket: Salg af grund ved Havnevej',
  caseNumber: SALE,
  html: `<div><p>Byrådet godkendte salget til ${SECRET}</p></div>`,
};
const plan = (decision: string, history?: string): PointSpec => ({
  title: 'Vedtagelse af lokalplan for Mosevej',
  caseNumber: PLAN,
  html: itemHtml({
    decision,
    sections: [['Resume', 'Lokalplanen giver mulighed for 40 rækkehuse ved Mosevej.']],
    history,
  }),
});

const MEETINGS = [
  agenda({
    body: 'Økonomiudvalget 2022-2025',
    date: '2025-03-18T16:00:00+01:00',
    items: [dagsorden, plan('Økonomiudvalget anbefaler, at lokalplanen vedtages.'), sale],
  }),
  agenda({
    date: '2025-03-27T17:00:00+01:00',
    items: [
      dagsorden,
      plan(
        'Med stemmerne 20 for og 1 imod godkendte Byrådet Økonomiudvalgets indstilling.<br>For stemte: (A), (V) og (C).<br>Imod stemte: (Ø).',
        '<u>18-03-2025 Økonomiudvalget</u><br> <div>Økonomiudvalget anbefaler, at lokalplanen vedtages.</div><br>',
      ),
      sale,
      {
        title: 'Trafik ved Mosevej',
        caseNumber: '25-000999',
        html: itemHtml({
          decision: 'Godkendt.',
          sections: [['Resume', `Vejen udvides, når lokalplanen i sag ${PLAN} er vedtaget.`]],
        }),
      },
    ],
  }),
  ...['01-30', '02-27', '04-24'].map((day) =>
    agenda({ date: `2025-${day}T17:00:00+01:00`, items: [dagsorden] }),
  ),
  agenda({
    date: '2025-05-29T17:00:00+02:00',
    items: [
      dagsorden,
      {
        title: 'Orientering om byggeriet ved Mosevej',
        caseNumber: null,
        html: itemHtml({
          decision: 'Taget til efterretning.',
          sections: [['Resume', `Byggeriet efter lokalplanen (sagsnr. ${PLAN}) begynder til efteråret.`]],
        }),
      },
    ],
  }),
];

let dataDir: string;
let bed: WebBed;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'case-e2e-'));
  const files = await Promise.all(
    MEETINGS.map(async (meeting, i) => {
      const file = join(dataDir, `meeting-${i}.json`);
      await writeFile(file, bytesOf(meeting));
      return file;
    }),
  );
  bed = await startWebBed(join(dataDir, 'data'), files);
}, 60_000);

afterAll(async () => {
  await bed?.stop();
  await rm(dataDir, { recursive: true, force: true });
});

const pages = watchedPages(() => bed);

/** A fresh page; script errors fail the test, as do failed requests but the ones `expected` allows. */
const open = (path: string, expected?: RegExp) =>
  pages.open(path, { expected: (url) => expected?.test(url) ?? false });

const close = (page: Page) => pages.close(page);

const caseView = (page: Page) => page.locator('#case-view');

describe('the case page', () => {
  it('goes from a card’s "Sagen er behandlet 4 gange" to the case, its treatments in order', async () => {
    const page = await open('/?q=lokalplan');
    const card = page.locator('.card', { hasText: 'Vedtagelse af lokalplan for Mosevej' }).first();
    const link = card.getByRole('link', { name: 'Sagen er behandlet 4 gange' });
    await link.click();
    await expect.poll(() => new URL(page.url()).searchParams.get('case')).toMatch(/\/25-000202$/);
    await expect.poll(() => caseView(page).locator('h1').textContent()).toBe(`Sag ${PLAN}`);
    expect(await page.title()).toMatch(new RegExp(`^Sag ${PLAN}, .* – Referatsøgning$`));

    // The latest decision first, then every treatment oldest first with its body and date.
    expect(await caseView(page).locator('.case-summary').textContent()).toMatch(
      /^godkendt Senest: Byråd 2025-03-27: Med stemmerne 20 for og 1 imod godkendte Byrådet .* Behandlet 4 gange: Økonomiudvalget 2025-03-18, Byråd 2025-03-27, Byråd 2025-03-27 \(nævner sagen\), Byråd 2025-05-29 \(nævner sagen\)\.$/,
    );
    const treatments = caseView(page).locator('.case-treatment');
    expect(await treatments.locator('h3').allTextContents()).toEqual([
      'Vedtagelse af lokalplan for Mosevej',
      'Vedtagelse af lokalplan for Mosevej',
      'Trafik ved Mosevej',
      'Orientering om byggeriet ved Mosevej',
    ]);
    // Items whose text names the number are treatments, marked as such.
    expect(await treatments.locator('> .meta').allTextContents()).toEqual([
      expect.stringMatching(/^Økonomiudvalget · 18\. marts 2025 · Punkt 2 · anbefalet/),
      expect.stringMatching(/^Byråd · 27\. marts 2025 · Punkt 2 · godkendt/),
      expect.stringMatching(/^Byråd · 27\. marts 2025 · Punkt 4 · Nævner sagen · godkendt/),
      expect.stringMatching(/^Byråd · 29\. maj 2025 · Punkt 2 · Nævner sagen · taget til efterretning/),
    ]);
    // The council's item records the committee's decision: shown with its body and date, then its own vote.
    const council = treatments.nth(1);
    expect(await council.locator('.prior-decisions li').allTextContents()).toEqual([
      expect.stringMatching(
        /^Økonomiudvalget, 18\. marts 2025.*Økonomiudvalget anbefaler, at lokalplanen vedtages\./,
      ),
    ]);
    expect(await council.locator('.decision .votes').textContent()).toMatch(/For: .*Imod: Ø/);
    expect(await caseView(page).locator('.case-reference h3').allTextContents()).toEqual([
      'Trafik ved Mosevej',
      'Orientering om byggeriet ved Mosevej',
    ]);
    // Every item naming the number is a treatment: none is left to list apart.
    expect(await caseView(page).locator('.case-mentions').count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);

    await page.goBack();
    await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe('lokalplan');
    await expect.poll(() => page.locator('#search-view').isVisible()).toBe(true);
    await close(page);
  });

  it('leads from the card of an item without a number of its own to the case its text names', async () => {
    const page = await open('/?q=byggeriet');
    const card = page.locator('.card', { hasText: 'Orientering om byggeriet ved Mosevej' }).first();
    await card.getByRole('link', { name: `Nævner sag ${PLAN}, behandlet 4 gange` }).click();
    await expect.poll(() => caseView(page).locator('h1').textContent()).toBe(`Sag ${PLAN}`);
    expect(await caseView(page).locator('.case-treatment').count()).toBe(4);
    expect(await caseView(page).locator('.badge-reference').allTextContents()).toEqual([
      'Nævner sagen',
      'Nævner sagen',
    ]);
    expect(await seriousViolations(page)).toEqual([]);
    await close(page);
  });

  it('shows a closed case by its titles, never its content', async () => {
    const page = await open(`/?case=${encodeURIComponent(`Egholt Kommune/${SALE}`)}`);
    await expect.poll(() => caseView(page).locator('.case-treatment').count()).toBe(2);
    expect(await caseView(page).locator('.case-treatment .badge-closed').count()).toBe(2);
    expect(await caseView(page).textContent()).not.toContain('3,1 mio');
    expect(await caseView(page).locator('.case-summary').textContent()).toContain(
      'Ingen offentlig beslutning',
    );
    expect(await seriousViolations(page)).toEqual([]);
    await close(page);
  });

  it('says an umbrella number is no case, and its cards carry no "behandlet" line', async () => {
    const search = await open('/?q=dagsorden');
    await expect.poll(() => search.locator('.card').count()).toBeGreaterThan(4);
    expect(await search.locator('.case-line').count()).toBe(0);
    await close(search);

    const page = await open(`/?case=${encodeURIComponent(`Egholt Kommune/${AGENDA}`)}`);
    await expect
      .poll(() => caseView(page).locator('.notice').textContent())
      .toMatch(new RegExp(`^Sagsnummer ${AGENDA} bruges til mange emner \\(6 punkter`));
    expect(await caseView(page).locator('h2').first().textContent()).toBe('Punkter med sagsnummeret');
    expect(await caseView(page).locator('.case-treatment').count()).toBe(6);
    expect(await caseView(page).locator('.case-treatment .decision').count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
    await close(page);
  });

  it('says so when there is no such case, and links back to the search', async () => {
    const page = await open(`/?case=${encodeURIComponent('Egholt Kommune/99-999999')}`, /\/cases\//);
    await expect.poll(() => caseView(page).locator('h1').textContent()).toBe('Sagen kunne ikke vises');
    expect(await caseView(page).locator('.notice').textContent()).toContain('Det findes ikke');
    expect(await seriousViolations(page)).toEqual([]);
    await close(page);
  });
});
