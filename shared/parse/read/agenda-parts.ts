import { CLOSED_WORDS, OPEN_WORDS, PART_NOUNS } from '../vocabulary/markers.ts';
import { fold } from './text.ts';

/** The single access words ("lukket møde" is a phrase of a word and a part noun, not a word). */
const single = (list: readonly string[]) => new Set(list.filter((w) => !w.includes(' ')));
const CLOSED = single(CLOSED_WORDS);
const OPEN = single(OPEN_WORDS);
const PARTS = single(PART_NOUNS);
/** A part's heading is a short phrase, not a sentence that happens to hold the words. */
const MAX_WORDS = 6;

/**
 * A heading over a part of the agenda and the access of the items under it: an access word and
 * a noun that names several items or the agenda itself, in a short line ("Lukkede punkter",
 * "Lukket dagsorden", "Punkter behandlet for lukkede døre", "Åbne punkter"). A marker of one
 * item ("Lukket punkt", "Sagen behandles for lukkede døre") names no part and is not one.
 */
export function partHeading(line: string): 'open' | 'closed' | null {
  // A sentence ("Sagen udsættes til næste møde.") is no heading, whatever words it holds.
  if (/[.!?]$/.test(line.trim())) return null;
  const text = fold(line);
  const found = text.split(/[\s,–-]+/u).filter(Boolean);
  if (found.length > MAX_WORDS || !found.some((w) => PARTS.has(w))) return null;
  if (found.some((w) => CLOSED.has(w))) return 'closed';
  if (found.some((w) => OPEN.has(w))) return 'open';
  return null;
}
