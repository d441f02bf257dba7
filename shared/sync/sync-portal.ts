import { z } from 'zod';
import { documentIdOfBytes } from '#domain/document.ts';
import { bodyKey } from '#language/body-names.ts';
import type { BlobStore } from '#storage/blob-store.ts';
import { HttpFetchError, type HttpFetcher } from './http-fetcher.ts';
import { FIRSTAGENDA_PREFIX, LISTING_METADATA, meetingKey } from './keys.ts';
import { type ListedMeeting, listedMeetings, PortalListing } from './portal-listing.ts';

/** What a sync stores a meeting as: the portal's JSON, byte for byte. */
const MEETING_CONTENT_TYPE = 'application/json; charset=utf-8';

/** Transient failures in a row after which a run stops: the portal is down or refuses us. */
const TRANSIENT_FAILURES_TO_STOP = 5;

export interface SyncDeps {
  readonly http: HttpFetcher;
  readonly blobs: BlobStore;
  readonly now: () => Date;
}

export interface SyncOptions {
  /** The portal's address, e.g. `https://dagsordener.greve.dk` (a path after the host is ignored). */
  readonly portal: string;
  /** Only meetings on or after this day (YYYY-MM-DD). */
  readonly since?: string;
  /** Only this body's meetings, however its name is written ("Byrådet", "Byråd 2022-2025"). */
  readonly body?: string;
  /** Decide and report what would be fetched; fetch no meeting and write nothing. */
  readonly dryRun?: boolean;
  /** Fetch every chosen meeting again, whatever the listing says, and keep what differs. */
  readonly recheck?: boolean;
  /** Meetings fetched at once (the fetcher keeps its own limit on requests). @default 1 */
  readonly concurrency?: number;
  /** Largest meeting JSON stored, in bytes; a larger one fails (the ingest would refuse it). */
  readonly maxBytes?: number;
  /** Start no meeting after this time: a run cut short goes on where it stopped next time. */
  readonly deadline?: Date;
  /** Told what is to be done once the listing is read. */
  readonly onPlan?: (plan: SyncPlan) => void;
  /** Told each meeting's outcome as it ends. */
  readonly onMeeting?: (outcome: MeetingOutcome) => void;
}

export interface SyncPlan {
  /** Meetings in the listing, and of them those the options chose. */
  readonly listed: number;
  readonly chosen: number;
  /** Chosen meetings whose listing matches what is stored: nothing to fetch. */
  readonly unchanged: number;
  /** Chosen meetings to fetch: not stored, or listed differently since. */
  readonly toFetch: number;
}

export type MeetingOutcome =
  /** Stored for the first time, or its new version stored over the old (minutes over the agenda). */
  | {
      readonly status: 'new' | 'changed';
      readonly meeting: ListedMeeting;
      readonly key: string;
      /** The id the registry gives the stored bytes. */
      readonly documentId: string;
    }
  /** Stored as listed: not fetched. Or fetched and found byte for byte as stored (`fetched`). */
  | {
      readonly status: 'unchanged';
      readonly meeting: ListedMeeting;
      readonly key: string;
      readonly fetched: boolean;
    }
  /** --dry-run: would be fetched, as it is not stored (`new`) or listed differently (`changed`). */
  | {
      readonly status: 'would-fetch';
      readonly meeting: ListedMeeting;
      readonly key: string;
      readonly why: 'new' | 'changed';
    }
  | {
      readonly status: 'failed';
      readonly meeting: ListedMeeting;
      readonly key: string;
      readonly reason: string;
    }
  /** Not tried: the run stopped before it (its deadline passed, or the portal kept failing). */
  | { readonly status: 'not-tried'; readonly meeting: ListedMeeting; readonly key: string };

export interface SyncReport {
  /** The portal's origin, and its host as the keys name it. */
  readonly portal: string;
  readonly host: string;
  readonly plan: SyncPlan;
  /** Every chosen meeting's outcome, newest meeting first. */
  readonly outcomes: readonly MeetingOutcome[];
  /** Why the run stopped before the end, or null. */
  readonly stopped: SyncStop | null;
  /** Listing entries whose id cannot name a key, skipped. */
  readonly badIds: readonly string[];
}

/**
 * Why a run stopped before its last meeting: its deadline passed (`time`: the next run goes on),
 * or the portal failed transiently several times in a row (`failing`: down, or refusing us).
 */
export interface SyncStop {
  readonly cause: 'time' | 'failing';
  readonly message: string;
}

/** A listing that could not be read: nothing was fetched or stored. */
export class ListingError extends Error {
  override readonly name = 'ListingError';
}

