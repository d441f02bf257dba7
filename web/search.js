// The search view: one box with debounced live results, facets, sort, pages, decision cards.
import { ApiError, api } from './api.js';
import { decisionCard } from './card.js';
import { count, danishNumber, h, notice, OUTCOME_LABELS } from './dom.js';
import { EMPTY_SEARCH, feedUrl, meetingsUrl, navigate, SEARCH_KEYS, searchUrl } from './nav.js';
import { partySelect, VOTE_CHOICES } from './vote-filter.js';

/** @typedef {import('./nav.js').SearchState} SearchState */

const PAGE_SIZE = 10;
/** The hits the API pages to (RESULT_WINDOW in shared/domain/search.ts): the pager stops there. */
const RESULT_WINDOW = 10_000;

/**
 * The pages of `hits` that can be shown, RESULT_WINDOW's at most.
 * @param {number} hits
 * @param {number} size
 */
const pageCount = (hits, size) => Math.min(Math.ceil(hits / size), Math.floor(RESULT_WINDOW / size));
const DEBOUNCE_MS = 250;
/** What "Nulstil filtre" and "Fjern alle filtre" change: every filter, not the words or the sort. */
const NO_FILTERS = { body: '', from: '', to: '', outcome: '', municipality: '', votes: '', party: '' };
/** The focus target of a render that should move focus to the status line. */
const STATUS = 'status';

const $ = (/** @type {string} */ id) => /** @type {HTMLElement} */ (document.getElementById(id));
const form = /** @type {HTMLFormElement} */ ($('search-form'));
const input = /** @type {HTMLInputElement} */ ($('q'));
const sort = /** @type {HTMLSelectElement} */ ($('sort'));
const status = $('search-status');
const results = $('results');
const facets = $('facets');
const pager = $('pager');
const feedLink = /** @type {HTMLAnchorElement} */ ($('feed-link'));
const filtersToggle = $('filters-toggle');
const filtersChosen = $('filters-chosen');
const filters = $('filters');

// On a phone the results come first: the filters wait behind the "Filtre" button (a disclosure);
// on a wide screen they are the sidebar and the button is not shown (app.css).
filtersToggle.addEventListener('click', () => {
  const open = filtersToggle.getAttribute('aria-expanded') !== 'true';
  filtersToggle.setAttribute('aria-expanded', String(open));
  filters.classList.toggle('open', open);
});

/** @type {SearchState} */
let state = EMPTY_SEARCH;
/** @type {AbortController | null} */
let inFlight = null;
let debounce = 0;
/**
 * The URL the user's typing last wrote: while it is the one shown, refinements of the words replace
 * it, so one typed search is one history entry. Any other step (a filter, a page, Back) ends it.
 * @type {string | null}
 */
let typedUrl = null;
/**
 * The facet control (by its `data-focus` key) to focus once the search `go` started is shown.
 * @type {string | null}
 */
let refocus = null;

/**
 * A step of the search: a new history entry. A filter's control is replaced when the results are
 * shown, so the focus moves to its new twin (`focus`, its data-focus key) or to the status line.
 * @param {Partial<SearchState>} change
 * @param {string | null} [focus]
 */
function go(change, focus = null) {
  typedUrl = null;
  refocus = focus;
  navigate(searchUrl({ ...state, page: 1, ...change }));
  refocus = null;
}

input.addEventListener('input', () => {
  clearTimeout(debounce);
  debounce = window.setTimeout(() => {
    const shown = location.href;
    navigate(searchUrl({ ...state, q: input.value.trim(), page: 1 }), { replace: shown === typedUrl });
    if (location.href !== shown) typedUrl = location.href;
  }, DEBOUNCE_MS);
});
window.addEventListener('popstate', () => {
  typedUrl = null;
});

form.addEventListener('submit', (event) => {
  event.preventDefault();
  clearTimeout(debounce);
  go({ q: input.value.trim() });
});

sort.addEventListener('change', () => go({ sort: sort.value }));

const effectiveSort = (/** @type {SearchState} */ s) => s.sort || (s.q ? 'relevance' : 'date');

/**
 * Renders the search the URL holds.
 * @param {SearchState} next
 */
export function showSearch(next) {
  const focus = refocus ?? (next.page !== state.page ? STATUS : null);
  state = next;
  if (document.activeElement !== input || input.value.trim() !== next.q) input.value = next.q;
  sort.value = effectiveSort(next);
  void runSearch(next, focus);
}

/**
 * @param {SearchState} s
 * @param {string | null} focus where the focus goes once the results are shown: a facet control's
 *   data-focus key, else the status line; null: it stays
 */
