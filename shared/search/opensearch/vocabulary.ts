import { editDistance, type KnownTerm, MAX_EDITS, PREFIX_LENGTH, type TermVocabulary } from '../suggest.ts';
import { callEngine } from './errors.ts';
import type { SearchClient } from './search-client.ts';
import { TEXT_OBJECT } from './settings.ts';

/** The exact fields whose terms are the vocabulary: not their compound parts. */
const FIELDS = ['title', 'decision', 'body'].map((field) => `${TEXT_OBJECT}.${field}`);

interface SuggestOption {
  readonly text: string;
}
interface Suggestion {
  readonly options: readonly SuggestOption[];
}
interface FieldCounts {
  readonly buckets: Record<string, { readonly doc_count: number }>;
}

/**
 * The index's terms for typo suggestions, from OpenSearch: the term suggester on each exact field
 * finds the terms near a term (Lucene's DirectSpellChecker: Damerau-Levenshtein within MAX_EDITS,
 * the first PREFIX_LENGTH letters alike, the term given as analysed), then one count of the items
 * per field that hold each of them and the term itself. The suggester's own frequencies count
 * deleted documents until their segment is merged; the count does not, so the answers are the
 * embedded engine's (sqlite/vocabulary.ts) on the same items.
 */
export class OpenSearchTermVocabulary implements TermVocabulary {
  readonly #client: SearchClient;
  readonly #alias: string;

  constructor(client: SearchClient, alias: string) {
    this.#client = client;
    this.#alias = alias;
  }

  async near(term: string): Promise<readonly KnownTerm[]> {
    if ([...term].length < PREFIX_LENGTH) return [];
    const suggest = Object.fromEntries(
      FIELDS.map((field, n) => [
        `f${n}`,
        {
          text: term,
          term: {
            field,
            analyzer: 'keyword',
            suggest_mode: 'always',
            max_edits: MAX_EDITS,
            prefix_length: PREFIX_LENGTH,
            min_word_length: PREFIX_LENGTH,
            string_distance: 'damerau_levenshtein',
            accuracy: 0.01,
            max_term_freq: 2_147_483_647,
            size: 100,
            max_inspections: 10,
          },
        },
      ]),
    );
    const suggested = await callEngine('suggest', () =>
      this.#client.search({ index: this.#alias, body: { size: 0, track_total_hits: false, suggest } }),
    );
    const found = new Set<string>([term]);
    const answer = suggested.body.suggest as unknown as Record<string, readonly Suggestion[]> | undefined;
    for (const suggestions of Object.values(answer ?? {})) {
      for (const { options } of suggestions) for (const { text } of options) found.add(text);
    }
    const candidates = [...found].filter(
      (candidate) =>
        candidate.slice(0, PREFIX_LENGTH) === term.slice(0, PREFIX_LENGTH) &&
        editDistance(term, candidate, MAX_EDITS) <= MAX_EDITS,
    );
    const aggs = Object.fromEntries(
      candidates.map((candidate, n) => [
        `t${n}`,
        {
          filters: {
            filters: Object.fromEntries(FIELDS.map((field) => [field, { term: { [field]: candidate } }])),
          },
        },
      ]),
    );
    const counted = await callEngine('suggest', () =>
      this.#client.search({ index: this.#alias, body: { size: 0, track_total_hits: false, aggs } }),
    );
    const counts = counted.body.aggregations as unknown as Record<string, FieldCounts> | undefined;
    const near: KnownTerm[] = [];
    candidates.forEach((candidate, n) => {
      const buckets = Object.values(counts?.[`t${n}`]?.buckets ?? {});
      const docFreq = Math.max(0, ...buckets.map((bucket) => bucket.doc_count));
      if (docFreq > 0) near.push({ term: candidate, docFreq });
    });
    return near;
  }
}
