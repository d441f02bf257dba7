import { createHash } from 'node:crypto';
import type {
  BlobStore,
  ObjectHead,
  OversizedObject,
  PresignedUpload,
  StoredObject,
} from '#storage/blob-store.ts';

/** A bucket in memory, for the sync use case's tests: keeps metadata, counts writes. */
export class MemoryBlobs implements BlobStore {
  readonly objects = new Map<string, StoredObject>();
  /** Every key put, in order. */
  readonly puts: string[] = [];

  async head(key: string): Promise<ObjectHead | null> {
    const entry = this.objects.get(key);
    if (entry === undefined) return null;
    const { bytes: _, ...head } = entry;
    return head;
  }

  get(key: string): Promise<StoredObject | null>;
  get(key: string, options: { readonly maxBytes: number }): Promise<StoredObject | OversizedObject | null>;
  async get(
    key: string,
    options?: { readonly maxBytes: number },
  ): Promise<StoredObject | OversizedObject | null> {
    const entry = this.objects.get(key);
    if (entry === undefined) return null;
    return options !== undefined && entry.size > options.maxBytes ? { ...entry, bytes: null } : entry;
  }

  async put(...[key, bytes, contentType, metadata]: Parameters<BlobStore['put']>): Promise<void> {
    this.puts.push(key);
    const etag = `"${createHash('md5').update(bytes).digest('hex')}"`;
    this.objects.set(key, { bytes, size: bytes.byteLength, contentType, etag, metadata });
  }

  async delete(key: string): Promise<void> {
    this.objects.delete(key);
  }

  async *list(prefix = ''): AsyncIterable<string> {
    for (const key of [...this.objects.keys()].sort()) if (key.startsWith(prefix)) yield key;
  }

  presignPut(): Promise<PresignedUpload> {
    throw new Error('not used by the sync');
  }

  presignGet(): Promise<string> {
    throw new Error('not used by the sync');
  }

  /** The stored object's text. */
  text(key: string): string | undefined {
    const entry = this.objects.get(key);
    return entry === undefined ? undefined : new TextDecoder().decode(entry.bytes);
  }
}