async function runSearch(s, focus) {
  inFlight?.abort();
  const controller = new AbortController();
  inFlight = controller;
  const params = new URLSearchParams({
    sort: effectiveSort(s),
    page: String(s.page),
    size: String(PAGE_SIZE),
  });
  for (const key of SEARCH_KEYS) if (key !== 'sort' && s[key]) params.set(key, s[key]);
  results.setAttribute('aria-busy', 'true');
  status.textContent = 'Søger …';
  try {
    const answer = await api(`search?${params}`, { signal: controller.signal });
    if (controller.signal.aborted) return;
    render(s, answer);
    if (focus !== null) moveFocus(focus);
  } catch (error) {
    if (controller.signal.aborted) return;
    // A search the API refused (400) is the user's to change: trying it again would not help.
    const refused = error instanceof ApiError && error.status === 400;
    status.textContent = refused ? 'Søgningen blev ikke udført.' : 'Søgningen mislykkedes.';
    const retry = h(
      'button',
      { type: 'button', class: 'link-button', onclick: () => void runSearch(s, null) },
      'Prøv igen',
    );
    results.replaceChildren(
      notice(
        'error',
        error instanceof Error ? error.message : String(error),
        ...(refused ? [] : [' ', retry]),
      ),
    );
    pager.replaceChildren();
  } finally {
    if (inFlight === controller) results.removeAttribute('aria-busy');
  }
}

/** @param {string} target a facet control's data-focus key; the status line when there is none */
function moveFocus(target) {
  const control = facets.querySelector(`[data-focus="${CSS.escape(target)}"]`);
  (control instanceof HTMLElement ? control : status).focus();
}

/**
 * The parts of an answer the page reads, read defensively: an API from before partial matches
 * and suggestions sends no `match`, `partialTotal` or `suggestion` (every hit full, none partial,
 * no suggestion).
 * @param {any} answer the API's SearchResult
 */
function tiersOf(answer) {
  /** @type {any[]} */
  const hits = answer.results ?? [];
  return {
    full: hits.filter((hit) => hit.match !== 'partial'),
    partial: hits.filter((hit) => hit.match === 'partial'),
    total: Number(answer.total) || 0,
    partialTotal: Number(answer.partialTotal) || 0,
    suggestion:
      typeof answer.suggestion === 'string' && answer.suggestion.trim() ? answer.suggestion.trim() : null,
  };
}

/**
 * @param {SearchState} s
 * @param {any} answer the API's SearchResult
 */
function render(s, answer) {
  const { full, partial, total, partialTotal, suggestion } = tiersOf(answer);
  // Pages run through the full matches, then the partial ones.
  const shown = total + partialTotal;
  status.textContent = statusText(s, total, partialTotal, answer.size);
  feedLink.href = feedUrl(s);
  renderFacets(s, answer.facets);
  const hint = suggestion && suggestion !== s.q ? didYouMean(s, suggestion) : null;
  if (full.length === 0 && partial.length === 0) {
    results.replaceChildren(...[hint, emptyState(s, shown)].filter((node) => node !== null));
  } else {
    const first = (answer.page - 1) * answer.size;
    results.replaceChildren(
      ...[
        hint,
        full.length ? hitList(full, first + 1) : null,
        partial.length ? partialSection(s, partial, first + full.length + 1, total) : null,
      ].filter((node) => node !== null),
    );
  }
  renderPager(s, shown, answer.size);
}

/**
 * @param {any[]} hits
 * @param {number} start the number of the first
 */
const hitList = (hits, start) =>
  h(
    'ol',
    { class: 'hits', start },
    hits.map((hit) => h('li', {}, decisionCard(hit))),
  );

/**
 * Hits that have only some of the words, or only a part of a compound: under a heading of their
 * own, after every full match, so they are never taken for one.
 * @param {SearchState} s
 * @param {any[]} hits
 * @param {number} start
 * @param {number} total full matches
 */
function partialSection(s, hits, start, total) {
  return h(
    'section',
    { class: 'partial-matches', 'aria-labelledby': 'partial-heading' },
    h('h2', { id: 'partial-heading' }, 'Delvise match'),
    h(
      'p',
      {},
      total === 0 ? `Ingen beslutninger har alle ordene i »${s.q}«. ` : '',
      'Disse har kun nogle af ordene eller en del af et sammensat ord og tæller ikke med i antallet.',
    ),
    hitList(hits, start),
  );
}

/**
 * »Mente du …?«: the query the API suggests, as a link to its search.
 * @param {SearchState} s
 * @param {string} suggestion
 */
