import type { IndexedItem } from '#domain/search.ts';
import { analyzeBoth } from '#language/analyze.ts';
import { caseRefsOf } from '../cases/references.ts';
import { bodyName, municipalityName } from './names.ts';
import { type VoteKind, voteKind, voteParties } from './votes.ts';

/**
 * The searchable text of an item, in three fields of falling weight: the title, the decision,
 * the rest (sections, earlier bodies' decisions, case number). Both engines index these.
 */
export interface SearchFields {
  readonly title: string;
  readonly decision: string;
  readonly body: string;
}

export function searchFields(item: IndexedItem): SearchFields {
  return {
    title: [item.item.title, item.item.caseNumber].filter(Boolean).join(' '),
    decision: item.decision?.text ?? '',
    body: item.sections
      .filter((s) => !(s.kind === 'decision' && item.decision && s.text.includes(item.decision.text)))
      .map((s) => s.text)
      .join('\n'),
  };
}

/**
 * The keyword fields both engines filter, sort and count facets on. Body and municipality are
 * filtered by their keys and counted by key under their shown names (names.ts).
 */
export interface FilterFields {
  readonly documentId: string;
  /** As shown: without an election term. */
  readonly body: string | null;
  readonly bodyKey: string | null;
  readonly municipality: string | null;
  readonly municipalityKey: string | null;
  readonly date: string | null;
  readonly year: string | null;
  readonly outcome: string | null;
  readonly access: 'open' | 'closed';
  readonly caseNumber: string | null;
  /** The case numbers its text names (shared/cases/references.ts), for the cases it belongs to. */
  readonly caseRefs: readonly string[];
  readonly position: number;
  /** How the decision was voted (votes.ts), for the `votes` filter. */
  readonly votes: VoteKind | null;
  /** The party letters on any side of the decision's vote, for the `party` filter. */
  readonly parties: readonly string[];
}

export function filterFields(item: IndexedItem): FilterFields {
  const body = bodyName(item.meeting.body);
  const municipality = municipalityName(item.meeting.municipality);
  return {
    documentId: item.documentId,
    body: body?.name ?? null,
    bodyKey: body?.key ?? null,
    municipality: municipality?.name ?? null,
    municipalityKey: municipality?.key ?? null,
    date: item.meeting.date,
    year: item.meeting.date?.slice(0, 4) ?? null,
    outcome: item.decision?.outcome ?? null,
    access: item.item.access,
    caseNumber: item.item.caseNumber,
    caseRefs: caseRefsOf(item),
    position: item.item.position,
    votes: voteKind(item.decision),
    parties: voteParties(item.decision),
  };
}

/**
 * Field names with their weights (boosts of per-field BM25, as Lucene scores): exact words count
 * more than compound parts (0.3 of the word). Chosen on the corpus's graded queries from a grid
 * (title 2-8, decision 1-4, parts 0.1-0.5 of the word): title 2-3 and decision 1-1.5 form a
 * plateau; this is its middle. A short field already scores high through its length norm, so the
 * decision needs less boost than its importance suggests.
 */
export const FIELD_WEIGHTS = {
  title: 3,
  decision: 1.5,
  body: 1,
  title_parts: 0.9,
  decision_parts: 0.45,
  body_parts: 0.3,
} as const;

/**
 * The analysed terms of each field as the embedded engine stores them: a parts field's are only
 * what it adds to its exact field (the compound parts); the field is both (fieldSizes, scoring.ts).
 */
export function analyzedFields(fields: SearchFields): Record<keyof typeof FIELD_WEIGHTS, string[]> {
  const title = analyzeBoth(fields.title);
  const decision = analyzeBoth(fields.decision);
  const body = analyzeBoth(fields.body);
  return {
    title: title.exact,
    decision: decision.exact,
    body: body.exact,
    title_parts: title.added,
    decision_parts: decision.added,
    body_parts: body.added,
  };
}

/** Query part terms count this much of an exact query term. */
export const QUERY_PART_WEIGHT = 0.5;
