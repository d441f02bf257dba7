/**
 * What a user waits for: `cli extract` timed as whole processes, start-up included, against
 * `pdftotext -layout` in the same run, and against another checkout's CLI (`--baseline-dir`, e.g. a
 * worktree of the commit before a change). Two cases: one 2-page PDF, and the 11 corpus PDFs
 * (this checkout: in one call; the baseline and pdftotext: once per file, as they take one).
 * Each round runs every command once, in an order that rotates between rounds, so load from other
 * processes on a shared machine falls on all alike; the median of the rounds counts. Also prints
 * what `npm run` adds to a start, and what Node's type stripping of the loaded .ts files costs.
 * Prints figures, asserts nothing.
 * Usage: npm run bench:cli [-- --runs N --baseline-dir DIR]
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { stripTypeScriptTypes } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { pdfsIn, SAMPLE_FOLDERS } from '../functions/samples.ts';
import {
  median,
  pdftotextVersion,
  perSecond,
  positiveIntegerOption,
  printMachine,
  row,
} from './lib/bench-report.ts';

/** A 2-page document of the corpus (an unnumbered ledermøde). */
const TWO_PAGES = 'test/fixtures/corpus/extra/pdf/e6_baekmose_ledermoede_20250114.pdf';
/** This checkout's command line entry point. */
const CLI_ENTRY = 'functions/cli/main.js';

/** A checkout's entry point: older ones start from main.ts. */
function cliEntry(dir: string): string {
  return existsSync(join(dir, CLI_ENTRY)) ? CLI_ENTRY : 'functions/cli/main.ts';
}

/** The targets of issue 16. */
const TARGET_TWO_PAGES_S = 0.8;
const TARGET_RATIO = 0.5;

interface Command {
  readonly name: string;
  /** Each process of one run, started one after another. */
  readonly processes: readonly (readonly string[])[];
  readonly cwd: string;
}

interface Timing {
  readonly wallMs: number;
  readonly cpuMs: number;
}

function options(): { runs: number; baselineDir: string | null } {
  const { values } = parseArgs({
    options: { runs: { type: 'string', default: '5' }, 'baseline-dir': { type: 'string' } },
  });
  const baselineDir = values['baseline-dir'];
  return {
    runs: positiveIntegerOption('runs', values.runs),
    baselineDir: baselineDir === undefined ? null : resolve(baselineDir),
  };
}

/** User and system CPU of a finished child, from `/usr/bin/time` (Node does not report a child's). */
const TIME = '/usr/bin/time';

/** Runs the command's processes one after another; wall time from here, CPU from /usr/bin/time. */
function timed(command: Command, scratch: string): Timing {
  const cpuFile = join(scratch, 'cpu.txt');
  let cpuMs = 0;
  const start = performance.now();
  for (const [program, ...args] of command.processes) {
    const run = spawnSync(TIME, ['-f', '%U %S', '-o', cpuFile, program as string, ...args], {
      cwd: command.cwd,
      stdio: ['ignore', 'ignore', 'pipe'],
      maxBuffer: 64 * 1024 * 1024,
    });
    if (run.status !== 0) throw new Error(`${command.name} failed: ${run.stderr}`, { cause: run.error });
    const [user = 0, system = 0] = readFileSync(cpuFile, 'utf8').trim().split(/\s+/).map(Number);
    cpuMs += (user + system) * 1000;
  }
  return { wallMs: performance.now() - start, cpuMs };
}

