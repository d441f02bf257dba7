import { describe, expect, it } from 'vitest';
import { generateDocument } from '../../scripts/lib/layouts/document.ts';
import { roundTripSeed } from '../../scripts/lib/layouts/index.ts';

/**
 * Generalisation as a property: minutes in 200 house styles drawn from the conventions (heading
 * shapes, access markers, label sets, decision forms, header and member layouts, fonts,
 * justification, running lines, tables, landscape pages, web pages) read back to what they say.
 * The seeds are fixed, so a failure names the document to render and inspect
 * (`npm run eval:generated -- --seed N --count 1`).
 */
const SEEDS = Array.from({ length: 200 }, (_, i) => i + 1);
/** Documents read in one test, so a failure reports a small batch. */
const BATCH = 20;

describe('generated layouts round-trip', () => {
  for (let first = 0; first < SEEDS.length; first += BATCH) {
    const batch = SEEDS.slice(first, first + BATCH);
    it(`reads seeds ${batch[0]}–${batch.at(-1)} back to their truth`, async () => {
      const failures: Record<number, readonly string[]> = {};
      for (const seed of batch) {
        const result = await roundTripSeed(seed);
        if (result.failures.length) failures[seed] = result.failures;
      }
      expect(failures).toEqual({});
    });
  }

  it('covers the forms minutes come in: PDF, one PDF per item, and web pages', () => {
    const formats = new Set(
      SEEDS.map((seed) => generateDocument(seed).style).map((s) => (s.perItem ? 'per-item' : s.format)),
    );
    expect([...formats].sort()).toEqual(['html', 'pdf', 'per-item']);
  });

  it('covers sub-items, a closed part at the end and signature pages', () => {
    const roles = new Set<string>(SEEDS.flatMap((seed) => generateDocument(seed).blocks.map((b) => b.role)));
    expect(['sub-heading', 'part-heading', 'signatures'].filter((r) => !roles.has(r))).toEqual([]);
  });

  it('covers bordered headings, headings titled only by a label or marker, and notes after decisions', () => {
    const styles = SEEDS.map((seed) => generateDocument(seed).style);
    const drawn = new Set(
      styles.flatMap((s) => [
        ...(s.headingTable ? ['table'] : []),
        ...(s.bareHeading ? [s.bareHeading] : []),
        ...(s.decisionNotes ? ['notes'] : []),
      ]),
    );
    expect(['table', 'extra', 'closed', 'open-number', 'notes'].filter((v) => !drawn.has(v))).toEqual([]);
  });
});
