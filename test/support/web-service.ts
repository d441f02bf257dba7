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
