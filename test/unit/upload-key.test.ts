import { describe, expect, it } from 'vitest';
import { sanitiseFilename, uploadKey } from '#api/upload-key.ts';

describe('upload keys', () => {
  it('keeps Danish letters and spaces, replaces separators and control characters', () => {
    expect(sanitiseFilename('Referat Økonomiudvalget 5. maj – æøå.pdf')).toBe(
      'Referat Økonomiudvalget 5. maj – æøå.pdf',
    );
    expect(sanitiseFilename('../../etc/passwd.pdf')).toBe('_.._etc_passwd.pdf');
    expect(sanitiseFilename('a\\b/c\u0000d\u202eE.pdf')).toBe('a_b_c_d_E.pdf');
    expect(sanitiseFilename('...')).toBe('upload.pdf');
  });

  it('replaces lone surrogates, which no URL or key can encode', () => {
    expect(sanitiseFilename('\uD800.pdf')).toBe('_.pdf');
    expect(sanitiseFilename('a\uDC00b\uD83D.pdf')).toBe('a_b_.pdf');
    // A whole pair is one character and stays.
    expect(sanitiseFilename('møde 🙂.pdf')).toBe('møde 🙂.pdf');
  });

  it('keeps the extension when nothing is left before it', () => {
    expect(sanitiseFilename('.pdf')).toBe('upload.pdf');
    expect(sanitiseFilename('..pdf')).toBe('upload.pdf');
    expect(sanitiseFilename(' . .PDF')).toBe('upload.pdf');
    expect(sanitiseFilename('.skjult.pdf')).toBe('skjult.pdf');
    expect(sanitiseFilename('.json')).toBe('upload.json');
  });

  it('composes the precomposed form, so one name is one key', () => {
    expect(sanitiseFilename('A\u030Arhus.pdf')).toBe('Århus.pdf');
  });

  it('shortens a long name before its extension', () => {
    const name = sanitiseFilename(`${'æ'.repeat(300)}.pdf`);
    expect([...name]).toHaveLength(200);
    expect(name.endsWith('æ.pdf')).toBe(true);
  });

  it('dates the key by UTC day and keeps names apart by a random id', () => {
    const at = new Date('2026-01-31T23:30:00Z');
    expect(uploadKey('a.pdf', at, 'id-1')).toBe('uploads/2026-01-31/id-1/a.pdf');
    expect(uploadKey('a.pdf', at)).not.toBe(uploadKey('a.pdf', at));
  });
});
