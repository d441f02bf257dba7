import type { AgendaItem } from '#domain/meeting.ts';
import type { DecisionCard } from '#domain/search.ts';
import { summarise, textSections } from './summarise.ts';

/** The decision, the recommendation it answers, and the summary, each citing its page. */
export function decisionCard(item: AgendaItem): DecisionCard {
  const recommendation = item.sections.find((s) => s.kind === 'recommendation');
  return {
    decision: item.decision,
    recommendation: recommendation
      ? { heading: recommendation.heading, text: recommendation.text, page: recommendation.page }
      : null,
    summary: summarise({ sections: textSections(item), decision: item.decision }),
  };
}
