import ky, { HTTPError, isHTTPError, isNetworkError, isTimeoutError, type KyInstance } from 'ky';
import { valueAt } from '#lib/maps.ts';
import { HttpFetchError, type HttpFetcher } from './http-fetcher.ts';

export interface PoliteFetcherOptions {
  /** Sent with every request: who is asking, and where to read about it. */
  readonly userAgent: string;
  /**
   * Requests in flight at once.
   * @default 1
   */
  readonly concurrency?: number;
  /**
   * How long a request's slot rests after its answer before it serves the next request, in ms.
   * @default 1000
   */
  readonly delayMs?: number;
  /**
   * Time for one attempt to get its answer, and again to read its body, in ms.
   * @default 30000
   */
  readonly timeoutMs?: number;
  /**
   * Retries of an attempt that got 408, 429 or a 5xx, timed out or found no connection.
   * @default 4
   */
  readonly retries?: number;
  /**
   * The wait before the first retry, in ms; it doubles with each retry. A Retry-After header
   * (seconds or a date) is waited instead.
   * @default 2000
   */
  readonly backoffMs?: number;
  /**
   * The longest wait before a retry, in ms. A Retry-After asking for longer ends the request
   * instead, as retrying sooner than asked would not be polite.
   * @default 120000
   */
  readonly maxBackoffMs?: number;
}

/** What a portal may answer to be asked again later. */
const RETRY_STATUSES = [408, 429, 500, 502, 503, 504];
/** Hops followed while visiting a portal's front page for its session cookie. */
const MAX_REDIRECTS = 5;

/**
 * A fetcher that treats a portal as a guest should: one request at a time with a pause after each
 * (by default), retries with exponential backoff on 429 and 5xx, honouring Retry-After, a timeout
 * per attempt, a User-Agent that names the caller, and the portal's cookies. Some portals hand
 * out an anonymous session cookie on the first visit (`/` redirecting through
 * `/Home/AnonymousAuthentication`) and refuse the API without it, so before the first request to
 * an origin its front page is visited once, following redirects by hand to keep every cookie set
 * on the way. Cookies are kept by name per origin for the fetcher's life; their attributes are ignored.
 */
export function createPoliteFetcher(options: PoliteFetcherOptions): HttpFetcher {
  const gate = new Gate(options.concurrency ?? 1, options.delayMs ?? 1000);
  const cookies = new CookieJar();
  const maxBackoffMs = options.maxBackoffMs ?? 120_000;
  const backoffMs = options.backoffMs ?? 2000;
  const client = ky.create({
    timeout: options.timeoutMs ?? 30_000,
    headers: { 'user-agent': options.userAgent, accept: 'application/json, */*;q=0.5' },
    retry: {
      limit: options.retries ?? 4,
      methods: ['get'],
      statusCodes: RETRY_STATUSES,
      afterStatusCodes: RETRY_STATUSES,
      retryOnTimeout: true,
      delay: (attempt) => backoffMs * 2 ** (attempt - 1),
      backoffLimit: maxBackoffMs,
      maxRetryAfter: maxBackoffMs,
      shouldRetry: ({ error }) => {
        if (!(error instanceof HTTPError)) return undefined;
        const wait = retryAfterMs(error.response.headers.get('retry-after'));
        return wait !== null && wait > maxBackoffMs ? false : undefined;
      },
    },
    hooks: {
      beforeRequest: [({ request }) => cookies.attach(request)],
      afterResponse: [({ request, response }) => cookies.keep(request.url, response)],
    },
  });
  const visited = new Map<string, Promise<void>>();

  return {
    async get(url: string): Promise<Uint8Array> {
      const { origin } = new URL(url);
      await valueAt(visited, origin, (o) => gate.run(() => visitFrontPage(client, o)));
      return gate.run(async () => {
        try {
          return await client.get(url).bytes();
        } catch (error) {
          throw fetchError(url, error);
        }
      });
    },
  };
}

