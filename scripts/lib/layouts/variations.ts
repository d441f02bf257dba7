/**
 * Conventions added to the house styles after the first ones: sub-items inside an item, closed
 * items gathered in a section of their own at the end, and a signature page. They draw from a
 * stream of their own, so a document without them keeps its bytes from before they were added
 * and a seed's before/after compares like with like.
 */
import { between, chance, PLACES, paragraph, pick } from '../invented.ts';
import { type Random, seededRandom } from '../random.ts';
import type { Block } from './blocks.ts';

export interface Variations {
  /** Share of numbered open items that hold sub-items 1.1, 1.2 … (they belong to the item). */
  readonly subItemShare: number;
  /** How a sub-item's heading is set: as the items' headings are, or in bold body type. */
  readonly subItemLook: 'heading' | 'bold';
  /** The heading over the closed items gathered at the end ("Lukkede punkter"), if they are. */
  readonly closedSection: string | null;
  /** The signature page after the last item, if the template prints one. */
  readonly signatures: { readonly heading: string; readonly newPage: boolean } | null;
}

const CLOSED_SECTION_HEADINGS = [
  'Lukkede punkter',
  'Lukket dagsorden',
  'Lukket møde',
  'Lukkede sager',
  'Punkter behandlet for lukkede døre',
  'Lukket del',
] as const;

const SIGNATURE_HEADINGS = ['Underskriftsside', 'Underskrifter', 'Underskriftsblad', 'Godkendt af'] as const;

const SUB_ITEM_OPENERS = [
  'Orientering om',
  'Status på',
  'Henvendelse vedrørende',
  'Nyt om',
  'Evaluering af',
] as const;

/** The stream the variations draw from: apart from the house style's, and fixed by the seed. */
export function variationRandom(seed: number): Random {
  return seededRandom(seed ^ 0x5bd1e995);
}

/** Draws the variations of one house style; a per-item export or a web page has no signatures. */
export function drawVariations(
  random: Random,
  base: { readonly format: 'pdf' | 'html'; readonly perItem: boolean },
): Variations {
  const subItemShare = chance(random, 0.2) ? 0.5 : 0;
  const subItemLook = chance(random, 0.5) ? 'heading' : 'bold';
  const closedSection = !base.perItem && chance(random, 0.15) ? pick(random, CLOSED_SECTION_HEADINGS) : null;
  const signatures =
    base.format === 'pdf' && !base.perItem && chance(random, 0.2)
      ? { heading: pick(random, SIGNATURE_HEADINGS), newPage: chance(random, 0.6) }
      : null;
  return { subItemShare, subItemLook, closedSection, signatures };
}

/** Sub-items "5.1 Status på …" with a paragraph each, numbered under their item's number. */
export function subItemBlocks(random: Random, number: number): Block[] {
  const count = between(random, 2, 4);
  const trailingDot = chance(random, 0.3) ? '.' : '';
  return Array.from({ length: count }, (_, k): Block[] => [
    {
      role: 'sub-heading',
      text: `${number}.${k + 1}${trailingDot} ${pick(random, SUB_ITEM_OPENERS)} ${pick(random, PLACES)}`,
    },
    { role: 'paragraph', text: paragraph(random, 1, 3) },
  ]).flat();
}

/** How many of an item list's last items are the closed ones gathered under the section heading. */
export function closedTail(random: Random, count: number): number {
  return Math.min(count - 1, between(random, 1, 2));
}

/** The signature page: its heading, then a rule and a name for each member, two to a row. */
export function signatureBlock(variations: Variations, names: readonly string[], random: Random): Block[] {
  if (!variations.signatures) return [];
  const roles = chance(random, 0.5);
  const signed = names.map((name, i) => (roles && i === 0 ? `${name}, formand` : name));
  return [
    {
      role: 'signatures',
      heading: variations.signatures.heading,
      names: signed,
      newPage: variations.signatures.newPage,
    },
  ];
}
