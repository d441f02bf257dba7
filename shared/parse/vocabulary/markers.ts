/** How minutes mark an item open or closed, in the heading, the title or the lines after it. */

/** Words that open an access marker; what follows is a noun such as "sag" or "punkt". */
export const OPEN_WORDS = ['åben', 'åbent', 'åbne', 'offentlig'] as const;
export const CLOSED_WORDS = [
  'lukket',
  'lukkede',
  'fortrolig',
  'fortroligt',
  'fortrolige',
  'lukket møde',
] as const;

/**
 * Nouns an access word may stand with: "Lukket sag", "Åbent punkt", "Lukket dagsordenspunkt".
 * Not "referat": "Åbent referat" names the document in a running header, not an item.
 */
export const ITEM_NOUNS = ['sag', 'punkt', 'dagsordenspunkt', 'møde', 'beslutning', 'del'] as const;

/** Phrases that close an item wherever they stand near its heading. */
export const CLOSING_PHRASES = [
  'for lukkede døre',
  'lukket punkt',
  'lukket sag',
  'lukket dagsordenspunkt',
  'fortroligt punkt',
  'fortrolig sag',
  'behandles lukket',
  'forvaltningslovens § 15',
  'offentlighedslovens',
] as const;

/**
 * Nouns that name a part of the agenda, not one item: with an access word they head the items
 * after them ("Lukkede punkter", "Lukket dagsorden", "Punkter behandlet for lukkede døre",
 * "Åbne punkter"). Singular item nouns ("Lukket punkt") mark one item and are not here.
 */
export const PART_NOUNS = ['punkter', 'sager', 'dagsordenspunkter', 'dagsorden', 'del', 'møde'] as const;
