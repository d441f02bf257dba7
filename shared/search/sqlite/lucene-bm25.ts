/**
 * BM25 as OpenSearch 2 scores one term in one field, so the embedded engine ranks as the engine
 * in AWS does: Lucene's BM25Similarity (k1 1.2, b 0.75) behind OpenSearch's LegacyBM25Similarity
 * (which keeps the (k1 + 1) factor), field lengths as Lucene stores them (one byte, exact below
 * 24, coarser above), in float arithmetic as Lucene computes.
 */

const f = Math.fround;
const K1 = f(1.2);
const B = f(0.75);
const LEGACY_FACTOR = f(1 + K1);

/** The statistics of a field over the whole index. */
export interface FieldStatistics {
  /** Items with at least one term in the field. */
  readonly docCount: number;
  /** Terms in the field over all items, overlapping terms (compound parts) included. */
  readonly sumTotalTermFreq: number;
}

// Lucene's SmallFloat.intToByte4 / byte4ToInt: four significant bits above the 24 free values.
const MAX_INT4 = longToInt4(2 ** 31 - 1);
const FREE_VALUES = 255 - MAX_INT4;

function longToInt4(value: number): number {
  // Lengths are below 2^31, so the bit length is 32 less the leading zeros of the 32-bit value.
  const bits = 32 - Math.clz32(value);
  if (bits < 4) return value;
  const shift = bits - 4;
  return ((Math.floor(value / 2 ** shift) & 0x07) | ((shift + 1) << 3)) >>> 0;
}

function int4ToLong(encoded: number): number {
  const bits = encoded & 0x07;
  const shift = (encoded >>> 3) - 1;
  return shift === -1 ? bits : (bits | 0x08) * 2 ** shift;
}

/** The norm byte Lucene stores for a field of `length` terms. */
export function lengthNorm(length: number): number {
  return length < FREE_VALUES ? length : FREE_VALUES + longToInt4(length - FREE_VALUES);
}

/** The field length a norm byte stands for. */
const LENGTH_TABLE = Array.from({ length: 256 }, (_, norm) =>
  norm < FREE_VALUES ? norm : FREE_VALUES + int4ToLong(norm - FREE_VALUES),
);

/** Scores a term in one field: `weight` once per term and boost, `score` per item. */
export interface FieldScorer {
  weight(boost: number, docFreq: number): number;
  /** A phrase's weight: Lucene sums the idf of its terms (in double, then a float). */
  phraseWeight(boost: number, docFreqs: readonly number[]): number;
  /** A term's score in an item where it occurs `freq` times in a field of `length` terms (overlaps not counted). */
  score(weight: number, freq: number, length: number): number;
}

export function fieldScorer({ docCount, sumTotalTermFreq }: FieldStatistics): FieldScorer {
  const avgdl = f(sumTotalTermFreq / docCount);
  const inverseNorms = LENGTH_TABLE.map((length) => f(1 / f(K1 * f(f(1 - B) + f(f(B * length) / avgdl)))));
  const idf = (docFreq: number) => f(Math.log(1 + (docCount - docFreq + 0.5) / (docFreq + 0.5)));
  const weigh = (boost: number, idf: number) => f(f(f(boost) * LEGACY_FACTOR) * idf);
  return {
    weight: (boost, docFreq) => weigh(boost, idf(docFreq)),
    phraseWeight: (boost, docFreqs) => weigh(boost, f(docFreqs.reduce((sum, d) => sum + idf(d), 0))),
    score: (weight, freq, length) => {
      const inverseNorm = inverseNorms[lengthNorm(length)] as number;
      return f(weight - f(weight / f(1 + f(freq * inverseNorm))));
    },
  };
}
