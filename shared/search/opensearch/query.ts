import type { API, Types } from '@opensearch-project/opensearch';
import { partyLetter } from '#domain/parties.ts';
import type { MatchTier, SearchQuery } from '#domain/search.ts';
import { FIELD_WEIGHTS, QUERY_PART_WEIGHT } from '../fields.ts';
import { bodyName, municipalityName } from '../names.ts';
import { EXACT_FIELDS, PROXIMITY_WEIGHT, phrasePattern, type SearchPlan, SYNONYM_WEIGHT } from '../plan.ts';
import type { QueryTerm } from '../query-language.ts';
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

const EXACT_TEXT_FIELDS = EXACT_FIELDS.map(fieldName);

/**
 * The search request for a query's full or partial matches (one page of them, from `from`):
 * which items match is decided by filters (fullQuery, partialQuery), their score by the query's
 * words (scoringClauses). No words: browse by date. Facets are counted on full matches only.
 */
export function searchRequestBody(
  query: SearchQuery,
  plan: SearchPlan,
  tier: MatchTier,
  from: number,
  size: number,
): API.Search_RequestBody {
  const searching = query.q !== '';
  // A total order, as the embedded engine sorts: newest first, agenda order, then by document.
  const byDate: Types.Common.SortCombinations[] = [
    { date: { order: 'desc' } },
    { position: { order: 'asc' } },
    { documentId: { order: 'asc' } },
  ];
  return {
    query: tier === 'full' ? fullQuery(query, plan) : (partialQuery(query, plan) ?? { match_none: {} }),
    sort: searching && query.sort === 'relevance' ? [{ _score: { order: 'desc' } }, ...byDate] : byDate,
    // Scores even when sorting by date, as the embedded engine gives them.
    track_scores: searching,
    track_total_hits: true,
    from,
    size,
    _source: ['item'],
    ...(tier === 'full' && { aggs: FACET_AGGREGATIONS }),
  };
}

/**
 * One batch of a query's full matches, after the last one's sort values (search_after): sorted
 * by document and agenda position, a unique pair, so every match comes exactly once; unscored
 * and uncounted, as an export needs neither.
 */
export function matchBatchBody(
  query: SearchQuery,
  plan: SearchPlan,
  size: number,
  after: readonly Types.Common.FieldValue[] | null,
): API.Search_RequestBody {
  return {
    query: fullQuery(query, plan),
    sort: [{ documentId: { order: 'asc' } }, { position: { order: 'asc' } }],
    track_total_hits: false,
    size,
    _source: ['item'],
    ...(after && { search_after: [...after] }),
  };
}

/** Items with every group of the query and no excluded term, within the filters. */
export function fullQuery(query: SearchQuery, plan: SearchPlan): Query {
  if (query.q === '') return { bool: { must: { match_all: {} }, filter: filters(query) } };
  return {
    bool: {
      should: scoringClauses(plan, 'full'),
      minimum_should_match: 0,
      filter: [...filters(query), ...plan.parsed.groups.map(groupClause)],
      must_not: plan.parsed.excluded.map(termClause),
    },
  };
}

/**
 * Items with any word of the query (a phrase's too; not a case number), any prefix, or all parts
 * of one of its compounds, that are not full matches, within the filters; scored as full ones.
 */
export function partialQuery(query: SearchQuery, plan: SearchPlan): Query | null {
  const loose: Query[] = [];
  for (const term of plan.parsed.groups.flat()) {
    if (term.kind === 'word' || term.kind === 'prefix') loose.push(termClause(term));
    if (term.kind === 'phrase')
      loose.push(...phrasePattern(term.words).map((p) => anyField(p.stem, 'keyword')));
  }
  for (const parts of plan.compounds)
    loose.push({ bool: { filter: parts.map((p) => anyField(p, 'keyword')) } });
  if (loose.length === 0) return null;
  return {
    bool: {
      should: scoringClauses(plan, 'partial'),
      minimum_should_match: 0,
      filter: [...filters(query), { bool: { should: loose, minimum_should_match: 1 } }],
      must_not: [
        { bool: { filter: plan.parsed.groups.map(groupClause) } },
        ...plan.parsed.excluded.map(termClause),
      ],
    },
  };
}

