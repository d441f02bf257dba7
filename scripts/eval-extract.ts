/**
 * Scores extraction against gold annotations: every corpus seed as text and as PDF, the extra
 * house styles, and, when the folder exists, the real minutes in ../shared/realworld (the full
 * meetings, and eDoc's per-item export scored item by item against the full meeting's gold).
 * Prints a table per document, the mean per metric and set, and a line per document without gold.
 * Usage: npm run eval [-- --corpus DIR --realworld DIR]
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parseArgs } from 'node:util';
import { defaultLimits } from '#config/limits.ts';
import { extractMeeting } from '#ingest/extract-meeting.ts';
import { type GoldDocument, METRICS, type Scores, score } from './lib/score.ts';

const { values } = parseArgs({
  options: {
    corpus: { type: 'string', default: 'test/fixtures/corpus' },
    realworld: { type: 'string', default: '../shared/realworld' },
  },
});
const corpus = values.corpus as string;
const realworld = values.realworld as string;

interface Case {
  readonly set: 'corpus' | 'realworld';
  readonly name: string;
  readonly file: string;
  readonly gold: () => GoldDocument;
}

const readGold = (path: string) => () => JSON.parse(readFileSync(path, 'utf8')) as GoldDocument;

function corpusCases(): Case[] {
  const list: Case[] = [];
  for (const goldFile of readdirSync(join(corpus, 'gold')).sort()) {
    const id = basename(goldFile, '.json');
    const gold = readGold(join(corpus, 'gold', goldFile));
    list.push({ set: 'corpus', name: `${id}.txt`, file: join(corpus, 'seeds', `${id}.txt`), gold });
    list.push({ set: 'corpus', name: `${id}.pdf`, file: join(corpus, 'pdf', `${id}.pdf`), gold });
  }
  for (const goldFile of readdirSync(join(corpus, 'extra', 'gold')).sort()) {
    const id = basename(goldFile, '.json');
    const gold = readGold(join(corpus, 'extra', 'gold', goldFile));
    list.push({ set: 'corpus', name: `${id}.pdf`, file: join(corpus, 'extra', 'pdf', `${id}.pdf`), gold });
  }
  return list;
}

/**
 * eDoc's per-item export of the Ballerup meeting: one PDF per item, in item order (as the
 * realworld README lists them). Each is scored against its item of the full meeting's gold and
 * the meeting fields a lone item prints (body and date, in its decision heading).
 */
const PER_ITEM = {
  gold: 'ballerup_Sundheds- og Forebyggelsesudvalget.json',
  files: ['1552824', '1552823', '1552822', '1552826', '1552821', '1552819', '1552817', '1552816'],
};

function realworldCases(): { cases: Case[]; ungraded: string[] } {
  const gold = join(realworld, 'gold');
  const pdf = join(realworld, 'pdf');
  const cases: Case[] = readdirSync(gold)
    .sort()
    .map((goldFile) => ({
      set: 'realworld' as const,
      name: `${basename(goldFile, '.json')}.pdf`,
      file: join(pdf, `${basename(goldFile, '.json')}.pdf`),
      gold: readGold(join(gold, goldFile)),
    }));
  const full = readGold(join(gold, PER_ITEM.gold));
  PER_ITEM.files.forEach((id, index) => {
    cases.push({
      set: 'realworld',
      name: `ballerup_${id}.PDF (item ${index + 1})`,
      file: join(pdf, `ballerup_${id}.PDF`),
      gold: () => {
        const meeting = full();
        const { body, date, kind } = meeting.meeting;
        return { meeting: { body, date, kind }, items: meeting.items.slice(index, index + 1) };
      },
    });
  });
  const graded = new Set(cases.map((c) => basename(c.file)));
  const ungraded = readdirSync(pdf)
    .filter((name) => !graded.has(name))
    .sort()
    .map((name) => join(pdf, name));
  return { cases, ungraded };
}

async function scoreCase(c: Case): Promise<Scores> {
  try {
    const doc = await extractMeeting(new Uint8Array(readFileSync(c.file)), c.file, defaultLimits);
    return score(doc, c.gold());
  } catch (error) {
    console.error(`${c.name}: ${error instanceof Error ? error.message : String(error)}`);
    return Object.fromEntries(METRICS.map((m) => [m, 0]));
  }
}

const short: Record<string, string> = {
  decisionText: 'decText',
  decisionDate: 'decDate',
  location: 'locat',
  members: 'membr',
  municipality: 'munic',
};
const WIDTH = 48;
const fmt = (v: number | undefined) => (v === undefined ? '      -' : v.toFixed(2).padStart(7));
const mean = (rows: readonly [string, Scores][], m: (typeof METRICS)[number]) => {
  const v = rows.map(([, s]) => s[m]).filter((x): x is number => x !== undefined);
  return v.length ? v.reduce((a, b) => a + b, 0) / v.length : undefined;
};
/** Every metric of every document averaged together: one figure for a set. */
const overall = (rows: readonly [string, Scores][]) => {
  const v = rows.flatMap(([, s]) => METRICS.map((m) => s[m]).filter((x): x is number => x !== undefined));
  return v.reduce((a, b) => a + b, 0) / Math.max(1, v.length);
};

function printSet(title: string, rows: readonly [string, Scores][]): void {
  console.log(`\n${title}`);
  console.log(['document'.padEnd(WIDTH), ...METRICS.map((m) => (short[m] ?? m).padStart(7))].join(' '));
  for (const [name, s] of rows) console.log([name.padEnd(WIDTH), ...METRICS.map((m) => fmt(s[m]))].join(' '));
  console.log(['mean'.padEnd(WIDTH), ...METRICS.map((m) => fmt(mean(rows, m)))].join(' '));
  for (const [name, s] of rows) {
    const misses = METRICS.filter((m) => s[m] !== undefined && (s[m] as number) < 1);
    if (misses.length)
      console.log(`below 1: ${name}: ${misses.map((m) => `${m} ${s[m]?.toFixed(4)}`).join(', ')}`);
  }
  const perfect = rows.filter(([, s]) => METRICS.every((m) => s[m] === undefined || s[m] === 1)).length;
  console.log(
    `${perfect}/${rows.length} documents perfect on every metric; mean over all metrics ${overall(rows).toFixed(3)}`,
  );
}

const corpusRows: [string, Scores][] = [];
for (const c of corpusCases()) corpusRows.push([c.name, await scoreCase(c)]);
printSet('corpus (test/fixtures/corpus)', corpusRows);

if (!existsSync(join(realworld, 'gold'))) {
  console.log(`\nrealworld: skipped, ${realworld} is not here (it is kept outside the project)`);
} else {
  const { cases, ungraded } = realworldCases();
  const rows: [string, Scores][] = [];
  for (const c of cases) rows.push([c.name, await scoreCase(c)]);
  printSet(`realworld (${realworld})`, rows);
  for (const file of ungraded) {
    const doc = await extractMeeting(new Uint8Array(readFileSync(file)), file, defaultLimits);
    const decisions = doc.items.filter((i) => i.decision).length;
    console.log(
      `no gold: ${basename(file)}: ${doc.items.length} items, ${decisions} decisions, body ${JSON.stringify(doc.meeting.body)}, confidence ${doc.quality.confidence}`,
    );
  }
}
