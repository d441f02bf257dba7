import type { API } from '@opensearch-project/opensearch';
import { z } from 'zod';
import { Access } from '#domain/meeting.ts';
import {
  CASE_MEMBER_LIMIT,
  type CaseKey,
  type CaseMember,
  caseId,
  memberOrder,
} from '../../cases/members.ts';

/**
 * The items of these cases, oldest first as the embedded engine orders them (undated first,
 * then by document and agenda position), with only the fields a case member needs in `_source`:
 * those with a case's number and those whose text names it (`caseRefs`). Three `terms` clauses,
 * however many keys (a clause per key would meet the cluster's clause limit): a number of another
 * municipality asked for comes too, and caseMembersOf leaves it out.
 */
export function caseMembersBody(keys: readonly CaseKey[]): API.Search_RequestBody {
  const distinct = (values: string[]) => [...new Set(values)];
  const numbers = distinct(keys.map((k) => k.caseNumber));
  return {
    query: {
      bool: {
        filter: [
          {
            bool: {
              should: [{ terms: { caseNumber: numbers } }, { terms: { caseRefs: numbers } }],
              minimum_should_match: 1,
            },
          },
          { terms: { municipalityKey: distinct(keys.map((k) => k.municipalityKey)) } },
        ],
      },
    },
    sort: [{ date: { order: 'asc', missing: '_first' } }, { documentId: 'asc' }, { position: 'asc' }],
    size: CASE_MEMBER_LIMIT,
    track_total_hits: false,
    _source: [
      'documentId',
      'position',
      'municipality',
      'municipalityKey',
      'caseNumber',
      'caseRefs',
      'body',
      'date',
      'item.id',
      'item.item.number',
      'item.item.title',
      'item.item.access',
    ],
  };
}

const MemberSource = z.object({
  documentId: z.string(),
  position: z.number().int(),
  municipality: z.string().nullish(),
  municipalityKey: z.string(),
  caseNumber: z.string().nullish(),
  caseRefs: z.array(z.string()).nullish(),
  body: z.string().nullish(),
  date: z.string().nullish(),
  item: z.object({
    id: z.string(),
    item: z.object({ number: z.number().int().nullable(), title: z.string(), access: Access }),
  }),
});

const MembersResponse = z.object({ hits: z.object({ hits: z.array(z.object({ _source: MemberSource })) }) });

/**
 * The members of the cases asked for (`keys`) in a response to caseMembersBody: an item once for
 * its own number's case and once for each case its text names, put in memberOrder (the response
 * is in it by item already).
 */
export function caseMembersOf(body: unknown, keys: readonly CaseKey[]): CaseMember[] {
  const wanted = new Set(keys.map(caseId));
  const members = MembersResponse.parse(body).hits.hits.flatMap(({ _source: s }) => {
    const item = {
      id: s.item.id,
      documentId: s.documentId,
      position: s.position,
      municipality: s.municipality ?? null,
      municipalityKey: s.municipalityKey,
      itemCaseNumber: s.caseNumber ?? null,
      body: s.body ?? null,
      date: s.date ?? null,
      number: s.item.item.number,
      title: s.item.item.title,
      access: s.item.item.access,
    };
    const own = s.caseNumber ? [{ ...item, caseNumber: s.caseNumber, via: 'number' as const }] : [];
    const named = (s.caseRefs ?? []).map((number) => ({
      ...item,
      caseNumber: number,
      via: 'reference' as const,
    }));
    return [...own, ...named];
  });
  return members
    .filter((member) => wanted.has(caseId(member)))
    .sort(memberOrder)
    .slice(0, CASE_MEMBER_LIMIT);
}