/** A FirstAgenda portal's address as the sync takes it: an http(s) URL, its origin. */
export function portalOrigin(portal: string): URL {
  let url: URL;
  try {
    url = new URL(portal);
  } catch {
    throw new RangeError(`not a URL: ${portal}`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new RangeError(`not an http(s) URL: ${portal}`);
  }
  return new URL(url.origin);
}

/**
 * Keeps a FirstAgenda portal's meetings in the bucket: reads the portal's listing, chooses the
 * meetings (`since`, `body`), and fetches each one that is not stored, or that the listing now
 * describes otherwise than when it was stored (its name turning from "Dagsorden" to "Referat",
 * a new release time, …), putting its JSON at `firstagenda/<host>/<meeting id>.json`. The
 * listing's version goes with the object as user metadata, so a meeting listed as before is not
 * fetched again. A new version goes to the same key: the ingest replaces the old one's items.
 *
 * Each meeting is stored as soon as it is fetched, so a run that fails or stops part way leaves
 * what it stored, and the next run goes on with the rest. A meeting that fails is reported and
 * the run goes on; after several transient failures in a row (the portal down or refusing) the
 * run stops. Fails with ListingError when the listing cannot be read, and with the store's
 * error when the bucket fails.
 */
export async function syncPortal(deps: SyncDeps, options: SyncOptions): Promise<SyncReport> {
  const origin = portalOrigin(options.portal);
  const host = origin.host;
  const { meetings, badIds } = listedMeetings(await readListing(deps.http, origin));
  const chosen = meetings.filter((meeting) => isChosen(meeting, options));
  const stored = await storedKeys(deps.blobs, host);

  const order = new Map(chosen.map((meeting, index) => [meeting.id, index]));
  const byOrder = (a: { meeting: ListedMeeting }, b: { meeting: ListedMeeting }) =>
    (order.get(a.meeting.id) ?? 0) - (order.get(b.meeting.id) ?? 0);

  const unchanged: MeetingOutcome[] = [];
  const toFetch: { meeting: ListedMeeting; key: string; stored: boolean }[] = [];
  // Bucket reads only, so several at once: the portal is not asked anything here.
  await forEach(chosen, 8, async (meeting) => {
    const key = meetingKey(host, meeting.id);
    const isStored = stored.has(key);
    if (isStored && options.recheck !== true && (await listedAsStored(deps.blobs, key, meeting))) {
      unchanged.push({ status: 'unchanged', meeting, key, fetched: false });
    } else {
      toFetch.push({ meeting, key, stored: isStored });
    }
  });
  unchanged.sort(byOrder);
  toFetch.sort(byOrder);
  const plan: SyncPlan = {
    listed: meetings.length,
    chosen: chosen.length,
    unchanged: unchanged.length,
    toFetch: toFetch.length,
  };
  options.onPlan?.(plan);
  for (const outcome of unchanged) options.onMeeting?.(outcome);

  const outcomes = [...unchanged];
  const report = (outcome: MeetingOutcome) => {
    outcomes.push(outcome);
    options.onMeeting?.(outcome);
  };
  let stopped: SyncStop | null = null;
  let transientInARow = 0;
  await forEach(toFetch, options.concurrency ?? 1, async ({ meeting, key, stored: isStored }) => {
    if (options.dryRun === true) {
      report({ status: 'would-fetch', meeting, key, why: isStored ? 'changed' : 'new' });
      return;
    }
    if (stopped === null && options.deadline !== undefined && deps.now() >= options.deadline) {
      stopped = { cause: 'time', message: 'its time ran out' };
    }
    if (stopped !== null) {
      report({ status: 'not-tried', meeting, key });
      return;
    }
    const { outcome, transient } = await fetchMeeting(deps, origin, meeting, key, isStored, options.maxBytes);
    transientInARow = transient ? transientInARow + 1 : 0;
    if (transientInARow >= TRANSIENT_FAILURES_TO_STOP && stopped === null && outcome.status === 'failed') {
      const message = `${TRANSIENT_FAILURES_TO_STOP} meetings in a row failed (the last: ${outcome.reason})`;
      stopped = { cause: 'failing', message };
    }
    report(outcome);
  });
  return { portal: origin.origin, host, plan, outcomes: outcomes.sort(byOrder), stopped, badIds };
}

async function readListing(http: HttpFetcher, origin: URL): Promise<PortalListing> {
  const url = new URL('/api/agenda/udvalgsliste', origin).href;
  let bytes: Uint8Array;
  try {
    bytes = await http.get(url);
  } catch (error) {
    if (!(error instanceof HttpFetchError)) throw error;
    throw new ListingError(`the listing ${url} failed: ${error.message}`, { cause: error });
  }
  const parsed = PortalListing.safeParse(parseJson(bytes));
  if (!parsed.success) {
    throw new ListingError(`${url} is not a FirstAgenda listing: ${z.prettifyError(parsed.error)}`);
  }
  return parsed.data;
}

function isChosen(meeting: ListedMeeting, options: SyncOptions): boolean {
  if (options.since !== undefined && (meeting.date === null || meeting.date < options.since)) return false;
  if (options.body !== undefined && bodyKey(meeting.body) !== bodyKey(options.body)) return false;
  return true;
}

/** The keys stored for a portal: one listing of the prefix rather than a look per meeting. */
async function storedKeys(blobs: BlobStore, host: string): Promise<Set<string>> {
  const keys = new Set<string>();
  for await (const key of blobs.list(`${FIRSTAGENDA_PREFIX}${host}/`)) keys.add(key);
  return keys;
}

async function listedAsStored(blobs: BlobStore, key: string, meeting: ListedMeeting): Promise<boolean> {
  const head = await blobs.head(key);
  return head?.metadata?.[LISTING_METADATA] === meeting.fingerprint;
}

/** What a meeting JSON must hold to be stored: the meeting asked for, with its items. */
const MeetingJson = z.looseObject({ Id: z.string(), Dagsordenpunkter: z.array(z.unknown()) });

/** A fetched meeting's outcome; `transient`: it failed in a way the portal may not fail later. */
interface Fetched {
  readonly outcome: MeetingOutcome;
  readonly transient: boolean;
}

async function fetchMeeting(
  deps: SyncDeps,
  origin: URL,
  meeting: ListedMeeting,
  key: string,
  isStored: boolean,
  maxBytes: number | undefined,
): Promise<Fetched> {
  const url = new URL(`/api/agenda/dagsorden/${meeting.id}`, origin).href;
  let bytes: Uint8Array;
  try {
    bytes = await deps.http.get(url);
  } catch (error) {
    if (!(error instanceof HttpFetchError)) throw error;
    return { outcome: { status: 'failed', meeting, key, reason: error.message }, transient: error.transient };
  }
  const refused = refusal(bytes, meeting, maxBytes);
  if (refused !== null)
    return { outcome: { status: 'failed', meeting, key, reason: refused }, transient: false };
  const metadata = { [LISTING_METADATA]: meeting.fingerprint };
  if (isStored) {
    const old = await deps.blobs.get(key);
    if (old !== null && Buffer.from(old.bytes).equals(bytes)) {
      // The same bytes: only the listing's version is written with them, so that the next run skips it.
      if (old.metadata?.[LISTING_METADATA] !== meeting.fingerprint) {
        await deps.blobs.put(key, bytes, MEETING_CONTENT_TYPE, metadata);
      }
      return { outcome: { status: 'unchanged', meeting, key, fetched: true }, transient: false };
    }
  }
  await deps.blobs.put(key, bytes, MEETING_CONTENT_TYPE, metadata);
  const status = isStored ? 'changed' : 'new';
  return { outcome: { status, meeting, key, documentId: documentIdOfBytes(bytes) }, transient: false };
}

/** Why the bytes a portal answered are no meeting to store, or null. */
function refusal(bytes: Uint8Array, meeting: ListedMeeting, maxBytes: number | undefined): string | null {
  if (maxBytes !== undefined && bytes.byteLength > maxBytes) {
    return `too-large: ${bytes.byteLength} bytes exceeds the limit of ${maxBytes}`;
  }
  const parsed = MeetingJson.safeParse(parseJson(bytes));
  if (!parsed.success) return 'the answer is no FirstAgenda meeting (no Id and Dagsordenpunkter)';
  if (parsed.data.Id.toLowerCase() !== meeting.id) {
    return `the answer is another meeting (${parsed.data.Id})`;
  }
  return null;
}

function parseJson(bytes: Uint8Array): unknown {
  try {
    return JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    return undefined;
  }
}

/**
 * Runs `task` over the items in order, at most `limit` at once. The first task that throws ends
 * it: no further item is started, and its error is thrown once the running ones end.
 */
async function forEach<T>(
  items: readonly T[],
  limit: number,
  task: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  let failed = false;
  const worker = async () => {
    while (!failed && next < items.length) {
      const item = items[next++] as T;
      try {
        await task(item);
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
}
