import { describe, expect, it } from 'vitest';
import type { SectionKind } from '#domain/meeting.ts';
import { readDecisions } from '#parse/passes/decisions.ts';
import type { SectionDraft } from '#parse/passes/item-content.ts';
import { decisionHeading } from '#parse/read/decision-heading.ts';
import { type LineSpec, pdfLines, styled } from '#test/support/lines.ts';

/** Sections as the item pass drafts them: a heading (a decision heading is read as one) and lines. */
function drafts(sections: readonly (readonly [string, readonly (LineSpec | string)[]])[]): SectionDraft[] {
  const lines = styled(pdfLines(sections.flatMap(([, l]) => l)));
  let at = 0;
  return sections.map(([heading, specs]) => {
    const decision = decisionHeading(heading);
    const kind: SectionKind = decision ? 'decision' : 'presentation';
    const own = lines.slice(at, at + specs.length);
    at += specs.length;
    return { heading: decision?.heading ?? heading, kind, decision, page: 1, lines: own };
  });
}

const read = (sections: Parameters<typeof drafts>[0], meeting = { body: 'Byrådet', date: '2025-03-27' }) => {
  const d = drafts(sections);
  const texts = d.map((s) => ({ heading: s.heading, kind: s.kind, text: '', page: 1, pages: [] }));
  return readDecisions(d, texts, meeting, true, new Map());
};
const gap = (text: string): LineSpec => ({ text, gap: 8 });

describe('decisions', () => {
  it('takes the meeting’s own body on its date for the decision, and earlier bodies’ for prior ones', () => {
    const result = read([
      ['Beslutning i Økonomiudvalget den 18. marts 2025', ['Anbefales.']],
      ['Byrådets beslutning den 27.03.2025 Punkt 13', ['Godkendt med 13 stemmer for og 1 imod.']],
    ]);
    expect(result.decision).toMatchObject({
      date: '2025-03-27',
      outcome: 'approved',
      text: 'Godkendt med 13 stemmer for og 1 imod.',
    });
    expect(result.priorDecisions).toEqual([
      expect.objectContaining({
        body: 'Økonomiudvalget',
        date: '2025-03-18',
        text: 'Anbefales.',
        outcome: 'recommended',
      }),
    ]);
  });

  it('keeps attendance, eDoc’s "Følgende deltog ikke" and protocol notes out of the decision text', () => {
    const result = read([
      [
        'Beslutning',
        [
          'Godkendt.',
          gap('Fraværende: Ole Bak (V)'),
          gap('Følgende deltog ikke i behandlingen af punktet:'),
          gap('Ida Holm'),
          gap('Protokoltilførsel: Kim Lund ønskede ført til protokol, at han er imod.'),
        ],
      ],
    ]);
    expect(result.decision?.text).toBe('Godkendt.');
    expect(result.absent).toEqual(['Ole Bak', 'Ida Holm']);
    expect(result.protocolNote).toBe('Kim Lund ønskede ført til protokol, at han er imod.');
  });

  it('finds an aside run into the decision’s paragraph when its break was lost', () => {
    const result = read([
      ['Beslutning', ['Vedtaget. Protokoltilførsel: A ønskede ført til protokol, at det er for dyrt.']],
    ]);
    expect(result.decision?.text).toBe('Vedtaget.');
    expect(result.protocolNote).toBe('A ønskede ført til protokol, at det er for dyrt.');
  });

  it('ends a decision that opens the item at its first paragraph, votes included, and at a sub-heading', () => {
    const opening = read([
      [
        'Beslutninger',
        [
          'Fremsendes til Teknisk Udvalg.',
          gap('For stemte: A, V (20)'),
          gap('Havnens Perle har været en fast del af havnen.'),
        ],
      ],
      ['Resume', ['Tekst.']],
    ]);
    expect(opening.decision?.text).toBe('Fremsendes til Teknisk Udvalg.\nFor stemte: A, V (20)');
    const last = read([
      ['Beslutning', ['Godkendt.', { text: 'BESLUTNINGSFORSLAG FRA DD', gap: 8 }, 'Forslaget lyder …']],
    ]);
    expect(last.decision?.text).toBe('Godkendt.');
  });

  it('keeps "enstemmigt" in a decision that opens the item, and reads "Inhabil:" and a minority statement as asides', () => {
    const result = read([
      [
        'Beslutninger',
        [
          'Godkendt.',
          gap('Vedtaget enstemmigt.'),
          gap('Mindretalsudtalelse fra Ø: Ø finder forslaget for dyrt.'),
          gap('Følgende deltog ikke i behandlingen af punktet:'),
          gap('Ida Holm'),
          gap('Inhabil: Ole Bak'),
          gap('Havnens Perle har været en fast del af havnen.'),
        ],
      ],
      ['Resume', ['Tekst.']],
    ]);
    expect(result.decision?.text).toBe('Godkendt.\nVedtaget enstemmigt.');
    expect(result.decision?.votes).toBeNull();
    // The names under "Følgende deltog ikke …" end the minority's statement before them.
    expect(result.absent).toEqual(['Ida Holm', 'Ole Bak']);
    expect(result.protocolNote).toBe('fra Ø: Ø finder forslaget for dyrt.');
  });

  it('finds "Inhabil:" run into the decision’s paragraph', () => {
    const result = read([['Beslutning', ['Godkendt. Inhabil: Ole Bak']]]);
    expect(result.decision?.text).toBe('Godkendt.');
    expect(result.absent).toEqual(['Ole Bak']);
  });

  it('reads the decisions of sub-items together, and reports a decision heading without text', () => {
    const result = read([
      ['Oplæg', ['Status.']],
      ['Referat', ['Alle skal have indhold.']],
      ['Oplæg', ['Plan.']],
      ['Referat', ['AD-integration først.']],
      ['Beslutning', []],
    ]);
    expect(result.decision?.text).toBe('Alle skal have indhold.\nAD-integration først.');
    expect(result.empty).toEqual(['Beslutning']);
  });
});
