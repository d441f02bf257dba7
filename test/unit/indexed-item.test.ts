import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { defaultLimits } from '#config/limits.ts';
import { extractMeeting } from '#ingest/extract-meeting.ts';
import { toIndexedItems } from '#search/indexed-item.ts';

const file = 'test/fixtures/corpus/pdf/001_cdd17d21176dd4b4.pdf';

describe('what the index keeps of an item', () => {
  it('keeps a closed item by its title and metadata only, even if extraction held content', async () => {
    const doc = await extractMeeting(new Uint8Array(readFileSync(file)), file, defaultLimits);
    const leaky = {
      ...doc,
      items: doc.items.map((item) =>
        item.access === 'closed'
          ? {
              ...item,
              sections: [
                {
                  heading: 'Sagsfremstilling',
                  kind: 'presentation' as const,
                  text: 'Fortroligt indhold',
                  page: 1,
                  pages: [1],
                },
              ],
              lead: 'Fortroligt forord',
            }
          : item,
      ),
    };
    const items = toIndexedItems(leaky, { documentId: 'abc', key: 'minutes/001.pdf' });
    const closed = items.filter((i) => i.item.access === 'closed');
    expect(closed.map((i) => i.item.title)).toEqual([
      'Genbehandling af HR-punkt',
      'Sag fra velfærdsområdet omkring tillæg til AMR',
      'Tidsplan og arbejdsgruppe for spor 3 - Fremtidens administrative bygninger',
    ]);
    for (const item of closed) {
      expect(item).toMatchObject({ sections: [], decision: null, recommendation: null, summary: [] });
      expect(JSON.stringify(item)).not.toContain('Fortroligt');
    }
  });

  it('carries the decision card and ids that point back to the source document', async () => {
    const doc = await extractMeeting(new Uint8Array(readFileSync(file)), file, defaultLimits);
    const [first] = toIndexedItems(doc, { documentId: 'abc', key: 'minutes/001.pdf' });
    expect(first).toMatchObject({
      id: 'abc:0',
      documentId: 'abc',
      key: 'minutes/001.pdf',
      meeting: { id: 'abc', body: 'Direktionen', date: '2025-01-22' },
      recommendation: { heading: 'Indstilling' },
      item: { number: 1, position: 0 },
    });
    expect(first?.summary.length).toBeGreaterThan(0);
  });
});
