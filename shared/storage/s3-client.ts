import { S3Client } from '@aws-sdk/client-s3';
import { type ClientTarget, LOCAL_CREDENTIALS } from './client-target.ts';

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
