import type { AgendaItem, SummarySentence } from '#domain/meeting.ts';
import {
  type Candidate,
  candidates,
  DECISION_WEIGHT,
  type Summarisable,
  type SummarisableSection,
} from './candidates.ts';

export const SUMMARY_LIMITS = { sentences: 3, words: 60 } as const;

/** An item's text as sections: the text before its first label (heading "") first, then its sections. */
export function textSections(item: Pick<AgendaItem, 'lead' | 'sections' | 'pages'>): SummarisableSection[] {
  const lead: SummarisableSection[] = item.lead
    ? [{ heading: '', kind: 'presentation', text: item.lead, page: item.pages?.first ?? null, pages: [] }]
    : [];
  return [...lead, ...item.sections];
}

/** Weights of the score's parts; they sum to 1 before the query term. */
const WEIGHT = { section: 0.45, centrality: 0.35, position: 0.2, query: 1 } as const;
/** A sentence this similar to one already chosen repeats it. */
const MAX_SIMILARITY = 0.6;
/** Centrality is computed over at most this many sentences (an item rarely has more). */
const MAX_CANDIDATES = 200;

/**
 * Extractive summary of an item: at most 3 sentences and 60 words, each verbatim.
 *
 * Each sentence scores by (1) its section: the decision, then the recommendation, then résumé
 * and discussion, then the case text; (2) its centrality, as in LexRank: the stationary
 * distribution of a random walk over the sentences' cosine similarities (stemmed terms, stop
 * words out), so sentences that say what many others say rank higher; (3) its position: the
 * first sentences of a section say most. The best sentences are taken greedily while they fit
 * the limits and do not repeat one already taken, then put back in reading order. The opening
 * sentence of the meeting's own decision is always taken first when there is one.
 */
export function summarise(item: Summarisable): SummarySentence[] {
  return choose(candidates(item).slice(0, MAX_CANDIDATES), []);
}

/**
 * A summary for one hit: the item's sentences that contain the query's terms (analysed stems),
 * chosen as above with the query's terms weighing most; the item's own summary when none does.
 */
export function summariseForQuery(
  item: Summarisable & { readonly summary: readonly SummarySentence[] },
  queryTerms: readonly string[],
): SummarySentence[] {
  // A stem is a prefix of its word: a sentence without the stem as a substring cannot match.
  const mentions = (sentence: string) => {
    const lower = sentence.toLowerCase();
    return queryTerms.some((t) => lower.includes(t));
  };
  const pool = candidates(item, mentions).slice(0, MAX_CANDIDATES);
  return pool.length ? choose(pool, queryTerms) : [...item.summary];
}

function choose(pool: readonly Candidate[], queryTerms: readonly string[]): SummarySentence[] {
  if (pool.length === 0) return [];
  const vectors = pool.map((c) => termVector(c.terms));
  const centrality = lexRank(vectors);
  const query = new Set(queryTerms);
  const scored = pool.map((candidate, i) => {
    const matched = query.size ? candidate.terms.filter((t) => query.has(t)).length : 0;
    const score =
      WEIGHT.section * candidate.sectionWeight +
      WEIGHT.centrality * (centrality[i] ?? 0) +
      WEIGHT.position / (1 + candidate.position) +
      (query.size ? (WEIGHT.query * Math.min(matched, query.size)) / query.size : 0);
    return { candidate, vector: vectors[i] as TermVector, score };
  });
  // Without a query, the decision's opening sentence leads whatever the scores say.
  const leads = (c: Candidate) => query.size === 0 && c.position === 0 && c.sectionWeight === DECISION_WEIGHT;
  scored.sort(
    (a, b) =>
      Number(leads(b.candidate)) - Number(leads(a.candidate)) ||
      b.score - a.score ||
      a.candidate.order - b.candidate.order,
  );
  const chosen: typeof scored = [];
  let words = 0;
  for (const entry of scored) {
    if (chosen.length === SUMMARY_LIMITS.sentences) break;
    if (words + entry.candidate.words > SUMMARY_LIMITS.words) continue;
    if (chosen.some((c) => cosine(c.vector, entry.vector) > MAX_SIMILARITY)) continue;
    chosen.push(entry);
    words += entry.candidate.words;
  }
  return chosen
    .sort((a, b) => a.candidate.order - b.candidate.order)
    .map(({ candidate }) => ({ text: candidate.text, page: candidate.page, section: candidate.section }));
}

interface TermVector {
  readonly weights: ReadonlyMap<string, number>;
  readonly norm: number;
}

