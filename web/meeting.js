// The meeting view: when and where, who was absent, the agenda in order with each decision and
// its vote (every item at an anchor, `#punkt-3`); closed items by title only. What the parser made
// of the document waits behind "Om behandlingen", below the agenda: it is for checking, not reading.
import { getMeeting } from './api.js';
import { itemAnchor, itemNumber, pdfLink } from './card.js';
import {
  count,
  danishDate,
  decisionSection,
  focusHeading,
  h,
  metaLine,
  notice,
  outcomeBadge,
  STATUS_LABELS,
  summarySection,
} from './dom.js';
import { absentLine, attachmentList, itemField, meetingField, timeAndPlace, votesLine } from './extracted.js';
import { EMPTY_SEARCH, itemUrl, meetingsUrl, searchUrl } from './nav.js';

const view = /** @type {HTMLElement} */ (document.getElementById('meeting-view'));

let shown = '';

/** @param {string} id */
export async function showMeeting(id) {
  if (shown === id && view.childElementCount > 0) {
    focusTarget();
    return;
  }
  shown = id;
  view.replaceChildren(h('h1', {}, 'Møde'), h('p', { class: 'loading', role: 'status' }, 'Henter mødet …'));
  try {
    const meeting = await getMeeting(id);
    if (shown !== id) return;
    view.replaceChildren(...meetingParts(meeting).filter((node) => node !== null));
    document.title = `${meetingTitle(meeting)} – Referatsøgning`;
  } catch (error) {
    if (shown !== id) return;
    view.replaceChildren(
      h('h1', {}, 'Mødet kunne ikke vises'),
      notice('error', error instanceof Error ? error.message : String(error)),
      h('p', {}, h('a', { href: './', 'data-nav': true }, 'Tilbage til søgningen')),
    );
    shown = '';
  }
  focusTarget();
}

/** The item the URL's fragment names (`#punkt-3`), else the view's heading, gets the focus. */
function focusTarget() {
  const anchor = location.hash.slice(1);
  const item = anchor ? document.getElementById(decodeURIComponent(anchor)) : null;
  if (item && view.contains(item)) {
    focusHeading(item.querySelector('h3'));
    item.scrollIntoView({ block: 'start' });
  } else {
    focusHeading(view.querySelector('h1'));
  }
}

/** @param {any} m the API's MeetingView */
const meetingTitle = (m) => [m.meeting.body ?? 'Ukendt udvalg', danishDate(m.meeting.date)].join(', ');

/** @param {any} m the API's MeetingView */
function meetingParts(m) {
  const kind = m.meeting.kind === 'agenda' ? 'Dagsorden' : 'Referat';
  const { body, municipality } = m.meeting;
  return [
    h(
      'p',
      { class: 'breadcrumb' },
      h('a', { href: searchUrl(EMPTY_SEARCH), 'data-nav': true }, '← Til søgningen'),
      body || municipality
        ? [
            ' · ',
            h(
              'a',
              { href: meetingsUrl({ body: body ?? '', municipality: municipality ?? '' }), 'data-nav': true },
              `Alle møder i ${[body, municipality].filter(Boolean).join(', ')}`,
            ),
          ]
        : null,
    ),
    h('h1', {}, meetingTitle(m)),
    metaLine(kind, municipality, m.pages ? count(m.pages, 'side', 'sider') : null),
    timeAndPlace(m),
    absentLine(meetingField(m, 'absent'), 'Fraværende'),
    m.quality?.needsReview ? reviewNotice(m.quality) : null,
    h(
      'p',
      { class: 'card-actions' },
      pdfLink(m.pdf, async () => (await getMeeting(m.id)).pdf, 'Åbn hele referatet (PDF)'),
    ),
    h('h2', {}, 'Dagsorden'),
    m.items.length > 0
      ? h('ol', { class: 'agenda' }, agendaItems(m.items))
      : notice('info', 'Der blev ikke fundet nogen punkter i dokumentet.'),
    processing(m),
  ];
}

/**
 * The agenda's entries, each at its anchor; a number written twice anchors its first item only.
 * @param {any[]} items the API's MeetingItems
 */
function agendaItems(items) {
  const taken = new Set();
  return items.map((entry) => {
    const anchor = itemAnchor(entry.item);
    const free = anchor !== null && !taken.has(anchor);
    if (free) taken.add(anchor);
    return agendaItem(entry, free ? anchor : null);
  });
}

