import { z } from '@hono/zod-openapi';
import { DocumentRecord, DocumentStatus, MeetingSummary, ParseQuality } from '#domain/document.ts';
import { PriorDecision } from '#domain/meeting.ts';
import {
  DecisionCard,
  IndexedItem,
  inDateOrder,
  SearchHit,
  SearchQuery,
  SearchResult,
} from '#domain/search.ts';

// The API's answers, composed from the domain's schemas (which stay the one definition of
// each shape) and named for the OpenAPI document. The domain's own schemas are named with zod's
// `.meta()`: `.openapi()` exists only on schemas made after @hono/zod-openapi extended zod, and
// a domain module may well be loaded first (the CLI loads it before the API).

export const SearchResultSchema = SearchResult.meta({ id: 'SearchResult' });
export const DocumentRecordSchema = DocumentRecord.meta({ id: 'DocumentRecord' });
const DecisionCardSchema = DecisionCard.meta({ id: 'DecisionCard' });

/** A link to the PDF, presigned, opening at `page` when there is one. */
export const PdfLink = z
  .object({
    url: z.url(),
    page: z.number().int().positive().nullable(),
    expiresAt: z.iso.datetime(),
  })
  .openapi('PdfLink');
export type PdfLink = z.infer<typeof PdfLink>;

/** An item as the item endpoint shows it: the indexed item without the card's parts and its position. */
export const ItemDetail = IndexedItem.omit({
  decision: true,
  recommendation: true,
  summary: true,
  priorDecisions: true,
})
  .extend({ item: SearchHit.shape.item })
  .openapi('ItemDetail');
export type ItemDetail = z.infer<typeof ItemDetail>;

/** A decision of an earlier body recorded in the item (Økonomiudvalget before Byrådet), whole. */
export const PriorDecisionSchema = PriorDecision.meta({ id: 'PriorDecision' });

export const ItemView = z
  .object({
    item: ItemDetail,
    card: DecisionCardSchema,
    /** Earlier bodies' decisions, in order, with their body and date; empty for a closed item. */
    priorDecisions: z.array(PriorDecisionSchema),
    pdf: PdfLink,
  })
  .openapi('ItemView');
export type ItemView = z.infer<typeof ItemView>;

/** One item in a meeting's agenda. A closed item: its title and metadata, no decision, no summary. */
export const MeetingItem = z
  .object({
    id: IndexedItem.shape.id,
    item: SearchHit.shape.item,
    pages: IndexedItem.shape.pages,
    decision: IndexedItem.shape.decision,
    summary: IndexedItem.shape.summary,
    absent: IndexedItem.shape.absent,
    attachments: IndexedItem.shape.attachments,
  })
  .openapi('MeetingItem');
export type MeetingItem = z.infer<typeof MeetingItem>;

/** What a meeting is shown with, in a list and on its own: its document's id, state and pages. */
const MeetingHeader = z.object({
  id: DocumentRecord.shape.id,
  meeting: MeetingSummary,
  status: DocumentStatus,
  pages: DocumentRecord.shape.pages,
});
export type MeetingHeader = z.infer<typeof MeetingHeader>;

/** When and where the meeting was held (MeetingInfo), as its items keep it. */
const MeetingPlace = IndexedItem.shape.meeting.pick({ start: true, end: true, location: true });
export type MeetingPlace = z.infer<typeof MeetingPlace>;

export const MeetingView = MeetingHeader.extend({
  meeting: MeetingSummary.extend(MeetingPlace.shape),
  quality: ParseQuality.nullable(),
  items: z.array(MeetingItem),
  pdf: PdfLink,
}).openapi('MeetingView');
export type MeetingView = z.infer<typeof MeetingView>;

export const MeetingListEntry = MeetingHeader.extend({
  /** How many agenda items the parser found. */
  items: z.number().int().nonnegative(),
}).openapi('MeetingListEntry');
export type MeetingListEntry = z.infer<typeof MeetingListEntry>;

const NextCursor = z
  .string()
  .nullable()
  .openapi({ description: 'Pass as `cursor` for the next page; null on the last.' });

export const MeetingList = z
  .object({ meetings: z.array(MeetingListEntry), nextCursor: NextCursor })
  .openapi('MeetingList');

export const DocumentList = z
  .object({ documents: z.array(DocumentRecordSchema), nextCursor: NextCursor })
  .openapi('DocumentList');

const Limit = z.coerce.number().int().min(1).max(100).default(20);
const Cursor = z.string().min(1).max(4096).optional();

export const MeetingsQuery = inDateOrder(
  z.object({
    body: SearchQuery.shape.body,
    municipality: SearchQuery.shape.municipality,
    from: SearchQuery.shape.from,
    to: SearchQuery.shape.to,
    limit: Limit,
    cursor: Cursor,
  }),
);

export const DocumentsQuery = z.object({ status: DocumentStatus.optional(), limit: Limit, cursor: Cursor });

export const DocumentId = z.object({
  id: DocumentRecord.shape.id.meta({
    param: { name: 'id', in: 'path' },
    description: 'SHA-256 of the PDF',
  }),
});

export const ItemId = z.object({
  id: IndexedItem.shape.id
    .min(1)
    .max(200)
    .openapi({ param: { name: 'id', in: 'path' }, description: '`<documentId>:<position>`' }),
});

export const UploadRequest = z
  .object({
    filename: z.string().trim().min(1).max(255),
    contentType: z.string().trim().min(1).max(200),
    size: z.number().int().min(1).openapi({ description: 'Bytes; at most the configured upload limit' }),
  })
  .openapi('UploadRequest');
export type UploadRequest = z.infer<typeof UploadRequest>;

/** Mirrors the BlobStore's PresignedUpload: PUT the file to `url` with exactly these headers. */
export const PresignedUpload = z
  .object({
    url: z.url(),
    method: z.literal('PUT'),
    headers: z.record(z.string(), z.string()),
    expiresAt: z.iso.datetime(),
  })
  .openapi('PresignedUpload');

export const UploadResponse = z
  .object({ key: z.string(), upload: PresignedUpload })
  .openapi('UploadResponse');

export const Health = z
  .object({ status: z.literal('ok'), checks: z.record(z.string(), z.literal('ok')) })
  .openapi('Health');
