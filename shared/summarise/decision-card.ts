import type { AgendaItem } from '#domain/meeting.ts';
import type { DecisionCard } from '#domain/search.ts';
import { RECOMMENDATION_HEADINGS } from '#parse/vocabulary.ts';
import { summarise } from './summarise.ts';

/** The decision, the recommendation it answers, and the summary, each citing its page. */
export function decisionCard(item: AgendaItem): DecisionCard {
  const recommendation = item.sections.find((s) => RECOMMENDATION_HEADINGS.has(s.heading));
  return {
    decision: item.decision,
    recommendation: recommendation
      ? { heading: recommendation.heading, text: recommendation.text, page: recommendation.page }
      : null,
    summary: summarise(item),
  };
}
