import type { ApiDeps } from './deps.ts';
import { type LinkDeps, type Linked, pdfLink } from './pdf-link.ts';
import type { MeetingView } from './schemas.ts';
import { meetingHeader, meetingItem, meetingPlace } from './views.ts';

type MeetingDeps = LinkDeps & Pick<ApiDeps, 'index' | 'registry'>;

/**
 * A meeting with its agenda in order and a link to its PDF. Unknown when the document is unknown,
 * never held a meeting (failed, needs OCR) or was removed.
 */
export async function meetingView(deps: MeetingDeps, id: string): Promise<Linked<MeetingView>> {
  const record = await deps.registry.get(id);
  if (record === null || record.status === 'removed') return { found: false, reason: 'unknown' };
  const header = meetingHeader(record);
  if (header === null) return { found: false, reason: 'unknown' };
  const [items, pdf] = await Promise.all([deps.index.itemsOf(id), pdfLink(deps, id, record.key, null)]);
  if (pdf === null) return { found: false, reason: 'file-gone' };
  const meeting = { ...header.meeting, ...meetingPlace(items) };
  return {
    found: true,
    view: { ...header, meeting, quality: record.quality, items: items.map(meetingItem), pdf },
  };
}
