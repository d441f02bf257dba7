import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { defaultLimits } from '#config/limits.ts';
import { ingestObject } from '#ingest/ingest-object.ts';
import { IsolatedExtractor } from '#ingest/isolated-extractor.ts';
import type { SearchIndex } from '#search/port.ts';
import type { BlobStore } from '#storage/blob-store.ts';
import type { DocumentRegistry } from '#storage/registry.ts';

export interface SeededMinutes {
  readonly id: string;
  readonly key: string;
  readonly bytes: Uint8Array;
}

interface SeedPorts {
  readonly index: SearchIndex;
  readonly registry: DocumentRegistry;
  readonly blobs: BlobStore;
}

/** One reader for every seed of a test file; its worker lets the process exit when idle. */
const extractor = new IsolatedExtractor(defaultLimits);

/** Stores one PDF of minutes in the bucket and ingests it with the pipeline's own use case. */
export async function seedMinutes(ports: SeedPorts, path: string, at: string): Promise<SeededMinutes> {
  const bytes = new Uint8Array(await readFile(path));
  const key = `minutes/${basename(path)}`;
  await ports.blobs.put(key, bytes, 'application/pdf');
  const outcome = await ingestObject(
    { ...ports, limits: defaultLimits, extractor, now: () => new Date(at) },
    key,
  );
  if (outcome.status !== 'indexed') throw new Error(`seed ${path} was not indexed: ${outcome.status}`);
  return { id: outcome.documentId, key, bytes };
}

/** Registers a document that failed to extract: in the registry, never in the index. */
export async function seedFailed(ports: SeedPorts, id: string, reason: string, at: string): Promise<void> {
  await ports.registry.receive({ id, key: `minutes/${id}.pdf`, size: 10, at });
  await ports.registry.claim(id, 'test-1', at);
  await ports.registry.complete(
    id,
    { status: 'failed', reason, pages: null, extractorVersion: 'test-1' },
    at,
  );
}
