// The page's state lives in the URL query: `?q=…&body=…&page=…` (search), `?meeting=<id>`,
// `?upload`. Views change the URL through `navigate`; app.js renders whatever the URL says.

/** @typedef {{ q: string, body: string, from: string, to: string, outcome: string, municipality: string, sort: string, page: number }} SearchState */

export const SEARCH_KEYS = /** @type {const} */ ([
  'q',
  'body',
  'from',
  'to',
  'outcome',
  'municipality',
  'sort',
]);

/** @type {(() => void) | null} */
let render = null;

/** @param {() => void} renderer */
export function onNavigate(renderer) {
  render = renderer;
  window.addEventListener('popstate', renderer);
}

/**
 * Shows `url`. `replace`: the current history entry becomes it (typing refines one search);
 * otherwise a new entry (filters, pages, views), so the back button undoes the step.
 * @param {string} url
 * @param {{ replace?: boolean }} [options]
 */
export function navigate(url, options = {}) {
  const target = new URL(url, location.href);
  if (target.href === location.href) return;
  history[options.replace ? 'replaceState' : 'pushState'](null, '', target);
  render?.();
}

/**
 * @param {URLSearchParams} params
 * @returns {SearchState}
 */
export function searchStateOf(params) {
  const page = Number.parseInt(params.get('page') ?? '1', 10);
  return {
    q: params.get('q') ?? '',
    body: params.get('body') ?? '',
    from: params.get('from') ?? '',
    to: params.get('to') ?? '',
    outcome: params.get('outcome') ?? '',
    municipality: params.get('municipality') ?? '',
    sort: params.get('sort') ?? '',
    page: Number.isFinite(page) && page > 1 ? page : 1,
  };
}

/** The search with nothing typed, filtered or sorted: the first page of the newest decisions. */
export const EMPTY_SEARCH = Object.freeze(searchStateOf(new URLSearchParams()));

/**
 * The page URL of a search: only the parts that are set.
 * @param {SearchState} state
 */
export function searchUrl(state) {
  const params = new URLSearchParams();
  for (const key of SEARCH_KEYS) if (state[key]) params.set(key, state[key]);
  if (state.page > 1) params.set('page', String(state.page));
  const query = params.toString();
  return query ? `?${query}` : location.pathname;
}

/**
 * The page URL of a meeting.
 * @param {string} id
 */
export const meetingUrl = (id) => `?meeting=${encodeURIComponent(id)}`;
