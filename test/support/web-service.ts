import { type Browser, chromium, type Page } from 'playwright-core';
import { expect } from 'vitest';
import type { LocalConfig } from '#config/local.ts';
import { serviceConfigFromEnv } from '#config/service.ts';
import type { QueueReport } from '../../functions/local/ingest-queue.ts';
import { type LocalService, loadFiles, startLocalService } from '../../functions/local/service.ts';

/** Debian's chromium, driven by playwright-core. */
export const CHROMIUM = '/usr/bin/chromium';

/** The local service on a data folder with free ports, the given PDFs ingested through its bucket. */
export async function serviceWith(dataDir: string, pdfs: readonly string[]): Promise<LocalService> {
  const loaded = serviceConfigFromEnv({ DATA_DIR: dataDir });
  if (!loaded.ok) throw new Error(loaded.error);
  const local: LocalConfig = { host: '127.0.0.1', port: 0, s3Port: 0, dynamoPort: 0, service: loaded.config };
  const reports: QueueReport[] = [];
  const service = await startLocalService(local, { onReport: (report) => reports.push(report) });
  try {
    await loadFiles(service, pdfs, 'samples/');
    const failed = reports.filter((r) => r.kind === 'error' || r.outcome.status !== 'indexed');
    if (failed.length > 0) throw new Error(`seed minutes not indexed: ${JSON.stringify(failed)}`);
    return service;
  } catch (error) {
    await service.stop();
    throw error;
  }
}

/** The local service with the given files ingested, and Chromium: started and stopped together. */
export interface WebBed {
  readonly service: LocalService;
  readonly browser: Browser;
  stop(): Promise<void>;
}

export async function startWebBed(dataDir: string, files: readonly string[]): Promise<WebBed> {
  const [service, browser] = await Promise.all([
    serviceWith(dataDir, files),
    chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] }),
  ]);
  return {
    service,
    browser,
    async stop() {
      await browser.close();
      await service.stop();
    },
  };
}

export interface OpenOptions {
  /** @default a desktop: 1280 x 900 */
  readonly viewport?: { readonly width: number; readonly height: number };
  /** Runs before the page loads (routes, init scripts). */
  readonly prepare?: (page: Page) => Promise<void>;
  /** A console error the test expects (a poll's 404), by the message's URL and text. */
  readonly expected?: (url: string, text: string) => boolean;
}

/**
 * Pages of the service that fail the test which opened them, at `close`, when a script threw or
 * logged an error the test did not expect.
 */
export function watchedPages(bed: () => WebBed) {
  const errors = new WeakMap<Page, string[]>();
  return {
    async open(path: string, options: OpenOptions = {}): Promise<Page> {
      const page = await bed().browser.newPage({
        viewport: options.viewport ?? { width: 1280, height: 900 },
      });
      await options.prepare?.(page);
      const seen: string[] = [];
      page.on('pageerror', (error) => seen.push(error.message));
      page.on('console', (message) => {
        const expected = options.expected?.(message.location().url, message.text()) ?? false;
        if (message.type() === 'error' && !expected) seen.push(message.text());
      });
      errors.set(page, seen);
      await page.goto(`${bed().service.url}${path}`);
      return page;
    },
    /** The errors a page has had so far. */
    errorsOf: (page: Page): readonly string[] => errors.get(page) ?? [],
    async close(page: Page): Promise<void> {
      await page.close();
      expect(errors.get(page)).toEqual([]);
    },
  };
}
