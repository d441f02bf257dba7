import { describe, expect, it } from 'vitest';
import { S3EventError, s3Changes, s3ChangesFromMessage } from '#ingest/events.ts';

/** A notification record as S3 sends it (notification-content-structure), key as given. */
function s3Record(eventName: string, key: string, size?: number, sourceIPAddress = '203.0.113.7') {
  return {
    eventVersion: '2.1',
    eventSource: 'aws:s3',
    awsRegion: 'eu-north-1',
    eventTime: '2026-11-23T10:00:00.000Z',
    eventName,
    userIdentity: { principalId: 'AWS:AIDAEXAMPLE' },
    requestParameters: { sourceIPAddress },
    responseElements: {
      'x-amz-request-id': 'C3D13FE58DE4C810',
      'x-amz-id-2': 'FMyUVURIY8/IgAtTv8xRjskZQpcIZ9KG4V',
    },
    s3: {
      s3SchemaVersion: '1.0',
      configurationId: 'minutes-uploads',
      bucket: {
        name: 'minutes',
        ownerIdentity: { principalId: 'A3NL1KOZZKExample' },
        arn: 'arn:aws:s3:::minutes',
      },
      object: {
        key,
        ...(size === undefined ? {} : { size, eTag: 'd41d8cd98f00b204e9800998ecf8427e' }),
        sequencer: '0055AED6DCD90281E5',
      },
    },
  };
}

const message = (...records: unknown[]) => JSON.stringify({ Records: records });

describe('s3ChangesFromMessage reads S3 notifications from SQS', () => {
  it.each([
    ['Referat+%C3%98konomiudvalget+2025.pdf', 'Referat Økonomiudvalget 2025.pdf'],
    ['a%2Bb+c.pdf', 'a+b c.pdf'],
    ['100%25+godkendt.pdf', '100% godkendt.pdf'],
    ['referater/2025/m%C3%B8de+%C3%A6%C3%B8%C3%A5.pdf', 'referater/2025/møde æøå.pdf'],
  ])('decodes the URL-encoded key %s to %s', (encoded, key) => {
    expect(s3ChangesFromMessage(message(s3Record('ObjectCreated:Put', encoded, 1234)))).toEqual([
      { kind: 'created', key, size: 1234 },
    ]);
  });

  it('reads every kind of creation as created and every kind of removal as removed', () => {
    const changes = s3ChangesFromMessage(
      message(
        s3Record('ObjectCreated:CompleteMultipartUpload', 'big.pdf', 9_000_000),
        s3Record('ObjectCreated:Copy', 'copy.pdf', 10),
        s3Record('ObjectRemoved:Delete', 'old.pdf'),
        s3Record('ObjectRemoved:DeleteMarkerCreated', 'versioned.pdf'),
      ),
    );
    expect(changes).toEqual([
      { kind: 'created', key: 'big.pdf', size: 9_000_000 },
      { kind: 'created', key: 'copy.pdf', size: 10 },
      { kind: 'removed', key: 'old.pdf' },
      { kind: 'removed', key: 'versioned.pdf' },
    ]);
  });

  it('accepts an upload from an IPv6 address', () => {
    const record = s3Record('ObjectCreated:Put', 'ipv6.pdf', 5, '2001:db8::8a2e:370:7334');
    expect(s3ChangesFromMessage(message(record))).toEqual([{ kind: 'created', key: 'ipv6.pdf', size: 5 }]);
  });

  it('ignores console folders and events that change no document', () => {
    const changes = s3ChangesFromMessage(
      message(
        s3Record('ObjectCreated:Put', 'referater/', 0),
        s3Record('ObjectRestore:Completed', 'a.pdf', 5),
      ),
    );
    expect(changes).toEqual([]);
  });

  it('ignores the s3:TestEvent S3 sends when the notification is configured', () => {
    const testEvent = {
      Service: 'Amazon S3',
      Event: 's3:TestEvent',
      Time: '2026-11-23T10:00:00.000Z',
      Bucket: 'minutes',
      RequestId: '5582815E1AEA5ADF',
      HostId: '8cLeGAmw098X5cv4Zkwcmo8vvZa3eH3eKxsPzbB9wrR+YstdA6Knx4Ip8EXAMPLE',
    };
    expect(s3ChangesFromMessage(JSON.stringify(testEvent))).toEqual([]);
  });

  it.each([
    ['a body that is not JSON', 'hello'],
    ['JSON that is no notification', '{"Records":[{"eventSource":"aws:sqs"}]}'],
    ['a record without a key', message({ eventSource: 'aws:s3', eventName: 'ObjectCreated:Put', s3: {} })],
    ['a key with a broken escape', message(s3Record('ObjectCreated:Put', 'bad%E0%A4%A.pdf', 1))],
  ])('refuses %s with an S3EventError', (_what, body) => {
    expect(() => s3ChangesFromMessage(body)).toThrow(S3EventError);
  });
});

describe('s3Changes reads notification records per source', () => {
  it('takes keys from the local emulator as they are', () => {
    const key = 'Møde referat+bilag 100%.pdf';
    expect(s3Changes([s3Record('ObjectCreated:Put', key, 42, '::1')], 'local')).toEqual([
      { kind: 'created', key, size: 42 },
    ]);
  });

  it('decodes keys from AWS', () => {
    expect(s3Changes([s3Record('ObjectRemoved:Delete', 'M%C3%B8de+1.pdf')], 'aws')).toEqual([
      { kind: 'removed', key: 'Møde 1.pdf' },
    ]);
  });

  it('refuses records that are not S3 notifications', () => {
    expect(() => s3Changes([{ eventSource: 'aws:sqs' }], 'local')).toThrow(S3EventError);
  });
});
