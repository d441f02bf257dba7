// The item's own page (`?item=<id>`): a permanent link to one decision, titled for a bookmark or an
// article (item title · body · date), with the recommendation, the decision and its vote, the
// summary, who was absent, the attachments and the item's text. A closed item shows its title and
// metadata only: the API sends nothing more of it.
import { getItem } from './api.js';
import { itemAnchor, itemNumber, pdfHref } from './card.js';
import {
  danishDate,
  dateElement,
  focusHeading,
  h,
  metaLine,
  notice,
  outcomeBadge,
  pageRef,
  quotedPart,
  summarySection,
} from './dom.js';
import { absentLine, attachmentList, itemField, votesLine } from './extracted.js';
import { EMPTY_SEARCH, meetingsUrl, meetingUrl, searchUrl } from './nav.js';

const view = /** @type {HTMLElement} */ (document.getElementById('item-view'));

let shown = '';

/** @param {string} id */
export async function showItem(id) {
  if (shown === id && view.childElementCount > 0) {
    focusHeading(view.querySelector('h1'));
    return;
  }
  shown = id;
  view.replaceChildren(
    h('h1', {}, 'Punkt'),
    h('p', { class: 'loading', role: 'status' }, 'Henter punktet …'),
  );
  try {
    const item = await getItem(id);
    if (shown !== id) return;
    view.replaceChildren(...itemParts(item).filter((node) => node !== null));
    document.title = itemDocumentTitle(item.item);
  } catch (error) {
    if (shown !== id) return;
    view.replaceChildren(
      h('h1', {}, 'Punktet kunne ikke vises'),
      notice('error', error instanceof Error ? error.message : String(error)),
      h('p', {}, h('a', { href: searchUrl(EMPTY_SEARCH), 'data-nav': true }, 'Til søgningen')),
    );
    document.title = 'Punktet kunne ikke vises – Referatsøgning';
    shown = '';
  }
  focusHeading(view.querySelector('h1'));
}

/**
 * The document title: `Sygefravær og trivsel · Ledermøde, Teknik og Miljø · 14. januar 2025`.
 * @param {any} detail the API's ItemDetail
 */
const itemDocumentTitle = (detail) =>
  [detail.item.title, detail.meeting.body ?? 'Ukendt udvalg', danishDate(detail.meeting.date)].join(' · ');

/** @param {any} view the API's ItemView */
function itemParts(view) {
  const { item, meeting } = view.item;
  const closed = item.access === 'closed';
  const { decision, recommendation, summary } = view.card;
  const where = [meeting.body, meeting.municipality].filter(Boolean).join(', ');
  return [
    h(
      'p',
      { class: 'breadcrumb' },
      h('a', { href: searchUrl(EMPTY_SEARCH), 'data-nav': true }, '← Til søgningen'),
      ' · ',
      h('a', { href: meetingUrl(view.item.documentId, itemAnchor(item)), 'data-nav': true }, 'Hele mødet'),
      where
        ? [
            ' · ',
            h(
              'a',
              {
                href: meetingsUrl({ body: meeting.body ?? '', municipality: meeting.municipality ?? '' }),
                'data-nav': true,
              },
              `Alle møder i ${where}`,
            ),
          ]
        : null,
    ),
    h('p', { class: 'item-number' }, itemNumber(item)),
    h('h1', {}, item.title),
    metaLine(
      meeting.body ?? 'Ukendt udvalg',
      meeting.municipality,
      dateElement(meeting.date),
      item.caseNumber ? `Sagsnr. ${item.caseNumber}` : null,
      closed ? h('span', { class: 'badge badge-closed' }, 'Lukket punkt') : outcomeBadge(decision?.outcome),
    ),
    ...(closed
      ? [notice('info', 'Punktet er behandlet for lukkede døre. Kun titlen offentliggøres.')]
      : [
          h(
            'div',
            { class: 'side-by-side' },
            quotedPart('recommendation', recommendation),
            quotedPart('decision', decision, {
              extra: [votesLine(decision?.votes)],
              pageHref: pdfHref(view.item),
            }),
          ),
          decision?.page ? null : pdfLine(view.item, view.pdf?.page),
          priorDecisions(view.priorDecisions),
          absentLine(itemField(view, 'absent'), 'Fraværende under punktet'),
          summarySection(summary),
          attachmentList(itemField(view, 'attachments')),
          sectionsPart(view.item.sections),
        ]),
  ];
}

/**
 * The lasting link to the item's page in the PDF, where the decision does not cite one.
 * @param {any} detail the API's ItemDetail
 * @param {number | null | undefined} page
 */
function pdfLine(detail, page) {
  const href = pdfHref(detail);
  if (!page || !href) return null;
  return h('p', { class: 'card-actions' }, 'Referatet som PDF', pageRef(page, href));
}

/**
 * Decisions of earlier bodies the item records (Økonomiudvalget before Byrådet), in their order,
 * each with its body, date, outcome and vote.
 * @param {any[] | undefined} decisions the API's priorDecisions
 */
function priorDecisions(decisions) {
  if (!Array.isArray(decisions) || decisions.length === 0) return null;
  return h(
    'section',
    { class: 'prior-decisions' },
    h('h2', {}, 'Tidligere beslutninger i punktet'),
    h(
      'ol',
      {},
      decisions.map((decision) =>
        h(
          'li',
          {},
          metaLine(
            decision.body ?? 'Ukendt udvalg',
            dateElement(decision.date),
            outcomeBadge(decision.outcome),
          ),
          h('p', { class: 'prose' }, decision.text),
          votesLine(decision.votes),
        ),
      ),
    ),
  );
}

/**
 * The item's text as the minutes have it, section by section, behind a disclosure: it is long.
 * @param {{ heading: string, text: string, page: number | null }[] | undefined} sections
 */
function sectionsPart(sections) {
  if (!sections || sections.length === 0) return null;
  return h(
    'details',
    { class: 'item-text' },
    h('summary', {}, 'Hele punktets tekst'),
    sections.map((section) =>
      h(
        'section',
        {},
        h(
          'h2',
          {},
          section.heading,
          section.page ? h('span', { class: 'page-ref' }, ` (side ${section.page})`) : null,
        ),
        h('p', { class: 'prose' }, section.text),
      ),
    ),
  );
}
