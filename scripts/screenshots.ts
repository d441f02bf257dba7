/**
 * `npm run screenshots`: the search page with the sample minutes, photographed for the docs.
 * Starts the local service on a temporary data folder, drives Debian's chromium, and writes
 * docs/screenshots/{search,search-phone,meeting,item,case,meetings,upload}.png.
 */
import { mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { CHROMIUM, serviceWith } from '../test/support/web-service.ts';
import { CASE_MUNICIPALITY, CASE_NUMBER, caseMeetingFiles } from './lib/screenshot-case.ts';

const OUT = 'docs/screenshots';
const SAMPLES = 'test/fixtures/corpus/pdf';
/** A portal's agenda with votes, absences and linked attachments, for the item page. */
const WITH_VOTES = 'test/fixtures/firstagenda/egholt-byraad-2025-03-27.json';
const UPLOAD = 'test/fixtures/corpus/extra/pdf/e2_vesterlund_oekonomiudvalget_20240611.pdf';
const DESKTOP = { width: 1280, height: 960 };
const PHONE = { width: 390, height: 844 };

interface MeetingView {
  readonly items: readonly { readonly id: string; readonly decision: { readonly votes: unknown } | null }[];
}

const samples = (await readdir(SAMPLES))
  .filter((name) => name.endsWith('.pdf'))
  .map((name) => join(SAMPLES, name));
const dataDir = await mkdtemp(join(tmpdir(), 'screenshots-'));
const caseMeetings = await caseMeetingFiles(dataDir);
const service = await serviceWith(join(dataDir, 'data'), [...samples, WITH_VOTES, ...caseMeetings]);
const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
const api = async <T>(path: string): Promise<T> => (await (await fetch(`${service.url}${path}`)).json()) as T;
/**
 * Saves the page as docs/screenshots/<name>.png, without the focus ring a view puts on its heading;
 * `fullPage`: all of it, not the viewport.
 */
const shoot = async (page: Page, name: string, fullPage = false) => {
  await page.evaluate('document.activeElement?.blur()');
  await page.screenshot({ path: join(OUT, `${name}.png`), fullPage });
};
try {
  await mkdir(OUT, { recursive: true });

  const search = async (viewport: typeof DESKTOP): Promise<Page> => {
    const page = await browser.newPage({ viewport, deviceScaleFactor: 1 });
    await page.goto(`${service.url}/?q=${encodeURIComponent('sygefravær')}`);
    await page.locator('.card').first().waitFor();
    return page;
  };
  const desktop = await search(DESKTOP);
  await desktop.locator('.card').nth(1).getByRole('button', { name: 'Vis resumé og indstilling' }).click();
  await desktop.locator('.card .recommendation').first().waitFor();
  await shoot(desktop, 'search');

  // Results first on a phone: no scrolling to reach them.
  const phone = await search(PHONE);
  await shoot(phone, 'search-phone');

  // The meeting with a closed item (Direktionen, 3 September 2024), from its top.
  await desktop.goto(`${service.url}/?q=mindreforbrug`);
  const meeting = desktop.locator('.card').first().getByRole('link', { name: 'Se hele mødet' });
  const meetingId = new URL((await meeting.getAttribute('href')) ?? '', desktop.url()).searchParams.get(
    'meeting',
  );
  await desktop.goto(`${service.url}/?meeting=${meetingId}`);
  await desktop.locator('.agenda').waitFor();
  await shoot(desktop, 'meeting');

  // An item page with a recorded vote.
  const list = await api<{ meetings: { id: string }[] }>('/meetings?limit=100');
  const views = await Promise.all(list.meetings.map((m) => api<MeetingView>(`/meetings/${m.id}`)));
  const voted = views.flatMap((view) => view.items).find((item) => item.decision?.votes);
  if (!voted) throw new Error('no item with a vote among the samples');
  await desktop.goto(`${service.url}/?item=${encodeURIComponent(voted.id)}`);
  await desktop.locator('#item-view .votes').first().waitFor();
  await shoot(desktop, 'item');

  // A case treated three times, the earlier decisions in each later item; the whole page.
  await desktop.goto(`${service.url}/?case=${encodeURIComponent(`${CASE_MUNICIPALITY}/${CASE_NUMBER}`)}`);
  await desktop
    .locator('.case-treatment')
    .nth(caseMeetings.length - 1)
    .waitFor();
  await shoot(desktop, 'case', true);

  await desktop.goto(`${service.url}/?meetings`);
  await desktop.locator('.meeting-list').waitFor();
  await shoot(desktop, 'meetings');

  await desktop.goto(`${service.url}/?upload`);
  await desktop.setInputFiles('#files', UPLOAD);
  await desktop.locator('.upload-done').waitFor({ timeout: 60_000 });
  await shoot(desktop, 'upload');
  process.stdout.write(
    `Saved search.png, search-phone.png, meeting.png, item.png, case.png, meetings.png and upload.png in ${OUT}\n`,
  );
} finally {
  await browser.close();
  await service.stop();
  await rm(dataDir, { recursive: true, force: true });
}
