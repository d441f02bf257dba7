// The case view (`?case=<municipality>/<case number>`): every treatment of a case number in a
// municipality, oldest first, each with the earlier bodies' decisions it records and its own
// decision and vote, under a line that says the latest decision first. An item whose text names
// the number is a treatment too, marked "Nævner sagen". An umbrella number (one number for many
// topics) says so and lists its own items by title only; a closed item shows its title.
import { api } from './api.js';
import { itemAnchor, itemNumber } from './card.js';
import { count, dateElement, focusHeading, h, metaLine, notice, outcomeBadge } from './dom.js';
import { votesLine } from './extracted.js';
import { EMPTY_SEARCH, itemUrl, meetingUrl, searchUrl } from './nav.js';

const view = /** @type {HTMLElement} */ (document.getElementById('case-view'));

let shown = '';

/**
 * The case of a `?case=` value: the municipality before the first "/", the case number after it
 * (a case number may hold "/" itself: 24/16905).
 * @param {string} ref
 */
export function caseRefOf(ref) {
  const at = ref.indexOf('/');
  return at > 0 ? { municipality: ref.slice(0, at), caseNumber: ref.slice(at + 1) } : null;
}

/** @param {string} ref the `?case=` value */
export async function showCase(ref) {
  if (shown === ref && view.childElementCount > 0) {
    focusHeading(view.querySelector('h1'));
    return;
  }
  shown = ref;
  const wanted = caseRefOf(ref);
  view.replaceChildren(h('h1', {}, 'Sag'), h('p', { class: 'loading', role: 'status' }, 'Henter sagen …'));
  try {
    if (!wanted?.caseNumber)
      throw new Error('Linket nævner ingen sag. Det skal have formen ?case=Kommune/sagsnummer.');
    const found = await api(
      `cases/${encodeURIComponent(wanted.municipality)}/${encodeURIComponent(wanted.caseNumber)}`,
    );
    if (shown !== ref) return;
    view.replaceChildren(
      ...caseParts(found)
        .flat()
        .filter((node) => node !== null),
    );
    document.title = `Sag ${found.caseNumber}, ${found.municipality} – Referatsøgning`;
  } catch (error) {
    if (shown !== ref) return;
    view.replaceChildren(
      h('h1', {}, 'Sagen kunne ikke vises'),
      notice('error', error instanceof Error ? error.message : String(error)),
      h('p', {}, h('a', { href: searchUrl(EMPTY_SEARCH), 'data-nav': true }, 'Til søgningen')),
    );
    document.title = 'Sagen kunne ikke vises – Referatsøgning';
    shown = '';
  }
  focusHeading(view.querySelector('h1'));
}

/** @param {any} c the API's CaseView */
function caseParts(c) {
  const umbrella = c.umbrella !== null;
  return [
    h(
      'p',
      { class: 'breadcrumb' },
      h('a', { href: searchUrl(EMPTY_SEARCH), 'data-nav': true }, '← Til søgningen'),
    ),
    h('h1', {}, `Sag ${c.caseNumber}`),
    metaLine(c.municipality, count(c.treatments.length, 'punkt', 'punkter')),
    umbrella
      ? notice('info', c.summary.line)
      : h('p', { class: 'case-summary' }, outcomeBadge(c.summary.latest?.outcome), ' ', c.summary.line),
    h('h2', {}, umbrella ? 'Punkter med sagsnummeret' : 'Behandlinger'),
    c.treatments.some((/** @type {any} */ t) => t.via === 'reference')
      ? h(
          'p',
          { class: 'muted' },
          'Punkter mærket “Nævner sagen” har ikke sagens nummer selv, men nævner det i teksten.',
        )
      : null,
    h('ol', { class: 'agenda case-treatments' }, c.treatments.map(treatment)),
    c.mentions.length > 0
      ? [
          h('h2', {}, 'Nummeret findes også i'),
          h(
            'ul',
            { class: 'case-mentions' },
            c.mentions.map((/** @type {any} */ m) =>
              h(
                'li',
                {},
                h('a', { href: itemUrl(m.id), 'data-nav': true }, m.item.title),
                metaLine(m.meeting.body ?? 'Ukendt udvalg', dateElement(m.meeting.date)),
              ),
            ),
          ),
        ]
      : null,
  ];
}

/**
 * One treatment: where and when, the earlier bodies' decisions it records, then its own.
 * @param {any} t the API's CaseTreatment
 */
function treatment(t) {
  const closed = t.item.access === 'closed';
  const named = t.via === 'reference';
  return h(
    'li',
    { class: named ? 'agenda-item case-treatment case-reference' : 'agenda-item case-treatment' },
    h('h3', {}, h('a', { href: itemUrl(t.id), 'data-nav': true }, t.item.title)),
    metaLine(
      t.meeting.body ?? 'Ukendt udvalg',
      dateElement(t.meeting.date),
      itemNumber(t.item),
      named ? h('span', { class: 'badge badge-reference' }, 'Nævner sagen') : null,
      closed ? h('span', { class: 'badge badge-closed' }, 'Lukket punkt') : outcomeBadge(t.decision?.outcome),
      h('a', { href: meetingUrl(t.meeting.id, itemAnchor(t.item)), 'data-nav': true }, 'Se mødet'),
    ),
    t.priorDecisions.length > 0
      ? h(
          'section',
          { class: 'prior-decisions' },
          h('h4', {}, 'Tidligere beslutninger i punktet'),
          h('ol', {}, t.priorDecisions.map(priorDecision)),
        )
      : null,
    t.decision
      ? h(
          'section',
          { class: 'decision' },
          h('h4', {}, 'Beslutning'),
          h('p', { class: 'prose' }, t.decision.text),
          votesLine(t.decision.votes),
        )
      : null,
  );
}

/**
 * An earlier body's decision with its body and date: "Økonomiudvalget, 4. marts 2024: …".
 * @param {any} d the API's PriorDecision
 */
const priorDecision = (d) =>
  h(
    'li',
    {},
    h(
      'p',
      { class: 'meta' },
      h('strong', {}, d.body ?? 'Ukendt udvalg'),
      ', ',
      dateElement(d.date),
      ' ',
      outcomeBadge(d.outcome),
    ),
    h('p', { class: 'prose' }, d.text),
    votesLine(d.votes),
  );
