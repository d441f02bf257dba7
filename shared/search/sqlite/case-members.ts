import type Database from 'better-sqlite3';
import { CASE_MEMBER_LIMIT, type CaseKey, type CaseMember } from '../../cases/members.ts';

/** Keys per statement: two bound values each, well within SQLite's 32766. A page asks for at most 100. */
const KEYS_PER_STATEMENT = 1000;

/**
 * The items of these cases, oldest first (NULL dates first, as OpenSearch is asked to sort them),
 * from the rows' columns and the stored item's title and number (json_extract), found through the
 * index on (case_number, municipality_key).
 */
export function caseMembers(db: Database.Database, keys: readonly CaseKey[]): CaseMember[] {
  const members: CaseMember[] = [];
  for (let at = 0; at < keys.length; at += KEYS_PER_STATEMENT) {
    members.push(...statement(db, keys.slice(at, at + KEYS_PER_STATEMENT)));
  }
  // Several statements' rows in one order; one statement's are in it already.
  if (keys.length > KEYS_PER_STATEMENT) members.sort(oldestFirst);
  return members.slice(0, CASE_MEMBER_LIMIT);
}

function statement(db: Database.Database, keys: readonly CaseKey[]): CaseMember[] {
  return db
    .prepare(
      `SELECT i.id AS id, i.document_id AS documentId, i.position AS position,
              i.municipality AS municipality, i.municipality_key AS municipalityKey,
              i.case_number AS caseNumber, i.body AS body, i.date AS date,
              json_extract(j.json, '$.item.number') AS number, json_extract(j.json, '$.item.title') AS title,
              i.access AS access
       FROM items i JOIN item_json j ON j.rowid = i.rowid
       WHERE (i.case_number, i.municipality_key) IN (VALUES ${keys.map(() => '(?, ?)').join(', ')})
       ORDER BY i.date, i.document_id, i.position
       LIMIT ?`,
    )
    .all(...keys.flatMap((k) => [k.caseNumber, k.municipalityKey]), CASE_MEMBER_LIMIT) as CaseMember[];
}

/** SQLite's ORDER BY above, in JS: undated first, then by date, document and position. */
function oldestFirst(a: CaseMember, b: CaseMember): number {
  if (a.date !== b.date) return a.date === null ? -1 : b.date === null ? 1 : a.date < b.date ? -1 : 1;
  if (a.documentId !== b.documentId) return a.documentId < b.documentId ? -1 : 1;
  return a.position - b.position;
}