function didYouMean(s, suggestion) {
  return h(
    'p',
    { class: 'suggestion' },
    'Mente du ',
    h('a', { href: searchUrl({ ...s, q: suggestion, page: 1 }), 'data-nav': true }, `»${suggestion}«`),
    '?',
  );
}

/**
 * The count line: full matches only; partial ones offered after them are named apart.
 * @param {SearchState} s
 * @param {number} total full matches
 * @param {number} partialTotal
 * @param {number} size
 */
function statusText(s, total, partialTotal, size = PAGE_SIZE) {
  const found = count(total, 'beslutning', 'beslutninger');
  const pages = pageCount(total + partialTotal, size);
  const page = pages > 1 ? `, side ${s.page} af ${pages}` : '';
  const partial = partialTotal > 0 ? ` og ${count(partialTotal, 'delvist match', 'delvise match')}` : '';
  if (!s.q) return `${found}${hasFilters(s) ? ' med de valgte filtre' : ', nyeste først'}${page}`;
  return `${found} for »${s.q}«${partial}${page}`;
}

const hasFilters = (/** @type {SearchState} */ s) => chosenFilters(s) > 0;

/** How many filters are set (the year and a period are one, the date range). */
const chosenFilters = (/** @type {SearchState} */ s) =>
  [s.body, s.from || s.to, s.outcome, s.municipality, s.votes, s.party].filter(Boolean).length;

/**
 * @param {SearchState} s
 * @param {number} total
 */
function emptyState(s, total) {
  if (total > 0) {
    return notice(
      'info',
      'Der er ikke flere resultater. ',
      h('a', { href: searchUrl({ ...s, page: 1 }), 'data-nav': true }, 'Gå til første side'),
    );
  }
  if (!s.q && !hasFilters(s)) {
    return notice(
      'info',
      'Der er endnu ingen referater i søgningen. ',
      h('a', { href: '?upload', 'data-nav': true }, 'Upload et referat'),
      '.',
    );
  }
  return h(
    'div',
    { class: 'notice notice-info' },
    h(
      'p',
      {},
      s.q ? `Ingen beslutninger matcher »${s.q}«` : 'Ingen beslutninger matcher filtrene',
      hasFilters(s) ? ' med de valgte filtre.' : '.',
    ),
    h('p', {}, 'Prøv færre eller andre ord, et bredere tidsrum, eller fjern et filter.'),
    hasFilters(s)
      ? h(
          'button',
          {
            type: 'button',
            class: 'link-button',
            onclick: () => go(NO_FILTERS, STATUS),
          },
          'Fjern alle filtre',
        )
      : null,
  );
}

/**
 * @param {SearchState} s
 * @param {{ body: Record<string, number>, year: Record<string, number>, outcome: Record<string, number>, municipality: Record<string, number> }} counts
 */
function renderFacets(s, counts) {
  const yearOf = (/** @type {string} */ year) => ({ from: `${year}-01-01`, to: `${year}-12-31` });
  const byCount = (/** @type {Record<string, number> | undefined} */ facet) =>
    Object.entries(facet ?? {}).sort(([a, m], [b, n]) => n - m || a.localeCompare(b, 'da'));
  // A body or municipality is counted under one name however it is written, and its filter finds
  // only its own items: while one is chosen, the one value its facet shows is that choice, even
  // when the URL writes it another way (»byrådet« for »Byråd«).
  const named = (/** @type {'body' | 'municipality'} */ key, /** @type {string} */ legend) => {
    const group = facetGroup(
      key,
      legend,
      byCount(counts[key]),
      (name) => name,
      () => s[key] !== '',
      (name, active) => ({ [key]: active ? '' : name }),
    );
    // A chosen body or municipality leads on to its meetings, newest first.
    if (group && s[key]) group.append(meetingsLink(s, key, Object.keys(counts[key] ?? {})[0] ?? s[key]));
    return group;
  };
  const groups = [
    named('body', 'Udvalg'),
    named('municipality', 'Kommune'),
    facetGroup(
      'year',
      'År',
      Object.entries(counts.year ?? {}).sort(([a], [b]) => b.localeCompare(a)),
      (year) => year,
      (year) => s.from === yearOf(year).from && s.to === yearOf(year).to,
      (year, active) => (active ? { from: '', to: '' } : yearOf(year)),
    ),
    periodGroup(s),
    facetGroup(
      'outcome',
      'Udfald',
      byCount(counts.outcome),
      (outcome) => OUTCOME_LABELS[/** @type {keyof typeof OUTCOME_LABELS} */ (outcome)] ?? outcome,
      (outcome) => s.outcome === outcome,
      (outcome, active) => ({ outcome: active ? '' : outcome }),
    ),
    voteGroup(s),
  ];
  const chosen = chosenFilters(s);
  filtersChosen.textContent = chosen > 0 ? ` (${chosen} valgt)` : '';
  facets.replaceChildren(
    ...groups.filter((g) => g !== null),
    hasFilters(s)
      ? h(
          'button',
          {
            type: 'button',
            class: 'secondary',
            onclick: () => go(NO_FILTERS, STATUS),
          },
          'Nulstil filtre',
        )
      : '',
  );
}

