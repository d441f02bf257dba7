import { describe, expect, it } from 'vitest';
import { defaultLimits } from '#config/limits.ts';
import { detectFormat } from '#extract/detect.ts';
import { FirstAgendaMeeting } from '#extract/firstagenda.ts';
import { extractDocument } from '#extract/index.ts';
import { extractMeeting } from '#ingest/extract-meeting.ts';
import { danishTime, kindOfName, readPortalMeeting } from '#parse/firstagenda/meeting.ts';
import { municipalityOfHost, portalOf } from '#parse/firstagenda/portal.ts';
import { agenda, bytesOf, itemHtml } from '#test/support/firstagenda.ts';

const decided = { title: 'Godkendelse af dagsorden', html: itemHtml({ decision: 'Godkendt.' }) };
const meetingOf = (spec: Parameters<typeof agenda>[0]) =>
  readPortalMeeting(FirstAgendaMeeting.parse(agenda(spec)));

describe('a FirstAgenda agenda JSON is recognised by its content', () => {
  it('whatever the file is called, and read as the portal JSON', async () => {
    const bytes = bytesOf(agenda({ items: [decided] }));
    expect(detectFormat(bytes)).toBe('firstagenda-json');
    for (const name of ['meeting.json', 'referat.pdf', 'noname']) {
      const doc = await extractMeeting(bytes, name, defaultLimits);
      expect(doc.source.format).toBe('firstagenda-json');
      expect(doc.items.map((i) => i.title)).toEqual(['Godkendelse af dagsorden']);
    }
  });

  it('with a byte order mark and whitespace before it', async () => {
    const bytes = new TextEncoder().encode(`\uFEFF\n  ${JSON.stringify(agenda({ items: [decided] }))}`);
    expect((await extractDocument(bytes, defaultLimits)).format).toBe('firstagenda-json');
  });

  it('leaves other JSON and text that mentions the field alone', () => {
    expect(detectFormat(bytesOf({ items: [{ title: 'Budget' }] }))).toBe('text');
    expect(detectFormat(new TextEncoder().encode('Felterne hedder "Dagsordenpunkter": og "Moede"'))).toBe(
      'text',
    );
  });

  it('refuses a portal JSON that is cut off or not of the portal’s shape as corrupt', async () => {
    const whole = JSON.stringify(agenda({ items: [decided] }));
    const cut = new TextEncoder().encode(whole.slice(0, whole.length / 2));
    await expect(extractMeeting(cut, 'a.json', defaultLimits)).rejects.toMatchObject({ kind: 'corrupt' });
    const wrong = bytesOf({ Dagsordenpunkter: 'none', Moede: {} });
    await expect(extractMeeting(wrong, 'a.json', defaultLimits)).rejects.toMatchObject({
      kind: 'corrupt',
      message: expect.stringMatching(/^the JSON is not a FirstAgenda agenda: Dagsordenpunkter/),
    });
  });

  it('refuses a meeting without items as not minutes, and one over the byte limit as too large', async () => {
    await expect(
      extractMeeting(bytesOf(agenda({ items: [] })), 'a.json', defaultLimits),
    ).rejects.toMatchObject({
      kind: 'not-minutes',
    });
    const bytes = bytesOf(agenda({ items: [decided] }));
    await expect(
      extractMeeting(bytes, 'a.json', { ...defaultLimits, maxBytes: bytes.length - 1 }),
    ).rejects.toMatchObject({ kind: 'too-large' });
  });
});

