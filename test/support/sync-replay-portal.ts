import { readdirSync, readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { basename, join } from 'node:path';

/** The invented portal of test/fixtures/firstagenda-portal. */
export const PORTAL_FIXTURES = 'test/fixtures/firstagenda-portal';

/** Its meetings' ids, newest first. */
export const FIXTURE_MEETINGS = {
  council: 'a1f0c6d2-3b4e-4f5a-8c7d-1e2f3a4b5c6d',
  /** Listed as an agenda in udvalgsliste.json, as minutes in udvalgsliste-referat.json. */
  economy: 'b2e1d7c3-4c5f-4a6b-9d8e-2f3a4b5c6d7e',
  technical: 'c3d2e8f4-5d6a-4b7c-8e9f-3a4b5c6d7e8f',
  economy2021: 'd4c3f9a5-6e7b-4c8d-9f0a-4b5c6d7e8f9a',
} as const;

export interface ReceivedRequest {
  readonly method: string;
  readonly path: string;
  readonly headers: IncomingMessage['headers'];
  /** When it arrived and when its answer ended (ms since the epoch). */
  readonly at: number;
  ended: number | null;
}

/** An answer a test makes the portal give instead of the replayed one. */
export interface Fault {
  /** Which requests: their path (with the query). */
  readonly path: RegExp;
  /** How many such requests get it. @default 1 */
  times?: number;
  readonly status?: number;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: string;
  /** Wait this long before answering (a slow portal). */
  readonly delayMs?: number;
  /** Send the headers at once, the body after this long (a slow body). */
  readonly bodyDelayMs?: number;
}

export interface ReplayPortalOptions {
  /**
   * Refuse the API without the anonymous session cookie, which `/` hands out by redirecting through
   * `/Home/AnonymousAuthentication`, as some portals do.
   */
  readonly session?: boolean;
}

/**
 * A FirstAgenda portal on 127.0.0.1 that replays what it is given: the listing at
 * `/api/agenda/udvalgsliste`, each meeting at `/api/agenda/dagsorden/<id>`, a page at `/`. The
 * listing and the meetings can be changed between runs; faults answer chosen requests with a
 * status, headers, a delay. Every request is recorded.
 */
export class ReplayPortal {
  listing: Uint8Array = new Uint8Array();
  readonly meetings = new Map<string, Uint8Array>();
  readonly requests: ReceivedRequest[] = [];
  readonly faults: Fault[] = [];
  /** Most requests in flight at once. */
  maxInFlight = 0;
  readonly #options: ReplayPortalOptions;
  readonly #server = createServer((request, response) => void this.#answer(request, response));
  #inFlight = 0;
  #url = '';

  constructor(options: ReplayPortalOptions = {}) {
    this.#options = options;
  }

  get url(): string {
    return this.#url;
  }

  /** The host as object keys name it: `127.0.0.1:<port>`. */
  get host(): string {
    return new URL(this.#url).host;
  }

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.#server.listen(0, '127.0.0.1', resolve));
    this.#url = `http://127.0.0.1:${(this.#server.address() as AddressInfo).port}`;
    return this;
  }

  async close(): Promise<void> {
    this.#server.closeAllConnections();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }

  /** Serves a folder laid out as test/fixtures/firstagenda-portal: a listing, and a folder of meetings. */
  load(listingFile: string, meetingsFolder?: string): this {
    this.listing = new Uint8Array(readFileSync(listingFile));
    if (meetingsFolder !== undefined) {
      for (const file of readdirSync(meetingsFolder).filter((name) => name.endsWith('.json'))) {
        this.meetings.set(basename(file, '.json'), new Uint8Array(readFileSync(join(meetingsFolder, file))));
      }
    }
    return this;
  }

  /** The requests for meetings, by meeting id. */
  meetingRequests(): string[] {
    return this.requests
      .map((request) => request.path.match(/^\/api\/agenda\/dagsorden\/([^/?]+)/)?.[1])
      .filter((id): id is string => id !== undefined);
  }

  async #answer(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const path = request.url ?? '/';
    const received: ReceivedRequest = {
      method: request.method ?? 'GET',
      path,
      headers: request.headers,
      at: Date.now(),
      ended: null,
    };
    this.requests.push(received);
    this.#inFlight++;
    this.maxInFlight = Math.max(this.maxInFlight, this.#inFlight);
    response.on('close', () => {
      this.#inFlight--;
      received.ended = Date.now();
    });
    const fault = this.#takeFault(path);
    if (fault?.delayMs) await sleep(fault.delayMs);
    if (fault && (fault.status !== undefined || fault.bodyDelayMs !== undefined)) {
      response.writeHead(fault.status ?? 200, { 'content-type': 'application/json', ...fault.headers });
      if (fault.bodyDelayMs !== undefined) {
        response.write('{');
        await sleep(fault.bodyDelayMs);
      }
      response.end(fault.body ?? '');
      return;
    }
    this.#replay(path, request, response);
  }

  #replay(path: string, request: IncomingMessage, response: ServerResponse): void {
    const session = 'firstagenda_anonymous=granted';
    const hasSession = (request.headers.cookie ?? '').split(/;\s*/).includes(session);
    if (path.startsWith('/Home/AnonymousAuthentication')) {
      const callback = new URL(path, this.#url).searchParams.get('callback') ?? '/';
      response.writeHead(302, { location: callback, 'set-cookie': `${session}; path=/; HttpOnly` });
      response.end();
      return;
    }
    if (this.#options.session === true && !hasSession) {
      const back = encodeURIComponent(`${this.#url}${path}`);
      response.writeHead(302, { location: `/Home/AnonymousAuthentication?callback=${back}` });
      response.end();
      return;
    }
    if (path === '/') {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      response.end('<!doctype html><title>Dagsordener og referater</title>');
      return;
    }
    if (path === '/api/agenda/udvalgsliste') {
      json(response, this.listing);
      return;
    }
    const id = path.match(/^\/api\/agenda\/dagsorden\/([^/?]+)$/)?.[1];
    const meeting = id === undefined ? undefined : this.meetings.get(id);
    if (meeting !== undefined) {
      json(response, meeting);
      return;
    }
    response.writeHead(404, { 'content-type': 'text/plain' });
    response.end('Not Found');
  }

  #takeFault(path: string): Fault | undefined {
    const index = this.faults.findIndex((fault) => fault.path.test(path));
    const fault = this.faults[index];
    if (fault === undefined) return undefined;
    fault.times = (fault.times ?? 1) - 1;
    if (fault.times <= 0) this.faults.splice(index, 1);
    return fault;
  }
}

function json(response: ServerResponse, bytes: Uint8Array): void {
  response.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
  response.end(bytes);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
