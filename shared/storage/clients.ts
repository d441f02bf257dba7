import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

/** Where a client talks to: AWS when `endpoint` is absent, a local emulator (s3rver, dynalite) when given. */
export interface ClientTarget {
  readonly region: string;
  readonly endpoint?: string | undefined;
}

/**
 * s3rver accepts only its built-in access key (it checks the key id, not V4 signatures);
 * dynalite accepts any. One pair for both keeps local configuration to an endpoint.
 */
const LOCAL_CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } as const;

/**
 * An S3 client. Request checksums only when required, everywhere: by default the SDK signs the
 * CRC32 of an empty body into presigned PUT URLs, and S3 then refuses every real upload
 * (aws/aws-sdk-js-v3#6994). Locally also path-style URLs (no bucket subdomains on localhost) and
 * no response checksums, since s3rver stores the aws-chunked framing of a checksummed streamed
 * put inside the object, without an error.
 */
export function createS3Client({ region, endpoint }: ClientTarget): S3Client {
  if (endpoint === undefined) return new S3Client({ region, requestChecksumCalculation: 'WHEN_REQUIRED' });
  return new S3Client({
    region,
    endpoint,
    credentials: LOCAL_CREDENTIALS,
    forcePathStyle: true,
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
}

/** A DynamoDB document client; undefined attributes are left out rather than refused. */
export function createDynamoClient({ region, endpoint }: ClientTarget): DynamoDBDocumentClient {
  const client =
    endpoint === undefined
      ? new DynamoDBClient({ region })
      : new DynamoDBClient({ region, endpoint, credentials: LOCAL_CREDENTIALS });
  return DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
}
