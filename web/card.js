// A search hit as a decision card, compact so a screen holds many: the title (a link to the
// item's page), the meta line, the decision, one matching passage and its page in the PDF. The
// summary and recommendation wait behind a disclosure; opening it fetches the item
// (GET items/{id}) for the recommendation, the vote, who was absent and the attachments.
import { getItem } from './api.js';
import { caseLine } from './case-link.js';
import {
  dateElement,
  h,
  highlighted,
  metaLine,
  notice,
  outcomeBadge,
  pageRef,
  quotedPart,
  summarySection,
} from './dom.js';
import { absentLine, attachmentList, itemField, votesLine } from './extracted.js';
import { fromPdf, itemPdfUrl, itemUrl, meetingUrl } from './nav.js';

/** Characters of the decision a card shows; the whole of it is on opening the card. */
const DECISION_CHARS = 280;

let cards = 0;

/**
 * @param {any} hit one of the API's search results
 * @returns {HTMLElement}
 */
export function decisionCard(hit) {
  const n = ++cards;
  const titleId = `hit-${n}-title`;
  const closed = hit.item.access === 'closed';

  const header = h(
    'header',
    { class: 'card-header' },
    h('h3', { id: titleId }, h('a', { href: itemUrl(hit.id), 'data-nav': true }, hit.item.title)),
    metaLine(
      hit.meeting.body ?? 'Ukendt udvalg',
      dateElement(hit.meeting.date),
      itemNumber(hit.item),
      closed
        ? h('span', { class: 'badge badge-closed' }, 'Lukket punkt')
        : outcomeBadge(hit.decision?.outcome),
    ),
  );
  if (closed) return h('article', { class: 'card', 'aria-labelledby': titleId }, header);

  const detailId = `hit-${n}-detail`;
  const detail = h('div', { id: detailId, class: 'card-detail', hidden: true }, summarySection(hit.summary));
  const more = h('div', { class: 'card-more' });
  detail.append(more);
  const toggle = h(
    'button',
    { type: 'button', class: 'secondary small', 'aria-expanded': 'false', 'aria-controls': detailId },
    'Vis resumé og indstilling',
  );
  let loaded = false;
  toggle.addEventListener('click', async () => {
    const open = toggle.getAttribute('aria-expanded') !== 'true';
    toggle.setAttribute('aria-expanded', String(open));
    toggle.textContent = open ? 'Skjul resumé og indstilling' : 'Vis resumé og indstilling';
    detail.hidden = !open;
    if (open && !loaded) {
      loaded = true;
      more.replaceChildren(h('p', { class: 'loading' }, 'Henter punktet …'));
      try {
        more.replaceChildren(...itemDetail(await getItem(hit.id)).filter((node) => node !== null));
      } catch (error) {
        loaded = false;
        more.replaceChildren(notice('error', error instanceof Error ? error.message : String(error)));
      }
    }
  });

  return h(
    'article',
    { class: 'card', 'aria-labelledby': titleId },
    header,
    decisionLine(hit),
    votesLine(hit.decision?.votes),
    passage(hit),
    caseLine(hit.case),
    h(
      'div',
      { class: 'card-actions' },
      toggle,
      h('a', { href: meetingUrl(hit.meeting.id, itemAnchor(hit.item)), 'data-nav': true }, 'Se hele mødet'),
    ),
    detail,
  );
}

/**
 * "Punkt 3" for the meta line: an agenda number written so it is not read as a rank.
 * @param {{ number: number | null }} item
 */
export const itemNumber = (item) => (item.number === null ? null : `Punkt ${item.number}`);

/**
 * The id of an item's entry on its meeting's page (`punkt-3`); null for an item without a number.
 * @param {{ number: number | null }} item
 */
export const itemAnchor = (item) => (item.number === null ? null : `punkt-${item.number}`);

/**
 * The decision, cut at a word after DECISION_CHARS characters, citing the page it is on.
 * @param {any} hit
 */
function decisionLine(hit) {
  const pageNumber = hit.decision?.page ?? hit.source?.page;
  const page = pageNumber ? pageRef(pageNumber, fromPdf(hit.source?.key) ? itemPdfUrl(hit.id) : null) : null;
  if (!hit.decision) return h('p', { class: 'decision-text muted' }, 'Ingen beslutning i referatet.', page);
  const text = String(hit.decision.text);
  const space = text.lastIndexOf(' ', DECISION_CHARS);
  const cut = text.length > DECISION_CHARS ? `${text.slice(0, space > 0 ? space : DECISION_CHARS)} …` : text;
  return h('p', { class: 'decision-text' }, h('span', { class: 'label' }, 'Beslutning: '), cut, page);
}

/**
 * One matching passage: the first highlight that is more than the title (which is shown already).
 * @param {any} hit
 */
function passage(hit) {
  /** @type {string[]} */
  const highlights = hit.highlights ?? [];
  const plain = (/** @type {string} */ html) => html.replace(/<\/?mark>/g, '').trim();
  const first = highlights.find((html) => plain(html) !== hit.item.title.trim()) ?? highlights[0];
  return first ? h('p', { class: 'passage' }, highlighted(first)) : null;
}

/**
 * The opened card: the recommendation beside the whole decision and its vote, who was absent and
 * the attachments.
 * @param {any} view the API's ItemView
 */
function itemDetail(view) {
  const { recommendation, decision } = view.card;
  return [
    h(
      'div',
      { class: 'side-by-side' },
      quotedPart('recommendation', recommendation),
      quotedPart('decision', decision, {
        extra: [votesLine(decision?.votes)],
        pageHref: pdfHref(view.item),
      }),
    ),
    absentLine(itemField(view, 'absent'), 'Fraværende under punktet'),
    attachmentList(itemField(view, 'attachments')),
  ];
}

/**
 * "Åbn PDF, side N": the presigned link; a fresh one is fetched when it has expired.
 * @typedef {{ url: string, page: number | null, expiresAt: string }} PdfLink
 * @param {PdfLink} pdf
 * @param {() => Promise<PdfLink>} refresh
 * @param {string} [text]
 */
export function pdfLink(pdf, refresh, text) {
  let current = pdf;
  const link = /** @type {HTMLAnchorElement} */ (
    h(
      'a',
      { href: pdf.url, target: '_blank', rel: 'noopener noreferrer', class: 'pdf-link' },
      text ?? (pdf.page ? `Åbn PDF, side ${pdf.page}` : 'Åbn PDF'),
      h('span', { class: 'visually-hidden' }, ' (åbner i et nyt vindue)'),
    )
  );
  /** @type {HTMLElement | null} */
  let failure = null;
  link.addEventListener('click', async (event) => {
    if (Date.parse(current.expiresAt) - Date.now() > 10_000) return;
    event.preventDefault();
    failure?.remove();
    failure = null;
    try {
      current = await refresh();
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      failure = h('span', { class: 'link-error', role: 'alert' }, `PDF’en kunne ikke åbnes: ${reason}`);
      link.after(failure);
      return;
    }
    link.href = current.url;
    window.open(current.url, '_blank', 'noopener');
  });
  return link;
}

/**
 * The lasting link to an item's PDF, or null when it was not read from a PDF.
 * @param {{ id: string, key: string, format?: string | null }} detail the API's ItemDetail
 */
export const pdfHref = (detail) => (fromPdf(detail.key, detail.format) ? itemPdfUrl(detail.id) : null);
