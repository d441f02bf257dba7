/** The words around an item's number, what ends the items and what lists them. */

/** Words that name an agenda item before its number ("Punkt 3", "Pkt. 42", "Sag nr. 129"): an attachment list never numbers with them. */
export const ITEM_NUMBER_WORDS = [
  'punkt',
  'pkt.',
  'pkt',
  'dagsordenspunkt',
  'sag nr.',
  'sag nr',
  'sag',
] as const;

/**
 * Headings that name an item by themselves, with no number and no other title: an item added to
 * the agenda after it was sent out.
 */
export const EXTRA_ITEM_HEADINGS = [
  'ekstra punkt',
  'ekstrapunkt',
  'ekstra dagsordenspunkt',
  'tillægspunkt',
  'supplerende punkt',
] as const;

/** Words before an item's number: the item's own words, and "Nr. 4", "§ 1". */
export const NUMBER_WORDS = [...ITEM_NUMBER_WORDS, 'nr.', '§'] as const;

/** Headings of a table of contents. */
export const CONTENTS_HEADINGS = [
  'Indholdsfortegnelse',
  'Indhold',
  'Punkter på dagsordenen',
  'Oversigt over punkter',
  'Dagsordenspunkter',
  'Punktoversigt',
] as const;

/** Headings after the last item: the signature page and the attachment overview. */
export const CLOSING_HEADINGS = [
  'Underskriftsside',
  'Underskriftsblad',
  'Underskrifter',
  'Bilagsoversigt',
  'Oversigt over bilag',
] as const;

export const ATTACHMENT_OVERVIEW_HEADINGS = ['Bilagsoversigt', 'Oversigt over bilag'] as const;

/** Standing items that may be empty in open minutes ("Eventuelt" with nothing said). */
export const STANDING_ITEMS = [
  'eventuelt',
  'evt.',
  'meddelelser',
  'orientering',
  'godkendelse af dagsorden',
] as const;

/** Lines that end the last item: the meeting's end, the next meeting. */
export const MEETING_END = /^mødet (?:blev )?(?:hævet|sluttede|afsluttet|slut)\w*(?:\s+(?:kl\.?\s*)?(.*))?$/i;
export const NEXT_MEETING = /^næste møde\b/i;
