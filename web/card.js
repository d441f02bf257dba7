// A search hit as a decision card. Opening it fetches the item (GET items/{id}) for the
// recommendation the decision answered and a presigned link to the PDF page.
import { getItem } from './api.js';
import {
  dateElement,
  decisionSection,
  h,
  highlighted,
  metaLine,
  notice,
  outcomeBadge,
  quotedPart,
  summarySection,
} from './dom.js';
import { meetingUrl } from './nav.js';

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
    h('h3', { id: titleId }, itemTitle(hit.item)),
    metaLine(
      hit.meeting.body ?? 'Ukendt udvalg',
      dateElement(hit.meeting.date),
      hit.meeting.municipality,
      hit.item.caseNumber ? `Sagsnr. ${hit.item.caseNumber}` : null,
    ),
    closed ? h('span', { class: 'badge badge-closed' }, 'Lukket punkt') : outcomeBadge(hit.decision?.outcome),
  );
  if (closed) return h('article', { class: 'card', 'aria-labelledby': titleId }, header);

  const detailId = `hit-${n}-detail`;
  const detail = h('div', { id: detailId, class: 'card-detail', hidden: true });
  const toggle = h(
    'button',
    { type: 'button', class: 'secondary', 'aria-expanded': 'false', 'aria-controls': detailId },
    'Vis indstilling og PDF',
  );
  let loaded = false;
  toggle.addEventListener('click', async () => {
    const open = toggle.getAttribute('aria-expanded') !== 'true';
    toggle.setAttribute('aria-expanded', String(open));
    toggle.textContent = open ? 'Skjul indstilling og PDF' : 'Vis indstilling og PDF';
    detail.hidden = !open;
    if (open && !loaded) {
      loaded = true;
      detail.replaceChildren(h('p', { class: 'loading' }, 'Henter punktet …'));
      try {
        detail.replaceChildren(...itemDetail(await getItem(hit.id), hit.id));
      } catch (error) {
        loaded = false;
        detail.replaceChildren(notice('error', error instanceof Error ? error.message : String(error)));
      }
    }
  });

  return h(
    'article',
    { class: 'card', 'aria-labelledby': titleId },
    header,
    decisionSection(hit.decision),
    hit.highlights.length > 0
      ? h(
          'section',
          {},
          h('h4', {}, 'Fundet i teksten'),
          h(
            'ul',
            { class: 'highlights' },
            hit.highlights.map((/** @type {string} */ html) => h('li', {}, highlighted(html))),
          ),
        )
      : null,
    summarySection(hit.summary),
    h(
      'div',
      { class: 'card-actions' },
      toggle,
      h('a', { href: meetingUrl(hit.meeting.id), 'data-nav': true }, 'Se hele mødet'),
    ),
    detail,
  );
}

/** @param {{ number: number | null, title: string }} item */
export const itemTitle = (item) => (item.number === null ? item.title : `${item.number}. ${item.title}`);

/**
 * The opened card: recommendation and decision side by side, and the PDF at the decision's page.
 * @param {any} view the API's ItemView
 * @param {string} id
 */
function itemDetail(view, id) {
  const { recommendation, decision } = view.card;
  return [
    h(
      'div',
      { class: 'side-by-side' },
      quotedPart('recommendation', recommendation),
      quotedPart(
        'decision',
        decision,
        decision?.votes ? h('p', { class: 'prose votes' }, decision.votes) : null,
      ),
    ),
    h(
      'p',
      { class: 'card-actions' },
      pdfLink(view.pdf, async () => (await getItem(id)).pdf),
    ),
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
