import type { ApiDeps } from './deps.ts';
import type { PdfLink } from './schemas.ts';

export type LinkDeps = Pick<ApiDeps, 'blobs' | 'linkTtlSeconds' | 'now'>;

/** A presigned GET of the PDF; `#page=N` makes PDF viewers open at the cited page. */
export async function pdfLink(deps: LinkDeps, key: string, page: number | null): Promise<PdfLink> {
  const expiresAt = new Date(deps.now().getTime() + deps.linkTtlSeconds * 1000).toISOString();
  const url = await deps.blobs.presignGet(key, { expiresIn: deps.linkTtlSeconds });
  return { url: page === null ? url : `${url}#page=${page}`, page, expiresAt };
}
