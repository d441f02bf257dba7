/**
 * The AWS clients the adapters are built on, each in its own module so that a function needing
 * one (the sync function: S3 only) bundles no other SDK client.
 */
export type { ClientTarget } from './client-target.ts';
export { createDynamoClient } from './dynamo-client.ts';
export { createS3Client } from './s3-client.ts';
