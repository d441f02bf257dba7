// The search page: shows the view the URL names, and keeps links inside the page.
import { completeSignIn, uploadAccess } from './auth.js';
import { showCase } from './case.js';
import { focusHeading } from './dom.js';
import { showItem } from './item.js';
import { showMeeting } from './meeting.js';
import { showMeetings } from './meetings.js';
import { meetingsStateOf, navigate, onNavigate, searchStateOf } from './nav.js';
import { showSearch } from './search.js';
import { showUpload } from './upload.js';

const views = {
  search: /** @type {HTMLElement} */ (document.getElementById('search-view')),
  meeting: /** @type {HTMLElement} */ (document.getElementById('meeting-view')),
  item: /** @type {HTMLElement} */ (document.getElementById('item-view')),
  case: /** @type {HTMLElement} */ (document.getElementById('case-view')),
  meetings: /** @type {HTMLElement} */ (document.getElementById('meetings-view')),
  upload: /** @type {HTMLElement} */ (document.getElementById('upload-view')),
};

/** @type {keyof typeof views | null} */
let shown = null;

/** @param {keyof typeof views} name */
function show(name) {
  const changed = shown !== null && shown !== name;
  for (const [key, element] of Object.entries(views)) element.hidden = key !== name;
  for (const link of document.querySelectorAll('[data-view]')) {
    if (link.getAttribute('data-view') === name) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
  shown = name;
  return changed;
}

function route() {
  const params = new URLSearchParams(location.search);
  const meeting = params.get('meeting');
  const item = params.get('item');
  const caseRef = params.get('case');
  if (caseRef) {
    show('case');
    document.title = 'Sag – Referatsøgning';
    void showCase(caseRef);
  } else if (meeting) {
    show('meeting');
    document.title = 'Møde – Referatsøgning';
    void showMeeting(meeting);
  } else if (item) {
    show('item');
    document.title = 'Punkt – Referatsøgning';
    void showItem(item);
  } else if (params.has('meetings')) {
    const changed = show('meetings');
    const state = meetingsStateOf(params);
    const where = [state.body, state.municipality].filter(Boolean).join(', ');
    document.title = `${where ? `Møder i ${where}` : 'Møder'} – Referatsøgning`;
    void showMeetings(state, changed);
  } else if (params.has('upload')) {
    const changed = show('upload');
    document.title = 'Upload referater – Referatsøgning';
    void showUpload(signingIn);
    signingIn = Promise.resolve(); // a failed sign-in is told once
    if (changed) focusHeading(views.upload.querySelector('h1'));
  } else {
    const changed = show('search');
    const state = searchStateOf(params);
    document.title = state.q ? `${state.q} – Referatsøgning` : 'Referatsøgning';
    showSearch(state);
    if (changed) focusHeading(views.search.querySelector('h1'));
  }
  void showUploadLink();
}

/**
 * The header's upload link: "Upload referater" where this tab may upload (locally, or signed in),
 * "Log ind" where writing needs a sign-in the page can do, nothing where it cannot (AWS IAM).
 * Told again when the sign-in state may have changed (a return from the sign-in, the upload view).
 */
async function showUploadLink() {
  const link = document.getElementById('upload-link');
  const entry = link?.closest('li');
  if (!link || !entry) return;
  await signingIn.catch(() => {});
  const access = await uploadAccess();
  entry.hidden = access === 'off';
  link.textContent = access === 'sign-in' ? 'Log ind' : 'Upload referater';
}

// Links marked data-nav change the view without reloading; modified clicks open a new tab as usual.
document.addEventListener('click', (event) => {
  const link = event.target instanceof Element ? event.target.closest('a[data-nav]') : null;
  if (!(link instanceof HTMLAnchorElement)) return;
  if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  event.preventDefault();
  navigate(link.href);
});

// A return from the sign-in puts the view it left from back in the URL before the first render;
// the upload view tells how it went.
let signingIn = completeSignIn();
signingIn.catch(() => {});
onNavigate(route);
route();
