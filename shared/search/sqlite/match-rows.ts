import type Database from 'better-sqlite3';
import { valueAt } from '#lib/maps.ts';
import { FACETS, LENGTH_FIELDS } from './schema.ts';

/** What ranking, sorting and counting need of a matching item; the page reads the rest. */
export interface Match {
  readonly rowid: number;
  /** Higher is better; 0 when browsing. */
  readonly score: number;
  /** The score as the double sum before Lucene's float (scoring.ts), for a phrase to add to. */
  readonly raw?: number;
  /** The lengths of its text fields, in LENGTH_FIELDS order, for scoring. */
  readonly lengths: readonly number[];
  readonly date: string | null;
  readonly position: number;
  readonly documentId: string;
  readonly body: string | null;
  readonly municipality: string | null;
  /** What the body and municipality filters compare (names.ts). */
  readonly bodyKey: string | null;
  readonly municipalityKey: string | null;
  readonly year: string | null;
  readonly outcome: string | null;
  /** Its facet values as numbers (MatchRows.facetValues), in FACETS order: counted without hashing. */
  readonly facetCodes: readonly number[];
}

/** A match with its score: made field by field (thousands a search), not spread. */
export function withScore(match: Omit<Match, 'score' | 'raw'>, raw: number): Match {
  return {
    rowid: match.rowid,
    score: Math.fround(raw),
    raw,
    lengths: match.lengths,
    date: match.date,
    position: match.position,
    documentId: match.documentId,
    body: match.body,
    municipality: match.municipality,
    bodyKey: match.bodyKey,
    municipalityKey: match.municipalityKey,
    year: match.year,
    outcome: match.outcome,
    facetCodes: match.facetCodes,
  };
}

/** A row as read: the match's fields, its field lengths in LENGTH_FIELDS order apart. */
type MatchRow = Omit<Match, 'score' | 'raw' | 'lengths' | 'facetCodes'> & Readonly<Record<string, number>>;

/**
 * The small rows of matching items, kept in memory once read: a search then costs what finding
 * its matches costs, not a join of every match with `items` (issue 16: 11.5 of 14 ms for 4,137
 * matches), filters.ts's too. About 100 bytes an item read; `clear` when the index changes.
 */
export class MatchRows {
  /** Kept as matches with score 0: never changed (ranking makes new ones), so handed out as they are. */
  readonly #rows = new Map<number, Match>();
  readonly #read: Database.Statement;
  /** One copy of each body and municipality key, however many rows hold it. */
  readonly #keys = new Map<string, string>();
  /** Each facet's values seen, by code, and the code of each. */
  readonly #values = FACETS.map(() => ({
    list: [] as (string | null)[],
    codes: new Map<string | null, number>(),
  }));

  constructor(db: Database.Database) {
    this.#read = db.prepare(
      `SELECT rowid, ${LENGTH_FIELDS.map((f) => `${f}_terms`).join(', ')}, date, position,
           document_id AS documentId, body, municipality, body_key AS bodyKey,
           municipality_key AS municipalityKey, year, outcome
         FROM items WHERE rowid IN (SELECT value FROM json_each(?))`,
    );
  }

  /** The matches of these rowids, in their order, with score 0; rowids no row has are left out. */
  matches(rowids: readonly number[]): Match[] {
    // Indexed loops, here and wherever a loop runs over every match of a search: for-of's
    // iterations allocate an object each where V8 does not inline them (in scoring, 228 KB a
    // search of the benchmark's mix; docs/benchmarks.md, eighth session).
    const missing: number[] = [];
    for (let i = 0; i < rowids.length; i++) {
      const rowid = rowids[i] as number;
      if (!this.#rows.has(rowid)) missing.push(rowid);
    }
    if (missing.length > 0) this.#readRows(missing);
    const matches: Match[] = [];
    for (let i = 0; i < rowids.length; i++) {
      const row = this.#rows.get(rowids[i] as number);
      if (row) matches.push(row);
    }
    return matches;
  }

  /** The values of a facet (its place in FACETS) seen so far: Match.facetCodes are places in it. */
  facetValues(facet: number): readonly (string | null)[] {
    return this.#values[facet]?.list ?? [];
  }

  clear(): void {
    this.#rows.clear();
    this.#keys.clear();
    for (const values of this.#values) {
      values.list.length = 0;
      values.codes.clear();
    }
  }

  #codeOf(facet: number, value: string | null): number {
    const { list, codes } = this.#values[facet] as {
      list: (string | null)[];
      codes: Map<string | null, number>;
    };
    return valueAt(codes, value, () => list.push(value) - 1);
  }

  /** The kept copy of a key: a row's own string would cost memory for every row. */
  #key(key: string | null): string | null {
    return key === null ? null : valueAt(this.#keys, key, (k) => k);
  }

  #readRows(rowids: readonly number[]): void {
    for (const row of this.#read.all(JSON.stringify(rowids)) as MatchRow[]) {
      const lengths = LENGTH_FIELDS.map((field) => row[`${field}_terms`] as number);
      const facetCodes = FACETS.map((facet, i) => this.#codeOf(i, row[facet] ?? null));
      const [bodyKey, municipalityKey] = [this.#key(row.bodyKey), this.#key(row.municipalityKey)];
      this.#rows.set(row.rowid, withScore({ ...row, bodyKey, municipalityKey, lengths, facetCodes }, 0));
    }
  }
}
