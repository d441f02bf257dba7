/**
 * The ingest Lambda's entry point and composition root: configuration, clients and adapters are
 * built once per cold start; the work is in createIngestHandler and the use cases in shared/ingest.
 */
import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics } from '@aws-lambda-powertools/metrics';
import { serviceConfigFromEnv } from '#config/service.ts';
import { composeAdapters } from '../compose.ts';
import { createIngestHandler } from './create-handler.ts';

const loaded = serviceConfigFromEnv(process.env);
if (!loaded.ok) throw new Error(`invalid ingest configuration: ${loaded.error}`);
const config = loaded.config;

export const handler = createIngestHandler({
  ...(await composeAdapters(config)),
  limits: config.limits,
  now: () => new Date(),
  logger: new Logger({ serviceName: 'ingest' }),
  metrics: new Metrics({ namespace: 'MinutesSearch', serviceName: 'ingest' }),
});
