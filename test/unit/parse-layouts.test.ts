import { describe, expect, it } from 'vitest';
import { defaultLimits } from '#config/limits.ts';
import { extractMeeting } from '#ingest/extract-meeting.ts';

const extract = (text: string) => extractMeeting(new TextEncoder().encode(text), 'inline.txt', defaultLimits);

/** A house style none of the corpus documents uses: "Punkt N –", "Afgørelse", J.nr., form feeds. */
const TEKNIK = `Hvidsten Kommune
Teknik- og Miljøudvalget
Referat
Dato: Mandag den 3. marts 2025
Tidspunkt: Kl. 16.00-18.30
Sted: Udvalgsværelset
Deltagere: Ole Bak (A), formand, Susanne Lind (V), Peter Holm (Ø)
Fraværende: Peter Holm (Ø)

Punkt 44 – Lokalplan for Havnefronten
J.nr. 01.02.05-P16-3-23
Sagsfremstilling
Forvaltningen har udarbejdet forslag til lokalplan for Havnefronten.
Indstilling
Forvaltningen indstiller, at forslaget sendes i offentlig høring.
Afgørelse i Teknik- og Miljøudvalget den 3. marts 2025
For stemte 2 (A, V), imod stemte 0.
Godkendt.
\f
Punkt 45 – Personalesag
Lukket punkt
Medarbejderen har bedt om ...

Punkt 46 – Eventuelt
Afgørelse
Intet.
Mødet hævet kl. 18.10
`;

describe('a house style the corpus does not have', () => {
  it('reads the meeting header', async () => {
    const { meeting } = await extract(TEKNIK);
    expect(meeting).toEqual({
      body: 'Teknik- og Miljøudvalget',
      municipality: 'Hvidsten Kommune',
      kind: 'minutes',
      date: '2025-03-03',
      start: '16:00',
      end: '18:30',
      location: 'Udvalgsværelset',
      members: ['Ole Bak', 'Susanne Lind', 'Peter Holm'],
      absent: ['Peter Holm'],
    });
  });

  it('reads items numbered "Punkt N –" with Afgørelse, J.nr. and votes', async () => {
    const { items } = await extract(TEKNIK);
    expect(items.map((i) => [i.number, i.title, i.access])).toEqual([
      [44, 'Lokalplan for Havnefronten', 'open'],
      [45, 'Personalesag', 'closed'],
      [46, 'Eventuelt', 'open'],
    ]);
    const [lokalplan, personale] = items;
    expect(lokalplan?.caseNumber).toBe('01.02.05-P16-3-23');
    expect(lokalplan?.sections.map((s) => s.heading)).toEqual([
      'Sagsfremstilling',
      'Indstilling',
      'Afgørelse',
    ]);
    expect(lokalplan?.decision).toMatchObject({
      date: '2025-03-03',
      outcome: 'approved',
      votes: { for: { count: 2, parties: ['A', 'V'] }, against: { count: 0, parties: [] }, abstained: null },
    });
    expect(JSON.stringify(personale)).not.toContain('Medarbejderen');
  });

  it('counts pages by form feeds and dates undated decisions with the meeting', async () => {
    const { source, items } = await extract(TEKNIK);
    expect(source.pages).toBe(2);
    expect(items[1]?.pages).toEqual({ first: 2, last: 2 });
    expect(items[2]?.decision).toMatchObject({ date: '2025-03-03', text: 'Intet.' });
  });
});

describe('text forms', () => {
  it('reads rows with HTML fragments', async () => {
    const html = `Byrådet 12-06-2024\n\n<p>Punkt 7: Salg af jord</p>\n<p>Åben sag</p>\n<p>Sagsfremstilling</p><p>Kommunen s&aelig;lger &amp; k&oslash;ber.</p>\n<p>Beslutning i Byrådet den 12-06-2024</p><p>Godkendt.</p>`;
    const doc = await extract(html.replace('&aelig;', 'æ').replace('&oslash;', 'ø'));
    expect(doc.source.format).toBe('html');
    expect(doc.meeting).toMatchObject({ body: 'Byrådet', date: '2024-06-12' });
    expect(doc.items[0]?.sections).toEqual([
      expect.objectContaining({ heading: 'Sagsfremstilling', text: 'Kommunen sælger & køber.' }),
      expect.objectContaining({ heading: 'Beslutning', text: 'Godkendt.' }),
    ]);
  });

  it('splits markers glued together by emphasis', async () => {
    const doc = await extract(
      'Punkter til behandling*Åben Sag***Sagsgang**\n\nDIR\n\nSagsfremstilling\n\nDirektionen drøftede tre sager med hinanden i dag.\n\nBeslutning i Direktionen den 15-05-2024\n\nDrøftet.',
    );
    expect(doc.items).toEqual([
      expect.objectContaining({ number: null, title: 'Punkter til behandling', access: 'open' }),
    ]);
    expect(doc.items[0]?.sections.map((s) => s.heading)).toEqual([
      'Sagsgang',
      'Sagsfremstilling',
      'Beslutning',
    ]);
    expect(doc.meeting).toMatchObject({ body: 'Direktionen', date: '2024-05-15' });
  });
});
