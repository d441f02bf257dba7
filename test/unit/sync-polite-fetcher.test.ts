import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HttpFetchError } from '#sync/http-fetcher.ts';
import { createPoliteFetcher, type PoliteFetcherOptions, retryAfterMs } from '#sync/polite-fetcher.ts';
import { ReplayPortal } from '../support/sync-replay-portal.ts';

const USER_AGENT = 'minutes-search/0.1.0 (test; +https://example.org/minutes-search)';
const LISTING = '/api/agenda/udvalgsliste';

let portal: ReplayPortal;

beforeEach(async () => {
  portal = await new ReplayPortal().start();
  portal.listing = new TextEncoder().encode('{"Udvalg":{}}');
  for (const id of ['m1', 'm2', 'm3', 'm4']) {
    portal.meetings.set(id, new TextEncoder().encode(`{"Id":"${id}","Dagsordenpunkter":[]}`));
  }
});

afterEach(() => portal.close());

function fetcher(options: Partial<PoliteFetcherOptions> = {}) {
  return createPoliteFetcher({ userAgent: USER_AGENT, delayMs: 0, backoffMs: 50, ...options });
}

const listingRequests = () => portal.requests.filter((r) => r.path === LISTING);

async function failure(promise: Promise<unknown>): Promise<HttpFetchError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof HttpFetchError)) throw new Error(`expected an HttpFetchError, got ${String(error)}`);
  return error;
}

