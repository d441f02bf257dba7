import type { AgendaItem, Decision, SummarySentence } from '#domain/meeting.ts';
import { RECOMMENDATION_HEADINGS } from '#parse/vocabulary.ts';
import { summarise } from './summarise.ts';

/** The decision, the recommendation it answers, and the summary, each citing its page. */
export interface DecisionCard {
  readonly decision: Decision | null;
  readonly recommendation: {
    readonly heading: string;
    readonly text: string;
    readonly page: number | null;
  } | null;
  readonly summary: readonly SummarySentence[];
}

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