/** Any term of a group (`a OR b`). */
function groupClause(group: readonly QueryTerm[]): Query {
  return { bool: { should: group.map(termClause), minimum_should_match: 1 } };
}

/** A word in some field, its compound parts too; `analyzer: keyword` for a stem already analysed. */
function anyField(text: string, analyzer?: 'keyword'): Query {
  return { multi_match: { query: text, fields: ALL_TEXT_FIELDS, ...(analyzer && { analyzer }) } };
}

/**
 * A term of the query as the embedded engine matches it (sqlite-index.ts): a word in any field,
 * its parts too; a prefix of an analysed word of an exact field; a phrase in an exact field, its
 * stop words leaving gaps; a case number as a phrase in the title.
 */
function termClause(term: QueryTerm): Query {
  switch (term.kind) {
    case 'word':
      return anyField(term.text);
    case 'prefix':
      return {
        bool: {
          should: EXACT_TEXT_FIELDS.map((field) => ({ prefix: { [field]: { value: term.text } } })),
          minimum_should_match: 1,
        },
      };
    case 'phrase':
      return {
        bool: {
          should: EXACT_TEXT_FIELDS.map((field) => ({
            match_phrase: { [field]: { query: term.words.join(' ') } },
          })),
          minimum_should_match: 1,
        },
      };
    case 'case':
      return { match_phrase: { [fieldName('title')]: { query: term.words.join(' ') } } };
  }
}

/**
 * What scores: every word of the query in every field at the field's weight, summed
 * (most_fields), the words as a phrase in each exact field (a query of plain words), and for partial matches all parts of a compound of the query, each in some
 * field, at QUERY_PART_WEIGHT; a sum the embedded engine computes the same way (sqlite/scoring.ts).
 */
function scoringClauses(plan: SearchPlan, tier: MatchTier): Query[] {
  const words: Query[] = plan.scoringText
    ? [{ multi_match: { query: plan.scoringText, fields: WEIGHTED_FIELDS, type: 'most_fields' } }]
    : [];
  // Synonyms as the parts below: one clause with a boost, as the embedded engine weighs them.
  const synonyms: Query[] = plan.synonymText
    ? [
        {
          bool: {
            should: [
              { multi_match: { query: plan.synonymText, fields: WEIGHTED_FIELDS, type: 'most_fields' } },
            ],
            boost: SYNONYM_WEIGHT,
          },
        },
      ]
    : [];
  // The query's words as a phrase, per exact field at its weight (the embedded engine: scoring.ts).
  const proximity: Query[] = plan.proximity
    ? EXACT_FIELDS.map((field) => ({
        match_phrase: {
          [fieldName(field)]: {
            query: plan.proximity?.join(' ') ?? '',
            boost: Math.fround(PROXIMITY_WEIGHT * FIELD_WEIGHTS[field]),
          },
        },
      }))
    : [];
  if (tier === 'full') return [...words, ...synonyms, ...proximity];
  // Parts are already analysed (stemmed) in JS: matched as they are (keyword), never stemmed twice.
  const parts: Query[] = plan.compounds.map((compound) => ({
    bool: {
      should: compound.map((part) => ({
        multi_match: { query: part, fields: WEIGHTED_FIELDS, type: 'most_fields', analyzer: 'keyword' },
      })),
      minimum_should_match: compound.length,
      boost: QUERY_PART_WEIGHT,
    },
  }));
  return [...words, ...synonyms, ...proximity, ...parts];
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
    term('votes', query.votes),
    term('parties', query.party === undefined ? undefined : (partyLetter(query.party) ?? undefined)),
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
