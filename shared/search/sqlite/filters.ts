import { partyLetter } from '#domain/parties.ts';
import type { SearchQuery } from '#domain/search.ts';
import { bodyName, municipalityName } from '../names.ts';
import type { Match } from './match-rows.ts';

/**
 * A filter of a search as a clause on `items i` with its parameter, and, for those the kept rows
 * of the matches answer (match-rows.ts), the same test in JS: with words, FTS5 finds the matches
 * and these filters need no join of every match with `items` (3.4 of 5.1 ms for 2,185 matches at
 * 100,000 items, issue 16).
 */
interface Filter {
  readonly clause: string;
  /** The query's field, and the clause's parameter. */
  readonly name: keyof SearchQuery;
  readonly value: string;
  /** The clause's test of a kept row against the value: a NULL column passes none, as in SQL. */
  readonly keeps?: (match: Match, value: string) => boolean;
}

/** The query's filters; those it does not set are left out. */
function filtersOf(query: SearchQuery): Filter[] {
  const filters: Filter[] = [];
  const add = (filter: Omit<Filter, 'value'>, value: string | null | undefined) => {
    if (value !== undefined && value !== null) filters.push({ ...filter, value });
  };
  add(
    { clause: 'i.date >= @from', name: 'from', keeps: (m, from) => m.date !== null && m.date >= from },
    query.from,
  );
  add({ clause: 'i.date <= @to', name: 'to', keeps: (m, to) => m.date !== null && m.date <= to }, query.to);
  add(
    { clause: 'i.body_key = @body', name: 'body', keeps: (m, key) => m.bodyKey === key },
    bodyName(query.body)?.key,
  );
  add(
    {
      clause: 'i.municipality_key = @municipality',
      name: 'municipality',
      keeps: (m, key) => m.municipalityKey === key,
    },
    municipalityName(query.municipality)?.key,
  );
  add(
    { clause: 'i.outcome = @outcome', name: 'outcome', keeps: (m, outcome) => m.outcome === outcome },
    query.outcome,
  );
  add({ clause: 'i.access = @access', name: 'access' }, query.access);
  add({ clause: 'i.case_number = @caseNumber', name: 'caseNumber' }, query.caseNumber);
  add({ clause: 'i.votes = @votes', name: 'votes' }, query.votes);
  const party = query.party === undefined ? null : partyLetter(query.party);
  add({ clause: 'instr(i.parties, @party) > 0', name: 'party' }, party === null ? null : ` ${party} `);
  return filters;
}

/** Filters as SQL: a WHERE clause on `items i` (`WHERE 1 = 1` when there are none) and its parameters. */
export interface SqlFilters {
  readonly any: boolean;
  readonly where: string;
  readonly params: Record<string, string>;
}

function asSql(filters: readonly Filter[]): SqlFilters {
  return {
    any: filters.length > 0,
    where: `WHERE ${['1 = 1', ...filters.map((f) => f.clause)].join(' AND ')}`,
    params: Object.fromEntries(filters.map((f) => [f.name, f.value])),
  };
}

/** Every filter of the query as SQL. */
export function sqlFilters(query: SearchQuery): SqlFilters {
  return asSql(filtersOf(query));
}

/** A search's filters: those SQL tests, and those tested on the kept rows as one test (`null`: none). */
export interface SearchFilters {
  readonly sql: SqlFilters;
  readonly keeps: ((match: Match) => boolean) | null;
  /** The query's fields `keeps` tests. */
  readonly tested: readonly (keyof SearchQuery)[];
}

/**
 * The query's filters for a search: with words, those the kept rows answer are tested on the
 * matches, the others in SQL; without words all in SQL, where the date index narrows the items.
 */
export function searchFilters(query: SearchQuery): SearchFilters {
  const filters = filtersOf(query);
  const tested = query.q ? filters.filter((f) => f.keeps) : [];
  return {
    sql: asSql(filters.filter((f) => !tested.includes(f))),
    keeps: tested.length === 0 ? null : keepsEvery(tested),
    tested: tested.map((f) => f.name),
  };
}

/** A match kept by every one of the filters: one test, no closure a match (it runs on every match). */
function keepsEvery(tested: readonly Filter[]): (match: Match) => boolean {
  return (match) => {
    for (let i = 0; i < tested.length; i++) {
      const filter = tested[i] as Filter;
      if (!filter.keeps?.(match, filter.value)) return false;
    }
    return true;
  };
}
