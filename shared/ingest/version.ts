/**
 * The version of what extraction and parsing make of a document. Bump it whenever a change to
 * shared/extract, shared/parse, shared/summarise or toIndexedItems changes what is indexed: the
 * registry's `claim` then hands every document to the ingest again (that is how a reindex works),
 * while a repeated delivery under the same version is a no-op.
 */
export const EXTRACTOR_VERSION = '2026-16.1';