function termVector(terms: readonly string[]): TermVector {
  const weights = new Map<string, number>();
  for (const term of terms) weights.set(term, (weights.get(term) ?? 0) + 1);
  let squares = 0;
  for (const weight of weights.values()) squares += weight * weight;
  return { weights, norm: Math.sqrt(squares) };
}

function cosine(a: TermVector, b: TermVector): number {
  const [small, large] = a.weights.size <= b.weights.size ? [a, b] : [b, a];
  let dot = 0;
  for (const [term, weight] of small.weights) dot += weight * (large.weights.get(term) ?? 0);
  return cosineOf(dot, a, b);
}

/** The cosine of two vectors from their dot product; 0 for a vector without terms. */
function cosineOf(dot: number, a: TermVector, b: TermVector): number {
  return a.norm === 0 || b.norm === 0 ? 0 : dot / (a.norm * b.norm);
}

/**
 * The cosine of every pair of vectors, as an n x n matrix, through the terms' postings: only pairs
 * that share a term are visited, instead of every pair's terms being looked up. The weights are
 * counts, so each dot product is an integer and exact in whatever order it is summed: the same
 * values as `cosine`.
 */
function pairwiseCosines(vectors: readonly TermVector[]): Float64Array {
  const n = vectors.length;
  const postings = new Map<string, number[]>();
  vectors.forEach((vector, i) => {
    for (const [term, weight] of vector.weights) {
      const list = postings.get(term);
      if (list) list.push(i, weight);
      else postings.set(term, [i, weight]);
    }
  });
  // Dot products of each pair i < j, in the upper triangle.
  const matrix = new Float64Array(n * n);
  for (const list of postings.values())
    for (let a = 0; a < list.length; a += 2)
      for (let b = a + 2; b < list.length; b += 2) {
        const at = (list[a] as number) * n + (list[b] as number);
        matrix[at] = (matrix[at] as number) + (list[a + 1] as number) * (list[b + 1] as number);
      }
  for (let i = 0; i < n; i++)
    for (let j = i + 1; j < n; j++) {
      const value = cosineOf(matrix[i * n + j] as number, vectors[i] as TermVector, vectors[j] as TermVector);
      matrix[i * n + j] = value;
      matrix[j * n + i] = value;
    }
  return matrix;
}

/** A square matrix's non-zero entries, row by row (row i's are at starts[i] up to starts[i + 1]). */
interface SparseRows {
  readonly starts: Uint32Array;
  readonly columns: Uint32Array;
  readonly values: Float64Array;
}

/**
 * The matrix without its zeros: most pairs of sentences share no term. The walk skips only
 * additions of 0 to positive sums, so its ranks are the same to the last bit.
 */
function nonZeroRows(matrix: Float64Array, n: number): SparseRows {
  let count = 0;
  for (const value of matrix) if (value !== 0) count++;
  const starts = new Uint32Array(n + 1);
  const columns = new Uint32Array(count);
  const values = new Float64Array(count);
  let e = 0;
  for (let i = 0; i < n; i++) {
    starts[i] = e;
    for (let j = 0; j < n; j++) {
      const value = matrix[i * n + j] as number;
      if (value === 0) continue;
      columns[e] = j;
      values[e++] = value;
    }
  }
  starts[n] = e;
  return { starts, columns, values };
}

/** Continuous LexRank: power iteration over the row-normalised similarity matrix, scaled to [0, 1]. */
function lexRank(vectors: readonly TermVector[], damping = 0.85, iterations = 30): number[] {
  const n = vectors.length;
  if (n === 1) return [1];
  // The walk's transition matrix, row by row.
  const similarity = pairwiseCosines(vectors);
  for (let i = 0; i < n; i++) {
    let row = 0;
    for (let j = 0; j < n; j++) row += similarity[i * n + j] as number;
    for (let j = 0; j < n; j++)
      similarity[i * n + j] = row > 0 ? (similarity[i * n + j] as number) / row : 1 / n;
  }
  const walk = nonZeroRows(similarity, n);
  let rank = new Float64Array(n).fill(1 / n);
  for (let k = 0; k < iterations; k++) {
    const next = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const weight = rank[i] as number;
      const end = walk.starts[i + 1] as number;
      for (let e = walk.starts[i] as number; e < end; e++) {
        const j = walk.columns[e] as number;
        next[j] = (next[j] as number) + weight * (walk.values[e] as number);
      }
    }
    for (let j = 0; j < n; j++) next[j] = (1 - damping) / n + damping * (next[j] as number);
    rank = next;
  }
  const ranks = [...rank];
  const max = Math.max(...ranks);
  return ranks.map((r) => (max > 0 ? r / max : 0));
}
