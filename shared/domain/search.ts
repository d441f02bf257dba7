import { z } from 'zod';
import {
  Access,
  Attachment,
  ClockTime,
  Decision,
  IsoDate,
  MeetingKind,
  Outcome,
  PriorDecision,
  SectionKind,
  SourceFormat,
  SummarySentence,
  Votes,
} from './meeting.ts';
import { partyLetter } from './parties.ts';

/** A date range's one rule across fields: `from` must not be after `to` (ISO dates compare as text). */
export function inDateOrder<T extends z.ZodType<{ readonly from?: string; readonly to?: string }>>(
  schema: T,
): T {
  return schema.refine((q) => !q.from || !q.to || q.from <= q.to, {
    message: 'from must not be after to',
    path: ['from'],
  });
}

/**
 * The hits a search can be paged to: page x size at most this, as OpenSearch answers them
 * (`index.max_result_window`, from + size); beyond, a search is narrowed, not paged.
 */
export const RESULT_WINDOW = 10_000;

/** A search as users and the API ask for it; validated at the edge. */
export const SearchQuery = inDateOrder(
  z.object({
    q: z.string().trim().max(500).default(''),
    from: IsoDate.optional(),
    to: IsoDate.optional(),
    body: z.string().trim().min(1).max(200).optional(),
    municipality: z.string().trim().min(1).max(200).optional(),
    outcome: Outcome.optional(),
    access: Access.optional(),
    caseNumber: z.string().trim().min(1).max(100).optional(),
    /** split: someone voted against or abstained; unanimous: recorded as unanimous (search.md). */
    votes: z.enum(['split', 'unanimous']).optional(),
    /** A party letter (`Ø`) or a national party's name (`Enhedslisten`), on some side of a vote. */
    party: z
      .string()
      .trim()
      .min(1)
      .max(60)
      .refine((value) => partyLetter(value) !== null, {
        message: "a party's letter (A, V, Ø, …) or a national party's name (Venstre, Enhedslisten, …)",
      })
      .optional(),
    sort: z.enum(['relevance', 'date']).default('relevance'),
    page: z.coerce.number().int().min(1).max(1000).default(1),
    size: z.coerce.number().int().min(1).max(100).default(10),
  }),
).refine((q) => q.page * q.size <= RESULT_WINDOW, {
  message: `page x size must be at most ${RESULT_WINDOW}: only the first ${RESULT_WINDOW} hits are paged to; narrow the search`,
  path: ['page'],
});
export type SearchQuery = z.infer<typeof SearchQuery>;

/** The decision, the recommendation it answers and the summary, each citing its page. */
export const DecisionCard = z.object({
  decision: Decision.nullable(),
  recommendation: z
    .object({ heading: z.string(), text: z.string(), page: z.number().int().nullable() })
    .nullable(),
  summary: z.array(SummarySentence),
});
export type DecisionCard = z.infer<typeof DecisionCard>;

/** What the index keeps of one agenda item: enough to answer a search and show the item. */
export const IndexedItem = z.object({
  id: z.string(),
  documentId: z.string(),
  key: z.string(),
  meeting: z.object({
    id: z.string(),
    body: z.string().nullable(),
    municipality: z.string().nullable(),
    date: IsoDate.nullable(),
    kind: MeetingKind,
    // Time and place (MeetingInfo); items indexed before they were kept read as unknown.
    start: ClockTime.nullable().default(null),
    end: ClockTime.nullable().default(null),
    location: z.string().nullable().default(null),
  }),
  item: z.object({
    number: z.number().int().nullable(),
    title: z.string(),
    access: Access,
    caseNumber: z.string().nullable(),
    position: z.number().int().nonnegative(),
  }),
  decision: DecisionCard.shape.decision,
  recommendation: DecisionCard.shape.recommendation,
  /** Section texts (open items only), for search, highlights and query-focused summaries. */
  sections: z.array(
    z.object({
      heading: z.string(),
      kind: SectionKind.default('other'),
      text: z.string(),
      page: z.number().int().nullable(),
      pages: z.array(z.number().int()),
    }),
  ),
  summary: DecisionCard.shape.summary,
  pages: z.object({ first: z.number().int(), last: z.number().int() }).nullable(),
  /** Members absent for this item (open items only; items indexed before read as none). */
  absent: z.array(z.string()).default([]),
  /** Its attachments (open items only): number, title, access and where to fetch it. */
  attachments: z.array(Attachment.omit({ reference: true })).default([]),
  /** What the document was read from; null for items indexed before it was kept (the key tells). */
  format: SourceFormat.nullable().default(null),
  /** Earlier bodies' decisions in the item, in order (open items only); absent in items indexed before they were kept. */
  priorDecisions: z.array(PriorDecision).optional(),
  /**
   * The case numbers its text names, its own aside (open items only; shared/cases/references.ts);
   * absent in items indexed before they were kept, which are read again where they are needed.
   */
  caseRefs: z.array(z.string()).optional(),
});
export type IndexedItem = z.infer<typeof IndexedItem>;

