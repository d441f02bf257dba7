/**
 * An entry point for the bundle test: bundled like a house function and run where no
 * node_modules can be found, it reads a PDF with the bundled pdf.js worker and splits a compound
 * with the dictionary files copied next to the bundle. It prints what it found as JSON.
 */
import { readFile } from 'node:fs/promises';
import * as pdfjsWorker from 'pdfjs-dist/legacy/build/pdf.worker.mjs';
import { readPdf } from '#extract/pdf.ts';
import { compoundParts } from '#language/compounds.ts';

// As the ingest entry point does: pdf.js's fake worker finds the bundled worker module here.
(globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = pdfjsWorker;

const bytes = new Uint8Array(await readFile(process.argv[2] ?? ''));
const text = await readPdf(bytes, { maxPages: 100, timeoutMs: 60_000 });
console.log(
  JSON.stringify({
    pages: text.pages,
    lines: text.lines.length,
    firstLine: text.lines[0]?.text,
    parts: compoundParts('sygefraværet'),
  }),
);
