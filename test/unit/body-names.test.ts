import { describe, expect, it } from 'vitest';
import { bodyKey, displayBodyName } from '#language/body-names.ts';

describe('body names as people write them', () => {
  it.each([
    ['Byråd 2022-2025', 'Byråd'],
    ['Økonomiudvalget (2018-21)', 'Økonomiudvalget'],
    ['Teknik- og Miljøudvalget, 2022 – 2025', 'Teknik- og Miljøudvalget'],
    ['Byrådet', 'Byrådet'],
    ['Udvalget for Klima 2030', 'Udvalget for Klima 2030'],
    ['2022-2025', '2022-2025'],
  ])('shows %j as %j', (written, shown) => {
    expect(displayBodyName(written)).toBe(shown);
  });

  it('gives one key to every way of writing the same body', () => {
    const keys = ['Byrådet', 'Byråd', 'Byråd 2022-2025', 'BYRÅDET', ' byrådet '].map(bodyKey);
    expect(new Set(keys).size).toBe(1);
    expect(bodyKey('Økonomiudvalget')).toBe(bodyKey('økonomiudvalg'));
    expect(bodyKey('Beskæftigelses- og Erhvervsudvalget')).toBe(
      bodyKey('Beskæftigelses- og Erhvervsudvalg 2022-2025'),
    );
  });

  it('keeps different bodies apart', () => {
    const bodies = ['Byrådet', 'Økonomiudvalget', 'Direktionen', 'Teknisk Udvalg', 'Børne- og Ungeudvalget'];
    expect(new Set(bodies.map(bodyKey)).size).toBe(bodies.length);
  });
});
