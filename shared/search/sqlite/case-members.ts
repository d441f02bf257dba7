import type Database from 'better-sqlite3';
import { CASE_MEMBER_LIMIT, type CaseKey, type CaseMember, memberOrder } from '../../cases/members.ts';

/** Keys per statement: two bound values each, twice, well within SQLite's 32766. A page asks for at most 100. */
const KEYS_PER_STATEMENT = 1000;

/**
 * The items of these cases, oldest first (memberOrder, as OpenSearch's are put in it): those with
 * a case's number (through the index on (case_number, municipality_key)) and those whose text
 * names it (through case_refs, then the item's row for its municipality), from the rows' columns
 * with the item's number and title from its row.
 */
export function caseMembers(db: Database.Database, keys: readonly CaseKey[]): CaseMember[] {
  const members: CaseMember[] = [];
  for (let at = 0; at < keys.length; at += KEYS_PER_STATEMENT) {
    members.push(...statement(db, keys.slice(at, at + KEYS_PER_STATEMENT)));
  }
  // Several statements' rows in one order; one statement's are in it already.
  if (keys.length > KEYS_PER_STATEMENT) members.sort(memberOrder);
  return members.slice(0, CASE_MEMBER_LIMIT);
}

const MEMBER_COLUMNS = `i.id AS id, i.document_id AS documentId, i.position AS position,
  i.municipality AS municipality, i.municipality_key AS municipalityKey,
  i.case_number AS itemCaseNumber, i.body AS body, i.date AS date,
  i.number AS number, i.title AS title,
  i.access AS access`;

function statement(db: Database.Database, keys: readonly CaseKey[]): CaseMember[] {
  const wanted = `(VALUES ${keys.map(() => '(?, ?)').join(', ')})`;
  const values = keys.flatMap((k) => [k.caseNumber, k.municipalityKey]);
  return db
    .prepare(
      `SELECT ${MEMBER_COLUMNS}, i.case_number AS caseNumber, 'number' AS via
       FROM items i
       WHERE (i.case_number, i.municipality_key) IN ${wanted}
       UNION ALL
       SELECT ${MEMBER_COLUMNS}, r.case_number AS caseNumber, 'reference' AS via
       FROM case_refs r JOIN items i ON i.rowid = r.item_rowid
       WHERE (r.case_number, i.municipality_key) IN ${wanted}
       ORDER BY date, documentId, position, via, caseNumber
       LIMIT ?`,
    )
    .all(...values, ...values, CASE_MEMBER_LIMIT) as CaseMember[];
}