/** GET `/`, following redirects on the same origin by hand so that each hop's cookies are kept. */
async function visitFrontPage(client: KyInstance, origin: string): Promise<void> {
  let url = `${origin}/`;
  try {
    for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
      const response = await client.get(url, { redirect: 'manual', throwHttpErrors: false });
      await response.body?.cancel();
      const location = response.headers.get('location');
      if (response.status < 300 || response.status >= 400 || location === null) return;
      const next = new URL(location, url);
      if (next.origin !== origin) return;
      url = next.href;
    }
  } catch {
    // A front page that fails is no reason not to try the API: it says for itself.
  }
}

function fetchError(url: string, error: unknown): HttpFetchError {
  if (isHTTPError(error)) {
    const { status, statusText } = error.response;
    const transient = RETRY_STATUSES.includes(status);
    return new HttpFetchError(url, status, transient, `HTTP ${status} ${statusText}`.trim(), {
      cause: error,
    });
  }
  if (isTimeoutError(error)) return new HttpFetchError(url, null, true, 'timed out', { cause: error });
  if (isNetworkError(error)) {
    return new HttpFetchError(url, null, true, `no connection: ${innermost(error).message}`, {
      cause: error,
    });
  }
  const message = error instanceof Error ? error.message : String(error);
  return new HttpFetchError(url, null, false, message, { cause: error });
}

/** The error at the end of a chain of causes: fetch's own says only "fetch failed". */
function innermost(error: Error): Error {
  let inner = error;
  while (inner.cause instanceof Error) inner = inner.cause;
  return inner;
}

/** A Retry-After header's wait in ms (delay seconds, or an HTTP date), or null when absent or unreadable. */
export function retryAfterMs(value: string | null, now = Date.now()): number | null {
  if (value === null) return null;
  if (/^\s*\d+\s*$/.test(value)) return Number(value) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

/** At most `slots` tasks at once; a slot rests `restMs` after its task before taking the next. */
class Gate {
  readonly #restMs: number;
  #free: number;
  readonly #waiting: (() => void)[] = [];

  constructor(slots: number, restMs: number) {
    if (!Number.isInteger(slots) || slots < 1)
      throw new RangeError(`concurrency must be 1 or more, not ${slots}`);
    if (!(restMs >= 0)) throw new RangeError(`delay must be 0 ms or more, not ${restMs}`);
    this.#free = slots;
    this.#restMs = restMs;
  }

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.#free > 0) this.#free--;
    else await new Promise<void>((resolve) => this.#waiting.push(resolve));
    try {
      return await task();
    } finally {
      setTimeout(() => this.#release(), this.#restMs);
    }
  }

  #release(): void {
    const next = this.#waiting.shift();
    if (next) next();
    else this.#free++;
  }
}

/** Cookies by origin and name: what a portal set is sent back to it, and to no other origin. */
class CookieJar {
  readonly #byOrigin = new Map<string, Map<string, string>>();

  attach(request: Request): void {
    const jar = this.#byOrigin.get(new URL(request.url).origin);
    if (jar === undefined || jar.size === 0) return;
    request.headers.set('cookie', [...jar].map(([name, value]) => `${name}=${value}`).join('; '));
  }

  keep(url: string, response: Response): void {
    const origin = new URL(url).origin;
    for (const header of response.headers.getSetCookie()) {
      const pair = header.split(';', 1)[0] ?? '';
      const equals = pair.indexOf('=');
      if (equals <= 0) continue;
      const name = pair.slice(0, equals).trim();
      const value = pair.slice(equals + 1).trim();
      const jar = this.#byOrigin.get(origin) ?? new Map<string, string>();
      this.#byOrigin.set(origin, jar);
      if (value === '' || /;\s*max-age=0\b/i.test(header)) jar.delete(name);
      else jar.set(name, value);
    }
  }
}
