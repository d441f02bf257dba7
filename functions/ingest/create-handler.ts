import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import type { Logger } from '@aws-lambda-powertools/logger';
import { type Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import type { Context, SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import type { IngestDeps } from '#ingest/deps.ts';
import { s3ChangesFromMessage } from '#ingest/events.ts';
import { type IngestOutcome, ingestObject } from '#ingest/ingest-object.ts';
import { type RemoveOutcome, removeObject } from '#ingest/remove-object.ts';

/** The part of Powertools' Metrics the handler uses. */
export interface IngestMetrics {
  addMetric(name: string, unit: MetricUnitName, value: number): unknown;
  hasStoredMetrics(): boolean;
  publishStoredMetrics(): unknown;
}
type MetricUnitName = Parameters<Metrics['addMetric']>[1];

export interface IngestHandlerDeps extends Omit<IngestDeps, 'log'> {
  readonly logger: Logger;
  readonly metrics: IngestMetrics;
  /**
   * Awaited once before the first batch (e.g. creating the search index if it is missing). If it
   * fails, the invocation fails, every message returns to the queue, and the next invocation tries again.
   */
  readonly prepare?: () => Promise<void>;
}

export type IngestHandler = (event: SQSEvent, context: Context) => Promise<SQSBatchResponse>;

/**
 * The ingest Lambda: S3 notifications arrive through SQS; each message's objects are ingested or
 * removed. A message that fails (an unreadable notification, S3, DynamoDB or the search engine
 * failing) is reported in `batchItemFailures`, so it alone returns to the queue and, after the
 * queue's retries, to the dead-letter queue. A refused file is not a failure: it ends recorded
 * as failed or needs-ocr with its reason.
 */
export function createIngestHandler(deps: IngestHandlerDeps): IngestHandler {
  const { logger, metrics } = deps;
  const useCases: IngestDeps = { ...deps, log: logger };
  const processor = new BatchProcessor(EventType.SQS);
  let prepared: Promise<void> | undefined;

  async function handleMessage(record: SQSRecord): Promise<void> {
    try {
      for (const change of s3ChangesFromMessage(record.body)) {
        if (change.kind === 'created') reportIngest(await ingestObject(useCases, change.key));
        else reportRemoval(await removeObject(useCases, change.key));
      }
    } catch (error) {
      metrics.addMetric('MessagesFailed', MetricUnit.Count, 1);
      logger.error('message failed; it returns to the queue', {
        messageId: record.messageId,
        receiveCount: record.attributes.ApproximateReceiveCount,
        error: error as Error,
      });
      throw error;
    }
  }

  function reportIngest(outcome: IngestOutcome): void {
    metrics.addMetric(INGEST_METRICS[outcome.status], MetricUnit.Count, 1);
    if (outcome.status === 'indexed') metrics.addMetric('PagesIndexed', MetricUnit.Count, outcome.pages);
    if (outcome.status === 'failed' || outcome.status === 'needs-ocr') {
      logger.warn(`document ${outcome.status}`, { ...outcome });
    } else {
      logger.info(`document ${outcome.status}`, { ...outcome });
    }
  }

  function reportRemoval(outcome: RemoveOutcome): void {
    if (outcome.status === 'removed') metrics.addMetric('DocumentsRemoved', MetricUnit.Count, 1);
    logger.info(`object removal: ${outcome.status}`, { ...outcome });
  }

  return async (event, context) => {
    logger.addContext(context);
    try {
      prepared ??= (deps.prepare?.() ?? Promise.resolve()).catch((error: unknown) => {
        prepared = undefined;
        throw error;
      });
      await prepared;
      // One message at a time: a document may take 50 MB and the CPU is one event loop anyway,
      // and a key's upload and removal in the same batch are handled in the order S3 sent them.
      // A batch whose every message fails is reported like any other, not thrown.
      return await processPartialResponse(event, handleMessage, processor, {
        context,
        processInParallel: false,
        throwOnFullBatchFailure: false,
      });
    } finally {
      // A batch of only s3:TestEvents has no metrics; publishing none would log a warning.
      if (metrics.hasStoredMetrics()) metrics.publishStoredMetrics();
    }
  };
}

const INGEST_METRICS: Record<IngestOutcome['status'], string> = {
  indexed: 'DocumentsIndexed',
  duplicate: 'DocumentsDuplicate',
  failed: 'DocumentsFailed',
  'needs-ocr': 'DocumentsNeedingOcr',
  missing: 'DocumentsMissing',
};