describe('the meeting from Udvalg and Moede', () => {
  it('reads body, date, start, end, place and the participants', () => {
    const meeting = meetingOf({
      body: 'Økonomiudvalget',
      date: '2025-02-05T16:30:00+01:00',
      end: '2025-02-05T18:45:00+01:00',
      place: 'Mødelokale 2',
      participants: [
        { name: 'Anne Bak' },
        { name: 'Ole Lund', cancelled: true },
        { name: 'Ida Holm', absent: true },
        { name: 'Kim Sørensen' },
      ],
      items: [decided],
    });
    expect(meeting).toEqual({
      body: 'Økonomiudvalget',
      date: '2025-02-05',
      start: '16:30',
      end: '18:45',
      location: 'Mødelokale 2',
      members: ['Anne Bak', 'Ole Lund', 'Ida Holm', 'Kim Sørensen'],
      absent: ['Ole Lund', 'Ida Holm'],
      namedKind: 'agenda',
    });
  });

  it('has null, never an invented value, for what the portal leaves out', () => {
    const meeting = meetingOf({
      body: null,
      date: null,
      place: '',
      participants: [],
      name: null,
      items: [decided],
    });
    expect(meeting).toMatchObject({
      body: null,
      date: null,
      start: null,
      end: null,
      location: null,
      members: [],
    });
  });

  it('reads a time in UTC as Danish time, and a date alone without a clock time', () => {
    expect(danishTime('2025-06-30T15:00:00Z')).toEqual({ date: '2025-06-30', time: '17:00' });
    expect(danishTime('2025-01-31T23:30:00Z')).toEqual({ date: '2025-02-01', time: '00:30' });
    expect(danishTime('2025-03-27T17:00:00+01:00')).toEqual({ date: '2025-03-27', time: '17:00' });
    expect(danishTime('2025-03-27')).toEqual({ date: '2025-03-27', time: null });
    expect(danishTime('27. marts')).toBeNull();
  });

  it('shows the body without its election term, and tells minutes by their decisions', async () => {
    const doc = await extractMeeting(bytesOf(agenda({ items: [decided] })), 'a.json', defaultLimits);
    expect(doc.meeting).toMatchObject({ body: 'Byråd', kind: 'minutes' });
    const undecided = {
      title: 'Budget 2026',
      html: itemHtml({ sections: [['Resume', 'Budgettet fremlægges.']] }),
    };
    const plan = await extractMeeting(bytesOf(agenda({ items: [undecided] })), 'a.json', defaultLimits);
    expect(plan.meeting.kind).toBe('agenda');
    expect(kindOfName('Referat')).toBe('minutes');
    expect(kindOfName('Ekstraordinær dagsorden')).toBe('agenda');
    expect(kindOfName('Møde')).toBeNull();
  });
});

describe('the municipality from the portal', () => {
  it.each([
    ['dagsordener.greve.dk', 'Greve Kommune'],
    ['dagsordener.koege.dk', 'Køge Kommune'],
    ['dagsordener.lyngby-taarbaek.dk', 'Lyngby-Taarbæk Kommune'],
    ['dagsordener.tarnby.dk', 'Tårnby Kommune'],
    ['nordfynskommune.dk', 'Nordfyns Kommune'],
    ['dagsordener.egholt.dk', 'Egholt Kommune'],
    ['dagsordener.nord-vest.dk', 'Nord-Vest Kommune'],
    ['firstagenda.dk', null],
    ['dagsordener.example.com', null],
    ['localhost', null],
  ])('%s is %s', (host, municipality) => expect(municipalityOfHost(host)).toBe(municipality));

  it('comes from the object key the sync writes, else from the items’ links', () => {
    const read = FirstAgendaMeeting.parse(
      agenda({ items: [decided], portal: 'https://dagsordener.egholt.dk' }),
    );
    expect(portalOf(read, 'firstagenda/dagsordener.vesterlund.dk/0a1b.json')).toEqual({
      origin: 'https://dagsordener.vesterlund.dk',
      host: 'dagsordener.vesterlund.dk',
      from: 'key',
    });
    expect(portalOf(read, 'uploads/2025-03-28/x/møde.json')).toEqual({
      origin: 'https://dagsordener.egholt.dk',
      host: 'dagsordener.egholt.dk',
      from: 'links',
    });
    const linkless = FirstAgendaMeeting.parse(agenda({ items: [{ ...decided, noLink: true }] }));
    expect(portalOf(linkless, 'møde.json')).toEqual({ origin: null, host: null, from: null });
  });

  it('is the meeting’s municipality in the document', async () => {
    const bytes = bytesOf(agenda({ items: [decided] }));
    const synced = await extractMeeting(bytes, 'firstagenda/dagsordener.koege.dk/1.json', defaultLimits);
    expect(synced.meeting.municipality).toBe('Køge Kommune');
    const uploaded = await extractMeeting(bytes, 'møde.json', defaultLimits);
    expect(uploaded.meeting.municipality).toBe('Egholt Kommune');
  });
});
