/**
 * The api Lambda's entry point and composition root: configuration, clients and the app are
 * built once per cold start; the routes are in shared/api. API Gateway's HTTP API buffers what
 * `handle` answers (6 MB at most), so GET /export answers a redirect to the export function
 * (stream-handler.ts, the same app streamed) when EXPORT_STREAM_URL names it.
 */
import { Logger } from '@aws-lambda-powertools/logger';
import { handle } from 'hono/aws-lambda';
import { createApp } from '#api/app.ts';
import { authConfigFromEnv } from '#config/auth.ts';
import { serviceConfigFromEnv } from '#config/service.ts';
import { apiDepsOf, composeAdapters, loadWebRequestAtInit } from '../compose.ts';

const loaded = serviceConfigFromEnv(process.env);
if (!loaded.ok) throw new Error(`invalid api configuration: ${loaded.error}`);
const config = loaded.config;
const auth = authConfigFromEnv(process.env);
if (!auth.ok) throw new Error(`invalid api auth configuration: ${auth.error}`);

const app = createApp({
  ...apiDepsOf(config, await composeAdapters(config), () => new Date()),
  log: new Logger({ serviceName: 'minutes-api' }),
  auth: auth.auth,
});

loadWebRequestAtInit();
export const handler = handle(app);
