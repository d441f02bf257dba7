import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LISTING_METADATA, meetingKey } from '#sync/keys.ts';
import { createPoliteFetcher } from '#sync/polite-fetcher.ts';
import { listedMeetings, PortalListing } from '#sync/portal-listing.ts';
import { ListingError, type MeetingOutcome, type SyncOptions, syncPortal } from '#sync/sync-portal.ts';
import { MemoryBlobs } from '../support/sync-memory-blobs.ts';
import { FIXTURE_MEETINGS, PORTAL_FIXTURES, ReplayPortal } from '../support/sync-replay-portal.ts';

const LISTING = join(PORTAL_FIXTURES, 'udvalgsliste.json');
const LISTING_MINUTES = join(PORTAL_FIXTURES, 'udvalgsliste-referat.json');
const AGENDAS = join(PORTAL_FIXTURES, 'dagsorden');
const MINUTES_OF_ECONOMY = join(PORTAL_FIXTURES, 'referat', `${FIXTURE_MEETINGS.economy}.json`);
const ALL = Object.values(FIXTURE_MEETINGS);

let portal: ReplayPortal;
let blobs: MemoryBlobs;

beforeEach(async () => {
  portal = (await new ReplayPortal().start()).load(LISTING, AGENDAS);
  blobs = new MemoryBlobs();
});

afterEach(() => portal.close());

/** One sync of the replay portal, as fast as the fetcher allows (no pauses, short backoff). */
function sync(options: Partial<SyncOptions> = {}, fetcher: { retries?: number } = {}) {
  const http = createPoliteFetcher({
    userAgent: 'minutes-search-test',
    delayMs: 0,
    backoffMs: 5,
    timeoutMs: 2000,
    retries: fetcher.retries ?? 2,
  });
  return syncPortal({ http, blobs, now: () => new Date() }, { portal: portal.url, ...options });
}

const statuses = (outcomes: readonly MeetingOutcome[]) =>
  Object.fromEntries(outcomes.map((outcome) => [outcome.meeting.id, outcome.status]));
const key = (id: string) => meetingKey(portal.host, id);

describe('the listing', () => {
  it('names every meeting once, newest first, with its body and day', () => {
    const listing = PortalListing.parse(JSON.parse(readFileSync(LISTING, 'utf8')));
    const { meetings, badIds } = listedMeetings(listing);
    expect(meetings.map((m) => [m.id, m.body, m.date, m.name])).toEqual([
      [FIXTURE_MEETINGS.council, 'Byråd 2022-2025', '2024-03-25', 'Referat'],
      [FIXTURE_MEETINGS.economy, 'Økonomiudvalget', '2024-03-18', 'Dagsorden'],
      [FIXTURE_MEETINGS.technical, 'Teknik- og Miljøudvalget', '2024-02-05', 'Referat'],
      [FIXTURE_MEETINGS.economy2021, 'Økonomiudvalget 2018-2021', '2021-11-22', 'Referat'],
    ]);
    expect(badIds).toEqual([]);
  });

  it('counts a meeting listed twice once, and skips an id that cannot name a key', () => {
    const meeting = { Id: 'AB-12', Navn: 'Referat', Dato: '2024-01-01T08:00:00+01:00' };
    const { meetings, badIds } = listedMeetings({
      Udvalg: {
        '2022-2025': [{ Navn: 'Byrådet', Moeder: [meeting, { Id: '../etc/passwd' }] }],
        Andre: [
          { Navn: 'Byråd', Moeder: [meeting] },
          { Navn: 'Tomt udvalg', Moeder: null },
        ],
      },
    });
    expect(meetings.map((m) => [m.id, m.body])).toEqual([['ab-12', 'Byrådet']]);
    expect(badIds).toEqual(['../etc/passwd']);
  });

  it('gives a meeting a new fingerprint when it turns from agenda into minutes, and only then', () => {
    const read = (file: string) =>
      listedMeetings(PortalListing.parse(JSON.parse(readFileSync(file, 'utf8')))).meetings;
    const before = new Map(read(LISTING).map((m) => [m.id, m.fingerprint]));
    const after = new Map(read(LISTING_MINUTES).map((m) => [m.id, m.fingerprint]));
    const changed = ALL.filter((id) => before.get(id) !== after.get(id));
    expect(changed).toEqual([FIXTURE_MEETINGS.economy]);
  });
});

