import type { HitCase, SearchResult } from '#domain/search.ts';
import type { SearchIndex } from '../search/port.ts';
import { byCase, type CaseKey, caseId, caseKeyOf } from './members.ts';
import { isUmbrella } from './umbrella.ts';

/**
 * The page's hits, each with its case (`case`): how many items of its municipality carry its case
 * number, and whether that number is an umbrella. One query to the index for the whole page,
 * however many hits; a hit without a case number or municipality has none (null).
 */
export async function withCases(index: SearchIndex, result: SearchResult): Promise<SearchResult> {
  const keys = new Map<string, CaseKey>();
  for (const hit of result.results) {
    const key = caseKeyOf(hit.meeting.municipality, hit.item.caseNumber);
    if (key) keys.set(caseId(key), key);
  }
  const groups = keys.size > 0 ? byCase(await index.caseMembers([...keys.values()])) : new Map();
  return {
    ...result,
    results: result.results.map((hit) => {
      const key = caseKeyOf(hit.meeting.municipality, hit.item.caseNumber);
      const members = key ? groups.get(caseId(key)) : undefined;
      const found: HitCase | null =
        key && members?.length
          ? {
              municipality: hit.meeting.municipality ?? key.municipalityKey,
              caseNumber: key.caseNumber,
              treatments: members.length,
              umbrella: isUmbrella(members),
            }
          : null;
      return { ...hit, case: found };
    }),
  };
}
