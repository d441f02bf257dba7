import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import v8 from 'node:v8';
import vm from 'node:vm';
import { OpenAPIHono } from '@hono/zod-openapi';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerExport } from '#api/routes/export.ts';
import { SqliteSearchIndex } from '#search/sqlite/sqlite-index.ts';
import { type Pool, syntheticDocuments } from '../../scripts/lib/synthetic-items.ts';

const ITEMS = 100_000;
/** What the export may add to the heap at most, whatever its size: a few batches' worth. */
const HEAP_BOUND = 8 * 1024 * 1024;

// The test measures the heap after full collections: gc() made callable for this process.
v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

/** Words to generate minutes from, Danish letters among them (the generator draws by Zipf's law). */
const POOL: Pool = {
  sentences: ['Økonomiudvalget anbefaler, at sagen godkendes.'],
  titles: ['Budget for ældreområdet 2026'],
  decisions: ['Godkendt som indstillet, dog således at "Søndergade" udgår.'],
  words:
    'kommune byråd økonomi udvalg skole vej plan budget ældre børn trafik havn sundhed miljø borger forslag bevilling anlæg drift løsning'.split(
      ' ',
    ),
};

let dir: string;
let index: SqliteSearchIndex;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'export-memory-'));
  index = SqliteSearchIndex.open(join(dir, 'search.sqlite'));
  // The generator's items without their sections: the export never reads them, and analysing
  // them would only make the filling slower.
  for (const document of syntheticDocuments(POOL, ITEMS)) {
    const items = document.items.map((item) => ({ ...item, sections: [], summary: [] }));
    await index.replaceDocument(document.documentId, items);
  }
}, 300_000);

afterAll(async () => {
  index?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('GET /export of 100,000 items', () => {
  for (const format of ['ndjson', 'csv'] as const) {
    it(`streams them as ${format} in constant memory`, async () => {
      const app = new OpenAPIHono();
      registerExport(app, { index, log: console });
      gc();
      const base = process.memoryUsage().heapUsed;
      const response = await app.request(`/export?format=${format}`);
      expect(response.status).toBe(200);
      const reader = (response.body as ReadableStream<Uint8Array>).getReader();
      let [bytes, lines, chunks, growth] = [0, 0, 0, 0];
      for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
        bytes += chunk.value.length;
        // Counted as bytes: newlines inside a quoted CSV field would count too, and there are none.
        for (const byte of chunk.value) if (byte === 0x0a) lines += 1;
        chunks += 1;
        if (chunks % 10 === 0) {
          gc();
          growth = Math.max(growth, process.memoryUsage().heapUsed - base);
        }
      }
      console.log(`${format}: ${bytes} bytes in ${chunks} chunks, heap growth at most ${growth} bytes`);
      expect(lines).toBe(format === 'csv' ? ITEMS + 1 : ITEMS);
      // Streamed in many pieces, and the heap grew by a small part of what passed through it.
      expect(chunks).toBeGreaterThan(100);
      expect(bytes).toBeGreaterThan(3 * HEAP_BOUND);
      expect(growth).toBeLessThan(HEAP_BOUND);
    }, 120_000);
  }
});
