import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DocumentRecord } from '#domain/document.ts';
import { SearchResult } from '#domain/search.ts';
import { runCli } from '../support/cli-process.ts';
import { FIXTURE_MEETINGS, PORTAL_FIXTURES, ReplayPortal } from '../support/sync-replay-portal.ts';

/**
 * `cli sync firstagenda URL` in a process of its own, as `npm run cli --` runs it, against a
 * replay of the invented portal in test/fixtures/firstagenda-portal. The searches check what the
 * ingest made of the stored meetings: they need the FirstAgenda JSON reader (shared/extract).
 */
const CONTACT = 'https://example.org/minutes-search';
const ALL = Object.values(FIXTURE_MEETINGS);

let root: string;
let portal: ReplayPortal;

const cli = (dataDir: string, ...args: string[]) => runCli(args, { DATA_DIR: dataDir });

const sync = (dataDir: string, ...args: string[]) =>
  cli(dataDir, 'sync', 'firstagenda', portal.url, '--delay-ms', '0', '--contact', CONTACT, ...args);

async function search(dataDir: string, query: string) {
  const { stdout } = await cli(dataDir, 'search', query, '--json', '--size', '50');
  return SearchResult.parse(JSON.parse(stdout));
}

async function records(dataDir: string) {
  return DocumentRecord.array().parse(JSON.parse((await cli(dataDir, 'status', '--json')).stdout));
}

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'sync-cli-'));
});

afterAll(() => rm(root, { recursive: true, force: true }));

beforeEach(async () => {
  portal = (await new ReplayPortal().start()).load(
    join(PORTAL_FIXTURES, 'udvalgsliste.json'),
    join(PORTAL_FIXTURES, 'dagsorden'),
  );
});

afterEach(() => portal.close());

