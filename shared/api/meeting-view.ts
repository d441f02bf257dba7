import type { ApiDeps } from './deps.ts';
import { type LinkDeps, pdfLink } from './pdf-link.ts';
import type { MeetingView } from './schemas.ts';
import { meetingHeader, meetingItem } from './views.ts';

type MeetingDeps = LinkDeps & Pick<ApiDeps, 'index' | 'registry'>;

/**
 * A meeting with its agenda in order and a link to its PDF. Null when the document is unknown,
 * never held a meeting (failed, needs OCR) or was removed.
 */
export async function meetingView(deps: MeetingDeps, id: string): Promise<MeetingView | null> {
  const record = await deps.registry.get(id);
  if (record === null || record.status === 'removed') return null;
  const header = meetingHeader(record);
  if (header === null) return null;
  const [items, pdf] = await Promise.all([deps.index.itemsOf(id), pdfLink(deps, record.key, null)]);
  return { ...header, quality: record.quality, items: items.map(meetingItem), pdf };
}
