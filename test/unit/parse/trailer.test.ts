import { describe, expect, it } from 'vitest';
import { signaturesAfter } from '#parse/passes/trailer.ts';
import { type LineSpec, pdfLines, styled } from '#test/support/lines.ts';

const RULES = '____________________________ ____________________________';
const NAMES = 'Mette Bech, formand Ole Holmgaard';

/** The last item's decision, then what follows it. */
const afterDecision = (specs: readonly (LineSpec | string)[]) =>
  styled(pdfLines(['4. Eventuelt', 'Beslutning', 'Godkendt.', ...specs]));

describe('a signature page by its shape', () => {
  it('begins at a bold heading over rows of rules, whatever the heading says', () => {
    const lines = afterDecision([
      { text: 'Godkendt af', bold: true, gap: 20 },
      RULES,
      NAMES,
      RULES,
      'Hanne Skov',
    ]);
    expect(signaturesAfter(lines, 0)).toBe(3);
  });

  it('begins at a heading ending in a colon, or first on its page', () => {
    expect(signaturesAfter(afterDecision(['Referatet underskrives af:', RULES, NAMES]), 0)).toBe(3);
    expect(
      signaturesAfter(afterDecision([{ text: 'Formand og næstformand', page: 2 }, RULES, NAMES]), 0),
    ).toBe(3);
  });

  it('begins at the first row when the line before it is the item’s text', () => {
    const lines = afterDecision([RULES, NAMES]);
    expect(signaturesAfter(lines, 0)).toBe(3);
    expect(lines[2]?.text).toBe('Godkendt.');
    const unstyled = afterDecision(['Godkendt', RULES, NAMES]);
    expect(signaturesAfter(unstyled, 0)).toBe(4);
  });

  it('takes dotted rules too, and nothing where there are no rules', () => {
    expect(
      signaturesAfter(
        afterDecision([{ text: 'Underskrift', bold: true }, '.................... ....................']),
        0,
      ),
    ).toBe(3);
    expect(signaturesAfter(afterDecision(['Mødet hævet kl. 18.10']), 0)).toBe(4);
  });

  it('looks only after the last item’s heading', () => {
    const lines = afterDecision([RULES]);
    expect(signaturesAfter(lines, 3)).toBe(4);
  });
});