/**
 * "Møder i Direktionen": the list of the chosen body's (or municipality's) meetings, with the other
 * of the two when it is chosen too.
 * @param {SearchState} s
 * @param {'body' | 'municipality'} key
 * @param {string} name the chosen value as the facet names it
 */
function meetingsLink(s, key, name) {
  const state = { body: s.body, municipality: s.municipality, [key]: name };
  return h(
    'p',
    { class: 'facet-more' },
    h('a', { href: meetingsUrl(state), 'data-nav': true }, `Møder i ${name} →`),
  );
}

/**
 * »Afstemning«: every decision, split votes or unanimous ones (one is pressed, »Alle« when none is
 * chosen), and a party on some side of the vote. Shown whatever the results: votes have no counts.
 * @param {SearchState} s
 */
function voteGroup(s) {
  const group = /** @type {HTMLElement} */ (
    facetGroup(
      'votes',
      'Afstemning',
      VOTE_CHOICES.map(([value]) => [value, null]),
      (value) => VOTE_CHOICES.find(([choice]) => choice === value)?.[1] ?? value,
      (value) => s.votes === value,
      (value) => ({ votes: value }),
    )
  );
  group.append(partySelect(s.party, (party) => go({ party }, 'party'), 'party'));
  return group;
}

/**
 * A facet: one toggle button per value, with its count (none where it is null), in the order given.
 * @param {string} name the facet's key, for the focus after a toggle
 * @param {string} legend
 * @param {[string, number | null][]} entries
 * @param {(value: string) => string} label
 * @param {(value: string) => boolean} isActive
 * @param {(value: string, active: boolean) => Partial<SearchState>} toggle the change a press makes
 */
function facetGroup(name, legend, entries, label, isActive, toggle) {
  if (entries.length === 0) return null;
  return h(
    'fieldset',
    { class: 'facet' },
    h('legend', {}, legend),
    h(
      'ul',
      {},
      entries.map(([value, n]) => {
        const active = isActive(value);
        const key = `${name}:${value}`;
        return h(
          'li',
          {},
          h(
            'button',
            {
              type: 'button',
              class: 'facet-value',
              'aria-pressed': String(active),
              'data-focus': key,
              onclick: () => go(toggle(value, active), key),
            },
            h('span', {}, label(value)),
            n === null
              ? null
              : h(
                  'span',
                  { class: 'facet-count' },
                  danishNumber(n),
                  h('span', { class: 'visually-hidden' }, ' resultater'),
                ),
          ),
        );
      }),
    ),
  );
}

/** @param {SearchState} s */
function periodGroup(s) {
  const from = h('input', { type: 'date', id: 'from', name: 'from', value: s.from });
  const to = h('input', { type: 'date', id: 'to', name: 'to', value: s.to });
  return h(
    'form',
    {
      class: 'facet period',
      onsubmit: (/** @type {SubmitEvent} */ event) => {
        event.preventDefault();
        const a = /** @type {HTMLInputElement} */ (from).value;
        const b = /** @type {HTMLInputElement} */ (to).value;
        go(a && b && a > b ? { from: b, to: a } : { from: a, to: b }, 'period');
      },
    },
    h(
      'fieldset',
      {},
      h('legend', {}, 'Periode'),
      h('label', { for: 'from' }, 'Fra'),
      from,
      h('label', { for: 'to' }, 'Til'),
      to,
      h('button', { type: 'submit', class: 'secondary', 'data-focus': 'period' }, 'Vis periode'),
    ),
  );
}

/**
 * @param {SearchState} s
 * @param {number} total
 * @param {number} size
 */
function renderPager(s, total, size) {
  const pages = pageCount(total, size);
  if (pages <= 1) {
    pager.replaceChildren();
    return;
  }
  const link = (/** @type {number} */ page, /** @type {string} */ text, /** @type {string} */ rel) =>
    h('a', { href: searchUrl({ ...s, page }), 'data-nav': true, rel }, text);
  pager.replaceChildren(
    s.page > 1 ? link(s.page - 1, '← Forrige', 'prev') : '',
    h('span', { class: 'pager-position' }, `Side ${s.page} af ${pages}`),
    s.page < pages ? link(s.page + 1, 'Næste →', 'next') : '',
  );
}
