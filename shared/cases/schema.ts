import { z } from 'zod';
import { Decision, IsoDate, PriorDecision } from '#domain/meeting.ts';
import { CaseVia, SearchHit } from '#domain/search.ts';
import { UMBRELLA_THRESHOLDS } from './umbrella.ts';

// The case page's answer (GET /cases/{municipality}/{caseNumber}), named for the OpenAPI
// document with zod's `.meta()` as the domain's schemas are (shared/api/schemas.ts says why).

const CaseMeeting = z.object({
  id: z.string(),
  body: z.string().nullable(),
  municipality: z.string().nullable(),
  date: IsoDate.nullable(),
});

/**
 * One treatment: an item of the case at one meeting, with the case's number (`via: number`) or
 * naming it in its text (`via: reference`). A closed item: title and metadata only.
 */
export const CaseTreatment = z
  .object({
    id: z.string(),
    via: CaseVia,
    meeting: CaseMeeting,
    item: SearchHit.shape.item,
    decision: Decision.nullable(),
    /** Earlier bodies' decisions recorded in the item, in order, with their body and date. */
    priorDecisions: z.array(PriorDecision),
  })
  .meta({ id: 'CaseTreatment' });
export type CaseTreatment = z.infer<typeof CaseTreatment>;

/**
 * An item a search for the case number finds that is no treatment: the number stands where it is
 * not read as a reference (a title, a longer code). Items whose text names the case are treatments.
 */
export const CaseMention = z
  .object({ id: z.string(), meeting: CaseMeeting, item: SearchHit.shape.item })
  .meta({ id: 'CaseMention' });
export type CaseMention = z.infer<typeof CaseMention>;

const UmbrellaSign = z.enum(Object.keys(UMBRELLA_THRESHOLDS) as [keyof typeof UMBRELLA_THRESHOLDS]);

/** Why a number is an umbrella: the thresholds its items reach and their spread. */
export const CaseUmbrella = z
  .object({
    signs: z.array(UmbrellaSign).min(1),
    spread: z.object({
      items: z.number().int(),
      meetings: z.number().int(),
      distinctTitles: z.number().int(),
      itemsAtOneMeeting: z.number().int(),
      meetingsOfOneBodyInAYear: z.number().int(),
    }),
  })
  .meta({ id: 'CaseUmbrella' });

/** The latest decision and the course of the case, first on the page. */
export const CaseSummary = z
  .object({
    /**
     * The latest treatment with the case's number and a decision (an item naming the case decides
     * its own); null when none is public (closed, or not yet decided).
     */
    latest: z
      .object({
        id: z.string(),
        body: z.string().nullable(),
        date: IsoDate.nullable(),
        outcome: Decision.shape.outcome,
        text: z.string(),
      })
      .nullable(),
    /**
     * One line, latest decision first: "Senest: Byrådet 2022-12-12: <its text> Behandlet 3 gange: …,
     * Byrådet 2023-02-06 (nævner sagen)." Every treatment is counted and listed.
     */
    line: z.string(),
  })
  .meta({ id: 'CaseSummary' });
export type CaseSummary = z.infer<typeof CaseSummary>;

export const CaseView = z
  .object({
    municipality: z.string(),
    caseNumber: z.string(),
    /** Null for a case; for an umbrella number why it is one: its items are then listed, not chained. */
    umbrella: CaseUmbrella.nullable(),
    summary: CaseSummary,
    /** Oldest first, those naming the case among them. An umbrella's own items only, title and metadata. */
    treatments: z.array(CaseTreatment),
    /** Items a search for the number finds that are no treatment (before references were read: every item naming it). */
    mentions: z.array(CaseMention),
  })
  .meta({ id: 'CaseView' });
export type CaseView = z.infer<typeof CaseView>;
