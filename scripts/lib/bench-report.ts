/**
 * What the benchmark scripts share: the machine header, the pdftotext baseline, option parsing,
 * and the figures and table rows they print.
 */
import { spawnSync } from 'node:child_process';
import { cpus, release, totalmem, type } from 'node:os';

export interface MachineDetails {
  /** Versions added to the `system:` line after node's, e.g. `pdfjs-dist 6.5.438`. */
  readonly versions?: readonly string[];
  /** Lines printed after the machine's own. */
  readonly lines?: readonly string[];
}

/** The header every benchmark starts with, so figures can be told apart by the machine that made them. */
export function printMachine({ versions = [], lines = [] }: MachineDetails = {}): void {
  const cpu = cpus();
  console.log(
    `machine: ${cpu[0]?.model ?? 'unknown CPU'}, ${cpu.length} cores, ${(totalmem() / 2 ** 30).toFixed(1)} GiB`,
  );
  console.log(`system: ${[`${type()} ${release()}`, `node ${process.version}`, ...versions].join(', ')}`);
  for (const line of lines) console.log(line);
}

/** The first line of `pdftotext -v`, or null when poppler's pdftotext is not installed. */
export function pdftotextVersion(): string | null {
  const probe = spawnSync('pdftotext', ['-v'], { encoding: 'utf8' });
  if (probe.error) return null;
  // pdftotext prints its version on stderr.
  return probe.stderr.split('\n')[0] ?? 'pdftotext';
}

/** The baseline reader: `pdftotext -layout FILE -`, one process per file, one after another. */
export function runPdftotext(files: readonly string[]): void {
  for (const file of files) {
    const run = spawnSync('pdftotext', ['-layout', file, '-'], {
      maxBuffer: 256 * 1024 * 1024,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    if (run.status !== 0) {
      throw new Error(`pdftotext failed on ${file}: ${run.stderr ?? ''}`, { cause: run.error });
    }
  }
}

/** A command-line option that must be a whole number of at least 1. */
export function positiveIntegerOption(name: string, value: string | undefined): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} must be a positive integer, not ${value}`);
  return n;
}

/** A table row: the first cell left-aligned, the figures right-aligned, each in its column's width. */
export function row(cells: readonly string[], widths: readonly number[]): string {
  return cells
    .map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0)))
    .join('  ');
}

export const perSecond = (count: number, ms: number): number => count / (ms / 1000);

/** The middle value (the mean of the two middle ones for an even count); 0 when there are none. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

/** The value at quantile `p` (0..1) of values sorted ascending; 0 when there are none. */
export const percentile = (sorted: readonly number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0;

export const mb = (bytes: number): string => `${Math.round(bytes / 2 ** 20)} MB`;
