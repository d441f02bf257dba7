import { beforeAll, describe, expect, it } from 'vitest';
import {
  type CorpusDocument,
  evaluateGreve,
  firstAgendaDocuments,
  GREVE_QUERIES,
  greveFolder,
  greveQueries,
  hasGreve,
  judgementProblems,
  type QueryScore,
} from '../../scripts/lib/search-eval.ts';

/**
 * The graded queries over Greve Kommune's 100 real meetings of 2022 (test/fixtures/greve): every
 * judgement names a meeting and an item that exist, with the item's title, so the judgements do
 * not rot when the reader or the meetings change; and the evaluation runs over them. The meetings
 * are not part of the project (../shared/realworld/greve, or GREVE_DIR): skipped without them.
 */
const dir = greveFolder();
const present = hasGreve(dir);
if (!present) console.warn(`greve search eval: skipped, no FirstAgenda meetings in ${dir}`);

const queries = greveQueries();

describe('the Greve graded queries, without the meetings', () => {
  it('has at least 30 queries, each with relevant items graded 1 or 2', () => {
    expect(queries.length).toBeGreaterThanOrEqual(30);
    for (const { q, relevant } of queries) {
      expect(q.trim()).not.toBe('');
      expect(relevant.length).toBeGreaterThan(0);
      for (const j of relevant) expect([1, 2]).toContain(j.grade);
    }
    expect(new Set(queries.map((q) => `${q.q}${JSON.stringify(q.filters ?? {})}`)).size).toBe(queries.length);
  });
});

describe.skipIf(!present)(`the Greve graded queries over the meetings (${GREVE_QUERIES})`, () => {
  let documents: CorpusDocument[] = [];
  let scores: QueryScore[] = [];
  beforeAll(async () => {
    documents = await firstAgendaDocuments(dir);
    scores = await evaluateGreve(dir);
  }, 120_000);

  it('refers to existing meetings and items, by file name, number and title', () => {
    expect(documents).toHaveLength(100);
    expect(judgementProblems(queries, documents)).toEqual([]);
  });

  it('notices a judgement that names a missing item or the wrong title', () => {
    const doc = documents[0];
    const first = doc?.items[0];
    if (!doc || !first) throw new Error('no meeting with items');
    const bad = [
      { q: 'x', relevant: [{ doc: 'no-such-meeting', item: 1, grade: 2 }] },
      { q: 'y', relevant: [{ doc: doc.documentId, item: 999, grade: 2 }] },
      {
        q: 'z',
        relevant: [{ doc: doc.documentId, item: first.item.number ?? 0, title: 'Nope', grade: 1 }],
      },
    ];
    expect(judgementProblems(bad, documents)).toHaveLength(3);
  });

  it('scores every query with nDCG@10 and Recall@10 between 0 and 1', () => {
    expect(scores).toHaveLength(queries.length);
    for (const { set, ndcg, recall } of scores) {
      expect(set).toBe('greve');
      expect(ndcg).toBeGreaterThanOrEqual(0);
      expect(ndcg).toBeLessThanOrEqual(1);
      expect(recall).toBeGreaterThanOrEqual(0);
      expect(recall).toBeLessThanOrEqual(1);
    }
    // Whatever the ranking, each query finds something it should (a floor, not a target).
    expect(scores.filter((s) => s.recall > 0).length).toBeGreaterThanOrEqual(queries.length - 3);
  });
});