describe('syncing a portal', () => {
  it('stores every meeting as the portal served it, under firstagenda/<host>/<id>.json', async () => {
    const report = await sync();
    expect(report.plan).toEqual({ listed: 4, chosen: 4, unchanged: 0, toFetch: 4 });
    expect(statuses(report.outcomes)).toEqual(Object.fromEntries(ALL.map((id) => [id, 'new'])));
    expect([...blobs.objects.keys()].sort()).toEqual(ALL.map(key).sort());
    for (const id of ALL) {
      const stored = blobs.objects.get(key(id));
      expect(Buffer.from(stored?.bytes ?? []).equals(readFileSync(join(AGENDAS, `${id}.json`)))).toBe(true);
      expect(stored?.contentType).toBe('application/json; charset=utf-8');
      expect(stored?.metadata?.[LISTING_METADATA]).toMatch(/^[0-9a-f]{32}$/);
    }
    expect(report.stopped).toBeNull();
  });

  it('fetches nothing the second time', async () => {
    await sync();
    const fetched = portal.meetingRequests().length;
    const again = await sync();
    expect(portal.meetingRequests()).toHaveLength(fetched);
    expect(again.plan).toMatchObject({ unchanged: 4, toFetch: 0 });
    expect(again.outcomes.every((o) => o.status === 'unchanged' && !o.fetched)).toBe(true);
    expect(blobs.puts).toHaveLength(4);
  });

  it('fetches the meeting whose listing changed and puts its minutes over its agenda', async () => {
    await sync();
    portal.load(LISTING_MINUTES);
    portal.meetings.set(FIXTURE_MEETINGS.economy, new Uint8Array(readFileSync(MINUTES_OF_ECONOMY)));
    const requested = portal.meetingRequests().length;

    const report = await sync();
    expect(portal.meetingRequests().slice(requested)).toEqual([FIXTURE_MEETINGS.economy]);
    const changed = report.outcomes.find((o) => o.meeting.id === FIXTURE_MEETINGS.economy);
    expect(changed).toMatchObject({ status: 'changed', key: key(FIXTURE_MEETINGS.economy) });
    expect(blobs.text(key(FIXTURE_MEETINGS.economy))).toContain('Bilaget er vedlagt.');
    expect(blobs.text(key(FIXTURE_MEETINGS.economy))).not.toContain('eftersendes');
    expect((await sync()).plan.toFetch).toBe(0);
  });

  it('keeps a meeting listed anew but served byte for byte as stored, and notes the listing', async () => {
    await sync();
    portal.load(LISTING_MINUTES);
    const report = await sync();
    const outcome = report.outcomes.find((o) => o.meeting.id === FIXTURE_MEETINGS.economy);
    expect(outcome).toMatchObject({ status: 'unchanged', fetched: true });
    const requested = portal.meetingRequests().length;
    expect((await sync()).plan.toFetch).toBe(0);
    expect(portal.meetingRequests()).toHaveLength(requested);
  });

  it('with recheck fetches every meeting again and replaces only what differs', async () => {
    await sync();
    portal.meetings.set(FIXTURE_MEETINGS.economy, new Uint8Array(readFileSync(MINUTES_OF_ECONOMY)));
    const report = await sync({ recheck: true });
    expect(statuses(report.outcomes)).toEqual({
      [FIXTURE_MEETINGS.council]: 'unchanged',
      [FIXTURE_MEETINGS.economy]: 'changed',
      [FIXTURE_MEETINGS.technical]: 'unchanged',
      [FIXTURE_MEETINGS.economy2021]: 'unchanged',
    });
    expect(blobs.puts).toHaveLength(5);
  });

  it('chooses meetings by day and by body, however the body is written', async () => {
    const since = await sync({ since: '2024-03-01', dryRun: true });
    expect(since.outcomes.map((o) => o.meeting.id)).toEqual([
      FIXTURE_MEETINGS.council,
      FIXTURE_MEETINGS.economy,
    ]);
    for (const written of ['Byrådet', 'BYRÅD', 'Byråd 2022-2025']) {
      const body = await sync({ body: written, dryRun: true });
      expect(
        body.outcomes.map((o) => o.meeting.id),
        written,
      ).toEqual([FIXTURE_MEETINGS.council]);
    }
    // "Økonomiudvalget 2018-2021" is the same body as "Økonomiudvalget".
    const economy = await sync({ body: 'økonomiudvalg', dryRun: true });
    expect(economy.outcomes.map((o) => o.meeting.id)).toEqual([
      FIXTURE_MEETINGS.economy,
      FIXTURE_MEETINGS.economy2021,
    ]);
    expect(economy.plan).toMatchObject({ listed: 4, chosen: 2 });
  });

  it('on a dry run says what it would fetch and why, and fetches and writes nothing', async () => {
    await sync({ body: 'Byrådet' });
    portal.load(LISTING_MINUTES);
    const report = await sync({ dryRun: true });
    expect(report.outcomes.map((o) => [o.meeting.id, o.status, 'why' in o ? o.why : null])).toEqual([
      [FIXTURE_MEETINGS.council, 'unchanged', null],
      [FIXTURE_MEETINGS.economy, 'would-fetch', 'new'],
      [FIXTURE_MEETINGS.technical, 'would-fetch', 'new'],
      [FIXTURE_MEETINGS.economy2021, 'would-fetch', 'new'],
    ]);
    expect(portal.meetingRequests()).toEqual([FIXTURE_MEETINGS.council]);
    expect(blobs.puts).toEqual([key(FIXTURE_MEETINGS.council)]);
  });

  it('fetches no PDF: the links in a meeting are single items and attachments', async () => {
    const text = readFileSync(join(AGENDAS, `${FIXTURE_MEETINGS.council}.json`), 'utf8');
    expect(text).toContain('/Vis/Pdf/bilag/');
    await sync();
    expect(portal.requests.map((r) => r.path).filter((path) => !path.startsWith('/api/'))).toEqual(['/']);
  });

  it('reports a meeting that fails and stores the rest', async () => {
    portal.meetings.delete(FIXTURE_MEETINGS.technical);
    portal.meetings.set(FIXTURE_MEETINGS.council, new TextEncoder().encode('<html>Log ind</html>'));
    portal.meetings.set(
      FIXTURE_MEETINGS.economy2021,
      new TextEncoder().encode(JSON.stringify({ Id: FIXTURE_MEETINGS.economy, Dagsordenpunkter: [] })),
    );
    const report = await sync();
    expect(report.outcomes.map((o) => [o.status, 'reason' in o ? o.reason : null])).toEqual([
      ['failed', 'the answer is no FirstAgenda meeting (no Id and Dagsordenpunkter)'],
      ['new', null],
      ['failed', 'HTTP 404 Not Found'],
      ['failed', `the answer is another meeting (${FIXTURE_MEETINGS.economy})`],
    ]);
    expect([...blobs.objects.keys()]).toEqual([key(FIXTURE_MEETINGS.economy)]);
  });

  it('refuses a meeting larger than the limit', async () => {
    const report = await sync({ maxBytes: 4000, body: 'Byrådet' });
    expect(report.outcomes[0]).toMatchObject({
      status: 'failed',
      reason: expect.stringMatching(/^too-large: /),
    });
    expect(blobs.objects.size).toBe(0);
  });

  it('keeps what it stored when the portal fails part way, stops, and goes on from there next time', async () => {
    // Four more meetings than the fixtures have, so that five in a row can fail.
    const listing = JSON.parse(readFileSync(LISTING, 'utf8'));
    const extra = Array.from({ length: 5 }, (_, i) => `e5000000-0000-4000-8000-00000000000${i}`);
    listing.Udvalg['2022-2025'][0].Moeder.push(
      ...extra.map((Id, i) => ({ Id, Navn: 'Referat', Dato: `2023-0${i + 1}-10T08:00:00+01:00` })),
    );
    portal.listing = new TextEncoder().encode(JSON.stringify(listing));
    for (const id of extra) {
      const meeting = JSON.parse(readFileSync(join(AGENDAS, `${FIXTURE_MEETINGS.technical}.json`), 'utf8'));
      portal.meetings.set(id, new TextEncoder().encode(JSON.stringify({ ...meeting, Id: id })));
    }
    // The portal goes down after the first two meetings (newest first: council, economy).
    portal.faults.push({ path: /^\/api\/agenda\/dagsorden\/(?!a1f0|b2e1)/, status: 503, times: 1000 });

    const first = await sync({}, { retries: 1 });
    expect(first.stopped).toEqual({
      cause: 'failing',
      message: '5 meetings in a row failed (the last: HTTP 503 Service Unavailable)',
    });
    const count = (report: typeof first, status: string) =>
      report.outcomes.filter((o) => o.status === status).length;
    expect([count(first, 'new'), count(first, 'failed'), count(first, 'not-tried')]).toEqual([2, 5, 2]);
    expect([...blobs.objects.keys()].sort()).toEqual(
      [key(FIXTURE_MEETINGS.council), key(FIXTURE_MEETINGS.economy)].sort(),
    );

    portal.faults.length = 0;
    const second = await sync();
    expect([count(second, 'unchanged'), count(second, 'new')]).toEqual([2, 7]);
    expect(blobs.objects.size).toBe(9);
  });

  it('stops at its deadline, leaving the rest for the next run', async () => {
    const report = await sync({ deadline: new Date(0) });
    expect(report.stopped).toEqual({ cause: 'time', message: 'its time ran out' });
    expect(report.outcomes.every((o) => o.status === 'not-tried')).toBe(true);
    expect(portal.meetingRequests()).toEqual([]);
  });

  it('fails with ListingError when the listing cannot be read, storing nothing', async () => {
    // Two runs of two attempts each.
    portal.faults.push({ path: /udvalgsliste/, status: 500, times: 4 });
    await expect(sync({}, { retries: 1 })).rejects.toThrow(ListingError);
    await expect(sync({}, { retries: 1 })).rejects.toThrow(/the listing .* failed: HTTP 500/);
    portal.listing = new TextEncoder().encode('{"Udvalg": "none"}');
    await expect(sync()).rejects.toThrow(/is not a FirstAgenda listing/);
    expect(blobs.puts).toEqual([]);
  });

  it('refuses an address that is no http(s) URL', async () => {
    await expect(
      syncPortal(
        { http: { get: async () => new Uint8Array() }, blobs, now: () => new Date() },
        { portal: 'ftp://x' },
      ),
    ).rejects.toThrow(/not an http\(s\) URL/);
    await expect(
      syncPortal(
        { http: { get: async () => new Uint8Array() }, blobs, now: () => new Date() },
        { portal: 'dagsordener' },
      ),
    ).rejects.toThrow(/not a URL/);
  });

  it('works with a portal that wants its anonymous session cookie first', async () => {
    await portal.close();
    portal = (await new ReplayPortal({ session: true }).start()).load(LISTING, AGENDAS);
    const report = await sync();
    expect(report.outcomes.every((o) => o.status === 'new')).toBe(true);
    const api = portal.requests.filter((r) => r.path.startsWith('/api/'));
    expect(api.every((r) => r.headers.cookie === 'firstagenda_anonymous=granted')).toBe(true);
  });
});
