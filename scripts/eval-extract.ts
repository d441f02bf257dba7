/**
 * Scores extraction against the gold annotations of the corpus: every seed as text and as PDF,
 * and the extra house styles. Prints a table per document and the mean per metric.
 * Usage: npm run eval [-- --corpus DIR]
 */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parseArgs } from 'node:util';
import { defaultLimits } from '#config/limits.ts';
import { extractMeeting } from '#ingest/extract-meeting.ts';
import { type GoldDocument, METRICS, type Scores, score } from './lib/score.ts';

const { values } = parseArgs({ options: { corpus: { type: 'string', default: 'test/fixtures/corpus' } } });
const corpus = values.corpus as string;

interface Case {
  readonly name: string;
  readonly file: string;
  readonly gold: string;
}

function cases(): Case[] {
  const list: Case[] = [];
  for (const goldFile of readdirSync(join(corpus, 'gold')).sort()) {
    const id = basename(goldFile, '.json');
    list.push({
      name: `${id}.txt`,
      file: join(corpus, 'seeds', `${id}.txt`),
      gold: join(corpus, 'gold', goldFile),
    });
    list.push({
      name: `${id}.pdf`,
      file: join(corpus, 'pdf', `${id}.pdf`),
      gold: join(corpus, 'gold', goldFile),
    });
  }
  for (const goldFile of readdirSync(join(corpus, 'extra', 'gold')).sort()) {
    const id = basename(goldFile, '.json');
    list.push({
      name: `${id}.pdf`,
      file: join(corpus, 'extra', 'pdf', `${id}.pdf`),
      gold: join(corpus, 'extra', 'gold', goldFile),
    });
  }
  return list;
}

const rows: [string, Scores][] = [];
for (const c of cases()) {
  const gold = JSON.parse(readFileSync(c.gold, 'utf8')) as GoldDocument;
  try {
    const doc = await extractMeeting(new Uint8Array(readFileSync(c.file)), c.file, defaultLimits);
    rows.push([c.name, score(doc, gold)]);
  } catch (error) {
    console.error(`${c.name}: ${error instanceof Error ? error.message : String(error)}`);
    rows.push([c.name, Object.fromEntries(METRICS.map((m) => [m, 0]))]);
  }
}

const short: Record<string, string> = {
  decisionText: 'decText',
  decisionDate: 'decDate',
  location: 'locat',
  members: 'membr',
};
const head = ['document'.padEnd(44), ...METRICS.map((m) => (short[m] ?? m).padStart(7))].join(' ');
console.log(head);
const fmt = (v: number | undefined) => (v === undefined ? '      -' : v.toFixed(2).padStart(7));
for (const [name, s] of rows) console.log([name.padEnd(44), ...METRICS.map((m) => fmt(s[m]))].join(' '));
const means = METRICS.map((m) => {
  const v = rows.map(([, s]) => s[m]).filter((x): x is number => x !== undefined);
  return v.reduce((a, b) => a + b, 0) / Math.max(1, v.length);
});
console.log(['mean'.padEnd(44), ...means.map(fmt)].join(' '));
const imperfect = rows.filter(([, s]) => METRICS.some((m) => s[m] !== undefined && s[m] < 1));
for (const [name, s] of imperfect) {
  const misses = METRICS.filter((m) => s[m] !== undefined && (s[m] as number) < 1).map(
    (m) => `${m} ${(s[m] as number).toFixed(4)}`,
  );
  console.log(`below 1: ${name}: ${misses.join(', ')}`);
}
const perfect = rows.length - imperfect.length;
console.log(`\n${perfect}/${rows.length} documents perfect on every metric`);
