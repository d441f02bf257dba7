import { fold } from '../read/text.ts';
import { accessMarker, mentionsClosure, withoutClosure } from '../read/vocabulary.ts';
import { STANDING_ITEMS } from '../vocabulary/items.ts';

export interface ItemAccess {
  readonly access: 'open' | 'closed';
  /** The title without its closing marker. */
  readonly title: string;
  /** Why: what closed it, or that nothing did. */
  readonly reason: string;
  /** Closed only because nothing stands under the title. */
  readonly inDoubt: boolean;
}

const STANDING = new Set<string>(STANDING_ITEMS);

/**
 * Whether an item is open or closed, by what the minutes say, not by the portal's `IsOpen` flag
 * (false for every item of some portals): a closing marker in the title in any wording the
 * vocabulary knows ("Lukket: Køb af jord", "Personalesag (lukket)", "Fortroligt punkt - …",
 * "… for lukkede døre"), or as the first line of its text ("Lukket punkt"). An item with nothing
 * under its title is closed too, unless it is a standing item ("Eventuelt"): in doubt, closed.
 */
export function readItemAccess(title: string, firstLine: string | undefined, hasText: boolean): ItemAccess {
  if (mentionsClosure(title) || accessMarker(title) === 'closed') {
    return {
      access: 'closed',
      title: withoutClosure(title),
      reason: `closed in its title ("${title}")`,
      inDoubt: false,
    };
  }
  if (firstLine !== undefined && accessMarker(firstLine) === 'closed') {
    return { access: 'closed', title, reason: `closed by "${firstLine}" in its text`, inDoubt: false };
  }
  if (!hasText && !STANDING.has(fold(title))) {
    return {
      access: 'closed',
      title,
      reason: 'title only, nothing under it: taken as closed',
      inDoubt: true,
    };
  }
  return { access: 'open', title, reason: 'no closing marker in its title or text', inDoubt: false };
}
