import type { IndexedItem, MatchTier, SearchHit, SearchQuery, SearchResult } from '#domain/search.ts';
import { summariseForQuery } from '#summarise/summarise.ts';
import { caseRefsOf } from '../cases/references.ts';
import { type HighlightQuery, highlights } from './highlight.ts';

/** Scores to three decimals: the engines agree to about six significant digits (float32). */
const roundScore = (score: number) => Math.round(score * 1000) / 1000;

/**
 * A search hit from an indexed item: the same for every engine, so results cannot drift. `terms`
 * are the query's analysed terms; `match` the tier the item matched in; `marks` what else of the
 * query highlights mark (its compounds' parts, prefixes, phrases: highlightQuery in plan.ts).
 */
export function toHit(
  item: IndexedItem,
  score: number,
  terms: readonly string[],
  match: MatchTier = 'full',
  marks: HighlightQuery = {},
): SearchHit {
  const summary = terms.length && item.item.access === 'open' ? summariseForQuery(item, terms) : item.summary;
  return {
    id: item.id,
    score: roundScore(score),
    meeting: item.meeting,
    item: publicItem(item),
    decision: item.decision
      ? {
          date: item.decision.date,
          text: item.decision.text,
          outcome: item.decision.outcome,
          votes: item.decision.votes,
        }
      : null,
    summary,
    highlights: highlights(item, terms, marks),
    source: { documentId: item.documentId, key: item.key, page: citedPage(item) },
    match,
  };
}

/**
 * The item's own fields as hits and views show them, with the case numbers its text names (none
 * for a closed item): its position in the agenda is the index's.
 */
export function publicItem(indexed: IndexedItem): SearchHit['item'] {
  const { number, title, access, caseNumber } = indexed.item;
  return { number, title, access, caseNumber, caseRefs: caseRefsOf(indexed) };
}

/** The page a citation of the item opens at: its decision's, else its first. */
export function citedPage(indexed: IndexedItem): number | null {
  return indexed.decision?.page ?? indexed.pages?.first ?? null;
}

/** A search that finds nothing: what both engines answer for a query that asks for nothing. */
export function emptyResult(query: SearchQuery): SearchResult {
  return {
    total: 0,
    partialTotal: 0,
    suggestion: null,
    page: query.page,
    size: query.size,
    results: [],
    facets: { body: {}, year: {}, outcome: {}, municipality: {} },
  };
}
