import { describe, expect, it } from 'vitest';
import { valueAt } from '#lib/maps.ts';

describe('valueAt', () => {
  it('makes a missing value from its key once, and keeps it', () => {
    const map = new Map<string, string[]>();
    let made = 0;
    const make = (key: string) => {
      made++;
      return [key];
    };
    const first = valueAt(map, 'a', make);
    expect(first).toEqual(['a']);
    expect(valueAt(map, 'a', make)).toBe(first);
    expect(made).toBe(1);
    expect(map.get('a')).toBe(first);
  });

  it('keeps a falsy value it made instead of making it again', () => {
    const map = new Map<string, number>();
    let made = 0;
    const zero = () => made++ * 0;
    expect(valueAt(map, 'z', zero)).toBe(0);
    expect(valueAt(map, 'z', zero)).toBe(0);
    expect(made).toBe(1);
  });
});
