/**
 * The export Lambda's entry point and composition root: the same app as the api function
 * (handler.ts), answering through Lambda response streaming (`streamHandle`, which needs the
 * `awslambda` global of Lambda's Node.js runtime) behind a function URL in RESPONSE_STREAM mode,
 * and serving GET /export only (exportOnly). API Gateway's HTTP API buffers an answer and caps it at
 * 6 MB and 30 s; a streamed answer may be 200 MB and take as long as the function's timeout. The
 * api function's /export redirects here (EXPORT_STREAM_URL).
 */
import { Logger } from '@aws-lambda-powertools/logger';
import { streamHandle } from 'hono/aws-lambda';
import { createApp } from '#api/app.ts';
import { serviceConfigFromEnv } from '#config/service.ts';
import { apiDepsOf, composeAdapters, loadWebRequestAtInit } from '../compose.ts';
import { exportOnly } from './export-only.ts';

const loaded = serviceConfigFromEnv(process.env);
if (!loaded.ok) throw new Error(`invalid export configuration: ${loaded.error}`);
const config = loaded.config;

const app = createApp({
  ...apiDepsOf(config, await composeAdapters(config), () => new Date()),
  log: new Logger({ serviceName: 'minutes-export' }),
  // This function is where /export streams: never a redirect, whatever the environment says.
  exportStreamUrl: null,
});

loadWebRequestAtInit();
export const handler = streamHandle(exportOnly(app));
