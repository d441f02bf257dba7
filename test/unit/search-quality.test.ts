import { beforeAll, describe, expect, it } from 'vitest';
import { evaluateSearch, type QueryScore } from '../../scripts/lib/search-eval.ts';

let scores: QueryScore[] = [];
beforeAll(async () => {
  scores = await evaluateSearch('test/fixtures/corpus');
}, 60_000);

describe('search quality on the corpus (embedded engine)', () => {
  it('reaches nDCG@10 of at least 0.9 over all graded queries', () => {
    const mean = scores.reduce((sum, s) => sum + s.ndcg, 0) / scores.length;
    expect(scores.length).toBe(32);
    expect(mean).toBeGreaterThanOrEqual(0.9);
  });

  it('finds the relevant items of every compound query', () => {
    const compounds = scores.filter((s) => /compound/.test(s.query.note ?? ''));
    expect(compounds.map((s) => s.query.q)).toEqual(
      expect.arrayContaining(['fravær', 'stress', 'databeskyttelse', 'arbejdstid', 'ejendomssalg']),
    );
    for (const { query, recall } of compounds)
      expect({ q: query.q, found: recall > 0 }).toEqual({ q: query.q, found: true });
  });
});
