import { JSONStringified } from '@aws-lambda-powertools/parser/helpers';
import { z } from 'zod';

/**
 * Who sent the notification. Real S3 URL-encodes object keys in notifications (a space as '+');
 * the local emulator s3rver sends them as they are.
 */
export type NotificationSource = 'aws' | 'local';

/** What happened to an object, with its plain (decoded) key. */
export type S3Change =
  | { readonly kind: 'created'; readonly key: string; readonly size: number | null }
  | { readonly kind: 'removed'; readonly key: string };

/** A notification the ingest cannot read: the message goes back to the queue, then to its dead-letter queue. */
export class S3EventError extends Error {
  override readonly name = 'S3EventError';
}

/**
 * The fields of an S3 notification record the ingest reads. Narrower than Powertools' S3Schema on
 * purpose: that schema accepts only an IPv4 `requestParameters.sourceIPAddress`, while S3 records
 * the uploader's address (IPv6 from a dual-stack client) and s3rver records '::1' for localhost.
 */
const S3NotificationRecord = z.object({
  eventSource: z.literal('aws:s3'),
  eventName: z.string(),
  s3: z.object({
    object: z.object({
      key: z.string().min(1),
      size: z.number().int().nonnegative().optional(),
    }),
  }),
});
type S3NotificationRecord = z.infer<typeof S3NotificationRecord>;

const S3Notification = z.object({ Records: z.array(S3NotificationRecord) });

/** What S3 sends once when a bucket's notification is configured; it names no object. */
const S3TestEvent = z.object({ Service: z.literal('Amazon S3'), Event: z.literal('s3:TestEvent') });

/** The body of an SQS message that S3 sent to the queue. */
const S3QueueMessage = JSONStringified(z.union([S3TestEvent, S3Notification]));

/** The changes in the body of an SQS message from S3 (none for the s3:TestEvent). Throws S3EventError. */
export function s3ChangesFromMessage(body: string): S3Change[] {
  const parsed = S3QueueMessage.safeParse(body);
  if (!parsed.success) {
    throw new S3EventError(`not an S3 notification: ${z.prettifyError(parsed.error)}`, {
      cause: parsed.error,
    });
  }
  return 'Records' in parsed.data ? toChanges(parsed.data.Records, 'aws') : [];
}

/** The changes in S3 notification records (`event.Records`). Throws S3EventError. */
export function s3Changes(records: readonly unknown[], source: NotificationSource): S3Change[] {
  const parsed = z.array(S3NotificationRecord).safeParse(records);
  if (!parsed.success) {
    throw new S3EventError(`not S3 notification records: ${z.prettifyError(parsed.error)}`, {
      cause: parsed.error,
    });
  }
  return toChanges(parsed.data, source);
}

function toChanges(records: readonly S3NotificationRecord[], source: NotificationSource): S3Change[] {
  return records.flatMap((record): S3Change[] => {
    const key = decodeKey(record.s3.object.key, source);
    // A "folder" made in the S3 console is an empty object whose key ends in '/': not a document.
    if (key.endsWith('/')) return [];
    if (record.eventName.startsWith('ObjectCreated:')) {
      return [{ kind: 'created', key, size: record.s3.object.size ?? null }];
    }
    if (record.eventName.startsWith('ObjectRemoved:')) return [{ kind: 'removed', key }];
    // Restores, replication and the like change no document; the bucket is not configured to send them.
    return [];
  });
}

function decodeKey(key: string, source: NotificationSource): string {
  if (source === 'local') return key;
  try {
    // S3 encodes keys as in an HTML form: '+' is a space, a real '+' arrives as '%2B'.
    return decodeURIComponent(key.replace(/\+/g, ' '));
  } catch (error) {
    throw new S3EventError(`object key is not URL-encoded: ${key}`, { cause: error });
  }
}
