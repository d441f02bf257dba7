import type { Decision, SectionKind } from '#domain/meeting.ts';
import { analyze } from '#language/analyze.ts';
import { splitSentences } from '#language/sentences.ts';

/** A sentence of an item, verbatim, where it stands. */
export interface Candidate {
  readonly text: string;
  readonly page: number | null;
  readonly section: string;
  /** Order in the item, for putting the chosen sentences back in reading order. */
  readonly order: number;
  /** Position within its section (0 = first). */
  readonly position: number;
  /** How much the section says about the outcome: decision first, then the recommendation. */
  readonly sectionWeight: number;
  readonly terms: readonly string[];
  readonly words: number;
}

/** Section weights: what was decided matters most, then what was asked, then the case. */
export const DECISION_WEIGHT = 1;
const RECOMMENDATION_WEIGHT = 0.8;
const OTHER_WEIGHTS: Record<string, number> = { Resumé: 0.7, Sagsresumé: 0.7, Drøftelse: 0.6 };
const OTHER_SECTION = 0.4;
/** An earlier body's decision (Økonomiudvalget before Byrådet) says less than the meeting's own. */
const PRIOR_DECISION_WEIGHT = 0.6;
/** Section headings whose text is metadata, not content. */
const SKIPPED = new Set(['Sagsgang', 'Sagsansvarlig', 'Ansvarlig']);
const MIN_WORDS = 4;
const MIN_LIST_WORDS = 10;
const LIST_ENTRY = /^[-•–*]\s/;

function sectionWeight(section: SummarisableSection): number {
  if (section.kind === 'decision') return DECISION_WEIGHT;
  if (section.kind === 'recommendation') return RECOMMENDATION_WEIGHT;
  return OTHER_WEIGHTS[section.heading] ?? OTHER_SECTION;
}

export interface SummarisableSection {
  readonly heading: string;
  readonly kind: SectionKind;
  readonly text: string;
  readonly page: number | null;
  readonly pages: readonly number[];
}

/** What a summary is made from: the item's sections (its lead text first, if any) and its own decision. */
export interface Summarisable {
  readonly sections: readonly SummarisableSection[];
  readonly decision: Decision | null;
}

/**
 * The sentences an item's summary can be made of, decision and recommendation first; only those
 * `keep` accepts, when given (a cheap test before the sentence is analysed).
 */
export function candidates(item: Summarisable, keep?: (sentence: string) => boolean): Candidate[] {
  const result: Candidate[] = [];
  for (const section of item.sections) {
    if (SKIPPED.has(section.heading) || (keep && !keep(section.text))) continue;
    const weight = isPriorDecision(item, section) ? PRIOR_DECISION_WEIGHT : sectionWeight(section);
    const paragraphs = section.text.split('\n');
    let position = 0;
    paragraphs.forEach((paragraph, p) => {
      for (const sentence of splitSentences(paragraph)) {
        const words = sentence.text.split(/\s+/).length;
        // A short sentence or list entry ("• Erhvervsudvalgsmøde d. 3. februar") says little on its
        // own, except in a decision, where "Godkendt." says everything.
        const short = words < MIN_WORDS || (LIST_ENTRY.test(sentence.text) && words < MIN_LIST_WORDS);
        if ((short && weight < DECISION_WEIGHT) || (keep && !keep(sentence.text))) continue;
        result.push({
          text: sentence.text,
          page: section.pages[p] ?? section.page,
          section: section.heading,
          order: result.length,
          position: position++,
          sectionWeight: weight,
          terms: analyze(sentence.text),
          words,
        });
      }
    });
  }
  return result;
}

function isPriorDecision(item: Summarisable, section: SummarisableSection): boolean {
  if (section.kind !== 'decision') return false;
  const own = item.decision?.text.split('\n')[0];
  return !own || !section.text.includes(own);
}
