import type { AgendaItem } from '#domain/meeting.ts';
import type { DecisionCard } from '#domain/search.ts';

/**
 * The recommendation a decision answers ("Indstilling"), citing its page. The rest of a decision
 * card is the item's own: its decision, and the summary extraction made (`extractMeeting`).
 */
export function recommendationOf(item: AgendaItem): DecisionCard['recommendation'] {
  const recommendation = item.sections.find((s) => s.kind === 'recommendation');
  return recommendation
    ? { heading: recommendation.heading, text: recommendation.text, page: recommendation.page }
    : null;
}
