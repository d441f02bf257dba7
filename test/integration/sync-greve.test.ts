import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DocumentRecord } from '#domain/document.ts';
import { SearchResult } from '#domain/search.ts';
import { PROJECT_ROOT } from '../../infra/constructs/house-bundling.ts';
import { runCli } from '../support/cli-process.ts';
import { ReplayPortal } from '../support/sync-replay-portal.ts';

/**
 * `cli sync firstagenda` against a replay of Greve Kommune's portal: its 100 meetings of 2022
 * exactly as the portal served them, read from ../shared/realworld/greve (never copied into the
 * project). The portal's listing of them was not recorded: the one served here is DERIVED from
 * the meetings themselves (body id and name, meeting id, name, date, start, place, release time
 * as each meeting's `Udvalg` and `Moede` give them), in the listing's documented shape.
 */
const GREVE = join(PROJECT_ROOT, '..', 'shared', 'realworld', 'greve');
const present = existsSync(GREVE);
if (!present)
  console.warn(`sync-greve: skipped, ${GREVE} is absent (the real meetings are not in the project)`);

interface GreveMeeting {
  readonly Id: string;
  readonly Udvalg: { readonly Id: string; readonly Navn: string; readonly Historisk: boolean };
  readonly Moede: Record<string, unknown>;
}

/** The listing derived from the meetings: every body once, with its meetings. */
function derivedListing(meetings: readonly GreveMeeting[]) {
  const bodies = new Map<string, { Id: string; Navn: string; Historisk: boolean; Moeder: unknown[] }>();
  for (const { Id, Udvalg, Moede } of meetings) {
    const body = bodies.get(Udvalg.Id) ?? {
      Id: Udvalg.Id,
      Navn: Udvalg.Navn,
      Historisk: Udvalg.Historisk,
      Moeder: [],
    };
    bodies.set(Udvalg.Id, body);
    const { Navn, Dato, MeetingBeginUtc, Sted, IsSupplementaryAgenda, ReleasedDate } = Moede;
    body.Moeder.push({ Id, Navn, Dato, MeetingBeginUtc, Sted, IsSupplementaryAgenda, ReleasedDate });
  }
  return { Udvalg: { '2022-2025': [...bodies.values()] } };
}

let root: string;
let portal: ReplayPortal;
let meetings: GreveMeeting[];
const encode = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));

beforeAll(async () => {
  if (!present) return;
  root = await mkdtemp(join(tmpdir(), 'sync-greve-'));
  portal = await new ReplayPortal().start();
  const files = readdirSync(GREVE).filter((name) => name.endsWith('.json'));
  const bytes = files.map((name) => new Uint8Array(readFileSync(join(GREVE, name))));
  meetings = bytes.map((file) => JSON.parse(new TextDecoder().decode(file)) as GreveMeeting);
  for (const [i, meeting] of meetings.entries())
    portal.meetings.set(meeting.Id, bytes[i] ?? new Uint8Array());
  portal.listing = encode(derivedListing(meetings));
});

afterAll(async () => {
  if (!present) return;
  await portal.close();
  await rm(root, { recursive: true, force: true });
});

describe.skipIf(!present)(
  'cli sync firstagenda against the 100 real Greve meetings (listing derived)',
  () => {
    const dataDir = () => join(root, 'store');
    const cli = (...args: string[]) => runCli(args, { DATA_DIR: dataDir() });
    const sync = () => cli('sync', 'firstagenda', portal.url, '--delay-ms', '0');
    const total = async (query: string) =>
      SearchResult.parse(JSON.parse((await cli('search', query, '--json', '--size', '1')).stdout)).total;

    it('stores and indexes all 100 once, then fetches nothing, then replaces the one that changed', async () => {
      const first = await sync();
      expect(first.stdout).toBe(
        `firstagenda ${portal.host}: 100 meetings listed, 100 fetched (100 new, 0 replaced), 0 unchanged, 0 failed; 100 indexed\n`,
      );
      expect(first.code).toBe(0);
      const records = DocumentRecord.array().parse(JSON.parse((await cli('status', '--json')).stdout));
      expect(records.filter((r) => r.status === 'indexed')).toHaveLength(100);
      expect(new Set(records.map((r) => r.key))).toEqual(
        new Set(meetings.map((m) => `firstagenda/${portal.host}/${m.Id}.json`)),
      );
      const items = await total('');
      expect(items).toBeGreaterThan(100);

      const requested = portal.meetingRequests().length;
      const second = await sync();
      expect(second.stdout).toContain(
        ': 100 meetings listed, 0 fetched (0 new, 0 replaced), 100 unchanged, 0 failed;',
      );
      expect(portal.meetingRequests()).toHaveLength(requested);

      // One meeting republished: listed anew, its first item's title corrected.
      const changed = structuredClone(meetings[0]) as GreveMeeting & {
        Dagsordenpunkter: { Navn: string; Caption: string }[];
      };
      const item = changed.Dagsordenpunkter[0];
      if (item === undefined) throw new Error('the first Greve meeting has no item');
      item.Navn = item.Caption = `${item.Navn} (qxzvbj)`;
      changed.Moede.ReleasedDate = '2022-12-31T12:00:00';
      portal.meetings.set(changed.Id, encode(changed));
      portal.listing = encode(derivedListing([changed, ...meetings.slice(1)]));
      const third = await sync();
      expect(third.stdout).toContain(
        ': 100 meetings listed, 1 fetched (0 new, 1 replaced), 99 unchanged, 0 failed; 1 indexed',
      );
      expect(portal.meetingRequests().slice(requested)).toEqual([changed.Id]);
      expect(await total('qxzvbj')).toBe(1);
      expect(await total('')).toBe(items);
    });
  },
);
