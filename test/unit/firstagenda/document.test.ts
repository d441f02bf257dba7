import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { defaultLimits } from '#config/limits.ts';
import { MeetingDocument } from '#domain/meeting.ts';
import { SearchQuery } from '#domain/search.ts';
import { extractMeeting } from '#ingest/extract-meeting.ts';
import { toIndexedItems } from '#search/indexed-item.ts';
import { SqliteSearchIndex } from '#search/sqlite/sqlite-index.ts';

const FIXTURE = 'test/fixtures/firstagenda/egholt-byraad-2025-03-27.json';
const bytes = () => new Uint8Array(readFileSync(FIXTURE));

describe('a FirstAgenda meeting read into the Meeting document', () => {
  it('has the meeting, the items in order, decisions, votes, history, absent and attachments', async () => {
    const doc = MeetingDocument.parse(await extractMeeting(bytes(), FIXTURE, defaultLimits));
    expect(doc.source).toMatchObject({ file: FIXTURE, format: 'firstagenda-json', pages: 0 });
    expect(doc.meeting).toEqual({
      body: 'Byråd',
      municipality: 'Egholt Kommune',
      kind: 'minutes',
      date: '2025-03-27',
      start: '17:00',
      end: null,
      location: 'Byrådssalen, Egholt Rådhus',
      members: ['Anne Kjærgaard', 'Poul Erik Vang', 'Lise Holm', 'Frank Olesen', 'Jens Bak'],
      absent: ['Frank Olesen', 'Jens Bak'],
    });
    expect(
      doc.items.map((i) => [i.number, i.title, i.access, i.caseNumber, i.decision?.outcome ?? null]),
    ).toEqual([
      [1, 'Godkendelse af dagsorden', 'open', '25-000101', 'approved'],
      [2, 'Vedtagelse af lokalplan for boligområde ved Mosevej', 'open', '25-000202', 'approved'],
      [3, 'Orientering om vintertjenesten', 'open', '25-000303', 'noted'],
      [4, 'Salg af grund ved Havnevej', 'closed', '25-000404', null],
      [5, 'Underskriftsark', 'open', '25-000505', null],
    ]);
    const [first, plan] = doc.items;
    expect(first).toMatchObject({ decision: { text: 'Godkendt.' }, absent: ['Frank Olesen'] });
    expect(plan?.decision?.votes).toEqual({
      for: { count: 20, parties: ['A', 'V', 'C', 'F'] },
      against: { count: 1, parties: ['Ø'] },
      abstained: null,
    });
    expect(plan?.priorDecisions).toEqual([
      {
        body: 'Økonomiudvalget',
        date: '2025-03-18',
        text: 'Anbefales.',
        outcome: 'recommended',
        votes: null,
        page: null,
      },
    ]);
    expect(plan?.sections.find((s) => s.heading === 'Sagsbeskrivelse')?.text).toBe(
      'Forslaget har været i offentlig høring i otte uger. Der kom tre høringssvar om trafik & støj.',
    );
    expect(plan?.attachments.map((a) => [a.number, a.title, a.link])).toEqual([
      [
        1,
        'Lokalplanforslag',
        'https://dagsordener.egholt.dk/Vis/Pdf/bilag/7c1d2e3f-4a5b-4c6d-8e7f-8a9b0c1d2e01',
      ],
      [
        null,
        'Høringssvar samlet',
        'https://dagsordener.egholt.dk/Vis/Pdf/bilag/7c1d2e3f-4a5b-4c6d-8e7f-8a9b0c1d2e02',
      ],
    ]);
    expect(plan?.summary[0]?.text).toBe(
      'Med stemmerne 20 for og 1 imod godkendte Byrådet Økonomiudvalgets indstilling.',
    );
    expect(doc.quality).toMatchObject({ confidence: 0.85, reasons: [{ code: 'decisions-without-text' }] });
  });

  it('indexes a closed item by its title and case number only: its decision is not searchable', async () => {
    const doc = await extractMeeting(bytes(), FIXTURE, defaultLimits);
    const items = toIndexedItems(doc, { documentId: doc.source.sha256, key: FIXTURE });
    expect(items[3]).toMatchObject({ decision: null, sections: [], summary: [], recommendation: null });
    const index = SqliteSearchIndex.open(':memory:');
    await index.replaceDocument(doc.source.sha256, items);
    const hits = async (q: string) =>
      (await index.search(SearchQuery.parse({ q }))).results.map((r) => r.item.title);
    expect(await hits('vintertjenesten')).toEqual(['Orientering om vintertjenesten']);
    expect(await hits('Havnevej')).toEqual(['Salg af grund ved Havnevej']);
    for (const word of ['køber', 'mio', 'Købstilbud']) expect(await hits(word)).toEqual([]);
    index.close();
  });
});

describe('npm run cli -- extract FILE.json', () => {
  const cli = (...args: string[]) =>
    spawnSync(process.execPath, ['functions/cli/main.js', ...args], { encoding: 'utf8' });

  it('prints the Meeting JSON of the contract', () => {
    const run = cli('extract', FIXTURE);
    expect(run.status).toBe(0);
    const doc = MeetingDocument.parse(JSON.parse(run.stdout));
    expect(doc.source.format).toBe('firstagenda-json');
    expect(doc.items).toHaveLength(5);
  });

  it('with --explain, says where each meeting field came from and how each item was read', () => {
    const run = cli('extract', FIXTURE, '--explain');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(
      /^# firstagenda-json: meeting 9b7c2f0e-\S+; body "Byråd 2022-2025" \(Udvalg\.Navn\)/,
    );
    expect(run.stdout).toContain(
      '# municipality "Egholt Kommune": the portal dagsordener.egholt.dk, from the items’ links',
    );
    expect(run.stdout).toMatch(
      /^item 4 +closed Salg af grund ved Havnevej {2}← closed in its title \("Lukket: Salg af grund ved Havnevej"\); 2 line\(s\) of text and 1 attachment\(s\) not read$/m,
    );
    expect(run.stdout).toMatch(
      /^item 2 +open +Vedtagelse af lokalplan .* {2}← sections: Beslutning \(decision\), .*decision: approved, with votes; 1 prior decision\(s\); 2 attachment\(s\)$/m,
    );
    expect(run.stdout).toMatch(
      /^item 5 .*headings without text skipped: Beslutning, Fremstilling; decision: none/m,
    );
  });
});
