import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultLimits } from '#config/limits.ts';
import { extractLines } from '#extract/index.ts';
import { explainExtraction, extractMeeting } from '#ingest/extract-meeting.ts';

const corpus = 'test/fixtures/corpus';
const filesIn = (folder: string) => readdirSync(join(corpus, folder)).map((f) => join(corpus, folder, f));
const documents = [...filesIn('seeds'), ...filesIn('pdf'), ...filesIn('extra/pdf')];

const SUMMARY = ['furniture', 'styles', 'contents', 'items', 'header', 'confidence'];
/** `p<page> <style> <role> <text>`: the explanation of one input line. */
const ROW = /^p(\d+) +\S* +([a-z-]+) /;

describe('extract --explain on every corpus document', () => {
  it.each(documents)('explains each line of %s once, after a summary of the passes', async (file) => {
    const bytes = new Uint8Array(readFileSync(file));
    const [explanation, lines, doc] = await Promise.all([
      explainExtraction(bytes, file, defaultLimits),
      extractLines(bytes, defaultLimits),
      extractMeeting(bytes, file, defaultLimits),
    ]);
    const out = explanation.split('\n');
    expect(out.slice(0, SUMMARY.length).map((s) => s.match(/^# ([a-z]+)/)?.[1])).toEqual(SUMMARY);
    const rows = out.slice(SUMMARY.length).map((row) => row.match(ROW));
    expect(rows).toHaveLength(lines.lines.length);
    expect(rows.map((row) => Number(row?.[1]))).toEqual(lines.lines.map((line) => line.page));
    const roles = rows.map((row) => row?.[2]);
    expect(roles.filter((role) => role === 'item-heading')).toHaveLength(doc.items.length);
    const decided = doc.items.filter((item) => item.decision?.text).length;
    expect(roles.filter((role) => role === 'decision').length).toBeGreaterThanOrEqual(decided);
  });
});
