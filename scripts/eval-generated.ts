/**
 * Generalisation, measured: renders generated minutes in random house styles (PDF and web
 * pages), reads each with the extractor and compares the reading with what the document says.
 * Prints each failing document with its first differences, the differences by kind, and ends
 * with the line `generated: P/N round-trip`.
 * Usage: npm run eval:generated [-- --count N --seed S --show K]
 */
import { parseArgs } from 'node:util';
import { positiveIntegerOption } from './lib/bench-report.ts';
import { roundTripSeed } from './lib/layouts/index.ts';

const { values } = parseArgs({
  options: {
    count: { type: 'string', default: '2000' },
    seed: { type: 'string', default: '1' },
    show: { type: 'string', default: '3' },
  },
});
const count = positiveIntegerOption('count', values.count);
const first = positiveIntegerOption('seed', values.seed);
const show = positiveIntegerOption('show', values.show);

/** A difference without its particulars, to count differences by kind. */
const kindOf = (failure: string) =>
  failure
    .replace(/"(?:[^"\\]|\\.)*"/g, '…')
    .replace(/\[[^\]]*\]/g, '[…]')
    .replace(/\d+/g, '#');

let passed = 0;
const kinds = new Map<string, number>();
const formats = new Map<string, { passed: number; total: number }>();
for (let seed = first; seed < first + count; seed++) {
  const { document, failures } = await roundTripSeed(seed);
  const format = document.style.perItem ? 'pdf (one item)' : document.style.format;
  const tally = formats.get(format) ?? { passed: 0, total: 0 };
  tally.total++;
  if (failures.length === 0) {
    passed++;
    tally.passed++;
  } else {
    console.log(`seed ${seed} (${format}): ${failures.length} difference(s)`);
    for (const failure of failures.slice(0, show))
      console.log(`  ${failure.length > 300 ? `${failure.slice(0, 299)}…` : failure}`);
    for (const failure of failures) kinds.set(kindOf(failure), (kinds.get(kindOf(failure)) ?? 0) + 1);
  }
  formats.set(format, tally);
}
if (kinds.size) {
  console.log('\ndifferences by kind:');
  for (const [kind, n] of [...kinds].sort((a, b) => b[1] - a[1]))
    console.log(`  ${String(n).padStart(5)}  ${kind}`);
}
console.log(`\nby format: ${[...formats].map(([f, t]) => `${f} ${t.passed}/${t.total}`).join(', ')}`);
console.log(`generated: ${passed}/${count} round-trip`);
