import type { PresignedUpload } from '#storage/blob-store.ts';
import type { ApiDeps } from './deps.ts';
import type { UploadRequest } from './schemas.ts';
import { uploadKey } from './upload-key.ts';

const PDF_TYPE = 'application/pdf';

type UploadOutcome =
  | { readonly ok: true; readonly key: string; readonly upload: PresignedUpload }
  | { readonly ok: false; readonly status: 413 | 415; readonly detail: string };

type UploadDeps = Pick<ApiDeps, 'blobs' | 'uploadMaxBytes' | 'linkTtlSeconds' | 'now'>;

/**
 * A presigned PUT for one PDF under a fresh key. The URL is signed for exactly this type and
 * size, so S3 itself refuses any other file; the ingest pipeline picks the object up from there.
 */
export async function requestUpload(deps: UploadDeps, request: UploadRequest): Promise<UploadOutcome> {
  const contentType = request.contentType.toLowerCase();
  if (contentType !== PDF_TYPE || !request.filename.toLowerCase().endsWith('.pdf')) {
    return {
      ok: false,
      status: 415,
      detail: `Only PDF files (${PDF_TYPE}, a name ending in .pdf) can be uploaded`,
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
    contentType: PDF_TYPE,
    size: request.size,
    expiresIn: deps.linkTtlSeconds,
  });
  return { ok: true, key, upload };
}
