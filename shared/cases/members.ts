import type { CaseVia } from '#domain/search.ts';
import { municipalityName } from '../search/names.ts';

/**
 * A case: the items of one municipality with one case number, and those whose text names it
 * (references.ts). The municipality is compared by its key (names.ts: "Greve Kommune" and
 * "greve" are one), the case number as written.
 */
export interface CaseKey {
  readonly municipalityKey: string;
  readonly caseNumber: string;
}

/**
 * What the index tells of one item of a case: enough to count, order and judge its spread. An
 * item is a member of its own number's case and of each case its text names, once for each.
 */
export interface CaseMember {
  readonly id: string;
  readonly documentId: string;
  readonly position: number;
  /** The municipality and body as shown (names.ts). */
  readonly municipality: string | null;
  readonly municipalityKey: string;
  /** The case's number: the item's own (via number) or one its text names (via reference). */
  readonly caseNumber: string;
  /** The item's own case number. */
  readonly itemCaseNumber: string | null;
  readonly via: CaseVia;
  readonly body: string | null;
  readonly date: string | null;
  readonly number: number | null;
  readonly title: string;
  readonly access: 'open' | 'closed';
}

/**
 * The most members one request returns, over all its cases: a page of 100 hits whose numbers
 * are all umbrellas of 100 items stays within it, and a bigger answer would only feed counts.
 */
export const CASE_MEMBER_LIMIT = 10_000;

/** The case of a municipality and case number; null when either is missing. */
export function caseKeyOf(municipality: string | null, caseNumber: string | null): CaseKey | null {
  const key = municipalityName(municipality)?.key;
  const number = caseNumber?.trim();
  return key && number ? { municipalityKey: key, caseNumber: number } : null;
}

/** One string per case, for maps. */
export const caseId = (key: CaseKey): string => `${key.municipalityKey}\u0000${key.caseNumber}`;

/**
 * The order of members in every engine: undated first, then by date, document and agenda
 * position; an item's own case before the cases it names, those by number.
 */
export function memberOrder(a: CaseMember, b: CaseMember): number {
  if (a.date !== b.date) return a.date === null ? -1 : b.date === null ? 1 : a.date < b.date ? -1 : 1;
  if (a.documentId !== b.documentId) return a.documentId < b.documentId ? -1 : 1;
  if (a.position !== b.position) return a.position - b.position;
  if (a.via !== b.via) return a.via === 'number' ? -1 : 1;
  return a.caseNumber < b.caseNumber ? -1 : a.caseNumber > b.caseNumber ? 1 : 0;
}

/** Members grouped by case, each group in the order the index returned it (oldest first). */
export function byCase(members: readonly CaseMember[]): Map<string, CaseMember[]> {
  const groups = new Map<string, CaseMember[]>();
  for (const member of members) {
    const id = caseId(member);
    const group = groups.get(id);
    if (group) group.push(member);
    else groups.set(id, [member]);
  }
  return groups;
}
