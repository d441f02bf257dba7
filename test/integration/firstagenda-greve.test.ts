import { execFile } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { DomUtils, parseDocument } from 'htmlparser2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultLimits } from '#config/limits.ts';
import type { MeetingDocument } from '#domain/meeting.ts';
import { type IndexedItem, SearchQuery, SearchResult } from '#domain/search.ts';
import { extractMeeting } from '#ingest/extract-meeting.ts';
import { analyzeBoth } from '#language/analyze.ts';
import { toIndexedItems } from '#search/indexed-item.ts';
import { SqliteSearchIndex } from '#search/sqlite/sqlite-index.ts';

/**
 * The 100 meetings of Greve Kommune's committees and city council from 2022, as its FirstAgenda
 * portal served them (../shared/realworld/greve, not part of the project: skipped without it).
 * Every item is checked against the JSON, read here independently of the reader: number, title,
 * access, case number, decision text; and no word of a closed item's text is searchable.
 */
const GREVE = '../shared/realworld/greve';
const present = existsSync(GREVE);
if (!present)
  console.warn(`skipped: ${GREVE} is absent (the real FirstAgenda meetings are not in this clone)`);

interface PortalPoint {
  readonly Punktnummer: string;
  readonly Navn: string;
  readonly SagsNummer: string | null;
  readonly Felter: readonly { readonly Html: string | null }[];
}

interface Meeting {
  readonly file: string;
  readonly json: {
    readonly Dagsordenpunkter: readonly PortalPoint[];
    readonly Udvalg: { readonly Navn: string };
  };
  readonly doc: MeetingDocument;
}

/** The HTML's text, one line per block or `<br>`, without tags; entities decoded. */
function textLines(html: string): string[] {
  const broken = html.replace(/<br\s*\/?>|<\/?(?:p|div|li|h\d|tr|ul|ol|table)\b[^>]*>/gi, '\n');
  return DomUtils.textContent(parseDocument(broken))
    .split('\n')
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter((line) => /[\p{L}\p{N}]/u.test(line));
}

/** Lines compared without list numbering, which the reader writes out ("1. Anbefales"). */
const comparable = (text: string) => text.split('\n').map((l) => l.replace(/^(?:\d+\.|•)\s+/, ''));

/** The decision as the JSON has it: the text under "Beslutning", without its attendance lines. */
function expectedDecision(point: PortalPoint): string | null {
  const html = point.Felter.map((f) => f.Html ?? '').join('');
  const under = /<h3>Beslutning<\/h3>([\s\S]*?)<h3>Fremstilling<\/h3>/.exec(html)?.[1];
  if (under === undefined) return null;
  const lines = textLines(under).filter((l) => !/^(?:Afbud|Fraværende)\s*:/i.test(l));
  return lines.length ? lines.join('\n') : null;
}

const isClosed = (point: PortalPoint) => /^lukket\s*:/i.test(point.Navn.trim());

let meetings: Meeting[] = [];

beforeAll(async () => {
  if (!present) return;
  const files = readdirSync(GREVE)
    .filter((f) => f.endsWith('.json'))
    .sort();
  meetings = await Promise.all(
    files.map(async (file) => {
      const path = join(GREVE, file);
      const bytes = new Uint8Array(readFileSync(path));
      return {
        file,
        json: JSON.parse(new TextDecoder().decode(bytes)),
        doc: await extractMeeting(bytes, path, defaultLimits),
      };
    }),
  );
});

