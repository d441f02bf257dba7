// The page's state lives in the URL query: `?q=…&body=…&page=…` (search), `?meeting=<id>`,
// `?item=<id>`, `?meetings&body=…&cursor=…`, `?upload`. Views change the URL through `navigate`; app.js renders whatever the URL says.

/**
 * `votes` is `split` or `unanimous`, `party` a party's letter or name on some side of the vote
 * (docs/api.md, GET /search).
 * @typedef {{ q: string, body: string, from: string, to: string, outcome: string, municipality: string, votes: string, party: string, sort: string, page: number }} SearchState
 */

export const SEARCH_KEYS = /** @type {const} */ ([
  'q',
  'body',
  'from',
  'to',
  'outcome',
  'municipality',
  'votes',
  'party',
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
    votes: params.get('votes') ?? '',
    party: params.get('party') ?? '',
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
 * The page URL of a meeting, at one of its items when `anchor` names it (`punkt-3`).
 * @param {string} id
 * @param {string | null} [anchor]
 */
export const meetingUrl = (id, anchor = null) =>
  `?meeting=${encodeURIComponent(id)}${anchor ? `#${anchor}` : ''}`;

/**
 * The permanent page of an item.
 * @param {string} id
 */
export const itemUrl = (id) => `?item=${encodeURIComponent(id)}`;

/**
 * The page of a case: `?case=<municipality>/<case number>` (the case number may hold "/").
 * @param {string} municipality
 * @param {string} caseNumber
 */
export const caseUrl = (municipality, caseNumber) =>
  `?case=${encodeURIComponent(`${municipality}/${caseNumber}`)}`;

/**
 * The API's redirect to the item's PDF at its page: a link that keeps working, where a presigned
 * URL expires after minutes. Relative, as every API path of the page (it may sit behind a prefix).
 * @param {string} id
 */
export const itemPdfUrl = (id) => `items/${encodeURIComponent(id)}/pdf`;

/**
 * Whether an item was read from a PDF, so `itemPdfUrl` leads somewhere: its format, or for items
 * indexed before the format was kept, its object key. A portal's page or agenda JSON has no PDF.
 * @param {string | null | undefined} key
 * @param {string | null | undefined} [format]
 */
export const fromPdf = (key, format) => (format ? format === 'pdf' : /\.pdf$/i.test(key ?? ''));

/** @typedef {{ body: string, municipality: string, cursor: string }} MeetingsState */

/**
 * The list of meetings: `?meetings&body=…&municipality=…&cursor=…` (only the parts that are set).
 * @param {Partial<MeetingsState>} [state]
 */
export function meetingsUrl(state = {}) {
  const params = new URLSearchParams();
  for (const key of /** @type {const} */ (['body', 'municipality', 'cursor'])) {
    const value = state[key];
    if (value) params.set(key, value);
  }
  const query = params.toString();
  return query ? `?meetings&${query}` : '?meetings';
}

/**
 * @param {URLSearchParams} params
 * @returns {MeetingsState}
 */
export const meetingsStateOf = (params) => ({
  body: params.get('body') ?? '',
  municipality: params.get('municipality') ?? '',
  cursor: params.get('cursor') ?? '',
});

/**
 * The Atom feed of a search: its words and filters, neither its sort nor its page.
 * @param {SearchState} state
 */
export function feedUrl(state) {
  const params = new URLSearchParams();
  for (const key of SEARCH_KEYS) if (key !== 'sort' && state[key]) params.set(key, state[key]);
  const query = params.toString();
  return query ? `feed?${query}` : 'feed';
}
