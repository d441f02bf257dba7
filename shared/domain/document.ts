import { createHash } from 'node:crypto';
import { z } from 'zod';
import { IsoDate, MeetingKind, ParseConcern } from './meeting.ts';

/**
 * Where a document is on its way to the index. `received`: recorded, not yet read;
 * `processing`: claimed by an ingest run; `indexed`: searchable; `failed` and `needs-ocr`:
 * refused, with a reason; `removed`: its object was deleted, its items taken out of the index.
 */
export const DocumentStatus = z.enum(['received', 'processing', 'indexed', 'failed', 'needs-ocr', 'removed']);
export type DocumentStatus = z.infer<typeof DocumentStatus>;

/** How well the parser understood a document, so a secretariat can see what to check. */
export const ParseQuality = z.object({
  items: z.number().int().nonnegative(),
  closedItems: z.number().int().nonnegative(),
  decisions: z.number().int().nonnegative(),
  /** Open items without a decision of the meeting's own body (number, or title when unnumbered). */
  itemsWithoutDecision: z.array(z.string()),
  /** Open items without any section text. */
  itemsWithoutSections: z.array(z.string()),
  /** True when the header gave no body or no date: search filters cannot find the meeting by them. */
  headerIncomplete: z.boolean(),
  /** How far the parser trusts its reading (records from before it was measured have none). */
  confidence: z.number().min(0).max(1).nullable().default(null),
  /** Confidence below the review threshold: a person should check the document. */
  needsReview: z.boolean().default(false),
  /** What lowered the confidence. */
  reasons: z.array(ParseConcern).default([]),
});
export type ParseQuality = z.infer<typeof ParseQuality>;

/** The meeting a document holds, as lists of meetings show it. */
export const MeetingSummary = z.object({
  body: z.string().nullable(),
  municipality: z.string().nullable(),
  date: IsoDate.nullable(),
  kind: MeetingKind,
});
export type MeetingSummary = z.infer<typeof MeetingSummary>;

/** One document in the registry. Its id is the SHA-256 of its bytes: the same bytes, one record. */
export const DocumentRecord = z.object({
  id: z.string().regex(/^[0-9a-f]{64}$/),
  /** The object key it was last seen at. */
  key: z.string(),
  size: z.number().int().nonnegative(),
  pages: z.number().int().nonnegative().nullable(),
  status: DocumentStatus,
  /** Why it failed or needs OCR (the extraction error's kind and message), else null. */
  reason: z.string().nullable(),
  attempts: z.number().int().nonnegative(),
  /** The extractor version that produced the indexed items (see shared/ingest). */
  extractorVersion: z.string().nullable(),
  receivedAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  quality: ParseQuality.nullable(),
  meeting: MeetingSummary.nullable(),
});
export type DocumentRecord = z.infer<typeof DocumentRecord>;

/** A document's id: the SHA-256 of its bytes (or of what names a document never read), in hex. */
export function documentIdOfBytes(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}
