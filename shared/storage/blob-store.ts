/** What the bucket says about an object without its bytes. */
export interface ObjectHead {
  readonly size: number;
  readonly contentType: string | null;
  /** Changes whenever other bytes are put at the key: tells whether a key still holds what was read. */
  readonly etag: string | null;
  /** The object's user metadata (S3's `x-amz-meta-*`, names in lower case), as `put` wrote it. */
  readonly metadata?: Readonly<Record<string, string>>;
}

/** An object in the minutes bucket. */
export interface StoredObject extends ObjectHead {
  readonly bytes: Uint8Array;
}

/** An object larger than a read allowed: what the bucket said of it, its bytes never read. */
export interface OversizedObject extends ObjectHead {
  readonly bytes: null;
}

/** A presigned upload: the client PUTs the file to `url` with exactly these headers. */
export interface PresignedUpload {
  readonly url: string;
  readonly method: 'PUT';
  readonly headers: Readonly<Record<string, string>>;
  readonly expiresAt: string;
}

/**
 * The bucket that holds the minutes (S3 in AWS, s3rver locally). Keys are plain (decoded)
 * object keys; decoding event keys is the event reader's job.
 */
export interface BlobStore {
  /** The object's size, type and ETag without its bytes, or null when there is no such key. */
  head(key: string): Promise<ObjectHead | null>;
  /** The object's bytes, or null when there is no such key. */
  get(key: string): Promise<StoredObject | null>;
  /**
   * As above, but an object of more than `maxBytes` comes back without its bytes, its body never
   * read: one request, and memory bounded even when a large object replaced a small one.
   */
  get(key: string, options: { readonly maxBytes: number }): Promise<StoredObject | OversizedObject | null>;
  /** `metadata`: user metadata kept with the object (ASCII names and values), read back by `head`. */
  put(
    key: string,
    bytes: Uint8Array,
    contentType: string,
    metadata?: Readonly<Record<string, string>>,
  ): Promise<void>;
  delete(key: string): Promise<void>;
  /** Every key under the prefix, in key order. */
  list(prefix?: string): AsyncIterable<string>;
  /** A URL to PUT one file of exactly `size` bytes and this content type, valid for `expiresIn` seconds. */
  presignPut(
    key: string,
    options: { readonly contentType: string; readonly size: number; readonly expiresIn: number },
  ): Promise<PresignedUpload>;
  /** A URL to GET the object, valid for `expiresIn` seconds. */
  presignGet(key: string, options: { readonly expiresIn: number }): Promise<string>;
}

/** The content type to store minutes under: a web page saved from a portal, a portal's agenda JSON, or a PDF. */
export function minutesContentType(fileName: string): string {
  if (/\.html?$/i.test(fileName)) return 'text/html; charset=utf-8';
  return /\.json$/i.test(fileName) ? 'application/json' : 'application/pdf';
}
