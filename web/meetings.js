// The list of meetings (`?meetings&body=…&municipality=…&cursor=…`), newest first, a page at a
// time: GET meetings pages with a cursor, so "Ældre møder" is a link holding the next page's
// cursor (a history entry; Back returns to the newer page). The body and municipality are chosen
// among the names the search's facets count, the same names the search filters by.
import { api } from './api.js';
import { count, dateElement, focusHeading, h, metaLine, notice } from './dom.js';
import { meetingsUrl, meetingUrl, navigate } from './nav.js';

/** @typedef {import('./nav.js').MeetingsState} MeetingsState */

const PAGE_SIZE = 20;

const view = /** @type {HTMLElement} */ (document.getElementById('meetings-view'));

/** @type {Promise<{ body: string[], municipality: string[] }> | undefined} */
let names;

/** The bodies and municipalities there are, from the facets of the empty search (asked once). */
function choices() {
  const sorted = (/** @type {Record<string, number> | undefined} */ facet) =>
    Object.keys(facet ?? {}).sort((a, b) => a.localeCompare(b, 'da'));
  names ??= api('search?size=1').then(
    (answer) => ({ body: sorted(answer.facets?.body), municipality: sorted(answer.facets?.municipality) }),
    (error) => {
      names = undefined;
      throw error;
    },
  );
  return names;
}

let request = 0;

/**
 * Renders the list the URL names.
 * @param {MeetingsState} state
 * @param {boolean} focus whether the view's heading takes the focus (the view was changed to)
 */
export async function showMeetings(state, focus) {
  const mine = ++request;
  const where = [state.body, state.municipality].filter(Boolean).join(', ');
  const heading = h('h1', {}, where ? `Møder i ${where}` : 'Møder');
  // The heading stays while the list below it changes, so the focus put on it stays too.
  const content = h('div', {}, h('p', { class: 'loading', role: 'status' }, 'Henter møderne …'));
  view.replaceChildren(heading, content);
  if (focus) focusHeading(heading);
  const params = new URLSearchParams({ limit: String(PAGE_SIZE) });
  for (const key of /** @type {const} */ (['body', 'municipality', 'cursor'])) {
    if (state[key]) params.set(key, state[key]);
  }
  try {
    const [page, options] = await Promise.all([api(`meetings?${params}`), choices().catch(() => null)]);
    if (mine !== request) return;
    content.replaceChildren(
      ...[
        options ? filterForm(state, options) : null,
        page.meetings.length > 0
          ? h('ol', { class: 'meeting-list' }, page.meetings.map(meetingEntry))
          : notice(
              'info',
              state.cursor ? 'Der er ikke flere møder.' : 'Der er ingen møder med de valgte filtre.',
            ),
        pager(state, page.nextCursor),
      ].filter((node) => node !== null),
    );
  } catch (error) {
    if (mine !== request) return;
    content.replaceChildren(notice('error', error instanceof Error ? error.message : String(error)));
  }
}

/** @param {any} entry the API's MeetingListEntry */
function meetingEntry(entry) {
  const { body, municipality, date, kind } = entry.meeting;
  return h(
    'li',
    { class: 'meeting-entry' },
    h(
      'h2',
      {},
      h(
        'a',
        { href: meetingUrl(entry.id), 'data-nav': true },
        `${body ?? 'Ukendt udvalg'}, `,
        dateElement(date),
      ),
    ),
    metaLine(
      municipality,
      kind === 'agenda' ? 'Dagsorden' : 'Referat',
      count(entry.items, 'punkt', 'punkter'),
      entry.pages ? count(entry.pages, 'side', 'sider') : null,
    ),
  );
}

/**
 * Choose a body and a municipality; "Vis møder" shows the first page of their meetings.
 * @param {MeetingsState} state
 * @param {{ body: string[], municipality: string[] }} options
 */
function filterForm(state, options) {
  const select = (
    /** @type {'body' | 'municipality'} */ key,
    /** @type {string} */ label,
    /** @type {string} */ all,
  ) => {
    const id = `meetings-${key}`;
    // A name the URL holds that the facets do not (written another way) stays selectable.
    const values =
      options[key].includes(state[key]) || !state[key] ? options[key] : [state[key], ...options[key]];
    return h(
      'div',
      { class: 'field' },
      h('label', { for: id }, label),
      h(
        'select',
        { id, name: key },
        h('option', { value: '' }, all),
        values.map((value) => h('option', { value, selected: value === state[key] }, value)),
      ),
    );
  };
  return h(
    'form',
    {
      class: 'meetings-filter',
      'aria-label': 'Vælg udvalg og kommune',
      onsubmit: (/** @type {SubmitEvent} */ event) => {
        event.preventDefault();
        const data = new FormData(/** @type {HTMLFormElement} */ (event.currentTarget));
        navigate(
          meetingsUrl({
            body: String(data.get('body') ?? ''),
            municipality: String(data.get('municipality') ?? ''),
          }),
        );
      },
    },
    select('body', 'Udvalg', 'Alle udvalg'),
    select('municipality', 'Kommune', 'Alle kommuner'),
    h('button', { type: 'submit', class: 'secondary' }, 'Vis møder'),
  );
}

/**
 * @param {MeetingsState} state
 * @param {string | null} next the API's nextCursor
 */
function pager(state, next) {
  if (!next && !state.cursor) return null;
  return h(
    'nav',
    { class: 'pager', 'aria-label': 'Sider' },
    state.cursor
      ? h('a', { href: meetingsUrl({ ...state, cursor: '' }), 'data-nav': true }, '← Nyeste møder')
      : '',
    next
      ? h(
          'a',
          { href: meetingsUrl({ ...state, cursor: next }), 'data-nav': true, rel: 'next' },
          'Ældre møder →',
        )
      : '',
  );
}
