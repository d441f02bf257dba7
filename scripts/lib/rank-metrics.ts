/** Graded relevance: a gold item and how relevant it is (2 highly, 1 partly). */
export interface Judgement {
  readonly doc: string;
  readonly item: number | string;
  readonly grade: number;
}

/** nDCG@k with gains 2^grade - 1, the usual graded form. */
export function ndcgAt(
  k: number,
  ranked: readonly (number | undefined)[],
  judgements: readonly Judgement[],
): number {
  const dcg = (grades: readonly number[]) =>
    grades.slice(0, k).reduce((sum, grade, i) => sum + (2 ** grade - 1) / Math.log2(i + 2), 0);
  const ideal = dcg(judgements.map((j) => j.grade).sort((a, b) => b - a));
  return ideal === 0 ? 1 : dcg(ranked.map((g) => g ?? 0)) / ideal;
}

/** Recall@k: the share of relevant items found in the first k results. */
export function recallAt(
  k: number,
  ranked: readonly (number | undefined)[],
  judgements: readonly Judgement[],
): number {
  if (judgements.length === 0) return 1;
  return ranked.slice(0, k).filter((g) => g !== undefined && g > 0).length / judgements.length;
}
