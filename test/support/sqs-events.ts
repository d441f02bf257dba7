/**
 * Lambda events shaped like the real ones: an SQS message whose body is the notification S3
 * sends to the queue, with the key URL-encoded as S3 encodes it.
 */
import { createHash } from 'node:crypto';
import type { Context, SQSEvent, SQSRecord } from 'aws-lambda';

const QUEUE_ARN = 'arn:aws:sqs:eu-north-1:123456789012:minutes-ingest';
let messages = 0;

/** A key as S3 writes it into a notification: URL-encoded per segment, a space as '+'. */
export function s3EncodedKey(key: string): string {
  return key
    .split('/')
    .map((segment) => encodeURIComponent(segment).replace(/%20/g, '+'))
    .join('/');
}

/** The JSON body of an S3 notification for one object (ObjectCreated:Put, ObjectRemoved:Delete, ...). */
export function s3NotificationBody(eventName: string, key: string, size?: number): string {
  return JSON.stringify({
    Records: [
      {
        eventVersion: '2.1',
        eventSource: 'aws:s3',
        awsRegion: 'eu-north-1',
        eventTime: new Date().toISOString(),
        eventName,
        userIdentity: { principalId: 'AWS:AROAEXAMPLE:uploader' },
        requestParameters: { sourceIPAddress: '198.51.100.20' },
        responseElements: {
          'x-amz-request-id': 'D82B88E5F771F645',
          'x-amz-id-2': 'vlR7PnpV2Ce81l0PRw6jlUpck7Jo5ZsQ',
        },
        s3: {
          s3SchemaVersion: '1.0',
          configurationId: 'minutes-ingest',
          bucket: {
            name: 'minutes',
            ownerIdentity: { principalId: 'A3I5XTEXAMAI3E' },
            arn: 'arn:aws:s3:::minutes',
          },
          object: {
            key: s3EncodedKey(key),
            ...(size === undefined ? {} : { size, eTag: '0123456789abcdef0123456789abcdef' }),
            sequencer: '0C0F6F405D6ED209E1',
          },
        },
      },
    ],
  });
}

/** The message S3 sends once when the bucket's notification is configured. */
export function s3TestEventBody(): string {
  return JSON.stringify({
    Service: 'Amazon S3',
    Event: 's3:TestEvent',
    Time: new Date().toISOString(),
    Bucket: 'minutes',
    RequestId: '5582815E1AEA5ADF',
    HostId: '8cLeGAmw098X5cv4Zkwcmo8vvZa3eH3eKxsPzbB9wrR+YstdA6Knx4Ip8EXAMPLE',
  });
}

/** One SQS message with a fresh id, as Lambda's event source mapping delivers it. */
export function sqsMessage(body: string): SQSRecord {
  messages += 1;
  const sent = String(Date.now());
  return {
    messageId: `00000000-0000-4000-8000-${String(messages).padStart(12, '0')}`,
    receiptHandle: `AQEB${messages}`,
    body,
    attributes: {
      ApproximateReceiveCount: '1',
      SentTimestamp: sent,
      SenderId: 'AIDAJHIPRHEMV73VRJEBU',
      ApproximateFirstReceiveTimestamp: sent,
    },
    messageAttributes: {},
    md5OfBody: createHash('md5').update(body).digest('hex'),
    eventSource: 'aws:sqs',
    eventSourceARN: QUEUE_ARN,
    awsRegion: 'eu-north-1',
  };
}

/** The same message delivered once more (after a failure, once its visibility timeout ran out). */
export function redelivered(message: SQSRecord): SQSRecord {
  const count = Number(message.attributes.ApproximateReceiveCount) + 1;
  return { ...message, attributes: { ...message.attributes, ApproximateReceiveCount: String(count) } };
}

export function sqsEvent(...records: SQSRecord[]): SQSEvent {
  return { Records: records };
}

export function lambdaContext(): Context {
  return {
    callbackWaitsForEmptyEventLoop: true,
    functionName: 'minutes-ingest',
    functionVersion: '$LATEST',
    invokedFunctionArn: 'arn:aws:lambda:eu-north-1:123456789012:function:minutes-ingest',
    memoryLimitInMB: '1024',
    awsRequestId: 'c6af9ac6-7b61-11e6-9a41-93e812345678',
    logGroupName: '/aws/lambda/minutes-ingest',
    logStreamName: '2026/11/23/[$LATEST]abcdef',
    getRemainingTimeInMillis: () => 60_000,
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
}
