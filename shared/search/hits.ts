import type { IndexedItem, SearchHit } from '#domain/search.ts';
import { summariseForQuery } from '#summarise/summarise.ts';
import { highlights } from './highlight.ts';

/** Scores to three decimals: the engines agree to about six significant digits (float32). */
const roundScore = (score: number) => Math.round(score * 1000) / 1000;

/** A search hit from an indexed item: the same for every engine, so results cannot drift. */
export function toHit(item: IndexedItem, score: number, terms: readonly string[]): SearchHit {
  const summary = terms.length && item.item.access === 'open' ? summariseForQuery(item, terms) : item.summary;
  return {
    id: item.id,
    score: roundScore(score),
    meeting: item.meeting,
    item: publicItem(item),
    decision: item.decision
      ? { date: item.decision.date, text: item.decision.text, outcome: item.decision.outcome }
      : null,
    summary,
    highlights: highlights(item, terms),
    source: { documentId: item.documentId, key: item.key, page: citedPage(item) },
  };
}

/** The item's own fields as hits and views show them: its position in the agenda is the index's. */
export function publicItem(indexed: IndexedItem): SearchHit['item'] {
  const { number, title, access, caseNumber } = indexed.item;
  return { number, title, access, caseNumber };
}

/** The page a citation of the item opens at: its decision's, else its first. */
export function citedPage(indexed: IndexedItem): number | null {
  return indexed.decision?.page ?? indexed.pages?.first ?? null;
}
