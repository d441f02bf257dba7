import type { API, Types } from '@opensearch-project/opensearch';
import type { SearchQuery } from '#domain/search.ts';
import { isStopWord, tokenize } from '#language/analyze.ts';
import { FIELD_WEIGHTS, QUERY_PART_WEIGHT, type SearchStep } from '../fields.ts';
import { bodyName, municipalityName } from '../names.ts';
import { PARTS_SUBFIELD, TEXT_OBJECT } from './settings.ts';

type Query = Types.Common_QueryDsl.QueryContainer;
type Aggregation = Types.Common_Aggregations.AggregationContainer;
/** The client's type lacks `field` (a gap in the opensearch-js 3.9 spec), which every terms aggregation needs. */
type TermsAggregationFields = Types.Common_Aggregations.TermsAggregationFields & { field: string };

/** Enough buckets for every body, municipality, year and outcome of an archive of minutes. */
export const FACET_SIZE = 500;
/** The sub-aggregation naming a body's or municipality's bucket: its most shown name. */
export const FACET_NAME = 'name';

/**
 * The facets as in Facets: year and outcome by value; body and municipality by key (names.ts),
 * each bucket named by the name most of its items show (ties to the first name, as the embedded
 * engine names them).
 */
const FACET_AGGREGATIONS: Record<string, Aggregation> = {
  body: named('bodyKey', 'body'),
  year: facet('year'),
  outcome: facet('outcome'),
  municipality: named('municipalityKey', 'municipality'),
};

const fieldName = (name: string) => `${TEXT_OBJECT}.${name.replace('_parts', `.${PARTS_SUBFIELD}`)}`;
/** FIELD_WEIGHTS as boosted OpenSearch fields: `title_parts` is the parts subfield of `text.title`. */
const WEIGHTED_FIELDS = Object.entries(FIELD_WEIGHTS).map(([name, weight]) => `${fieldName(name)}^${weight}`);
const ALL_TEXT_FIELDS = Object.keys(FIELD_WEIGHTS).map(fieldName);

/**
 * The search request for a query: the raw words go to OpenSearch, which analyses them as it
 * analysed the text; the parts of the query's compounds, split in JS (OpenSearch cannot), count
 * QUERY_PART_WEIGHT of a word. No words: browse by date.
 */
export function searchRequestBody(query: SearchQuery, step: SearchStep): API.Search_RequestBody {
  const searching = query.q !== '';
  // A total order, as the embedded engine sorts: newest first, agenda order, then by document.
  const byDate: Types.Common.SortCombinations[] = [
    { date: { order: 'desc' } },
    { position: { order: 'asc' } },
    { documentId: { order: 'asc' } },
  ];
  return {
    query: matchQuery(query, step),
    sort: searching && query.sort === 'relevance' ? [{ _score: { order: 'desc' } }, ...byDate] : byDate,
    // Scores even when sorting by date, as the embedded engine gives them.
    track_scores: searching,
    track_total_hits: true,
    from: (query.page - 1) * query.size,
    size: query.size,
    _source: ['item'],
    aggs: FACET_AGGREGATIONS,
  };
}

/**
 * Which items match at a step of the search (planSearch): the words, all or any, and the
 * compound parts when the step says so, within the filters. Counting uses the same query.
 */
export function matchQuery(query: SearchQuery, step: SearchStep): Query {
  if (query.q === '') return { bool: { must: { match_all: {} }, filter: filters(query) } };
  return {
    bool: {
      should: wordClauses(query.q, step),
      minimum_should_match: 1,
      filter: [...filters(query), ...(step.words === 'all' ? everyWord(query.q) : [])],
    },
  };
}

/**
 * Each word must match in some field, as FTS5's AND does; the words are the query's own
 * (stop words out), analysed by OpenSearch as the text was. Scoring stays with the should clauses.
 */
function everyWord(q: string): Query[] {
  const words = tokenize(q).filter((t) => !isStopWord(t.term));
  return words.map((word) => ({ multi_match: { query: word.term, fields: ALL_TEXT_FIELDS } }));
}

/**
 * Every term scores in every field at the field's weight, summed (most_fields): a sum the
 * embedded engine computes the same way (sqlite/scoring.ts).
 */
function wordClauses(q: string, { parts, compounds }: SearchStep): Query[] {
  const words: Query = { multi_match: { query: q, fields: WEIGHTED_FIELDS, type: 'most_fields' } };
  if (parts === 'none') return [words];
  // Parts are already analysed (stemmed) in JS: matched as they are (keyword), never stemmed
  // twice; all parts of a compound, each in some field, or any of them, as in the embedded engine.
  const partClauses: Query[] = compounds.map((compound) => ({
    bool: {
      should: compound.map((part) => ({
        multi_match: { query: part, fields: WEIGHTED_FIELDS, type: 'most_fields', analyzer: 'keyword' },
      })),
      minimum_should_match: parts === 'all' ? compound.length : 1,
      boost: QUERY_PART_WEIGHT,
    },
  }));
  return [words, ...partClauses];
}

/** The filters as the embedded engine applies them: body and municipality by their keys (names.ts). */
function filters(query: SearchQuery): Query[] {
  const clauses: (Query | null)[] = [
    dateRange(query),
    term('bodyKey', bodyName(query.body)?.key),
    term('municipalityKey', municipalityName(query.municipality)?.key),
    term('outcome', query.outcome),
    term('access', query.access),
    term('caseNumber', query.caseNumber),
  ];
  return clauses.filter((clause) => clause !== null);
}

function dateRange({ from, to }: SearchQuery): Query | null {
  if (!from && !to) return null;
  const range: Types.Common_QueryDsl.DateRangeQuery = {};
  if (from) range.gte = from;
  if (to) range.lte = to;
  return { range: { date: range } };
}

function term(field: string, value: string | undefined): Query | null {
  return value === undefined ? null : { term: { [field]: { value } } };
}

function facet(field: string): Aggregation {
  const terms: TermsAggregationFields = { field, size: FACET_SIZE };
  return { terms };
}

/** Buckets by key, each with its most shown name (a terms aggregation orders by count, then name). */
function named(keyField: string, nameField: string): Aggregation {
  const name: TermsAggregationFields = { field: nameField, size: 1 };
  return { ...facet(keyField), aggs: { [FACET_NAME]: { terms: name } } };
}
