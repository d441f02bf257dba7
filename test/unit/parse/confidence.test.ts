import { describe, expect, it } from 'vitest';
import type { AgendaItem } from '#domain/meeting.ts';
import { assessConfidence, type Findings, REVIEW_THRESHOLD } from '#parse/passes/confidence.ts';
import { agendaItem } from '../../support/agenda-items.ts';

const items = (numbers: number[]) =>
  numbers.map((number) => agendaItem({ number, title: `Punkt ${number}` }));

const findings = (overrides: Partial<Findings> = {}): Findings => ({
  items: items([1, 2, 3]),
  kind: 'minutes',
  body: 'Økonomiudvalget',
  date: '2025-02-05',
  emptyDecisions: [],
  closedInDoubt: [],
  ...overrides,
});

const codes = (f: Findings) => assessConfidence(f).reasons.map((r) => r.code);

describe('confidence in a reading', () => {
  it('is full, with no reasons, when every item has text and a decision and the header is whole', () => {
    expect(assessConfidence(findings())).toEqual({ confidence: 1, needsReview: false, reasons: [] });
  });

  it('flags a document with no items for review', () => {
    const report = assessConfidence(findings({ items: [] }));
    expect(report.needsReview).toBe(true);
    expect(report.reasons.map((r) => r.code)).toEqual(['no-items']);
  });

  it('names the items whose numbers go back or jump', () => {
    const [concern] = assessConfidence(findings({ items: items([1, 2, 9, 3]) })).reasons;
    expect(concern).toMatchObject({ code: 'numbers-out-of-sequence', items: ['9', '3'] });
  });

  it('names open items without text, by title when unnumbered, but not closed ones', () => {
    const bare: AgendaItem[] = [
      agendaItem({ number: 1 }),
      agendaItem({ number: null, title: 'Eventuelt', sections: [] }),
      agendaItem({ number: 3, access: 'closed', sections: [], decision: null }),
    ];
    const [concern] = assessConfidence(findings({ items: bare })).reasons;
    expect(concern).toMatchObject({ code: 'items-without-text', items: ['"Eventuelt"'] });
  });

  it('counts the text before an item’s first label as its text', () => {
    const led = [agendaItem({ number: 1, sections: [], lead: 'Forvaltningen orienterede om status.' })];
    expect(codes(findings({ items: led }))).toEqual([]);
  });

  it('reports decision headings without text, items closed in doubt, and a missing body and date', () => {
    expect(codes(findings({ emptyDecisions: ['2'], closedInDoubt: ['3'], body: null, date: null }))).toEqual([
      'decisions-without-text',
      'closed-in-doubt',
      'no-body',
      'no-date',
    ]);
  });

  it('expects decisions in minutes, not in an agenda', () => {
    const undecided = [1, 2, 3].map((number) => agendaItem({ number, decision: null }));
    expect(codes(findings({ items: undecided }))).toEqual(['items-without-decision']);
    expect(codes(findings({ items: undecided, kind: 'agenda' }))).toEqual([]);
  });

  it('needs review below the threshold and only then', () => {
    const noBody = assessConfidence(findings({ body: null }));
    expect(noBody.confidence).toBeGreaterThanOrEqual(REVIEW_THRESHOLD);
    expect(noBody.needsReview).toBe(false);
    const noHeader = assessConfidence(findings({ body: null, date: null, emptyDecisions: ['1'] }));
    expect(noHeader.confidence).toBeLessThan(REVIEW_THRESHOLD);
    expect(noHeader.needsReview).toBe(true);
  });
});
