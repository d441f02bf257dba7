import type { Decision } from '#domain/meeting.ts';

/** How a decision was voted, as the `votes` filter asks: split, unanimous, or neither known. */
export type VoteKind = 'split' | 'unanimous';

type Voted = Pick<Decision, 'text' | 'votes'> | null;

/** A side of a vote someone stood on: a count above 0, or parties named. */
const stood = (side: { count: number | null; parties: readonly string[] } | null) =>
  side !== null && (side.count === null ? side.parties.length > 0 : side.count > 0);

/** "enstemmigt", "enstemmig anbefaling" (CONVENTIONS.md, votes); not "ikke enstemmigt". */
const UNANIMOUS = /(?<!\bikke\s)\benstemmig/i;
/** "Et flertal (A, V) …", "Et mindretal (Ø) kunne ikke tiltræde": some stood apart, named or not. */
const DIVIDED = /\b(?:flertal|mindretal)/i;

/**
 * `split` when someone voted against or abstained, or the text tells of a majority or minority
 * whose other side the reader did not find; `unanimous` when votes were recorded with nobody
 * against or abstaining, or the text says "enstemmigt". A decision with neither ("Godkendt.")
 * records no vote: it is neither, since approval without a vote says nobody asked for one, not
 * how each member stood, and the outcome filter already finds every approval.
 */
export function voteKind(decision: Voted): VoteKind | null {
  if (decision === null) return null;
  const { votes, text } = decision;
  if (stood(votes?.against ?? null) || stood(votes?.abstained ?? null) || DIVIDED.test(text)) return 'split';
  if (stood(votes?.for ?? null) || UNANIMOUS.test(text)) return 'unanimous';
  return null;
}

/** Every party letter named on some side of the decision's vote, once each. */
export function voteParties(decision: Voted): string[] {
  const votes = decision?.votes;
  if (!votes) return [];
  return [...new Set([votes.for, votes.against, votes.abstained].flatMap((side) => side?.parties ?? []))];
}
