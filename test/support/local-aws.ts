import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { S3Client } from '@aws-sdk/client-s3';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type S3rver from 's3rver';
import { createDynamoClient, createS3Client } from '#storage/clients.ts';
import { createRegistryTable } from '#storage/dynamo-registry.ts';
import { startEmulators } from '../../functions/local/emulators.ts';

export const LOCAL_REGION = 'us-east-1';

export interface LocalAwsOptions {
  /** Default 'minutes'. */
  readonly bucket?: string;
  /** Default 'minutes-registry'. */
  readonly table?: string;
}

export interface LocalAws {
  readonly s3: S3Client;
  readonly dynamo: DynamoDBDocumentClient;
  readonly bucket: string;
  readonly table: string;
  readonly endpoints: { readonly s3: string; readonly dynamodb: string };
  /** The S3 emulator itself: `s3rver.on('event', ...)` receives S3-style notifications (keys not URL-encoded). */
  readonly s3rver: S3rver;
  /** Destroys the clients, closes both servers and deletes the bucket's folder. */
  stop(): Promise<void>;
}

/**
 * Starts s3rver (in a fresh temporary folder) and dynalite (in memory) on free ports, with the
 * bucket and the registry table created and clients pointed at them. One per test file:
 * `beforeAll(async () => { aws = await startLocalAws(); })`, `afterAll(() => aws.stop())`.
 */
export async function startLocalAws(options: LocalAwsOptions = {}): Promise<LocalAws> {
  const bucket = options.bucket ?? 'minutes';
  const table = options.table ?? 'minutes-registry';
  const directory = await mkdtemp(join(tmpdir(), 'minutes-s3rver-'));
  const emulators = await startEmulators({
    bucket,
    host: '127.0.0.1',
    s3Port: 0,
    dynamoPort: 0,
    s3Directory: directory,
  });
  const { endpoints } = emulators;
  const s3 = createS3Client({ region: LOCAL_REGION, endpoint: endpoints.s3 });
  const dynamo = createDynamoClient({ region: LOCAL_REGION, endpoint: endpoints.dynamodb });
  await createRegistryTable(dynamo, table);

  return {
    s3,
    dynamo,
    bucket,
    table,
    endpoints,
    s3rver: emulators.s3rver,
    async stop() {
      s3.destroy();
      dynamo.destroy();
      await emulators.stop();
      await rm(directory, { recursive: true, force: true });
    },
  };
}
