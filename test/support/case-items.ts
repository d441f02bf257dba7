import type { PriorDecision } from '#domain/meeting.ts';
import type { IndexedItem } from '#domain/search.ts';
import { indexedItem } from './indexed-items.ts';

/**
 * Generated items of one municipality whose case numbers form cases and umbrellas, as a
 * municipality's minutes have them: a case goes from Økonomiudvalget to Byrådet (the council's
 * item records the committee's decision as a prior decision), a closed case keeps its title, and
 * three umbrella numbers spread as Greve's do (a standing item at every meeting, a budget number
 * over many titles, many items at one meeting). Another municipality has the case's number too.
 * Items name cases in their text (shared/cases/references.ts): one of another case and one without
 * a number of its own name CASE, one names the standing item (an umbrella: no case), one a number
 * no item has, a closed item's text (as if it had been stored) names CASE and must not count, and
 * an item of the other municipality names a number only Vesterlund has.
 */
export const CASE_MUNICIPALITY = 'Vesterlund Kommune';
export const CASE = '24/16905';
export const CLOSED_CASE = '24-001122';
export const STANDING_ITEM = '23/00001';
export const BUDGET = 'EMN-2024-123';
export const ONE_MEETING = '24/55555';
/** The case of an item that names CASE. */
export const OTHER_CASE = '24/20000';
/** A number an item names that no item has. */
export const UNKNOWN_CASE = '24/99999';
/** A council meeting whose items name cases in their text; the first has no number of its own. */
export const REFERRING_MEETING = 'byr-2024-06-10';

export const COMMITTEE_DECISION: PriorDecision = {
  body: 'Økonomiudvalget',
  date: '2024-03-04',
  text: 'Økonomiudvalget anbefaler, at skolen udvides.',
  outcome: 'recommended',
  votes: null,
  page: 3,
};