/** What lowered the parser's confidence, in the reader's words, by the API's concern codes. */
const CONCERNS = {
  'no-items': 'Der blev ikke fundet nogen punkter.',
  'numbers-out-of-sequence': 'Punkternes numre følger ikke hinanden',
  'items-without-text': 'Åbne punkter uden tekst',
  'decisions-without-text': 'Beslutningsoverskrifter uden tekst',
  'items-without-decision': 'Åbne punkter uden beslutning',
  'closed-in-doubt': 'Punkter lukket, fordi der ikke stod noget under titlen',
  'no-body': 'Udvalget blev ikke fundet.',
  'no-date': 'Mødedatoen blev ikke fundet.',
};

/** @param {{ code: string, message: string, items: string[] }} concern */
function concernText(concern) {
  const text = CONCERNS[/** @type {keyof typeof CONCERNS} */ (concern.code)] ?? concern.message;
  return concern.items.length ? `${text}: ${concern.items.join(', ')}.` : text;
}

/**
 * A warning that the reading may be wrong, with the reasons, so nobody trusts it blindly.
 * @param {any} q the document's parse quality
 */
function reviewNotice(q) {
  return notice(
    'warning',
    'Bør gennemses: dokumentet er måske ikke læst rigtigt. Kontrollér med referatet.',
    h(
      'ul',
      {},
      q.reasons.map((/** @type {any} */ concern) => h('li', {}, concernText(concern))),
    ),
  );
}

/** @param {any} m */
function processing(m) {
  const q = m.quality;
  const rows = [['Status', STATUS_LABELS[/** @type {keyof typeof STATUS_LABELS} */ (m.status)] ?? m.status]];
  if (q) {
    rows.push(
      ['Punkter', String(q.items)],
      ['Lukkede punkter', String(q.closedItems)],
      ['Beslutninger', String(q.decisions)],
      [
        'Punkter uden beslutning',
        q.itemsWithoutDecision.length ? q.itemsWithoutDecision.join(', ') : 'ingen',
      ],
      ['Punkter uden tekst', q.itemsWithoutSections.length ? q.itemsWithoutSections.join(', ') : 'ingen'],
      ['Mødets hoved', q.headerIncomplete ? 'ufuldstændigt: udvalg eller dato mangler' : 'fuldstændigt'],
    );
    if (q.confidence !== null) {
      const percent = `${Math.round(q.confidence * 100)} %`;
      rows.push(['Sikkerhed i læsningen', q.needsReview ? `${percent}, bør gennemses` : percent]);
    }
  }
  return h(
    'details',
    { class: 'quality' },
    h('summary', {}, 'Om behandlingen'),
    h(
      'dl',
      {},
      rows.flatMap(([term, value]) => [h('dt', {}, term), h('dd', {}, value)]),
    ),
  );
}

/**
 * @param {any} entry the API's MeetingItem
 * @param {string | null} anchor
 */
function agendaItem(entry, anchor) {
  const heading = [
    h('p', { class: 'item-number' }, itemNumber(entry.item) ?? 'Punkt uden nummer'),
    h('h3', {}, h('a', { href: itemUrl(entry.id), 'data-nav': true }, entry.item.title)),
  ];
  if (entry.item.access === 'closed') {
    return h(
      'li',
      { class: 'agenda-item closed', id: anchor },
      h('div', {}, heading),
      h('span', { class: 'badge badge-closed' }, 'Lukket punkt'),
    );
  }
  return h(
    'li',
    { class: 'agenda-item', id: anchor },
    heading,
    metaLine(
      entry.item.caseNumber ? `Sagsnr. ${entry.item.caseNumber}` : null,
      pagesText(entry.pages),
      outcomeBadge(entry.decision?.outcome),
    ),
    decisionSection(entry.decision),
    votesLine(entry.decision?.votes),
    absentLine(itemField(entry, 'absent'), 'Fraværende under punktet'),
    summarySection(entry.summary),
    attachmentList(itemField(entry, 'attachments')),
  );
}

/** @param {{ first: number, last: number } | null} pages */
function pagesText(pages) {
  if (!pages) return null;
  return pages.first === pages.last ? `side ${pages.first}` : `side ${pages.first}–${pages.last}`;
}
