import type { IndexedItem } from '#domain/search.ts';
import { citedPage } from '#search/hits.ts';
import type { ApiDeps } from './deps.ts';
import { type LinkDeps, pdfLink } from './pdf-link.ts';

/** Where an item's permanent PDF link leads now, or why it leads nowhere. */
export type PdfTarget =
  | { readonly found: true; readonly url: string }
  | { readonly found: false; readonly reason: 'unknown' | 'file-gone' }
  | { readonly found: false; readonly reason: 'not-a-pdf'; readonly format: string };

/** A key naming a portal's page or agenda JSON: how items indexed before `format` was kept tell. */
const NOT_PDF_KEY = /\.(?:json|html?)$/i;

/** Whether the item was read from a PDF: its format, else (indexed before it was kept) its key. */
function fromPdf(item: IndexedItem): boolean {
  return item.format === null ? !NOT_PDF_KEY.test(item.key) : item.format === 'pdf';
}

/**
 * The item's PDF at its cited page, signed now, so a link to `/items/{id}/pdf` in an article
 * outlives every signature. An item read from a portal's HTML or agenda JSON has no PDF page
 * to open, and the index keeps no other address of its source.
 */
export async function itemPdfTarget(deps: LinkDeps & Pick<ApiDeps, 'index'>, id: string): Promise<PdfTarget> {
  const item = await deps.index.get(id);
  if (item === null) return { found: false, reason: 'unknown' };
  if (!fromPdf(item)) return { found: false, reason: 'not-a-pdf', format: item.format ?? 'not pdf' };
  const link = await pdfLink(deps, item.documentId, item.key, citedPage(item));
  return link === null ? { found: false, reason: 'file-gone' } : { found: true, url: link.url };
}
