import type Database from 'better-sqlite3';
import { CASE_MEMBER_LIMIT, type CaseKey, type CaseMember } from '../../cases/members.ts';

const MEMBER_COLUMNS = `i.id AS id, i.document_id AS documentId, i.position AS position,
  i.municipality AS municipality, i.municipality_key AS municipalityKey,
  i.case_number AS itemCaseNumber, i.body AS body, i.date AS date,
  i.number AS number, i.title AS title,
  i.access AS access`;

/** The cases asked for, from the one parameter that lists them as JSON: one statement for any number. */
const WANTED = `(SELECT value ->> 0, value ->> 1 FROM json_each(@keys))`;

/**
 * The items of some cases, oldest first (memberOrder, as OpenSearch's are put in it): those with
 * a case's number (through the index on (case_number, municipality_key)) and those whose text
 * names it (through case_refs, then the item's row for its municipality), from the rows' columns
 * with the item's number and title from its row. Prepared once: its text does not depend on how
 * many cases are asked for.
 */
export const CASE_MEMBERS = `SELECT ${MEMBER_COLUMNS}, i.case_number AS caseNumber, 'number' AS via
  FROM items i
  WHERE (i.case_number, i.municipality_key) IN ${WANTED}
  UNION ALL
  SELECT ${MEMBER_COLUMNS}, r.case_number AS caseNumber, 'reference' AS via
  FROM case_refs r JOIN items i ON i.rowid = r.item_rowid
  WHERE (r.case_number, i.municipality_key) IN ${WANTED}
  ORDER BY date, documentId, position, via, caseNumber
  LIMIT @limit`;

/** The items of these cases, oldest first, by CASE_MEMBERS prepared. */
export function caseMembers(read: Database.Statement, keys: readonly CaseKey[]): CaseMember[] {
  if (keys.length === 0) return [];
  const wanted = JSON.stringify(keys.map((k) => [k.caseNumber, k.municipalityKey]));
  return read.all({ keys: wanted, limit: CASE_MEMBER_LIMIT }) as CaseMember[];
}
