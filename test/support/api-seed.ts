import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { defaultLimits } from '#config/limits.ts';
import type { MeetingDocument } from '#domain/meeting.ts';
import { parseQuality } from '#ingest/quality.ts';
import { extractMeeting } from '#parse/extract-meeting.ts';
import { toIndexedItems } from '#search/indexed-item.ts';
import type { SearchIndex } from '#search/port.ts';
import type { BlobStore } from '#storage/blob-store.ts';
import type { DocumentRegistry } from '#storage/registry.ts';

export const SEED_EXTRACTOR_VERSION = 'test-1';

export interface SeededMinutes {
  readonly id: string;
  readonly key: string;
  readonly bytes: Uint8Array;
  readonly doc: MeetingDocument;
}

interface SeedPorts {
  readonly index: SearchIndex;
  readonly registry: DocumentRegistry;
  readonly blobs: BlobStore;
}

/** Stores, registers and indexes one PDF of minutes, as the ingest pipeline would. */
export async function seedMinutes(ports: SeedPorts, path: string, at: string): Promise<SeededMinutes> {
  const bytes = new Uint8Array(await readFile(path));
  const key = `minutes/${basename(path)}`;
  const doc = await extractMeeting(bytes, basename(path), defaultLimits);
  const id = doc.source.sha256;
  await ports.blobs.put(key, bytes, 'application/pdf');
  await ports.registry.receive({ id, key, size: bytes.byteLength, at });
  await ports.registry.setKey(key, id);
  await ports.registry.claim(id, SEED_EXTRACTOR_VERSION, at);
  await ports.index.replaceDocument(id, toIndexedItems(doc, { documentId: id, key }));
  const { body, municipality, date, kind } = doc.meeting;
  await ports.registry.complete(
    id,
    {
      status: 'indexed',
      pages: doc.source.pages,
      quality: parseQuality(doc),
      meeting: { body, municipality, date, kind },
      extractorVersion: SEED_EXTRACTOR_VERSION,
    },
    at,
  );
  return { id, key, bytes, doc };
}

/** Registers a document that failed to extract: in the registry, never in the index. */
export async function seedFailed(ports: SeedPorts, id: string, reason: string, at: string): Promise<void> {
  await ports.registry.receive({ id, key: `minutes/${id}.pdf`, size: 10, at });
  await ports.registry.claim(id, SEED_EXTRACTOR_VERSION, at);
  await ports.registry.complete(
    id,
    { status: 'failed', reason, pages: null, extractorVersion: SEED_EXTRACTOR_VERSION },
    at,
  );
}
