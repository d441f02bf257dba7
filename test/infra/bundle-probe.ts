/**
 * An entry point for the bundle test: bundled like the ingest function (with its extraction
 * worker next to it) and run where no node_modules can be found, it reads a PDF through the
 * isolated extractor and splits a compound with the dictionary files copied next to the bundle.
 * It prints what it found as JSON.
 */
import { readFile } from 'node:fs/promises';
import { defaultLimits } from '#config/limits.ts';
import { IsolatedExtractor } from '#ingest/isolated-extractor.ts';
import { compoundParts } from '#language/compounds.ts';

const bytes = new Uint8Array(await readFile(process.argv[2] ?? ''));
const extractor = new IsolatedExtractor(defaultLimits);
const doc = await extractor.extract(bytes, 'probe.pdf');
await extractor.close();
console.log(
  JSON.stringify({
    pages: doc.source.pages,
    titles: doc.items.map((item) => item.title),
    parts: compoundParts('sygefraværet'),
  }),
);