const FacetCounts = z.record(z.string(), z.number().int());

/**
 * Items per value of every full match. A body or municipality counts every way of writing it under
 * the name most of its items show; that name, as the filter, finds exactly the items counted.
 */
export const Facets = z
  .object({
    body: FacetCounts,
    year: FacetCounts,
    outcome: FacetCounts,
    municipality: FacetCounts,
  })
  .meta({
    description:
      'Items per value of every full match (not the page; partial matches are not counted). A body or municipality written several ways is one entry, under the name most of its items show; that name as the filter finds exactly the items counted.',
  });
export type Facets = z.infer<typeof Facets>;

/**
 * How a hit matches the query: `full` has every word (its stem, or a compound with it as a part);
 * `partial` only some of the words, or only the parts of the query's compounds. Partial hits come
 * after every full hit, on every sort, and only when the full ones are few.
 */
export const MatchTier = z.enum(['full', 'partial']).meta({
  description:
    'full: the item has every word of the query (its stem, or a compound with it as a part), every phrase and no excluded word. partial: only some of the words, or only the parts of a compound of the query; offered after all full hits, only when there are fewer than 10 full matches, and never counted in total or facets.',
});
export type MatchTier = z.infer<typeof MatchTier>;

/** How an item belongs to a case: it has the case's number, or its text names it. */
export const CaseVia = z.enum(['number', 'reference']).meta({
  description:
    'number: the item has the case\'s number as its own. reference: its text names the number ("jf. sagsnr. 24/16905"), which an item of the same municipality has as its own.',
});
export type CaseVia = z.infer<typeof CaseVia>;

/**
 * The hit's case: the items of its municipality with its case number or whose text names it, how
 * many treatments, and whether the number is an umbrella (one number for many topics,
 * shared/cases/umbrella.ts), not one case. A hit without a number of its own has the first case
 * its text names (via `reference`).
 */
export const HitCase = z
  .object({
    municipality: z.string(),
    caseNumber: z.string(),
    treatments: z.number().int().positive(),
    umbrella: z.boolean(),
    via: CaseVia,
  })
  .meta({
    description:
      "The case of the hit (GET /cases/{municipality}/{caseNumber}): the items of its municipality with its case number, and those whose text names that number. A hit without a case number of its own has the first existing case its text names (via: reference). An umbrella number (one number for many topics) is not a case: umbrella is true, the count is of the number's own items and is not a history, and no reference leads to it.",
  });
export type HitCase = z.infer<typeof HitCase>;

/** One hit: a decision (or an item without one) with its highlights and a query-focused summary. */
export const SearchHit = z.object({
  id: z.string(),
  score: z.number(),
  meeting: IndexedItem.shape.meeting,
  item: IndexedItem.shape.item.omit({ position: true }).extend({
    /** The case numbers its text names (shared/cases/references.ts); none for a closed item. */
    caseRefs: z.array(z.string()).optional().meta({
      description:
        'The case numbers its text names, its own aside, whether or not an item has them (none for a closed item).',
    }),
  }),
  /** The decision with its recorded vote (null when the minutes record none); null for a closed item. */
  decision: z
    .object({ date: IsoDate.nullable(), text: z.string(), outcome: Outcome, votes: Votes.nullable() })
    .nullable(),
  summary: z.array(SummarySentence),
  highlights: z.array(z.string()),
  source: z.object({ documentId: z.string(), key: z.string(), page: z.number().int().nullable() }),
  match: MatchTier,
  /** The case the hit belongs to (shared/cases), added by the API; null when it has none and names none. */
  case: HitCase.nullable().optional(),
});
export type SearchHit = z.infer<typeof SearchHit>;

export const SearchResult = z.object({
  /** Full matches only. */
  total: z.number().int().nonnegative().meta({ description: 'Full matches (partial ones are not counted).' }),
  /** Partial matches offered after the full ones (0 when there are enough full matches). */
  partialTotal: z.number().int().nonnegative().meta({
    description: 'Partial matches offered after the full ones; 0 when there are 10 full matches or more.',
  }),
  /** Another query to try ("Mente du …?"), when this one finds nothing. */
  suggestion: z
    .string()
    .nullable()
    .meta({ description: 'A query to try instead ("Mente du …?"), given only when this one finds nothing.' }),
  page: z.number().int().positive(),
  size: z.number().int().positive(),
  results: z.array(SearchHit),
  /** Counted over the full matches only. */
  facets: Facets,
});
export type SearchResult = z.infer<typeof SearchResult>;
