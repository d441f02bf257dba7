import { citedPage } from '#search/hits.ts';
import type { ApiDeps } from './deps.ts';
import { type LinkDeps, type Linked, pdfLink } from './pdf-link.ts';
import type { ItemView } from './schemas.ts';
import { cardOf, itemDetail } from './views.ts';

/** One item with its decision card and a link to the PDF at the decision. */
export async function itemView(
  deps: LinkDeps & Pick<ApiDeps, 'index'>,
  id: string,
): Promise<Linked<ItemView>> {
  const indexed = await deps.index.get(id);
  if (indexed === null) return { found: false, reason: 'unknown' };
  const pdf = await pdfLink(deps, indexed.documentId, indexed.key, citedPage(indexed));
  if (pdf === null) return { found: false, reason: 'file-gone' };
  // Prior decisions whole (body, date, text, outcome, votes): a closed item is indexed without any.
  const priorDecisions = indexed.item.access === 'open' ? (indexed.priorDecisions ?? []) : [];
  return { found: true, view: { item: itemDetail(indexed), card: cardOf(indexed), priorDecisions, pdf } };
}
