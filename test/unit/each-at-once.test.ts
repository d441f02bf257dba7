import { describe, expect, it } from 'vitest';
import { eachAtOnce } from '#ingest/slots.ts';

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('eachAtOnce', () => {
  it('gives the results in the order of the values, whatever order the work ends in', async () => {
    const results = await eachAtOnce([30, 10, 20], 3, async (ms) => {
      await new Promise((resolve) => setTimeout(resolve, ms));
      return ms;
    });
    expect(results).toEqual([30, 10, 20]);
  });

  it('runs at most so many at a time', async () => {
    let running = 0;
    let most = 0;
    await eachAtOnce([1, 2, 3, 4, 5, 6, 7], 3, async () => {
      running++;
      most = Math.max(most, running);
      await tick();
      running--;
    });
    expect(most).toBe(3);
  });

  it('starts nothing after a failure, and throws it once the work under way has ended', async () => {
    const started: number[] = [];
    const ended: number[] = [];
    const run = eachAtOnce([1, 2, 3, 4, 5], 2, async (n) => {
      started.push(n);
      if (n === 1) throw new Error('store stopped');
      await tick();
      await tick();
      ended.push(n);
    });
    await expect(run).rejects.toThrow('store stopped');
    expect(started).toEqual([1, 2]);
    expect(ended).toEqual([2]);
  });
});
