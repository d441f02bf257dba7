// The upload view: PDFs go straight to the bucket through presigned URLs; the registry
// (GET documents/{sha256}) tells how each one gets on, until it is indexed or refused. Where the
// service guards writing (auth-config), the view signs in first and sends the token along.
import { ApiError, api } from './api.js';
import { authConfig, authHeaders, forgetSession, session, signIn, signOut } from './auth.js';
import { h, notice, STATUS_LABELS } from './dom.js';
import { EMPTY_SEARCH, meetingUrl, searchUrl } from './nav.js';

const POLL_MS = 1000;
const POLL_FOR_MS = 5 * 60 * 1000;

/** Why a document was refused (the registry's `reason` starts with the kind), in plain Danish. */
export const REASONS = {
  'not-a-pdf': 'Filen er ikke en PDF, selv om navnet siger det.',
  encrypted:
    'PDF-filen er krypteret eller beskyttet med adgangskode. Gem den uden beskyttelse, og prøv igen.',
  corrupt: 'PDF-filen er beskadiget og kan ikke læses.',
  'needs-ocr':
    'PDF-filen er scannet og indeholder kun billeder af tekst. Den skal have tekstgenkendelse (OCR), før der kan søges i den.',
  'too-large': 'Filen er for stor eller har for mange sider til at blive behandlet.',
  'unsupported-format':
    'Filformatet understøttes ikke. Kun PDF-referater og dagsordener fra FirstAgenda (.json) kan behandles.',
};

const account = /** @type {HTMLElement} */ (document.getElementById('account'));
const form = /** @type {HTMLElement} */ (document.getElementById('upload-form'));
const zone = /** @type {HTMLElement} */ (document.getElementById('drop-zone'));
const picker = /** @type {HTMLInputElement} */ (document.getElementById('files'));
const list = /** @type {HTMLElement} */ (document.getElementById('uploads'));
const announcer = /** @type {HTMLElement} */ (document.getElementById('upload-status'));
const uploads = /** @type {HTMLElement} */ (document.getElementById('upload-list'));

picker.addEventListener('change', () => {
  if (picker.files) void uploadAll([...picker.files]);
  picker.value = '';
});
zone.addEventListener('dragover', (event) => {
  event.preventDefault();
  zone.classList.add('dragging');
});
zone.addEventListener('dragleave', () => zone.classList.remove('dragging'));
zone.addEventListener('drop', (event) => {
  event.preventDefault();
  zone.classList.remove('dragging');
  void uploadAll([...(event.dataTransfer?.files ?? [])]);
});

/**
 * Shows what uploading needs here: nothing (locally), a sign-in, or another way in.
 * @param {Promise<void>} [signingIn] a return from the sign-in being completed
 */
export async function showUpload(signingIn) {
  /** @type {string | null} */
  let failed = null;
  try {
    await signingIn;
  } catch (error) {
    failed = messageOf(error);
  }
  /** @type {import('./auth.js').AuthConfig} */
  let current;
  try {
    current = await authConfig();
  } catch (error) {
    showAccount(false, notice('error', messageOf(error)));
    return;
  }
  const problem = failed ? notice('error', failed) : null;
  if (current.mode === 'none') showAccount(true);
  else if (current.mode === 'iam') {
    showAccount(
      false,
      notice('info', 'Upload fra siden er slået fra her: tjenesten kræver AWS-adgang. Brug kommandolinjen.'),
    );
  } else if (!current.signIn) {
    showAccount(false, notice('info', 'Upload kræver et adgangstoken, og siden kan ikke logge ind her.'));
  } else {
    const settings = current.signIn;
    const signedIn = session();
    showAccount(
      signedIn !== null,
      problem,
      signedIn
        ? h(
            'p',
            { class: 'account-row' },
            signedIn.email ? `Logget ind som ${signedIn.email}. ` : 'Du er logget ind. ',
            h(
              'button',
              {
                type: 'button',
                class: 'secondary',
                onclick: () => {
                  // Without a logout endpoint the page stays: show it signed out.
                  if (!signOut(settings)) void showUpload();
                },
              },
              'Log ud',
            ),
          )
        : h(
            'p',
            { class: 'account-row' },
            'Log ind for at uploade referater. ',
            h('button', { type: 'button', onclick: () => void signIn(settings) }, 'Log ind'),
          ),
    );
  }
}

/**
 * @param {boolean} mayUpload whether the file picker is offered
 * @param {...(Node | null)} content what to say about signing in
 */
function showAccount(mayUpload, ...content) {
  account.replaceChildren(...content.filter((node) => node !== null));
  account.hidden = account.childElementCount === 0;
  form.hidden = !mayUpload;
  // Uploads made in this tab stay listed after signing out; an empty list is not offered.
  uploads.hidden = !mayUpload && list.childElementCount === 0;
}

/** Whether this tab may upload now: nothing is needed, or it is signed in. */
async function mayUpload() {
  const current = await authConfig().catch(() => null);
  return current?.mode === 'none' || (current?.mode === 'jwt' && session() !== null);
}

