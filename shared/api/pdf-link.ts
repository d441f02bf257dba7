import type { BlobStore } from '#storage/blob-store.ts';
import type { PdfLink } from './schemas.ts';

export interface LinkDeps {
  readonly blobs: BlobStore;
  readonly linkTtlSeconds: number;
  readonly now: () => Date;
}

/** A presigned GET of the PDF; `#page=N` makes PDF viewers open at the cited page. */
export async function pdfLink(deps: LinkDeps, key: string, page: number | null): Promise<PdfLink> {
  const expiresAt = new Date(deps.now().getTime() + deps.linkTtlSeconds * 1000).toISOString();
  const url = await deps.blobs.presignGet(key, { expiresIn: deps.linkTtlSeconds });
  return { url: page === null ? url : `${url}#page=${page}`, page, expiresAt };
}