/** The pages of each file, as this checkout's CLI reads them (and a check that it reads them all). */
function pagesOf(files: readonly string[]): Map<string, number> {
  const run = spawnSync(process.execPath, [CLI_ENTRY, 'extract', ...files], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (run.status !== 0) throw new Error(`cli extract failed on the corpus: ${run.stderr}`);
  const documents = run.stdout
    .trimEnd()
    .split('\n')
    .map((line) => JSON.parse(line) as { source: { file: string; pages: number } });
  return new Map(documents.map((doc) => [doc.source.file, doc.source.pages]));
}

/** A warm-up round, then `runs` rounds; round r starts at command r, so each goes first in turn. */
function measure(commands: readonly Command[], runs: number, scratch: string): Map<string, Timing> {
  for (const command of commands) timed(command, scratch);
  const times = new Map<string, Timing[]>(commands.map((c) => [c.name, []]));
  for (let round = 0; round < runs; round++) {
    for (let i = 0; i < commands.length; i++) {
      const command = commands[(round + i) % commands.length] as Command;
      times.get(command.name)?.push(timed(command, scratch));
    }
  }
  return new Map(
    [...times].map(([name, list]) => [
      name,
      { wallMs: median(list.map((t) => t.wallMs)), cpuMs: median(list.map((t) => t.cpuMs)) },
    ]),
  );
}

const npmExtract = (files: readonly string[]) => ['npm', 'run', '--silent', 'cli', '--', 'extract', ...files];
const pdftotext = (file: string) => ['pdftotext', '-layout', file, '-'];

function printTable(title: string, results: Map<string, Timing>, pages: number): void {
  const widths = [44, 9, 9, 9];
  console.log(`\n${title} (${pages} pages)`);
  console.log(row(['command', 'wall s', 'CPU s', 'pages/s'], widths));
  for (const [name, { wallMs, cpuMs }] of results) {
    const cells = [
      name,
      (wallMs / 1000).toFixed(2),
      (cpuMs / 1000).toFixed(2),
      perSecond(pages, wallMs).toFixed(1),
    ];
    console.log(row(cells, widths));
  }
}

/** What Node's type stripping costs for the .ts files `extract` loads (both threads), in process. */
function typeStrippingMs(cwd: string, scratch: string): { files: number; ms: number } {
  const record = join(scratch, 'modules.txt');
  const hook = resolve('test/support/record-modules.ts');
  spawnSync(process.execPath, ['--import', hook, CLI_ENTRY, 'extract', TWO_PAGES], {
    cwd,
    stdio: 'ignore',
    env: { ...process.env, RECORD_MODULES_TO: record },
  });
  const files = readFileSync(record, 'utf8')
    .split('\n')
    .map((line) => line.split(' ')[1] ?? '')
    .filter((url) => url.startsWith('file:') && url.endsWith('.ts'))
    .map((url) => readFileSync(fileURLToPath(url), 'utf8'));
  const rounds = 20;
  const start = performance.now();
  for (let i = 0; i < rounds; i++) for (const source of files) stripTypeScriptTypes(source);
  return { files: files.length, ms: (performance.now() - start) / rounds };
}

async function main(): Promise<void> {
  const { runs, baselineDir } = options();
  const version = pdftotextVersion();
  if (version === null) throw new Error('pdftotext is not installed (apt-get install poppler-utils)');
  const here = process.cwd();
  const corpus = (await pdfsIn(SAMPLE_FOLDERS)).map((file) => resolve(file));
  const pages = pagesOf(corpus);
  const corpusPages = [...pages.values()].reduce((sum, n) => sum + n, 0);
  if (pages.get(resolve(TWO_PAGES)) !== 2)
    throw new Error(`${TWO_PAGES} is not 2 pages: the benchmark would mislead`);
  const scratch = mkdtempSync(join(tmpdir(), 'bench-cli-'));
  try {
    printMachine({
      lines: [
        `pdftotext: ${version}`,
        `baseline: ${baselineDir ?? 'none'}`,
        `runs: warm-up + ${runs}, rotating order, median`,
      ],
    });
    const two = resolve(TWO_PAGES);
    const twoPages: Command[] = [
      { name: 'npm run --silent cli -- extract', processes: [npmExtract([two])], cwd: here },
      {
        name: 'node functions/cli/main.js extract',
        processes: [['node', CLI_ENTRY, 'extract', two]],
        cwd: here,
      },
      {
        name: 'node functions/cli/main.js --help',
        processes: [['node', CLI_ENTRY, '--help']],
        cwd: here,
      },
      { name: 'node -e 0 (Node start-up)', processes: [['node', '-e', '0']], cwd: here },
      { name: 'pdftotext -layout', processes: [pdftotext(two)], cwd: here },
    ];
    const all: Command[] = [
      { name: 'cli extract, all in one call', processes: [npmExtract(corpus)], cwd: here },
      { name: 'pdftotext -layout, once per file', processes: corpus.map(pdftotext), cwd: here },
    ];
    if (baselineDir !== null) {
      twoPages.splice(1, 0, {
        name: 'baseline: npm run --silent cli -- extract',
        processes: [npmExtract([two])],
        cwd: baselineDir,
      });
      twoPages.push({
        name: 'baseline: node functions/cli/main --help',
        processes: [['node', cliEntry(baselineDir), '--help']],
        cwd: baselineDir,
      });
      all.push({
        name: 'baseline: cli extract, once per file',
        processes: corpus.map((f) => npmExtract([f])),
        cwd: baselineDir,
      });
    }
    const twoResults = measure(twoPages, runs, scratch);
    printTable('one 2-page PDF, whole processes', twoResults, 2);
    const allResults = measure(all, runs, scratch);
    printTable(`the ${corpus.length} corpus PDFs`, allResults, corpusPages);

    const stripping = typeStrippingMs(here, scratch);
    console.log(
      `\ntype stripping: ${stripping.files} .ts files loaded by extract, ${stripping.ms.toFixed(1)} ms to strip them all (in process, mean of 20)`,
    );

    const viaNpm = twoResults.get('npm run --silent cli -- extract');
    const direct = twoResults.get('node functions/cli/main.js extract');
    const added = (key: keyof Timing) => (((viaNpm?.[key] ?? 0) - (direct?.[key] ?? 0)) / 1000).toFixed(2);
    console.log(`npm run adds: ${added('cpuMs')} s CPU, ${added('wallMs')} s wall to a start (medians)`);
    const oneS = (twoResults.get('npm run --silent cli -- extract')?.wallMs ?? 0) / 1000;
    console.log(
      `\nverdict 2-page PDF: ${oneS <= TARGET_TWO_PAGES_S ? 'MEETS' : 'MISSES'} the target (<= ${TARGET_TWO_PAGES_S} s): ${oneS.toFixed(2)} s`,
    );
    const ratio =
      (allResults.get('pdftotext -layout, once per file')?.wallMs ?? 0) /
      (allResults.get('cli extract, all in one call')?.wallMs ?? 1);
    console.log(
      `verdict corpus: ${ratio >= TARGET_RATIO ? 'MEETS' : 'MISSES'} the target (>= ${TARGET_RATIO} x pdftotext pages/s): ${ratio.toFixed(2)} x`,
    );
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

await main();