describe.skipIf(!present)('Greve Kommune’s FirstAgenda meetings of 2022', () => {
  it('reads all 100 meetings with the body as shown, the date, and Greve Kommune', () => {
    expect(meetings).toHaveLength(100);
    for (const { file, json, doc } of meetings) {
      expect(doc.source.format, file).toBe('firstagenda-json');
      expect(doc.meeting.body, file).toBe(json.Udvalg.Navn.replace(/ \d{4}-\d{4}$/, ''));
      expect(doc.meeting.date, file).toBe(/_(\d{4}-\d{2}-\d{2})T/.exec(file)?.[1]);
      expect(doc.meeting.municipality, file).toBe('Greve Kommune');
      expect(doc.meeting.kind, file).toBe('minutes');
    }
  });

  it('reads every item’s number, title, access, case number and decision text as the JSON has them', () => {
    let items = 0;
    let decisions = 0;
    for (const { file, json, doc } of meetings) {
      expect(doc.items.length, file).toBe(json.Dagsordenpunkter.length);
      json.Dagsordenpunkter.forEach((point, i) => {
        const item = doc.items[i];
        const where = `${file} item ${point.Punktnummer}`;
        const closed = isClosed(point);
        expect(item?.number, where).toBe(Number(point.Punktnummer));
        expect(item?.title, where).toBe(
          point.Navn.replace(/^lukket\s*:\s*/i, '')
            .replace(/\s+/g, ' ')
            .trim(),
        );
        expect(item?.access, where).toBe(closed ? 'closed' : 'open');
        expect(item?.caseNumber, where).toBe(point.SagsNummer?.trim() || null);
        const decision = closed ? null : expectedDecision(point);
        expect(item?.decision ? comparable(item.decision.text) : null, where).toEqual(
          decision === null ? null : comparable(decision),
        );
        items++;
        if (decision !== null) decisions++;
      });
    }
    expect(items).toBe(1391);
    expect(decisions).toBeGreaterThan(1200);
  });

  it('keeps closed items to their title: nothing of their text is indexed or searchable', async () => {
    const index = SqliteSearchIndex.open(':memory:');
    const indexed: IndexedItem[] = [];
    for (const { doc } of meetings) {
      const items = toIndexedItems(doc, { documentId: doc.source.sha256, key: doc.source.file });
      await index.replaceDocument(doc.source.sha256, items);
      indexed.push(...items);
    }
    const closed = indexed.filter((i) => i.item.access === 'closed');
    expect(closed).toHaveLength(85);
    for (const item of closed) {
      expect(item).toMatchObject({ decision: null, recommendation: null, sections: [], summary: [] });
    }
    // Every term the index holds (the parts of compounds too), and the words of closed items' text.
    const held = new Set<string>();
    for (const item of indexed) {
      const text = [
        item.item.title,
        item.item.caseNumber ?? '',
        item.decision?.text ?? '',
        item.recommendation?.text ?? '',
        ...item.sections.map((s) => `${s.heading} ${s.text}`),
        ...item.summary.map((s) => s.text),
      ].join(' ');
      for (const term of analyzeBoth(text).parts) held.add(term);
    }
    const closedWords = new Set<string>();
    for (const { json } of meetings) {
      for (const point of json.Dagsordenpunkter.filter(isClosed)) {
        for (const line of textLines(point.Felter.map((f) => f.Html ?? '').join(''))) {
          for (const word of line.split(/[^\p{L}\p{N}]+/u)) if (word.length >= 4) closedWords.add(word);
        }
      }
    }
    const onlyClosed = [...closedWords].filter((w) => analyzeBoth(w).parts.every((t) => !held.has(t)));
    expect(onlyClosed.length).toBeGreaterThan(10);
    for (const word of onlyClosed) {
      const result = await index.search(SearchQuery.parse({ q: word }));
      expect({ word, total: result.total, hits: result.results.length }).toEqual({ word, total: 0, hits: 0 });
    }
    // And a word of an open decision is found, so the search itself works.
    expect((await index.search(SearchQuery.parse({ q: 'vandværk' }))).total).toBeGreaterThan(0);
    index.close();
  });
});

describe.skipIf(!present)('npm run cli -- ingest ../shared/realworld/greve', () => {
  let dataDir: string;
  const run = promisify(execFile);
  const cli = (...args: string[]) =>
    run(process.execPath, ['functions/cli/main.js', ...args], {
      env: { ...process.env, DATA_DIR: dataDir },
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'greve-'));
  });
  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('indexes all 100 meetings, each once, and searches them', { timeout: 600_000 }, async () => {
    const first = await cli('ingest', GREVE);
    expect(first.stdout).toContain('100 indexed, 0 failed, 0 skipped');
    const again = await cli('ingest', GREVE);
    expect(again.stdout).toContain('0 indexed, 0 failed, 100 skipped');
    const found = SearchResult.parse(
      JSON.parse((await cli('search', 'vandværk', '--json', '--size', '3')).stdout),
    );
    expect(found.total).toBeGreaterThan(0);
    expect(found.results[0]?.meeting.municipality).toBe('Greve Kommune');
    expect(found.results[0]?.source.key).toMatch(/^greve\/.+\.json$/);
  });
});
