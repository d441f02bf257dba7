import type { SearchIndex } from '#search/port.ts';
import type { DocumentRegistry } from '#storage/registry.ts';
import { type LinkDeps, pdfLink } from './pdf-link.ts';
import type { MeetingView } from './schemas.ts';
import { meetingItem } from './views.ts';

type MeetingDeps = LinkDeps & { readonly index: SearchIndex; readonly registry: DocumentRegistry };

/**
 * A meeting with its agenda in order and a link to its PDF. Null when the document is unknown,
 * never held a meeting (failed, needs OCR) or was removed.
 */
export async function meetingView(deps: MeetingDeps, id: string): Promise<MeetingView | null> {
  const record = await deps.registry.get(id);
  if (record === null || record.meeting === null || record.status === 'removed') return null;
  const [items, pdf] = await Promise.all([deps.index.itemsOf(id), pdfLink(deps, record.key, null)]);
  return {
    id: record.id,
    meeting: record.meeting,
    status: record.status,
    pages: record.pages,
    quality: record.quality,
    items: items.map(meetingItem),
    pdf,
  };
}
