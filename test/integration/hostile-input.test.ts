import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serviceConfigFromEnv } from '#config/service.ts';
import { type LocalService, startLocalService } from '../../functions/local/service.ts';
import { flateBombPdf, nestedFormsPdf } from '../support/hostile-pdfs.ts';

let dataDir: string;
let service: LocalService;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'hostile-'));
  // Limits low enough for a test, the same mechanism as the defaults.
  const loaded = serviceConfigFromEnv({
    DATA_DIR: dataDir,
    EXTRACT_TIMEOUT_SECONDS: '4',
    EXTRACT_MAX_MEMORY_MB: '384',
  });
  if (!loaded.ok) throw new Error(loaded.error);
  service = await startLocalService({
    host: '127.0.0.1',
    port: 0,
    s3Port: 0,
    dynamoPort: 0,
    service: loaded.config,
  });
}, 30_000);

afterAll(async () => {
  await service?.stop();
  await rm(dataDir, { recursive: true, force: true });
});

/**
 * Puts the PDF in the bucket and asks /health until its record is final. Returns the record and
 * how many /health answers came while the document was being read.
 */
async function readWhileAsking(key: string, bytes: Uint8Array) {
  const id = createHash('sha256').update(bytes).digest('hex');
  await service.adapters.blobs.put(key, bytes, 'application/pdf');
  let answeredWhileReading = 0;
  for (;;) {
    const record = await service.adapters.registry.get(id);
    if (record && record.status !== 'received' && record.status !== 'processing')
      return { record, answeredWhileReading };
    const health = await fetch(`${service.url}/health`);
    expect(health.status).toBe(200);
    if ((await service.adapters.registry.get(id))?.status === 'processing') answeredWhileReading++;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('a hostile PDF', () => {
  it.each([
    ['form XObjects nested ten deep (10^9 draws from 2.5 KB)', 'hostile/nested.pdf', () => nestedFormsPdf()],
    ['a Flate bomb (0.2 MB inflating to 150 MB of text runs)', 'hostile/bomb.pdf', () => flateBombPdf()],
  ])(
    'is stopped at the limits and recorded as failed, while the service keeps answering: %s',
    async (_what, key, build) => {
      const { record, answeredWhileReading } = await readWhileAsking(key, build());
      expect(record).toMatchObject({
        status: 'failed',
        reason: expect.stringMatching(/^(timeout|too-large): /),
      });
      expect(answeredWhileReading).toBeGreaterThan(0);
    },
    60_000,
  );

  it('does not keep the next document from being read', async () => {
    const { record } = await readWhileAsking(
      'minutes/after.pdf',
      new Uint8Array(readFileSync('test/fixtures/corpus/pdf/002_b1227399e4e80a2d.pdf')),
    );
    expect(record).toMatchObject({ status: 'indexed' });
  }, 30_000);
});
