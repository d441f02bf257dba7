import { afterEach, describe, expect, it, vi } from 'vitest';
import { createS3Client } from '#storage/clients.ts';
import { S3BlobStore } from '#storage/s3-blob-store.ts';

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('the S3 client for AWS', () => {
  it('presigns uploads without a checksum of an empty body, signing type and size', async () => {
    vi.stubEnv('AWS_ACCESS_KEY_ID', 'AKIAEXAMPLEEXAMPLE');
    vi.stubEnv('AWS_SECRET_ACCESS_KEY', 'example-secret');
    const client = createS3Client({ region: 'eu-north-1' });
    const store = new S3BlobStore({ client, bucket: 'minutes' });

    const upload = await store.presignPut('referater/møde 1.pdf', {
      contentType: 'application/pdf',
      size: 2048,
      expiresIn: 300,
    });
    client.destroy();

    const url = new URL(upload.url);
    expect(url.host).toBe('minutes.s3.eu-north-1.amazonaws.com');
    expect(decodeURIComponent(url.pathname)).toBe('/referater/møde 1.pdf');
    const names = [...url.searchParams.keys()].map((name) => name.toLowerCase());
    expect(names.filter((name) => name.includes('checksum'))).toEqual([]);
    expect(url.searchParams.get('X-Amz-SignedHeaders')).toBe('content-length;content-type;host');
  });
});
