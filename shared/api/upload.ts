import type { PresignedUpload } from '#storage/blob-store.ts';
import type { ApiDeps } from './deps.ts';
import type { UploadRequest } from './schemas.ts';
import { uploadKey } from './upload-key.ts';

/** What can be uploaded: a PDF, or a FirstAgenda portal's agenda JSON; type and name must agree. */
const UPLOAD_TYPES: readonly { readonly contentType: string; readonly extension: string }[] = [
  { contentType: 'application/pdf', extension: '.pdf' },
  { contentType: 'application/json', extension: '.json' },
];

type UploadOutcome =
  | { readonly ok: true; readonly key: string; readonly upload: PresignedUpload }
  | { readonly ok: false; readonly status: 413 | 415; readonly detail: string };

type UploadDeps = Pick<ApiDeps, 'blobs' | 'uploadMaxBytes' | 'linkTtlSeconds' | 'now'>;

/**
 * A presigned PUT for one PDF (or a portal's agenda JSON) under a fresh key. The URL is signed
 * for exactly this type and size, so S3 itself refuses any other file; the ingest pipeline picks
 * the object up from there, and reads it by its bytes.
 */
export async function requestUpload(deps: UploadDeps, request: UploadRequest): Promise<UploadOutcome> {
  const contentType = request.contentType.toLowerCase();
  const name = request.filename.toLowerCase();
  const accepted = UPLOAD_TYPES.find((t) => t.contentType === contentType && name.endsWith(t.extension));
  if (!accepted) {
    return {
      ok: false,
      status: 415,
      detail: `Only PDF files (application/pdf, a name ending in .pdf) and FirstAgenda agenda JSON (application/json, a name ending in .json) can be uploaded`,
    };
  }
  if (request.size > deps.uploadMaxBytes) {
    return {
      ok: false,
      status: 413,
      detail: `The file is ${request.size} bytes; uploads may be at most ${deps.uploadMaxBytes} bytes`,
    };
  }
  const key = uploadKey(request.filename, deps.now());
  const upload = await deps.blobs.presignPut(key, {
    contentType: accepted.contentType,
    size: request.size,
    expiresIn: deps.linkTtlSeconds,
  });
  return { ok: true, key, upload };
}
