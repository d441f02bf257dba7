import { Logger } from '@aws-lambda-powertools/logger';
import type { OpenAPIHono } from '@hono/zod-openapi';
import { type APIGatewayProxyResult, handle, type LambdaContext, type LambdaEvent } from 'hono/aws-lambda';
import { createApp } from '#api/app.ts';
import { serviceConfigFromEnv } from '#config/service.ts';
import { composeAdapters } from '../compose.ts';

const logger = new Logger({ serviceName: 'minutes-api' });

/** The API app wired from the environment: the composition root of the api Lambda. */
export async function composeApi(env: Readonly<Record<string, string | undefined>>): Promise<OpenAPIHono> {
  const parsed = serviceConfigFromEnv(env);
  if (!parsed.ok) throw new Error(`Invalid configuration: ${parsed.error}`);
  const { config } = parsed;
  const { index, registry, blobs } = await composeAdapters(config);
  return createApp({
    index,
    registry,
    blobs,
    uploadMaxBytes: config.uploadMaxBytes,
    linkTtlSeconds: config.linkTtlSeconds,
    now: () => new Date(),
    log: logger,
  });
}

type LambdaHandler = (event: LambdaEvent, context?: LambdaContext) => Promise<APIGatewayProxyResult>;

let lambda: Promise<LambdaHandler> | undefined;

/** Composed on the first event (configuration read once), then reused by every warm invocation. */
export async function handler(event: LambdaEvent, context?: LambdaContext): Promise<APIGatewayProxyResult> {
  lambda ??= composeApi(process.env).then((app) => handle(app));
  return (await lambda)(event, context);
}
