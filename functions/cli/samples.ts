import { readFile } from 'node:fs/promises';
import type { ExtractLimits } from '#config/limits.ts';
import type { MeetingDocument } from '#domain/meeting.ts';
import { ExtractionError } from '#extract/errors.ts';
import { IsolatedExtractor } from '#ingest/isolated-extractor.ts';
import { pdfsIn } from '../samples.ts';

/** Extracts every PDF in the folders and prints one summary block per meeting. */
export async function samplesCommand(dirs: readonly string[], limits: ExtractLimits): Promise<number> {
  let failed = 0;
  const extractor = new IsolatedExtractor(limits);
  for (const file of await pdfsIn(dirs)) {
    try {
      const doc = await extractor.extract(new Uint8Array(await readFile(file)), file);
      process.stdout.write(describe(doc));
    } catch (error) {
      if (!(error instanceof ExtractionError)) throw error;
      failed++;
      process.stdout.write(`${file}\n  ${error.kind}: ${error.message}\n\n`);
    }
  }
  await extractor.close();
  return failed === 0 ? 0 : 1;
}

function describe(doc: MeetingDocument): string {
  const { meeting, items, source } = doc;
  const decided = items.filter((i) => i.decision).length;
  const head = [meeting.municipality, meeting.body, meeting.date, meeting.kind].filter(Boolean).join(' · ');
  const lines = [
    `${source.file} (${source.pages} pages)`,
    `  ${head}: ${items.length} items, ${decided} decisions`,
  ];
  for (const item of items) {
    const number = item.number === null ? '  -' : String(item.number).padStart(3);
    const outcome = item.access === 'closed' ? 'lukket' : (item.decision?.outcome ?? '');
    lines.push(`  ${number}  ${item.title.slice(0, 70).padEnd(70)}  ${outcome}`);
  }
  return `${lines.join('\n')}\n\n`;
}
