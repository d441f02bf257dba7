import type { CaseVia, IndexedItem } from '#domain/search.ts';
import { SearchQuery, type SearchResult } from '#domain/search.ts';
import { SearchTooBroadError } from '#search/errors.ts';
import { publicItem } from '../search/hits.ts';
import type { SearchIndex } from '../search/port.ts';
import { type CaseMember, caseKeyOf } from './members.ts';
import type { CaseMention, CaseTreatment, CaseView } from './schema.ts';
import { caseSummary, umbrellaSummary } from './summary.ts';
import { judgeNumber } from './umbrella.ts';

/** The most items naming the case number in their text that the page lists. */
const MENTIONS = 50;

/**
 * A case: the items of a municipality with a case number and those whose text names it
 * (references.ts), oldest first, each with how it belongs, its decision and the earlier bodies'
 * decisions it records, the latest decision of its own items first in a summary. `mentions` keeps
 * the items a search for the number finds that are no treatment (the number where the reader
 * does not take it as a reference, such as a title). An umbrella number lists its own items with
 * their title and metadata only: they are not one case, and no reference is chained to it. Null
 * when no item has the number as its own.
 */
export async function caseView(
  index: SearchIndex,
  municipality: string,
  caseNumber: string,
): Promise<CaseView | null> {
  const key = caseKeyOf(municipality, caseNumber);
  if (key === null) return null;
  const judged = judgeNumber(await index.caseMembers([key]));
  const first = judged?.members[0];
  if (!judged || first === undefined) return null;
  const shown = { municipality: first.municipality ?? municipality, caseNumber: key.caseNumber };
  if (judged.kind === 'umbrella') {
    return {
      ...shown,
      umbrella: { signs: judged.signs, spread: judged.spread },
      summary: umbrellaSummary(key.caseNumber, judged.spread),
      treatments: judged.members.map(listed),
      mentions: [],
    };
  }
  const { members } = judged;
  const items = await Promise.all(members.map((m) => index.get(m.id)));
  const treatments = items.flatMap((item, i) => (item ? [treatment(item, members[i]?.via ?? 'number')] : []));
  return {
    ...shown,
    umbrella: null,
    summary: caseSummary(treatments),
    treatments,
    // The municipality as asked (validated at the edge): it has the same key as the one shown.
    mentions: await mentionsOf(index, municipality, key.caseNumber, new Set(treatments.map((t) => t.id))),
  };
}

/** A treatment with its decisions; a closed item's title and metadata only, whatever was stored. */
function treatment(item: IndexedItem, via: CaseVia): CaseTreatment {
  const open = item.item.access === 'open';
  return {
    id: item.id,
    via,
    meeting: {
      id: item.meeting.id,
      body: item.meeting.body,
      municipality: item.meeting.municipality,
      date: item.meeting.date,
    },
    item: publicItem(item),
    decision: open ? item.decision : null,
    priorDecisions: open ? (item.priorDecisions ?? []) : [],
  };
}

/** An umbrella's item: where and what, never its decision (it is not part of a history). */
function listed(member: CaseMember): CaseTreatment {
  return {
    id: member.id,
    via: member.via,
    meeting: {
      id: member.documentId,
      body: member.body,
      municipality: member.municipality,
      date: member.date,
    },
    item: {
      number: member.number,
      title: member.title,
      access: member.access,
      caseNumber: member.itemCaseNumber,
    },
    decision: null,
    priorDecisions: [],
  };
}

/**
 * Items of the municipality whose text names the number (a phrase search, as a reader would
 * search it) that are no treatment: every engine finds them alike. None when the number is named
 * in more items than one search may check (SearchTooBroadError): the case is shown without them,
 * since whoever opens a case page cannot narrow its search.
 */
async function mentionsOf(
  index: SearchIndex,
  municipality: string,
  caseNumber: string,
  treated: ReadonlySet<string>,
): Promise<CaseMention[]> {
  const query = SearchQuery.parse({ q: `"${caseNumber}"`, municipality, size: MENTIONS, sort: 'date' });
  let result: SearchResult;
  try {
    result = await index.search(query);
  } catch (error) {
    if (error instanceof SearchTooBroadError) return [];
    throw error;
  }
  return (
    result.results
      // A closed item is never said to name anything: whatever text of it an index kept is not told.
      .filter((hit) => hit.match === 'full' && hit.item.access === 'open' && !treated.has(hit.id))
      .map((hit) => ({
        id: hit.id,
        meeting: {
          id: hit.meeting.id,
          body: hit.meeting.body,
          municipality: hit.meeting.municipality,
          date: hit.meeting.date,
        },
        item: hit.item,
      }))
  );
}
