/**
 * `npm run screenshots`: the search page with the sample minutes, photographed for the docs.
 * Starts the local service on a temporary data folder, drives Debian's chromium, and writes
 * docs/screenshots/{search,search-phone,meeting,upload}.png.
 */
import { mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { CHROMIUM, serviceWith } from '../test/support/web-service.ts';

const OUT = 'docs/screenshots';
const SAMPLES = 'test/fixtures/corpus/pdf';
const UPLOAD = 'test/fixtures/corpus/extra/pdf/e2_vesterlund_oekonomiudvalget_20240611.pdf';
const DESKTOP = { width: 1280, height: 960 };
const PHONE = { width: 390, height: 844 };

const samples = (await readdir(SAMPLES))
  .filter((name) => name.endsWith('.pdf'))
  .map((name) => join(SAMPLES, name));
const dataDir = await mkdtemp(join(tmpdir(), 'screenshots-'));
const service = await serviceWith(dataDir, samples);
const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
try {
  await mkdir(OUT, { recursive: true });

  const search = async (viewport: typeof DESKTOP): Promise<Page> => {
    const page = await browser.newPage({ viewport, deviceScaleFactor: 1 });
    await page.goto(`${service.url}/?q=${encodeURIComponent('sygefravær')}`);
    await page.locator('.card').first().waitFor();
    return page;
  };
  const desktop = await search(DESKTOP);
  await desktop.locator('.card').first().getByRole('button', { name: 'Vis indstilling og PDF' }).click();
  await desktop.locator('.card .recommendation').first().waitFor();
  await desktop.screenshot({ path: join(OUT, 'search.png') });

  const phone = await search(PHONE);
  await phone.locator('.results').scrollIntoViewIfNeeded();
  await phone.screenshot({ path: join(OUT, 'search-phone.png') });

  // The meeting with a closed item (Direktionen, 3 September 2024).
  await desktop.goto(`${service.url}/?q=mindreforbrug`);
  await desktop.locator('.card').first().getByRole('link', { name: 'Se hele mødet' }).click();
  await desktop.locator('.agenda').waitFor();
  await desktop.screenshot({ path: join(OUT, 'meeting.png') });

  await desktop.goto(`${service.url}/?upload`);
  await desktop.setInputFiles('#files', UPLOAD);
  await desktop.locator('.upload-done').waitFor({ timeout: 60_000 });
  await desktop.screenshot({ path: join(OUT, 'upload.png') });
  process.stdout.write(`Saved search.png, search-phone.png, meeting.png and upload.png in ${OUT}\n`);
} finally {
  await browser.close();
  await service.stop();
  await rm(dataDir, { recursive: true, force: true });
}
