import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { defaultLimits } from '#config/limits.ts';
import type { AgendaItem, MeetingDocument } from '#domain/meeting.ts';
import { extractMeeting } from '#ingest/extract-meeting.ts';
import { analyze } from '#language/analyze.ts';
import { recommendationOf } from '#summarise/recommendation.ts';
import { SUMMARY_LIMITS, summariseForQuery } from '#summarise/summarise.ts';

const dirs = ['test/fixtures/corpus/pdf', 'test/fixtures/corpus/extra/pdf'];
let documents: MeetingDocument[] = [];
let items: AgendaItem[] = [];

beforeAll(async () => {
  const files = dirs.flatMap((dir) => readdirSync(dir).map((f) => join(dir, f)));
  documents = await Promise.all(
    files.map((f) => extractMeeting(new Uint8Array(readFileSync(f)), f, defaultLimits)),
  );
  items = documents.flatMap((d) => d.items);
});

const words = (text: string) => text.split(/\s+/).length;

describe('item summaries made at ingest', () => {
  it('keep to 3 sentences and 60 words, every sentence verbatim on the page it cites', () => {
    const open = items.filter((i) => i.access === 'open');
    expect(open.length).toBeGreaterThan(50);
    for (const item of open) {
      expect(item.summary.length).toBeLessThanOrEqual(SUMMARY_LIMITS.sentences);
      expect(item.summary.reduce((n, s) => n + words(s.text), 0)).toBeLessThanOrEqual(SUMMARY_LIMITS.words);
      for (const sentence of item.summary) {
        const pages = item.sections
          .filter((s) => s.heading === sentence.section)
          .flatMap((s) => s.text.split('\n').map((p, i) => ({ p, page: s.pages[i] })))
          .filter(({ p }) => p.includes(sentence.text))
          .map(({ page }) => page);
        expect(pages, sentence.text).toContain(sentence.page);
      }
    }
  });

  it('put the decision first: every item with a decision of a few sentences cites it', () => {
    const decided = items.filter((i) => i.decision && words(i.decision.text) <= 40);
    expect(decided.length).toBeGreaterThan(20);
    for (const item of decided) {
      expect(
        item.summary.some((s) => item.decision?.text.includes(s.text)),
        item.title,
      ).toBe(true);
    }
  });

  it('are empty for closed items', () => {
    for (const item of items.filter((i) => i.access === 'closed')) expect(item.summary).toEqual([]);
  });
});

describe('query-focused summaries', () => {
  it('prefer sentences with the query terms', () => {
    const item = items.find((i) => i.title === 'Fokus på fremmøde og sygefravær') as AgendaItem;
    const summary = summariseForQuery(item, analyze('budgetaftalen sygefraværspjektleder'));
    expect(summary.map((s) => s.text)).toContain(
      'Yderligere er sygefravær et politisk opmærksomhedspunkt, og der er i budgetaftalen afsat midler til ansættelse af en sygefraværspjektleder i 2025',
    );
  });
});

describe('the decision card', () => {
  it('has the recommendation the decision answers, with its page, beside the decision and summary', () => {
    const item = documents
      .find((d) => d.meeting.body === 'Kommunalbestyrelsen')
      ?.items.find((i) => i.number === 15) as AgendaItem;
    expect(item.decision).toMatchObject({ outcome: 'approved', page: 5 });
    expect(recommendationOf(item)).toMatchObject({ heading: 'Indstilling', page: 5 });
    expect(recommendationOf(item)?.text).toMatch(
      /^Direktionen indstiller, at lokalplan nr\. 87 vedtages endeligt/,
    );
    expect(item.summary.length).toBeGreaterThan(0);
  });

  it('has no recommendation for an item without one', () => {
    const item = documents
      .flatMap((d) => d.items)
      .find((i) => i.sections.every((s) => s.kind !== 'recommendation'));
    expect(item).toBeDefined();
    expect(recommendationOf(item as AgendaItem)).toBeNull();
  });
});
