// The meeting view: the agenda in order with each decision; closed items by title only; the
// document's processing status and what the parser made of it.
import { getMeeting } from './api.js';
import { itemTitle, pdfLink } from './card.js';
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

const view = /** @type {HTMLElement} */ (document.getElementById('meeting-view'));

let shown = '';

/** @param {string} id */
export async function showMeeting(id) {
  if (shown === id && view.childElementCount > 0) return;
  shown = id;
  view.replaceChildren(h('h1', {}, 'Møde'), h('p', { class: 'loading', role: 'status' }, 'Henter mødet …'));
  try {
    const meeting = await getMeeting(id);
    if (shown !== id) return;
    view.replaceChildren(...meetingParts(meeting));
  } catch (error) {
    if (shown !== id) return;
    view.replaceChildren(
      h('h1', {}, 'Mødet kunne ikke vises'),
      notice('error', error instanceof Error ? error.message : String(error)),
      h('p', {}, h('a', { href: './', 'data-nav': true }, 'Tilbage til søgningen')),
    );
    shown = '';
  }
  focusHeading(view.querySelector('h1'));
}

/** @param {any} m the API's MeetingView */
function meetingParts(m) {
  const title = [m.meeting.body ?? 'Ukendt udvalg', danishDate(m.meeting.date)].join(', ');
  const kind = m.meeting.kind === 'agenda' ? 'Dagsorden' : 'Referat';
  return [
    h('p', { class: 'breadcrumb' }, h('a', { href: './', 'data-nav': true }, '← Til søgningen')),
    h('h1', {}, title),
    metaLine(kind, m.meeting.municipality, m.pages ? count(m.pages, 'side', 'sider') : null),
    m.quality?.needsReview ? reviewNotice(m.quality) : null,
    h(
      'p',
      { class: 'card-actions' },
      pdfLink(m.pdf, async () => (await getMeeting(m.id)).pdf, 'Åbn hele referatet (PDF)'),
    ),
    processing(m),
    h('h2', {}, 'Dagsorden'),
    m.items.length > 0
      ? h('ol', { class: 'agenda' }, m.items.map(agendaItem))
      : notice('info', 'Der blev ikke fundet nogen punkter i dokumentet.'),
  ];
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
    'section',
    { class: 'quality', 'aria-labelledby': 'quality-heading' },
    h('h2', { id: 'quality-heading' }, 'Behandling og kvalitet'),
    h(
      'dl',
      {},
      rows.map(([term, value]) => [h('dt', {}, term), h('dd', {}, value)]),
    ),
  );
}

/** @param {any} entry the API's MeetingItem */
function agendaItem(entry) {
  if (entry.item.access === 'closed') {
    return h(
      'li',
      { class: 'agenda-item closed' },
      h('h3', {}, itemTitle(entry.item)),
      h('span', { class: 'badge badge-closed' }, 'Lukket punkt'),
    );
  }
  return h(
    'li',
    { class: 'agenda-item' },
    h('h3', {}, itemTitle(entry.item)),
    metaLine(entry.item.caseNumber ? `Sagsnr. ${entry.item.caseNumber}` : null, pagesText(entry.pages)),
    outcomeBadge(entry.decision?.outcome),
    decisionSection(entry.decision),
    summarySection(entry.summary),
  );
}

/** @param {{ first: number, last: number } | null} pages */
function pagesText(pages) {
  if (!pages) return null;
  return pages.first === pages.last ? `side ${pages.first}` : `side ${pages.first}–${pages.last}`;
}
