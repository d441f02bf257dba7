import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsCommand,
  PutObjectCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import type { BlobStore, ObjectHead, OversizedObject, PresignedUpload, StoredObject } from './blob-store.ts';
import { storageCall } from './errors.ts';

/** The bucket of minutes on S3 (or s3rver: build the client with createS3Client). */
export class S3BlobStore implements BlobStore {
  readonly #client: S3Client;
  readonly #bucket: string;
  readonly #pageSize: number | undefined;

  /** `pageSize`: keys per list request (S3's default and maximum is 1000). */
  constructor({
    client,
    bucket,
    pageSize,
  }: {
    readonly client: S3Client;
    readonly bucket: string;
    readonly pageSize?: number;
  }) {
    this.#client = client;
    this.#bucket = bucket;
    this.#pageSize = pageSize;
  }

  head(key: string): Promise<ObjectHead | null> {
    return storageCall('blob.head', () =>
      orNullWhenMissing(async () => {
        const head = await this.#client.send(new HeadObjectCommand({ Bucket: this.#bucket, Key: key }));
        return {
          size: head.ContentLength ?? 0,
          contentType: head.ContentType ?? null,
          etag: head.ETag ?? null,
          metadata: userMetadata(head.Metadata),
        };
      }),
    );
  }

  get(key: string): Promise<StoredObject | null>;
  get(key: string, options: { readonly maxBytes: number }): Promise<StoredObject | OversizedObject | null>;
  get(key: string, options?: { readonly maxBytes: number }): Promise<StoredObject | OversizedObject | null> {
    return storageCall('blob.get', () =>
      orNullWhenMissing(async () => {
        const object = await this.#client.send(new GetObjectCommand({ Bucket: this.#bucket, Key: key }));
        const head = {
          contentType: object.ContentType ?? null,
          etag: object.ETag ?? null,
          metadata: userMetadata(object.Metadata),
        };
        const size = object.ContentLength ?? 0;
        if (options !== undefined && size > options.maxBytes) {
          // The answer's headers say how large it is: its body is let go of unread.
          (object.Body as { destroy?: () => void } | undefined)?.destroy?.();
          return { ...head, size, bytes: null };
        }
        const bytes = plainBytes((await object.Body?.transformToByteArray()) ?? new Uint8Array());
        return { ...head, size: bytes.byteLength, bytes };
      }),
    );
  }

  async put(
    key: string,
    bytes: Uint8Array,
    contentType: string,
    metadata?: Readonly<Record<string, string>>,
  ): Promise<void> {
    await storageCall('blob.put', () =>
      this.#client.send(
        new PutObjectCommand({
          Bucket: this.#bucket,
          Key: key,
          Body: bytes,
          ContentType: contentType,
          ContentLength: bytes.byteLength,
          Metadata: metadata === undefined ? undefined : { ...metadata },
        }),
      ),
    );
  }

  async delete(key: string): Promise<void> {
    await storageCall('blob.delete', () =>
      this.#client.send(new DeleteObjectCommand({ Bucket: this.#bucket, Key: key })),
    );
  }

  /**
   * Pages with ListObjects (v1) and the last key as marker: s3rver builds v2 continuation tokens
   * with DES, which Node 17+ (OpenSSL 3) refuses, so any truncated v2 listing fails there with a
   * 500. Marker paging means the same on S3.
   */
  async *list(prefix?: string): AsyncIterable<string> {
    let marker: string | undefined;
    let truncated = true;
    while (truncated) {
      const page = await storageCall('blob.list', () =>
        this.#client.send(
          new ListObjectsCommand({
            Bucket: this.#bucket,
            Prefix: prefix,
            Marker: marker,
            MaxKeys: this.#pageSize,
          }),
        ),
      );
      for (const object of page.Contents ?? []) {
        if (object.Key === undefined) continue;
        marker = object.Key;
        yield object.Key;
      }
      truncated = page.IsTruncated === true && marker !== undefined;
    }
  }

  /**
   * Content-Type and Content-Length are signed, so S3 refuses a PUT of another type or size.
   * Browsers set Content-Length from the body themselves (and ignore it among the headers).
   */
  presignPut(
    key: string,
    options: { readonly contentType: string; readonly size: number; readonly expiresIn: number },
  ): Promise<PresignedUpload> {
    return storageCall('blob.presignPut', async () => {
      const command = new PutObjectCommand({
        Bucket: this.#bucket,
        Key: key,
        ContentType: options.contentType,
        ContentLength: options.size,
      });
      const expiresAt = new Date(Date.now() + options.expiresIn * 1000).toISOString();
      const url = await getSignedUrl(this.#client, command, {
        expiresIn: options.expiresIn,
        // The presigner signs Content-Length by default but not Content-Type.
        signableHeaders: new Set(['content-type', 'content-length']),
      });
      return {
        url,
        method: 'PUT',
        headers: { 'Content-Type': options.contentType, 'Content-Length': String(options.size) },
        expiresAt,
      };
    });
  }

  presignGet(key: string, options: { readonly expiresIn: number }): Promise<string> {
    return storageCall('blob.presignGet', () =>
      getSignedUrl(this.#client, new GetObjectCommand({ Bucket: this.#bucket, Key: key }), {
        expiresIn: options.expiresIn,
      }),
    );
  }
}

/** HeadObject answers a missing key with a bare 404 ('NotFound'), GetObject with 'NoSuchKey'. */
async function orNullWhenMissing<T>(call: () => Promise<T>): Promise<T | null> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof Error && (error.name === 'NotFound' || error.name === 'NoSuchKey')) return null;
    throw error;
  }
}

/** An object's user metadata, left out when it has none (S3 answers an empty map). */
function userMetadata(metadata: Record<string, string> | undefined): Record<string, string> | undefined {
  return metadata === undefined || Object.keys(metadata).length === 0 ? undefined : metadata;
}

/** The SDK may hand back a Buffer; callers get a plain Uint8Array over the same memory. */
function plainBytes(bytes: Uint8Array): Uint8Array {
  return Buffer.isBuffer(bytes) ? new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength) : bytes;
}
