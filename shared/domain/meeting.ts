import { z } from 'zod';

/** ISO date (YYYY-MM-DD). */
export const IsoDate = z.iso.date();
/** Clock time as written in Danish minutes, normalised to H:MM or HH:MM. */
export const ClockTime = z.string().regex(/^\d{1,2}:\d{2}$/);

export const Access = z.enum(['open', 'closed']);
export type Access = z.infer<typeof Access>;

export const Outcome = z.enum([
  'approved',
  'rejected',
  'postponed',
  'noted',
  'recommended',
  'discussed',
  'other',
]);
export type Outcome = z.infer<typeof Outcome>;

export const MeetingKind = z.enum(['minutes', 'agenda']);

/** What the document was read from; `firstagenda-json` is a FirstAgenda portal's agenda JSON. */
export const SourceFormat = z.enum(['pdf', 'text', 'markdown', 'html', 'firstagenda-json']);
export type SourceFormat = z.infer<typeof SourceFormat>;

const VoteSide = z.object({
  count: z.number().int().nonnegative().nullable(),
  parties: z.array(z.string()),
});

/** A recorded vote ("For stemte 21 (A, V), imod stemte 4 (Ø)"). */
export const Votes = z.object({
  for: VoteSide.nullable(),
  against: VoteSide.nullable(),
  abstained: VoteSide.nullable(),
});
export type Votes = z.infer<typeof Votes>;

export const Decision = z.object({
  date: IsoDate.nullable(),
  text: z.string().min(1),
  outcome: Outcome,
  votes: Votes.nullable(),
  page: z.number().int().positive().nullable(),
});
export type Decision = z.infer<typeof Decision>;

/** A decision of another body recorded in the same item (Økonomiudvalget before Byrådet). */
export const PriorDecision = Decision.extend({ body: z.string().nullable() });
export type PriorDecision = z.infer<typeof PriorDecision>;

/** What a section's text is: the case, its money, the recommendation, a decision, other. */
export const SectionKind = z.enum([
  'presentation',
  'money',
  'recommendation',
  'decision',
  'attachments',
  'other',
]);
export type SectionKind = z.infer<typeof SectionKind>;

export const Section = z.object({
  heading: z.string().min(1),
  kind: SectionKind,
  /** Paragraphs separated by "\n". */
  text: z.string(),
  /** The page of the heading. */
  page: z.number().int().positive().nullable(),
  /** The page each paragraph of `text` starts on, in order. */
  pages: z.array(z.number().int().positive()),
});
export type Section = z.infer<typeof Section>;

export const Attachment = z.object({
  number: z.number().int().nullable(),
  title: z.string().min(1),
  access: Access,
  reference: z.string().nullable(),
  /** Where the attachment can be fetched (a portal's link); null when the source gives none, as a PDF's list does. */
  link: z.url().nullable().default(null),
});
export type Attachment = z.infer<typeof Attachment>;

export const PageRange = z.object({
  first: z.number().int().positive(),
  last: z.number().int().positive(),
});

/** A sentence of an extractive summary: verbatim from the item, with its page and section. */
export const SummarySentence = z.object({
  text: z.string().min(1),
  page: z.number().int().positive().nullable(),
  section: z.string(),
});
export type SummarySentence = z.infer<typeof SummarySentence>;

export const AgendaItem = z.object({
  number: z.number().int().nullable(),
  title: z.string().min(1),
  access: Access,
  caseNumber: z.string().nullable(),
  responsible: z.string().nullable(),
  pages: PageRange.nullable(),
  /** Text under the heading before the first section label; paragraphs separated by "\n". */
  lead: z.string(),
  sections: z.array(Section),
  decision: Decision.nullable(),
  priorDecisions: z.array(PriorDecision),
  absent: z.array(z.string()),
  protocolNote: z.string().nullable(),
  attachments: z.array(Attachment),
  /** At most 3 sentences and 60 words; empty for closed items. */
  summary: z.array(SummarySentence),
});
export type AgendaItem = z.infer<typeof AgendaItem>;

/**
 * A closed item as every reader keeps it: its number, title, case number and pages, and nothing
 * of its content (no text, sections, decision, absent, attachments or summary).
 */
export function closedItem(item: Pick<AgendaItem, 'number' | 'title' | 'caseNumber' | 'pages'>): AgendaItem {
  return {
    ...item,
    access: 'closed',
    responsible: null,
    lead: '',
    sections: [],
    decision: null,
    priorDecisions: [],
    absent: [],
    protocolNote: null,
    attachments: [],
    summary: [],
  };
}

export const MeetingInfo = z.object({
  body: z.string().nullable(),
  municipality: z.string().nullable(),
  kind: MeetingKind,
  date: IsoDate.nullable(),
  start: ClockTime.nullable(),
  end: ClockTime.nullable(),
  location: z.string().nullable(),
  members: z.array(z.string()),
  absent: z.array(z.string()),
});
export type MeetingInfo = z.infer<typeof MeetingInfo>;

export const SourceInfo = z.object({
  file: z.string(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  format: SourceFormat,
  pages: z.number().int().nonnegative(),
});
export type SourceInfo = z.infer<typeof SourceInfo>;

/** A finding that suggests the layout was not fully understood. */
export const ParseConcernCode = z.enum([
  'no-items',
  'numbers-out-of-sequence',
  'items-without-text',
  'decisions-without-text',
  'items-without-decision',
  'closed-in-doubt',
  'no-body',
  'no-date',
]);
export type ParseConcernCode = z.infer<typeof ParseConcernCode>;

/** One reason behind a confidence: a code to act on, a sentence to read, the items it concerns. */
export const ParseConcern = z.object({
  code: ParseConcernCode,
  message: z.string(),
  /** Item labels (number, or quoted title when unnumbered); empty when the concern is the document's. */
  items: z.array(z.string()),
});
export type ParseConcern = z.infer<typeof ParseConcern>;

/** How far the parser trusts its reading of a document, and why. */
export const ParseReport = z.object({
  /** 1 when nothing suggests a misreading; each finding lowers it. */
  confidence: z.number().min(0).max(1),
  /** Below the review threshold: a person should check this document. */
  needsReview: z.boolean(),
  reasons: z.array(ParseConcern),
});
export type ParseReport = z.infer<typeof ParseReport>;

/** The Meeting document of the CLI contract (`extract FILE`). */
export const MeetingDocument = z.object({
  source: SourceInfo,
  meeting: MeetingInfo,
  items: z.array(AgendaItem),
  quality: ParseReport,
});
export type MeetingDocument = z.infer<typeof MeetingDocument>;
