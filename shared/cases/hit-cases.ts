import type { HitCase, SearchHit, SearchResult } from '#domain/search.ts';
import type { SearchIndex } from '../search/port.ts';
import { byCase, type CaseKey, type CaseMember, caseId, caseKeyOf } from './members.ts';
import { judgeNumber } from './umbrella.ts';

/**
 * The page's hits, each with its case (`case`): how many items of its municipality carry its case
 * number or name it, and whether that number is an umbrella. A hit without a number of its own
 * has the first case its text names that exists and is no umbrella (the first named is the one
 * the text is about more often than not: "som opfølgning på sag 24/16905 …"); the count is then
 * that case's. One query to the index for the whole page, however many hits; a hit with no case
 * has none (null).
 */
export async function withCases(index: SearchIndex, result: SearchResult): Promise<SearchResult> {
  const keys = new Map<string, CaseKey>();
  for (const hit of result.results) for (const key of keysOf(hit)) keys.set(caseId(key), key);
  const groups: Map<string, CaseMember[]> =
    keys.size > 0 ? byCase(await index.caseMembers([...keys.values()])) : new Map();
  return { ...result, results: result.results.map((hit) => ({ ...hit, case: caseOf(hit, groups) })) };
}

/** The cases a hit may belong to: its own number's, else those its text names, in its order. */
function keysOf(hit: SearchHit): CaseKey[] {
  const own = caseKeyOf(hit.meeting.municipality, hit.item.caseNumber);
  if (own) return [own];
  return (hit.item.caseRefs ?? [])
    .map((number) => caseKeyOf(hit.meeting.municipality, number))
    .filter((key) => key !== null);
}

function caseOf(hit: SearchHit, groups: ReadonlyMap<string, CaseMember[]>): HitCase | null {
  const via = hit.item.caseNumber?.trim() ? 'number' : 'reference';
  for (const key of keysOf(hit)) {
    const judged = judgeNumber(groups.get(caseId(key)) ?? []);
    if (judged === null || (via === 'reference' && judged.kind === 'umbrella')) continue;
    return {
      municipality: hit.meeting.municipality ?? key.municipalityKey,
      caseNumber: key.caseNumber,
      treatments: judged.members.length,
      umbrella: judged.kind === 'umbrella',
      via,
    };
  }
  return null;
}
