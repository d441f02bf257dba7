import type Database from 'better-sqlite3';
import { CASE_MEMBER_LIMIT, type CaseKey, type CaseMember } from '../../cases/members.ts';

/** Keys per statement: SQLite allows 32766 bound values, and a page has at most 100 hits. */
const KEYS_PER_STATEMENT = 500;

/**
 * The items of these cases, oldest first (NULL dates sort first, as OpenSearch is asked to), from
 * the rows' columns and the stored item's title and number (json_extract), found through the
 * index on (case_number, municipality_key).
 */
export function caseMembers(db: Database.Database, keys: readonly CaseKey[]): CaseMember[] {
  const wanted = keys.slice(0, KEYS_PER_STATEMENT);
  if (wanted.length === 0) return [];
  return db
    .prepare(
      `SELECT i.id AS id, i.document_id AS documentId, i.position AS position,
              i.municipality AS municipality, i.municipality_key AS municipalityKey,
              i.case_number AS caseNumber, i.body AS body, i.date AS date,
              json_extract(j.json, '$.item.number') AS number, json_extract(j.json, '$.item.title') AS title,
              i.access AS access
       FROM items i JOIN item_json j ON j.rowid = i.rowid
       WHERE (i.case_number, i.municipality_key) IN (VALUES ${wanted.map(() => '(?, ?)').join(', ')})
       ORDER BY i.date, i.document_id, i.position
       LIMIT ?`,
    )
    .all(...wanted.flatMap((k) => [k.caseNumber, k.municipalityKey]), CASE_MEMBER_LIMIT) as CaseMember[];
}
