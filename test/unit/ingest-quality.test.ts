import { describe, expect, it } from 'vitest';
import type { AgendaItem, MeetingDocument, MeetingInfo, ParseConcern } from '#domain/meeting.ts';
import { parseQuality } from '#ingest/quality.ts';
import { agendaItem, background } from '../support/agenda-items.ts';

const item = agendaItem;

function meeting(items: AgendaItem[], info: Partial<MeetingInfo> = {}): MeetingDocument {
  return {
    source: { file: 'referat.pdf', sha256: 'a'.repeat(64), format: 'pdf', pages: 3 },
    meeting: {
      body: 'Økonomiudvalget',
      municipality: 'Egholt Kommune',
      kind: 'minutes',
      date: '2025-02-05',
      start: null,
      end: null,
      location: null,
      members: [],
      absent: [],
      ...info,
    },
    items,
    quality: { confidence: 0.55, needsReview: true, reasons: [noBody] },
  };
}

const noBody: ParseConcern = { code: 'no-body', message: 'the meeting body was not found', items: [] };

describe('parseQuality', () => {
  it('counts items, closed items and decisions, and names the open items that lack one', () => {
    const quality = parseQuality(
      meeting([
        item({ number: 1 }),
        item({ number: 2, decision: null }),
        item({ number: null, title: 'Eventuelt', decision: null, sections: [] }),
        item({ number: 4, sections: [{ ...background, text: '  ' }] }),
        item({ number: 5, title: 'Personalesag', access: 'closed', decision: null, sections: [] }),
      ]),
    );
    expect(quality).toEqual({
      items: 5,
      closedItems: 1,
      decisions: 2,
      itemsWithoutDecision: ['2', 'Eventuelt'],
      itemsWithoutSections: ['Eventuelt', '4'],
      headerIncomplete: false,
      confidence: 0.55,
      needsReview: true,
      reasons: [noBody],
    });
  });

  it('counts text before the first label as the item’s text', () => {
    const quality = parseQuality(meeting([item({ sections: [], lead: 'a. Møder og konferencer' })]));
    expect(quality.itemsWithoutSections).toEqual([]);
  });

  it.each([
    ['no body', { body: null }],
    ['no date', { date: null }],
  ])('reports the header incomplete when it gave %s', (_what, info) => {
    expect(parseQuality(meeting([item({})], info)).headerIncomplete).toBe(true);
  });

  it('lists an agenda’s items without decisions, as an agenda has none yet', () => {
    const quality = parseQuality(
      meeting([item({ number: 1, decision: null }), item({ number: 2, decision: null })], { kind: 'agenda' }),
    );
    expect(quality.decisions).toBe(0);
    expect(quality.itemsWithoutDecision).toEqual(['1', '2']);
  });

  it('reports an empty document as zero items', () => {
    expect(parseQuality(meeting([]))).toEqual({
      items: 0,
      closedItems: 0,
      decisions: 0,
      itemsWithoutDecision: [],
      itemsWithoutSections: [],
      headerIncomplete: false,
      confidence: 0.55,
      needsReview: true,
      reasons: [noBody],
    });
  });
});
