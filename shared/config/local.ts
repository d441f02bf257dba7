import { z } from 'zod';
import { describeIssues, type ServiceConfig, serviceConfigFromEnv } from './service.ts';

/** A port, 0 for a free one; an empty value is an error, not 0 (as a number, '' would read as 0). */
const Port = (byDefault: number) =>
  z
    .string()
    .trim()
    .min(1, 'a port number, 0 for a free one')
    .pipe(z.coerce.number<string>().int().min(0).max(65535))
    .default(byDefault);

/** Where the local service listens: the API, and the S3 and DynamoDB emulators behind it. */
const LocalEnv = z.object({
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: Port(3000),
  S3_PORT: Port(4569),
  DYNAMODB_PORT: Port(4567),
});

export interface LocalConfig {
  readonly host: string;
  readonly port: number;
  readonly s3Port: number;
  readonly dynamoPort: number;
  /** The service's configuration; its endpoints are the emulators' once they run. */
  readonly service: ServiceConfig;
}

export type LocalConfigResult = { ok: true; config: LocalConfig } | { ok: false; error: string };

export function localConfigFromEnv(env: Readonly<Record<string, string | undefined>>): LocalConfigResult {
  const service = serviceConfigFromEnv(env);
  if (!service.ok) return service;
  const parsed = LocalEnv.safeParse(env);
  if (!parsed.success) return { ok: false, error: describeIssues(parsed.error) };
  const { HOST, PORT, S3_PORT, DYNAMODB_PORT } = parsed.data;
  return {
    ok: true,
    config: {
      host: HOST,
      port: PORT,
      s3Port: S3_PORT,
      dynamoPort: DYNAMODB_PORT,
      service: service.config,
    },
  };
}
