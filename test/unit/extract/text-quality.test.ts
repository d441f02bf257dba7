import { describe, expect, it } from 'vitest';
import { ExtractionError } from '#extract/errors.ts';
import { assertReadableText, countText } from '#extract/text-quality.ts';

/** The counts as the regular expressions define them: the reference the one-pass count must equal. */
function byExpressions(text: string) {
  const words = text.match(/\p{L}{3,}/gu) ?? [];
  return {
    letters: text.match(/\p{L}/gu)?.length ?? 0,
    visible: text.match(/\S/gu)?.length ?? 0,
    words: words.length,
    wordlike: words.filter((w) => /[aeiouyæøåéAEIOUYÆØÅÉ]/.test(w)).length,
  };
}

/** A deterministic mix of ASCII, Danish, other scripts, astral letters, odd spaces and digits. */
function mixedText(seed: number, length: number): string {
  const pieces = [
    'a',
    'Z',
    'k',
    'æ',
    'Ø',
    'å',
    'é',
    'ß',
    'Ω',
    'ж',
    '中',
    '𝐀',
    '😀',
    ' ',
    '\n',
    '\t',
    '\u00a0',
    '\u2003',
    '\u3000',
    '\ufeff',
    '7',
    '.',
    '-',
    '§',
    '\u0301',
    'y',
    'Y',
    'q',
  ];
  let state = seed;
  let text = '';
  for (let i = 0; i < length; i++) {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    text += pieces[state % pieces.length];
  }
  return text;
}

describe('text quality', () => {
  it('counts letters, visible characters and words as the Unicode classes define them', () => {
    const samples = [
      '',
      'Referat af mødet i Økonomiudvalget, punkt 3: Godkendt.',
      'bcd fgh xyz aei ØÆÅ éte 𝐀𝐁𝐂 ab',
      ...Array.from({ length: 40 }, (_, i) => mixedText(i + 1, 400)),
    ];
    for (const text of samples) expect(countText(text)).toEqual(byExpressions(text));
  });

  it('refuses a page with too little text and a text layer of vowel-less strings', () => {
    expect(() => assertReadableText('Kort tekst', 1)).toThrow(ExtractionError);
    expect(() => assertReadableText('xkcd brrr pfft '.repeat(20), 1)).toThrow(/unreadable/);
    expect(() =>
      assertReadableText('Byrådet godkendte indstillingen om budgettet. '.repeat(5), 1),
    ).not.toThrow();
  });
});
