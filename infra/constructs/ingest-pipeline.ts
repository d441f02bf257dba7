import { Duration, Stack, Validations } from 'aws-cdk-lib';
import { Alarm, ComparisonOperator, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import { Bucket, EventType, type IBucket } from 'aws-cdk-lib/aws-s3';
import { SqsDestination } from 'aws-cdk-lib/aws-s3-notifications';
import type { ITopic } from 'aws-cdk-lib/aws-sns';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { notify } from './alarm-topic.ts';
import { ENTRY_POINTS, WORKER_ENTRIES } from './house-bundling.ts';
import { HouseFunction, type HouseFunctionOptions } from './house-function.ts';

/**
 * The queue hides a received message for this many function timeouts, as AWS advises for a Lambda
 * event source: the extra time lets Lambda retry a throttled batch while its messages stay hidden.
 */
const VISIBILITY_TIMEOUTS = 6;

export interface IngestPipelineProps {
  /** The minutes bucket whose object events feed the queue. */
  readonly bucket: IBucket;
  /**
   * The ingest function's settings.
   * @default - memory 2048 MB, timeout 5 minutes, see HouseFunctionOptions for the rest
   */
  readonly handler?: HouseFunctionOptions;
  /**
   * Messages per invocation; each is one object event (a PDF to read, or a removal).
   * @default 5
   */
  readonly batchSize?: number;
  /**
   * Most concurrent invocations the queue starts (2-1000): bounds the load on the search domain.
   * @default 5
   */
  readonly maxConcurrency?: number;
  /**
   * Receives before a message goes to the dead-letter queue.
   * @default 3
   */
  readonly maxReceiveCount?: number;
  /**
   * Age of the oldest queued message that raises the alarm.
   * @default Duration.hours(1)
   */
  readonly oldestMessageAlarmAge?: Duration;
  /**
   * Topic the alarms notify.
   * @default - alarms without actions
   */
  readonly alarmTopic?: ITopic;
}

/**
 * S3 object events (created, removed) -> SQS queue (+ dead-letter queue) -> the ingest function,
 * which reports failed messages one by one, with alarms on what needs a person.
 */
export class IngestPipeline extends Construct {
  readonly queue: Queue;
  readonly deadLetterQueue: Queue;
  readonly handler: HouseFunction;
  readonly alarms: readonly Alarm[];

  constructor(scope: Construct, id: string, props: IngestPipelineProps) {
    super(scope, id);
    const options = props.handler ?? {};
    const timeout = options.timeout ?? Duration.minutes(5);
    const maxReceiveCount = props.maxReceiveCount ?? 3;

    this.handler = new HouseFunction(this, 'Handler', {
      description: 'Ingests minutes: reads each uploaded PDF, records it, indexes its decisions',
      memorySize: 2048,
      ...options,
      timeout,
      entry: ENTRY_POINTS.ingest,
      workers: WORKER_ENTRIES.ingest,
    });

    this.deadLetterQueue = new Queue(this, 'DeadLetterQueue', {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    this.queue = new Queue(this, 'Queue', {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      visibilityTimeout: Duration.seconds(timeout.toSeconds() * VISIBILITY_TIMEOUTS),
      retentionPeriod: Duration.days(4),
      deadLetterQueue: { queue: this.deadLetterQueue, maxReceiveCount },
    });

    // The bucket belongs to the stateful stack; configured through an imported handle, CDK writes
    // the notification from this stack (a custom resource that merges with the bucket's others),
    // so the stateful stack never refers to this queue and the stacks stay one-way dependent.
    const bucket = Bucket.fromBucketAttributes(this, 'NotifyingBucket', {
      bucketArn: props.bucket.bucketArn,
      bucketName: props.bucket.bucketName,
    });
    const destination = new SqsDestination(this.queue);
    bucket.addEventNotification(EventType.OBJECT_CREATED, destination);
    bucket.addEventNotification(EventType.OBJECT_REMOVED, destination);
    acknowledgeNotificationsHandler(this);

    this.handler.function.addEventSource(
      new SqsEventSource(this.queue, {
        batchSize: props.batchSize ?? 5,
        maxConcurrency: props.maxConcurrency ?? 5,
        reportBatchItemFailures: true,
      }),
    );

    this.alarms = this.createAlarms(props, maxReceiveCount);
  }

  private createAlarms(props: IngestPipelineProps, maxReceiveCount: number): Alarm[] {
    const alarms = [
      new Alarm(this, 'DeadLetterAlarm', {
        alarmDescription: `Object events failed ingestion ${maxReceiveCount} times and wait in the dead-letter queue`,
        metric: this.deadLetterQueue.metricApproximateNumberOfMessagesVisible({
          period: Duration.minutes(1),
        }),
        threshold: 0,
        comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
        evaluationPeriods: 1,
        treatMissingData: TreatMissingData.NOT_BREACHING,
      }),
      new Alarm(this, 'ErrorsAlarm', {
        alarmDescription: 'The ingest function failed (an invocation error, not a refused document)',
        metric: this.handler.function.metricErrors({ period: Duration.minutes(5) }),
        threshold: 0,
        comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
        evaluationPeriods: 1,
        treatMissingData: TreatMissingData.NOT_BREACHING,
      }),
      new Alarm(this, 'OldestMessageAlarm', {
        alarmDescription: 'Object events wait too long in the ingest queue',
        metric: this.queue.metricApproximateAgeOfOldestMessage({ period: Duration.minutes(5) }),
        threshold: (props.oldestMessageAlarmAge ?? Duration.hours(1)).toSeconds(),
        comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        evaluationPeriods: 1,
        treatMissingData: TreatMissingData.NOT_BREACHING,
      }),
    ];
    notify(alarms, props.alarmTopic);
    return alarms;
  }
}

/** CDK's bucket notification handler: one function per stack, created with the first notification. */
function acknowledgeNotificationsHandler(scope: Construct): void {
  const handler = Stack.of(scope).node.children.find((child) =>
    child.node.id.startsWith('BucketNotificationsHandler'),
  );
  if (!handler) return;
  Validations.of(handler).acknowledge({
    id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
    reason:
      "CDK's S3 notification custom resource runs only while deploying; the managed policy lets it write its own logs, its S3 permission is this bucket's notification configuration only.",
  });
}
