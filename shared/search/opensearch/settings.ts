import { createHash } from 'node:crypto';
import type { API, Types } from '@opensearch-project/opensearch';
import { ANALYSIS_VERSION, NAME_AFTER, NAME_WORD, TOKEN_PATTERN } from '#language/analyze.ts';
import { DECOMPOUND, vocabularyWords } from '#language/compounds.ts';
import type { SearchFields } from '../fields.ts';

type Analysis = Types.Indices_Common.IndexSettingsAnalysis;
type Property = Types.Common_Mapping.Property;

/** The object holding the searchable text (searchFields()); `body` at the top is the meeting's body. */
export const TEXT_OBJECT = 'text';
/** The subfield of each text field analysed with compound parts. */
export const PARTS_SUBFIELD = 'parts';
const EXACT_ANALYZER = 'da_exact';
const PARTS_ANALYZER = 'da_parts';

export interface AnalysisOptions {
  /**
   * Where the decompounder's word list lives on the cluster: on Amazon OpenSearch Service the path
   * of a custom package (`analyzers/F111111111`). Without it the list goes inline, for a local cluster.
   */
  readonly wordListPath?: string;
}

/**
 * A letter no Danish text has, put before each name (isName()) by the parts analyzer, so the
 * decompounder can pass names by: an analyzer's filters see one token at a time, never the text
 * before it. Taken off again before stemming.
 */
const NAME_MARK = 'ǂ';

/**
 * The analysis of shared/language in OpenSearch terms, so both engines index the same terms: the
 * same token pattern, lower case, the same stop words, Snowball Danish; the parts analyzer adds
 * Lucene's dictionary decompounder with the parameters compoundParts() uses, for words that are
 * not names.
 */
function analysis(options: AnalysisOptions): Analysis {
  const words = options.wordListPath
    ? { word_list_path: options.wordListPath }
    : { word_list: vocabularyWords() };
  return {
    tokenizer: { da_tokens: { type: 'pattern', pattern: TOKEN_PATTERN, group: 0 } },
    char_filter: {
      da_names: {
        type: 'pattern_replace',
        pattern: `(?<=${NAME_AFTER})(?=${NAME_WORD})`,
        replacement: NAME_MARK,
      },
    },
    filter: {
      da_stop: { type: 'stop', stopwords: '_danish_' },
      da_stem: { type: 'snowball', language: 'Danish' },
      da_decompound: {
        type: 'dictionary_decompounder',
        min_word_size: DECOMPOUND.minWordSize,
        min_subword_size: DECOMPOUND.minSubwordSize,
        max_subword_size: DECOMPOUND.maxSubwordSize,
        only_longest_match: false,
        ...words,
      },
      da_decompound_words: {
        type: 'condition',
        filter: ['da_decompound'],
        script: { source: `!token.term.toString().startsWith('${NAME_MARK}')` },
      },
      da_unmark: { type: 'pattern_replace', pattern: `^${NAME_MARK}`, replacement: '' },
    },
    analyzer: {
      [EXACT_ANALYZER]: {
        type: 'custom',
        tokenizer: 'da_tokens',
        filter: ['lowercase', 'da_stop', 'da_stem'],
      },
      [PARTS_ANALYZER]: {
        type: 'custom',
        char_filter: ['da_names'],
        tokenizer: 'da_tokens',
        // Parts are found in the unstemmed word, as compoundParts() does, then stemmed with it.
        // Stop words never carry the mark: they are shorter than a name (minWordSize).
        filter: ['lowercase', 'da_stop', 'da_decompound_words', 'da_unmark', 'da_stem'],
      },
    },
  };
}

const TEXT_FIELDS: readonly (keyof SearchFields)[] = ['title', 'decision', 'body'];

/** A text field searched by its words, with a subfield searched by the parts of its compounds. */
const textField: Property = {
  type: 'text',
  analyzer: EXACT_ANALYZER,
  fields: {
    // Queries are not decompounded: a query word matches the parts indexed here.
    [PARTS_SUBFIELD]: { type: 'text', analyzer: PARTS_ANALYZER, search_analyzer: EXACT_ANALYZER },
  },
};

const keyword: Property = { type: 'keyword' };

/** Fields of the indexed document (document.ts); strict, so a document that drifts is refused. */
export const MAPPINGS: Types.Common_Mapping.TypeMapping = {
  dynamic: 'strict',
  properties: {
    documentId: keyword,
    // Body and municipality as shown (facet names) and their keys (filters, facet buckets), made
    // in JS (names.ts) as the embedded engine makes them.
    body: keyword,
    bodyKey: keyword,
    municipality: keyword,
    municipalityKey: keyword,
    outcome: keyword,
    access: keyword,
    caseNumber: keyword,
    // The case numbers the item's text names (shared/cases/references.ts): a case's items are
    // also those naming its number.
    caseRefs: keyword,
    year: keyword,
    date: { type: 'date', format: 'strict_date' },
    position: { type: 'integer' },
    // How the decision was voted and the party letters of its vote (votes.ts): filters only.
    votes: keyword,
    parties: keyword,
    [TEXT_OBJECT]: { properties: Object.fromEntries(TEXT_FIELDS.map((field) => [field, textField])) },
    // The item as the port returns it: kept for get() and hits, never searched.
    item: { type: 'object', enabled: false },
  },
};

/**
 * A fingerprint of the analysis (its settings and the JS side's version) and mappings this code creates an index with, kept in the index's
 * `_meta`: an index whose fingerprint differs was made by another version, and searching it as
 * this one would (new fields, new analyzers) goes wrong until it is rebuilt (`cli reindex`).
 */
export const INDEX_LAYOUT = createHash('sha256')
  .update(
    JSON.stringify({
      version: ANALYSIS_VERSION,
      analysis: analysis({ wordListPath: 'package' }),
      mappings: MAPPINGS,
    }),
  )
  .digest('hex')
  .slice(0, 16);

/** The body that creates a version of the index. */
export function createIndexBody(options: AnalysisOptions): API.Indices_Create_RequestBody {
  return {
    // One shard: term statistics, and so relevance, are those of the whole index, as in SQLite.
    settings: { number_of_shards: 1, analysis: analysis(options) },
    mappings: { ...MAPPINGS, _meta: { layout: INDEX_LAYOUT } },
  };
}
