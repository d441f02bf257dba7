/**
 * The registry's DynamoDB table, one definition for the CDK construct and for creating the
 * table locally (dynalite). One table, two kinds of item:
 * - a document: `pk` = `doc#<sha256>`, with the DocumentRecord's fields;
 * - a key: `pk` = `key#<object key>`, with `documentId`: which document the key holds now, and
 *   `etag`: the ETag of the object it was read from (absent on keys recorded before).
 * Sparse global secondary indexes answer the lists.
 */
export const REGISTRY_TABLE = {
  partitionKey: 'pk',
  indexes: {
    /** Every document by last change: `kind` is 'document' on document items only. */
    documents: { name: 'documents', partitionKey: 'kind', sortKey: 'updatedAt' },
    /** Indexed documents by meeting date: `meetingPartition` is set only while indexed. */
    meetings: { name: 'meetings', partitionKey: 'meetingPartition', sortKey: 'meetingSort' },
    /** The keys of a document: `documentId` is set on key items only. */
    keysByDocument: { name: 'keysByDocument', partitionKey: 'documentId', sortKey: 'pk' },
  },
} as const;
