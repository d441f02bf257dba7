/**
 * The sync Lambda's entry point and composition root: an EventBridge schedule invokes it with one
 * portal (`{ "portal": "https://dagsordener.greve.dk" }`); its meetings go into the minutes bucket,
 * whose notifications take them to the ingest. Only S3 is needed: no registry, no search.
 */
import { Logger } from '@aws-lambda-powertools/logger';
import { z } from 'zod';
import { serviceConfigFromEnv } from '#config/service.ts';
import { S3BlobStore } from '#storage/s3-blob-store.ts';
import { createS3Client } from '#storage/s3-client.ts';
import { createPoliteFetcher } from '#sync/polite-fetcher.ts';
import { syncUserAgent } from '#sync/user-agent.ts';
import { createSyncHandler } from './create-handler.ts';

const loaded = serviceConfigFromEnv(process.env);
if (!loaded.ok) throw new Error(`invalid sync configuration: ${loaded.error}`);
const { config } = loaded;
/** Where portals can reach the operator, in the User-Agent (the CDK app writes the API's URL). */
const { SYNC_CONTACT } = z.object({ SYNC_CONTACT: z.string().min(1).optional() }).parse(process.env);
const userAgent = syncUserAgent(SYNC_CONTACT);

export const handler = createSyncHandler({
  blobs: new S3BlobStore({
    client: createS3Client({ region: config.region, endpoint: config.endpoints.s3 }),
    bucket: config.bucket,
  }),
  http: () => createPoliteFetcher({ userAgent }),
  logger: new Logger({ serviceName: 'sync' }),
  now: () => new Date(),
  maxBytes: config.limits.maxBytes,
});
