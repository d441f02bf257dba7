import { citedPage } from '#search/hits.ts';
import type { ApiDeps } from './deps.ts';
import { type LinkDeps, pdfLink } from './pdf-link.ts';
import type { ItemView } from './schemas.ts';
import { cardOf, itemDetail } from './views.ts';

/** One item with its decision card and a link to the PDF at the decision; null when unknown. */
export async function itemView(
  deps: LinkDeps & Pick<ApiDeps, 'index'>,
  id: string,
): Promise<ItemView | null> {
  const indexed = await deps.index.get(id);
  if (indexed === null) return null;
  return {
    item: itemDetail(indexed),
    card: cardOf(indexed),
    pdf: await pdfLink(deps, indexed.key, citedPage(indexed)),
  };
}