export function caseDocuments(): Record<string, IndexedItem[]> {
  const docs: Record<string, IndexedItem[]> = {};
  const add = (documentId: string, items: IndexedItem[]) => {
    docs[documentId] = items;
  };
  add('oeu-2024-03-04', [
    indexedItem({
      documentId: 'oeu-2024-03-04',
      position: 0,
      title: 'Udvidelse af Vesterlund Skole',
      text: 'Skolen er for lille.',
      decision: COMMITTEE_DECISION.text,
      outcome: 'recommended',
      date: '2024-03-04',
      body: 'Økonomiudvalget',
      caseNumber: CASE,
    }),
    indexedItem({
      documentId: 'oeu-2024-03-04',
      position: 1,
      title: 'Salg af grund',
      access: 'closed',
      date: '2024-03-04',
      body: 'Økonomiudvalget',
      caseNumber: CLOSED_CASE,
    }),
  ]);
  add('byr-2024-03-18', [
    {
      ...indexedItem({
        documentId: 'byr-2024-03-18',
        position: 0,
        title: 'Udvidelse af Vesterlund Skole',
        text: 'Skolen er for lille.',
        decision: 'Byrådet godkendte indstillingen.',
        outcome: 'approved',
        date: '2024-03-18',
        body: 'Byrådet',
        caseNumber: CASE,
      }),
      priorDecisions: [COMMITTEE_DECISION],
    },
    indexedItem({
      documentId: 'byr-2024-03-18',
      position: 1,
      title: 'Salg af grund',
      access: 'closed',
      date: '2024-03-18',
      body: 'Byrådet',
      caseNumber: CLOSED_CASE,
    }),
    indexedItem({
      documentId: 'byr-2024-03-18',
      position: 2,
      title: 'Skolebus til Vesterlund Skole',
      // Its own number in its text too: no reference to itself.
      text: `Bussen kører (sagsnr. ${OTHER_CASE}), når skolen er udvidet, jf. sag ${CASE}.`,
      decision: 'Godkendt.',
      date: '2024-03-18',
      body: 'Byrådet',
      caseNumber: OTHER_CASE,
    }),
  ]);
  add(REFERRING_MEETING, [
    indexedItem({
      documentId: REFERRING_MEETING,
      position: 0,
      title: 'Orientering om skoleudvidelsen',
      text: `Byrådet godkendte udvidelsen (Sagsnr.: ${CASE}) den 18. marts 2024. Byggeriet begynder 12/2024, dok.nr. ${ONE_MEETING}.`,
      decision: 'Taget til efterretning.',
      outcome: 'noted',
      date: '2024-06-10',
      body: 'Byrådet',
    }),
    indexedItem({
      documentId: REFERRING_MEETING,
      position: 1,
      title: 'Mødets form',
      text: `Som ved alle møder, jf. ${STANDING_ITEM}.`,
      decision: 'Godkendt.',
      date: '2024-06-10',
      body: 'Byrådet',
    }),
    {
      // A closed item whose text was stored by mistake: it must never tell what it names.
      ...indexedItem({
        documentId: REFERRING_MEETING,
        position: 2,
        title: 'Lukket: Erstatningssag',
        access: 'closed',
        date: '2024-06-10',
        body: 'Byrådet',
        caseNumber: '24/30000',
      }),
      sections: [
        { heading: 'Sagsfremstilling', kind: 'presentation', text: `Jf. sag ${CASE}.`, page: 1, pages: [1] },
      ],
    },
    indexedItem({
      documentId: REFERRING_MEETING,
      position: 3,
      title: 'Ny skolegård',
      text: `Se sagsnr. ${UNKNOWN_CASE}.`,
      decision: 'Godkendt.',
      date: '2024-06-10',
      body: 'Byrådet',
    }),
  ]);
  // A standing item: one number at six council meetings of 2024.
  for (let month = 1; month <= 6; month++) {
    const documentId = `byr-2024-0${month}-standing`;
    add(documentId, [
      indexedItem({
        documentId,
        position: 0,
        title: 'Godkendelse af dagsorden',
        decision: 'Godkendt.',
        date: `2024-0${month}-02`,
        body: 'Byrådet',
        caseNumber: STANDING_ITEM,
      }),
    ]);
  }
  // A budget number over six topics, one a meeting of six committees.
  ['Anlæg', 'Drift', 'Takster', 'Gebyrer', 'Puljer', 'Effektiviseringer'].forEach((topic, i) => {
    const documentId = `budget-${i}`;
    add(documentId, [
      indexedItem({
        documentId,
        position: 0,
        title: `Budget 2025: ${topic}`,
        decision: 'Anbefales.',
        outcome: 'recommended',
        date: `2024-08-1${i}`,
        body: `Udvalg ${i}`,
        caseNumber: BUDGET,
      }),
    ]);
  });
  // Three items of one number at one meeting (two titles only).
  add('oeu-2024-09-02', [
    ...['Regnskab', 'Regnskab, bilag', 'Regnskab'].map((title, position) =>
      indexedItem({
        documentId: 'oeu-2024-09-02',
        position,
        title,
        decision: 'Taget til efterretning.',
        outcome: 'noted',
        date: '2024-09-02',
        body: 'Økonomiudvalget',
        caseNumber: ONE_MEETING,
      }),
    ),
  ]);
  // The same number in another municipality: another case.
  add('other-2024-05-01', [
    indexedItem({
      documentId: 'other-2024-05-01',
      position: 0,
      title: 'Vejplan',
      decision: 'Godkendt.',
      date: '2024-05-01',
      body: 'Byrådet',
      municipality: 'Norddjurs Kommune',
      caseNumber: CASE,
    }),
    indexedItem({
      documentId: 'other-2024-05-01',
      position: 1,
      title: 'Regnskab',
      text: `Som i sag ${ONE_MEETING}.`,
      decision: 'Godkendt.',
      date: '2024-05-01',
      body: 'Byrådet',
      municipality: 'Norddjurs Kommune',
    }),
  ]);
  return docs;
}