describe('cli sync firstagenda URL', () => {
  it('stores and indexes every meeting once, fetches nothing the second time, replaces a changed meeting', async () => {
    const dataDir = join(root, 'store');
    const key = (id: string) => `firstagenda/${portal.host}/${id}.json`;

    const first = await sync(dataDir);
    expect(first.stderr).toContain(`Syncing ${portal.url} into the local store in ${dataDir}`);
    expect(first.stdout).toBe(
      `firstagenda ${portal.host}: 4 meetings listed, 4 fetched (4 new, 0 replaced), 0 unchanged, 0 failed; 4 indexed\n`,
    );
    expect(first.code).toBe(0);
    const stored = await records(dataDir);
    expect(stored.map((r) => [r.key, r.status]).sort()).toEqual(ALL.map((id) => [key(id), 'indexed']).sort());
    // Every item of every meeting once: 3 + 3 + 2 + 2.
    const everything = await search(dataDir, '');
    expect(everything.total).toBe(10);
    const ids = everything.results.map((hit) => hit.id);
    expect(new Set(ids).size).toBe(ids.length);
    const bath = await search(dataDir, 'sauna');
    expect(bath.results.map((hit) => hit.source.key)).toEqual([key(FIXTURE_MEETINGS.technical)]);
    expect(portal.requests.every((r) => r.headers['user-agent']?.endsWith(`; +${CONTACT})`))).toBe(true);

    const fetched = portal.meetingRequests().length;
    const second = await sync(dataDir);
    expect(second.stdout).toBe(
      `firstagenda ${portal.host}: 4 meetings listed, 0 fetched (0 new, 0 replaced), 4 unchanged, 0 failed; 0 indexed\n`,
    );
    expect(second.code).toBe(0);
    expect(portal.meetingRequests()).toHaveLength(fetched);

    // The economy committee's minutes are published: listed as Referat, its JSON with decisions.
    expect((await search(dataDir, 'eftersendes')).total).toBe(1);
    portal.load(join(PORTAL_FIXTURES, 'udvalgsliste-referat.json'));
    portal.meetings.set(
      FIXTURE_MEETINGS.economy,
      new Uint8Array(readFileSync(join(PORTAL_FIXTURES, 'referat', `${FIXTURE_MEETINGS.economy}.json`))),
    );
    const third = await sync(dataDir);
    expect(third.stdout).toBe(
      `firstagenda ${portal.host}: 4 meetings listed, 1 fetched (0 new, 1 replaced), 3 unchanged, 0 failed; 1 indexed\n`,
    );
    expect(portal.meetingRequests().slice(fetched)).toEqual([FIXTURE_MEETINGS.economy]);
    const after = await records(dataDir);
    expect(
      after
        .filter((r) => r.key === key(FIXTURE_MEETINGS.economy))
        .map((r) => r.status)
        .sort(),
    ).toEqual(['indexed', 'removed']);
    // The agenda's items are gone from the index; the minutes' are there, once, with the decision.
    expect((await search(dataDir, 'eftersendes')).total).toBe(0);
    const budget = await search(dataDir, 'budgetopfølgning');
    expect(budget.results.map((hit) => [hit.source.key, hit.decision?.text])).toEqual([
      [key(FIXTURE_MEETINGS.economy), 'Taget til efterretning.'],
    ]);
    expect((await search(dataDir, '')).total).toBe(10);
  });

  it('on a dry run lists what it would fetch and writes nothing', async () => {
    const dataDir = join(root, 'dry');
    const dry = await sync(dataDir, '--dry-run', '--since', '2024-01-01');
    expect(dry.code).toBe(0);
    const host = portal.host;
    expect(dry.stdout).toBe(
      [
        `  would fetch  new      2024-03-25 Byråd 2022-2025 (Referat)  firstagenda/${host}/${FIXTURE_MEETINGS.council}.json`,
        `  would fetch  new      2024-03-18 Økonomiudvalget (Dagsorden)  firstagenda/${host}/${FIXTURE_MEETINGS.economy}.json`,
        `  would fetch  new      2024-02-05 Teknik- og Miljøudvalget (Referat)  firstagenda/${host}/${FIXTURE_MEETINGS.technical}.json`,
        `firstagenda ${host}: 4 meetings listed, 3 chosen, 3 to fetch (3 new, 0 changed), 0 unchanged (dry run: nothing fetched or written)`,
        '',
      ].join('\n'),
    );
    expect(portal.meetingRequests()).toEqual([]);
    expect(await records(dataDir)).toEqual([]);
  });

  it('syncs one body however it is written', async () => {
    const dataDir = join(root, 'body');
    const result = await sync(dataDir, '--body', 'Byrådet');
    expect(result.stdout).toMatch(
      /: 4 meetings listed, 1 chosen, 1 fetched \(1 new, 0 replaced\), 0 unchanged, 0 failed; 1 indexed\n$/,
    );
    expect(portal.meetingRequests()).toEqual([FIXTURE_MEETINGS.council]);
  });

  it('says which meeting failed and why, keeps the others, and exits 1', async () => {
    const dataDir = join(root, 'failing');
    portal.meetings.delete(FIXTURE_MEETINGS.technical);
    const result = await sync(dataDir, '--retries', '0');
    expect(result.code).toBe(1);
    expect(result.stdout).toBe(
      `firstagenda ${portal.host}: 4 meetings listed, 3 fetched (3 new, 0 replaced), 0 unchanged, 1 failed; 3 indexed\n` +
        '  failed       2024-02-05 Teknik- og Miljøudvalget (Referat): HTTP 404 Not Found\n',
    );
    expect(await records(dataDir)).toHaveLength(3);
  });

  it('ends in one line with exit 1 when the listing cannot be read', async () => {
    portal.faults.push({ path: /udvalgsliste/, status: 503, times: 2 });
    const result = await sync(join(root, 'down'), '--retries', '1');
    expect(result).toMatchObject({ code: 1, stdout: '' });
    expect(result.stderr).toMatch(
      /\nsync stopped: the listing http:\/\/127\.0\.0\.1:\d+\/api\/agenda\/udvalgsliste failed: HTTP 503 Service Unavailable\n$/,
    );
  });

  it.each([
    [['firstagenda', 'dagsordener.greve.dk'], 'invalid sync: not a URL: dagsordener.greve.dk'],
    [['firstagenda', 'ftp://x.dk'], 'invalid sync: not an http(s) URL: ftp://x.dk'],
    [['firstagenda', 'https://x.dk', '--since', '2024-02-30'], 'invalid sync: --since: Invalid ISO date'],
    [
      ['firstagenda', 'https://x.dk', '--concurrency', '20'],
      'invalid sync: --concurrency: Too big: expected number to be <=4',
    ],
  ])('refuses %j with exit 2 before touching any store', async (args, message) => {
    const result = await cli(join(root, 'never'), 'sync', ...args);
    expect(result).toMatchObject({ code: 2, stdout: '', stderr: `${message}\n` });
  });

  it('knows FirstAgenda portals only', async () => {
    const result = await cli(join(root, 'never'), 'sync', 'edoc', 'https://x.dk');
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain('Allowed choices are firstagenda');
  });
});
