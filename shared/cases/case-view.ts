import type { IndexedItem } from '#domain/search.ts';
import { SearchQuery } from '#domain/search.ts';
import { publicItem } from '../search/hits.ts';
import type { SearchIndex } from '../search/port.ts';
import { type CaseMember, caseKeyOf } from './members.ts';
import type { CaseMention, CaseTreatment, CaseView } from './schema.ts';
import { caseSummary, umbrellaSummary } from './summary.ts';
import { spreadOf, umbrellaSigns } from './umbrella.ts';

/** The most items naming the case number in their text that the page lists. */
const MENTIONS = 50;

/**
 * A case: the items of a municipality with a case number, oldest first, each with its decision
 * and the earlier bodies' decisions it records, the latest decision first in a summary, and the
 * items of other cases whose text names the number. An umbrella number lists its items with their
 * title and metadata only: they are not one case. Null when no item has the number.
 */
export async function caseView(
  index: SearchIndex,
  municipality: string,
  caseNumber: string,
): Promise<CaseView | null> {
  const key = caseKeyOf(municipality, caseNumber);
  if (key === null) return null;
  const members = await index.caseMembers([key]);
  const first = members[0];
  if (first === undefined) return null;
  const shown = { municipality: first.municipality ?? municipality, caseNumber: key.caseNumber };
  const spread = spreadOf(members);
  const signs = umbrellaSigns(spread);
  if (signs.length > 0) {
    return {
      ...shown,
      umbrella: { signs, spread },
      summary: umbrellaSummary(key.caseNumber, spread),
      treatments: members.map(listed),
      mentions: [],
    };
  }
  const items = await Promise.all(members.map((m) => index.get(m.id)));
  const treatments = items.filter((item) => item !== null).map(treatment);
  return {
    ...shown,
    umbrella: null,
    summary: caseSummary(treatments),
    treatments,
    // The municipality as asked (validated at the edge): it has the same key as the one shown.
    mentions: await mentionsOf(index, municipality, key.caseNumber, new Set(members.map((m) => m.id))),
  };
}

/** A treatment with its decisions; a closed item's title and metadata only, whatever was stored. */
function treatment(item: IndexedItem): CaseTreatment {
  const open = item.item.access === 'open';
  return {
    id: item.id,
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
      caseNumber: member.caseNumber,
    },
    decision: null,
    priorDecisions: [],
  };
}

/**
 * Items of the municipality whose text names the number (a phrase search, as a reader would
 * search it), without the case's own items: every engine finds them alike.
 */
async function mentionsOf(
  index: SearchIndex,
  municipality: string,
  caseNumber: string,
  own: ReadonlySet<string>,
): Promise<CaseMention[]> {
  const query = SearchQuery.parse({ q: `"${caseNumber}"`, municipality, size: MENTIONS, sort: 'date' });
  const result = await index.search(query);
  return result.results
    .filter((hit) => hit.match === 'full' && !own.has(hit.id))
    .map((hit) => ({
      id: hit.id,
      meeting: {
        id: hit.meeting.id,
        body: hit.meeting.body,
        municipality: hit.meeting.municipality,
        date: hit.meeting.date,
      },
      item: hit.item,
    }));
}
