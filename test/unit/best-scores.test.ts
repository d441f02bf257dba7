import { describe, expect, it } from 'vitest';
import { BestScores } from '#lib/best-scores.ts';

describe('the best scores kept in a bounded heap', () => {
  it('knows the count-th best of every prefix of a sequence, as sorting all of it would', () => {
    let seed = 7;
    const random = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    for (const count of [1, 2, 3, 10, 64]) {
      const best = new BestScores(count);
      const seen: number[] = [];
      for (let i = 0; i < 500; i++) {
        // Ties and repeats too: a score drawn from few values, or any.
        const score = i % 3 === 0 ? Math.floor(random() * 5) : random() * 100;
        seen.push(score);
        best.add(score);
        const sorted = [...seen].sort((a, b) => b - a);
        expect(best.least, `count ${count}, after ${i + 1}`).toBe(
          sorted.length >= count ? sorted[count - 1] : undefined,
        );
      }
    }
  });

  it('has no least when it keeps none', () => {
    const none = new BestScores(0);
    none.add(1);
    expect(none.least).toBeUndefined();
  });
});
