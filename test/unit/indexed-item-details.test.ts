import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { defaultLimits } from '#config/limits.ts';
import { extractMeeting } from '#ingest/extract-meeting.ts';
import { toIndexedItems } from '#search/indexed-item.ts';

const file = 'test/fixtures/firstagenda/egholt-byraad-2025-03-27.json';
const source = { documentId: 'abc', key: 'firstagenda/dagsordener.egholt.dk/m1.json' };

describe('what the index keeps of what extraction found', () => {
  it('keeps the meeting’s time and place, each open item’s absent members, attachments and votes', async () => {
    const doc = await extractMeeting(new Uint8Array(readFileSync(file)), file, defaultLimits);
    const items = toIndexedItems(doc, source);
    const lokalplan = items.find((item) => item.item.number === 2);
    expect(lokalplan).toMatchObject({
      meeting: { start: '17:00', end: null, location: 'Byrådssalen, Egholt Rådhus' },
      absent: ['Frank Olesen'],
      format: 'firstagenda-json',
      decision: { votes: { against: { count: 1, parties: ['Ø'] } } },
    });
    expect(lokalplan?.attachments).toEqual([
      {
        number: 1,
        title: 'Lokalplanforslag',
        access: 'open',
        link: 'https://dagsordener.egholt.dk/Vis/Pdf/bilag/7c1d2e3f-4a5b-4c6d-8e7f-8a9b0c1d2e01',
      },
      {
        number: null,
        title: 'Høringssvar samlet',
        access: 'open',
        link: 'https://dagsordener.egholt.dk/Vis/Pdf/bilag/7c1d2e3f-4a5b-4c6d-8e7f-8a9b0c1d2e02',
      },
    ]);
  });

  it('keeps no absent members or attachments of a closed item, and no link of a closed attachment', async () => {
    const doc = await extractMeeting(new Uint8Array(readFileSync(file)), file, defaultLimits);
    const attachment = { number: 1, title: 'Fortroligt bilag', access: 'closed' as const, reference: null };
    const leaky = {
      ...doc,
      items: doc.items.map((item) => ({
        ...item,
        absent: ['Frank Olesen'],
        attachments: [
          ...item.attachments,
          { ...attachment, link: 'https://dagsordener.egholt.dk/Vis/Pdf/bilag/x' },
        ],
      })),
    };
    const items = toIndexedItems(leaky, source);
    const closed = items.find((item) => item.item.access === 'closed');
    expect(closed).toMatchObject({ absent: [], attachments: [], decision: null });
    // Its meeting's time and place are the meeting's, not the item's content.
    expect(closed?.meeting.location).toBe('Byrådssalen, Egholt Rådhus');
    const open = items.find((item) => item.item.number === 2);
    expect(open?.attachments.at(-1)).toEqual({
      number: 1,
      title: 'Fortroligt bilag',
      access: 'closed',
      link: null,
    });
  });
});
