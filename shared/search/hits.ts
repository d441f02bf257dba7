import type { IndexedItem, SearchHit } from '#domain/search.ts';
import { summariseForQuery } from '#summarise/summarise.ts';
import { highlights } from './highlight.ts';

/** A search hit from an indexed item: the same for every engine, so results cannot drift. */
export function toHit(item: IndexedItem, score: number, terms: readonly string[]): SearchHit {
  const summary = terms.length && item.item.access === 'open' ? summariseForQuery(item, terms) : item.summary;
  return {
    id: item.id,
    score,
    meeting: item.meeting,
    item: {
      number: item.item.number,
      title: item.item.title,
      access: item.item.access,
      caseNumber: item.item.caseNumber,
    },
    decision: item.decision
      ? { date: item.decision.date, text: item.decision.text, outcome: item.decision.outcome }
      : null,
    summary,
    highlights: highlights(item, terms),
    source: {
      documentId: item.documentId,
      key: item.key,
      page: item.decision?.page ?? item.pages?.first ?? null,
    },
  };
}
