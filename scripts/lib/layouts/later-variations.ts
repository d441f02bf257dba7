/**
 * The second batch of variations, after those of variations.ts: FirstAgenda's item heading as a
 * bordered table, headings whose only title is a bare label or the access marker, and lines
 * after a decision that are not its text. They draw from a stream of their own again, so every
 * document without them, and every draw of the first batch, keeps its bytes.
 */
import { chance, pick, sentence } from '../invented.ts';
import { type Random, seededRandom } from '../random.ts';
import type { Block } from './blocks.ts';

/** What a heading holds when its only title is a bare label or the access marker. */
export type BareHeading =
  | 'extra' // an extra item headed "Ekstra punkt" (or "7. Ekstra punkt")
  | 'closed' // closed items headed "3. Lukket punkt", "Fortroligt punkt": no other title
  | 'open-number'; // one open item headed "Åbent punkt 3"

export interface LaterVariations {
  /** FirstAgenda: number and title in the cells of a bordered table, the body indented under the title. */
  readonly headingTable: { readonly numberDot: boolean } | null;
  readonly bareHeading: BareHeading | null;
  /** "Inhabil: …", "Mindretalsudtalelse …" after a decision and "enstemmigt" inside it. */
  readonly decisionNotes: boolean;
}

/** Titles of closed items whose heading holds nothing but the access marker. */
export const BARE_CLOSED_TITLES = ['Lukket punkt', 'Fortroligt punkt', 'Lukket sag'] as const;
export const EXTRA_TITLE = 'Ekstra punkt';
export const OPEN_NUMBER_TITLE = 'Åbent punkt';

/** The stream of the second batch: apart from the house style's and the first batch's. */
export function laterVariationRandom(seed: number): Random {
  return seededRandom(seed ^ 0x27d4eb2f);
}

export function drawLaterVariations(
  random: Random,
  base: {
    readonly format: 'pdf' | 'html';
    readonly perItem: boolean;
    readonly kind: 'minutes' | 'agenda';
    readonly heading: string;
  },
): LaterVariations {
  const numbered = base.heading !== 'unnumbered';
  const headingTable =
    base.format === 'pdf' && !base.perItem && numbered && chance(random, 0.15)
      ? { numberDot: chance(random, 0.5) }
      : null;
  const bare = !base.perItem && chance(random, 0.2);
  // A closed item's bare marker is a heading by its number ("3. Lukket punkt"); alone, it reads
  // as the marker line under a heading, so unnumbered styles print none.
  const bareHeading = bare
    ? pick(random, numbered ? (['extra', 'closed', 'open-number'] as const) : (['extra'] as const))
    : null;
  const decisionNotes = base.kind === 'minutes' && chance(random, 0.25);
  return { headingTable, bareHeading, decisionNotes };
}

/** "Godkendt." -> "Godkendt enstemmigt.", or a line of its own after the text. */
export function unanimous(random: Random, lines: readonly string[]): string[] {
  const [first, ...rest] = lines;
  if (first === undefined) return [];
  if (chance(random, 0.5)) return [`${first.replace(/\.$/, '')} enstemmigt.`, ...rest];
  return [first, pick(random, ['Enstemmigt vedtaget.', 'Vedtaget enstemmigt.']), ...rest];
}

/** Lines after a decision that are not its text: a member's disqualification, a minority's statement. */
export function decisionNotes(
  random: Random,
  people: readonly string[],
  parties: readonly string[],
  busy: readonly string[],
): { blocks: Block[]; absent: string[] } {
  const blocks: Block[] = [];
  const absent: string[] = [];
  const free = people.filter((p) => !busy.includes(p));
  if (free.length > 0 && chance(random, 0.5)) {
    const name = pick(random, free);
    blocks.push({ role: 'paragraph', text: `Inhabil: ${name}` });
    absent.push(name);
  }
  if (chance(random, 0.5)) {
    const party = pick(random, parties.length > 0 ? parties : ['Ø']);
    const statement = sentence(random);
    blocks.push(
      ...(chance(random, 0.5)
        ? [{ role: 'paragraph', text: `Mindretalsudtalelse fra ${party}: ${statement}` } as const]
        : [
            { role: 'paragraph', text: `Mindretalsudtalelse fra ${party}:` } as const,
            { role: 'paragraph', text: statement } as const,
          ]),
    );
  }
  return { blocks, absent };
}
