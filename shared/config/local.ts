import { availableParallelism } from 'node:os';
import { z } from 'zod';
import { describeIssues, type ServiceConfig, serviceConfigFromEnv } from './service.ts';

/** Where the local service listens: the API, and the S3 and DynamoDB emulators behind it. */
const LocalEnv = z.object({
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  S3_PORT: z.coerce.number().int().min(0).max(65535).default(4569),
  DYNAMODB_PORT: z.coerce.number().int().min(0).max(65535).default(4567),
  /** Documents read at once by the bucket's queue; each read holds a worker thread and its memory. */
  INGEST_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(availableParallelism()),
});

export interface LocalConfig {
  readonly host: string;
  readonly port: number;
  readonly s3Port: number;
  readonly dynamoPort: number;
  /** Documents the queue reads at once, on as many extraction workers; the cores when absent. */
  readonly ingestConcurrency?: number;
  /** The service's configuration; its endpoints are the emulators' once they run. */
  readonly service: ServiceConfig;
}

export type LocalConfigResult = { ok: true; config: LocalConfig } | { ok: false; error: string };

export function localConfigFromEnv(env: Readonly<Record<string, string | undefined>>): LocalConfigResult {
  const service = serviceConfigFromEnv(env);
  if (!service.ok) return service;
  const parsed = LocalEnv.safeParse(env);
  if (!parsed.success) return { ok: false, error: describeIssues(parsed.error) };
  const { HOST, PORT, S3_PORT, DYNAMODB_PORT, INGEST_CONCURRENCY } = parsed.data;
  return {
    ok: true,
    config: {
      host: HOST,
      port: PORT,
      s3Port: S3_PORT,
      dynamoPort: DYNAMODB_PORT,
      ingestConcurrency: INGEST_CONCURRENCY,
      service: service.config,
    },
  };
}