/** @param {unknown} error */
const messageOf = (error) => (error instanceof Error ? error.message : String(error));

/** @param {File[]} files */
async function uploadAll(files) {
  // Files picked before the view knew what uploading needs wait for it, and are dropped if not allowed.
  if (!(await mayUpload())) return;
  for (const file of files) void uploadOne(file);
}

/** @param {File} file */
async function uploadOne(file) {
  const state = h('span', { class: 'upload-state' }, 'Forbereder …');
  const detail = h('div', { class: 'upload-detail' });
  list.prepend(h('li', { class: 'upload' }, h('span', { class: 'upload-name' }, file.name), state, detail));
  const say = (/** @type {string} */ text, /** @type {string} */ kind = 'busy') => {
    state.textContent = text;
    state.className = `upload-state upload-${kind}`;
    announcer.textContent = `${file.name}: ${text}`;
  };
  try {
    const contentType = uploadType(file.name);
    if (!contentType) {
      say('Ikke uploadet: kun PDF-referater og dagsordener fra FirstAgenda (.json) kan uploades.', 'error');
      return;
    }
    say('Beregner filens fingeraftryk …');
    const id = await sha256(file);
    say('Sender …');
    const { upload } = await api('uploads', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...authHeaders() },
      body: JSON.stringify({ filename: file.name, contentType, size: file.size }),
    });
    await put(upload, file);
    say('Modtaget – venter på behandling');
    await follow(id, say, detail);
  } catch (error) {
    say(`Ikke uploadet: ${messageOf(error)}`, 'error');
    if (error instanceof ApiError && (error.status === 401 || error.status === 403)) {
      forgetSession();
      void showUpload();
    }
  }
}

/**
 * The content type an upload is announced with, by its name (the service checks the bytes).
 * @param {string} name
 */
function uploadType(name) {
  if (/\.pdf$/i.test(name)) return 'application/pdf';
  if (/\.json$/i.test(name)) return 'application/json';
  return null;
}

/** @param {File} file */
async function sha256(file) {
  if (!crypto.subtle) throw new Error('browseren kan ikke beregne filens fingeraftryk her (kræver https).');
  const digest = await crypto.subtle.digest('SHA-256', await file.arrayBuffer());
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

/**
 * PUT with the signed headers; the browser sets Content-Length itself (it may not be set by a script).
 * @param {{ url: string, method: string, headers: Record<string, string> }} upload
 * @param {File} file
 */
async function put(upload, file) {
  const headers = Object.fromEntries(
    Object.entries(upload.headers).filter(
      ([name]) => !['content-length', 'host'].includes(name.toLowerCase()),
    ),
  );
  let response;
  try {
    response = await fetch(upload.url, { method: upload.method, headers, body: file });
  } catch {
    throw new Error('forbindelsen til lageret fejlede. Prøv igen.');
  }
  if (!response.ok) throw new Error(`lageret afviste filen (${response.status}). Prøv igen.`);
}

/**
 * Polls the registry until the document is indexed or refused.
 * @param {string} id
 * @param {(text: string, kind?: string) => void} say
 * @param {HTMLElement} detail
 */
async function follow(id, say, detail) {
  const until = Date.now() + POLL_FOR_MS;
  while (Date.now() < until) {
    /** @type {any} */
    let record = null;
    try {
      record = await api(`documents/${id}`, { headers: authHeaders() });
    } catch (error) {
      if (!(error instanceof ApiError && error.status === 404)) throw error;
    }
    if (record?.status === 'indexed') {
      say('Indekseret', 'done');
      detail.replaceChildren(...foundLinks(record));
      return;
    }
    if (record?.status === 'failed' || record?.status === 'needs-ocr') {
      say(
        `${STATUS_LABELS[/** @type {'failed' | 'needs-ocr'} */ (record.status)]}: ${reasonText(record.reason)}`,
        'error',
      );
      return;
    }
    if (record?.status === 'processing') say('Behandles …');
    else if (record?.status === 'received') say('Modtaget – venter på behandling');
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
  say('Behandlingen tager længere tid end ventet. Se efter igen senere.', 'error');
}

/** @param {string | null} reason e.g. `needs-ocr: no text on any page` */
export function reasonText(reason) {
  const kind = (reason ?? '').split(':')[0]?.trim() ?? '';
  return REASONS[/** @type {keyof typeof REASONS} */ (kind)] ?? 'Filen kunne ikke behandles.';
}

/** @param {any} record the registry's DocumentRecord */
function foundLinks(record) {
  const meeting = record.meeting;
  const search =
    meeting?.body && meeting?.date
      ? searchUrl({ ...EMPTY_SEARCH, body: meeting.body, from: meeting.date, to: meeting.date })
      : null;
  const items = record.quality
    ? `${record.quality.items} punkter, ${record.quality.decisions} beslutninger. `
    : '';
  return [
    items,
    h('a', { href: meetingUrl(record.id), 'data-nav': true }, 'Åbn mødet'),
    search ? ' · ' : '',
    search ? h('a', { href: search, 'data-nav': true }, 'Søg i mødets beslutninger') : '',
  ];
}