describe('the polite fetcher', () => {
  it('names the project in the User-Agent of every request, the front page included', async () => {
    const bytes = await fetcher().get(`${portal.url}${LISTING}`);
    expect(new TextDecoder().decode(bytes)).toBe('{"Udvalg":{}}');
    expect(portal.requests.map((r) => [r.path, r.headers['user-agent']])).toEqual([
      ['/', USER_AGENT],
      [LISTING, USER_AGENT],
    ]);
  });

  it('visits the front page once per portal, before the first request', async () => {
    const http = fetcher();
    await http.get(`${portal.url}/api/agenda/dagsorden/m1`);
    await http.get(`${portal.url}/api/agenda/dagsorden/m2`);
    expect(portal.requests.map((r) => r.path)).toEqual([
      '/',
      '/api/agenda/dagsorden/m1',
      '/api/agenda/dagsorden/m2',
    ]);
  });

  it('keeps the anonymous session cookie a redirect sets, and sends it to that portal only', async () => {
    await portal.close();
    portal = await new ReplayPortal({ session: true }).start();
    portal.listing = new TextEncoder().encode('{"Udvalg":{}}');
    const other = await new ReplayPortal().start();
    other.listing = portal.listing;
    try {
      const http = fetcher();
      await http.get(`${portal.url}${LISTING}`);
      await http.get(`${other.url}${LISTING}`);
      expect(portal.requests.map((r) => r.path.replace(/callback=.*/, 'callback=…'))).toEqual([
        '/',
        '/Home/AnonymousAuthentication?callback=…',
        '/',
        LISTING,
      ]);
      expect(listingRequests()[0]?.headers.cookie).toBe('firstagenda_anonymous=granted');
      expect(other.requests.every((r) => r.headers.cookie === undefined)).toBe(true);
    } finally {
      await other.close();
    }
  });

  it('retries a 503 with exponential backoff', async () => {
    portal.faults.push({ path: /udvalgsliste/, status: 503, times: 3 });
    await fetcher({ backoffMs: 100, retries: 3 }).get(`${portal.url}${LISTING}`);
    const starts = listingRequests().map((r) => r.at);
    expect(starts).toHaveLength(4);
    const waits = starts.slice(1).map((at, i) => at - (starts[i] ?? 0));
    // 100, 200, 400 ms: each at least its backoff (timers may fire late, never early).
    expect(waits[0]).toBeGreaterThanOrEqual(95);
    expect(waits[1]).toBeGreaterThanOrEqual(195);
    expect(waits[2]).toBeGreaterThanOrEqual(395);
  });

  it('waits as long as a 429 Retry-After asks', async () => {
    portal.faults.push({ path: /udvalgsliste/, status: 429, headers: { 'retry-after': '1' } });
    await fetcher({ backoffMs: 10 }).get(`${portal.url}${LISTING}`);
    const [first, second] = listingRequests();
    expect((second?.at ?? 0) - (first?.at ?? 0)).toBeGreaterThanOrEqual(990);
  });

  it('gives up at once when Retry-After asks for longer than it would wait', async () => {
    portal.faults.push({ path: /udvalgsliste/, status: 429, headers: { 'retry-after': '3600' } });
    const error = await failure(fetcher({ maxBackoffMs: 60_000 }).get(`${portal.url}${LISTING}`));
    expect(error).toMatchObject({ status: 429, transient: true, message: 'HTTP 429 Too Many Requests' });
    expect(listingRequests()).toHaveLength(1);
  });

  it('gives up after its retries with the last status, as a transient failure', async () => {
    portal.faults.push({ path: /udvalgsliste/, status: 503, times: 10 });
    const error = await failure(fetcher({ backoffMs: 5, retries: 2 }).get(`${portal.url}${LISTING}`));
    expect(error).toMatchObject({ status: 503, transient: true, url: `${portal.url}${LISTING}` });
    expect(listingRequests()).toHaveLength(3);
  });

  it('does not retry what asking again would not change', async () => {
    const error = await failure(fetcher().get(`${portal.url}/api/agenda/dagsorden/none`));
    expect(error).toMatchObject({ status: 404, transient: false, message: 'HTTP 404 Not Found' });
    expect(portal.meetingRequests()).toEqual(['none']);
  });

  it('times out a slow answer and tries again', async () => {
    portal.faults.push({ path: /udvalgsliste/, delayMs: 1000 });
    const bytes = await fetcher({ timeoutMs: 200, backoffMs: 5 }).get(`${portal.url}${LISTING}`);
    expect(new TextDecoder().decode(bytes)).toBe('{"Udvalg":{}}');
    expect(listingRequests()).toHaveLength(2);
  });

  it('ends with a timeout when every attempt is too slow, and when the body never ends', async () => {
    portal.faults.push({ path: /udvalgsliste/, delayMs: 1000, times: 3 });
    const slow = await failure(
      fetcher({ timeoutMs: 150, backoffMs: 5, retries: 2 }).get(`${portal.url}${LISTING}`),
    );
    expect(slow).toMatchObject({ status: null, transient: true, message: 'timed out' });
    expect(listingRequests()).toHaveLength(3);

    portal.faults.push({ path: /dagsorden/, status: 200, bodyDelayMs: 2000 });
    const started = Date.now();
    const stalled = await failure(fetcher({ timeoutMs: 200 }).get(`${portal.url}/api/agenda/dagsorden/m1`));
    expect(stalled).toMatchObject({ status: null, transient: true, message: 'timed out' });
    expect(Date.now() - started).toBeLessThan(1500);
  });

  it('says when no connection could be made', async () => {
    const url = `${portal.url}${LISTING}`;
    await portal.close();
    const error = await failure(fetcher({ retries: 1, backoffMs: 5 }).get(url));
    expect(error).toMatchObject({
      status: null,
      transient: true,
      message: expect.stringMatching(/^no connection: /),
    });
    portal = await new ReplayPortal().start();
  });

  it('sends one request at a time by default, resting between them', async () => {
    portal.faults.push({ path: /dagsorden/, delayMs: 50, times: 4 });
    const http = createPoliteFetcher({ userAgent: USER_AGENT, delayMs: 100 });
    await Promise.all(
      ['m1', 'm2', 'm3', 'm4'].map((id) => http.get(`${portal.url}/api/agenda/dagsorden/${id}`)),
    );
    expect(portal.maxInFlight).toBe(1);
    const requests = portal.requests;
    for (let i = 1; i < requests.length; i++) {
      const rest = (requests[i]?.at ?? 0) - (requests[i - 1]?.ended ?? Number.POSITIVE_INFINITY);
      expect(rest, requests[i]?.path).toBeGreaterThanOrEqual(95);
    }
  });

  it('sends as many at once as its concurrency allows', async () => {
    portal.faults.push({ path: /dagsorden/, delayMs: 200, times: 4 });
    const http = fetcher({ concurrency: 2 });
    await Promise.all(
      ['m1', 'm2', 'm3', 'm4'].map((id) => http.get(`${portal.url}/api/agenda/dagsorden/${id}`)),
    );
    expect(portal.maxInFlight).toBe(2);
  });

  it('refuses a concurrency or delay that makes no sense', () => {
    expect(() => fetcher({ concurrency: 0 })).toThrow(/concurrency must be 1 or more/);
    expect(() => fetcher({ delayMs: -1 })).toThrow(/delay must be 0 ms or more/);
  });
});

describe('Retry-After', () => {
  it('reads seconds and HTTP dates', () => {
    const now = Date.parse('2024-03-18T08:00:00Z');
    expect(retryAfterMs('120', now)).toBe(120_000);
    expect(retryAfterMs('Mon, 18 Mar 2024 08:00:30 GMT', now)).toBe(30_000);
    expect(retryAfterMs('Mon, 18 Mar 2024 07:00:00 GMT', now)).toBe(0);
    expect(retryAfterMs('soon', now)).toBeNull();
    expect(retryAfterMs(null, now)).toBeNull();
  });
});
