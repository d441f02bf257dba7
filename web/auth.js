// Sign-in for uploads. GET auth-config says what writing needs; with a sign-in, the page runs the
// OAuth 2.0 authorization code flow with PKCE at the issuer's hosted sign-in (Cognito in AWS) and
// keeps the access token in sessionStorage: this tab only, gone when it closes. Locally writing
// needs nothing and none of this runs.
import { api } from './api.js';

/** @typedef {{ clientId: string, authorizeUrl: string, tokenUrl: string, logoutUrl: string | null, scopes: string[] }} SignIn */
/** @typedef {{ mode: 'none' } | { mode: 'iam' } | { mode: 'jwt', signIn: SignIn | null }} AuthConfig */
/** @typedef {{ accessToken: string, expiresAt: number, email: string | null }} Session */

const SESSION = 'minutes-search.session';
const PENDING = 'minutes-search.sign-in';
/** A token this close to expiry is not sent: the upload's polling would outlive it. */
const MARGIN_MS = 60_000;

/** @type {Promise<AuthConfig> | undefined} */
let config;

/** What writing needs, asked once (again after a failure). */
export function authConfig() {
  config ??= /** @type {Promise<AuthConfig>} */ (api('auth-config')).catch((error) => {
    config = undefined;
    throw error;
  });
  return config;
}

/**
 * What the page offers for uploading here: `open` (nothing needed, or signed in), `sign-in` (a
 * sign-in the page can run first), `off` (writing needs what the page cannot do: AWS IAM, or a
 * token without sign-in settings). When auth-config cannot be asked, `open`: the upload view then
 * says what went wrong.
 * @returns {Promise<'open' | 'sign-in' | 'off'>}
 */
export async function uploadAccess() {
  const current = await authConfig().catch(() => null);
  if (!current || current.mode === 'none') return 'open';
  if (current.mode === 'iam' || !current.signIn) return 'off';
  return session() ? 'open' : 'sign-in';
}

/** The page's own URL: where the issuer returns to (the app client's callback URL). */
const pageUrl = () => `${location.origin}${location.pathname}`;

/** @returns {Session | null} the stored session while its token is valid */
export function session() {
  const stored = /** @type {Session | null} */ (readJson(SESSION));
  if (!stored || typeof stored.accessToken !== 'string') return null;
  return stored.expiresAt - MARGIN_MS > Date.now() ? stored : null;
}

/** The Authorization header for the guarded routes, when signed in. */
export function authHeaders() {
  const current = session();
  return current ? { authorization: `Bearer ${current.accessToken}` } : {};
}

/** Forgets the token (it expired or the API refused it). */
export function forgetSession() {
  sessionStorage.removeItem(SESSION);
}

/**
 * Goes to the issuer's sign-in; it returns to this page with `?code=…&state=…`.
 * @param {SignIn} settings
 */
export async function signIn(settings) {
  const verifier = randomString(32);
  const state = randomString(16);
  sessionStorage.setItem(PENDING, JSON.stringify({ state, verifier, returnTo: location.search }));
  const url = new URL(settings.authorizeUrl);
  url.search = new URLSearchParams({
    response_type: 'code',
    client_id: settings.clientId,
    redirect_uri: pageUrl(),
    scope: settings.scopes.join(' '),
    state,
    code_challenge: base64url(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier))),
    code_challenge_method: 'S256',
  }).toString();
  location.assign(url);
}

/**
 * Forgets the token, and ends the issuer's session too when it has a logout endpoint (else the
 * next sign-in would pass without a password). True when the page is leaving for it.
 * @param {SignIn} settings
 */
export function signOut(settings) {
  forgetSession();
  if (!settings.logoutUrl) return false;
  const url = new URL(settings.logoutUrl);
  url.search = new URLSearchParams({ client_id: settings.clientId, logout_uri: pageUrl() }).toString();
  location.assign(url);
  return true;
}

/**
 * When the issuer returned to this page, puts back the view the sign-in left from (at once, so
 * the code never stays in the URL or the history) and trades the code for tokens. Resolves to
 * nothing when this is no return from a sign-in; rejects with a message when the sign-in failed.
 * @returns {Promise<void>}
 */
export function completeSignIn() {
  const params = new URLSearchParams(location.search);
  const state = params.get('state');
  const code = params.get('code');
  const error = params.get('error');
  if (!state || !(code || error)) return Promise.resolve();
  const pending = readJson(PENDING);
  sessionStorage.removeItem(PENDING);
  history.replaceState(null, '', pending?.returnTo || '?upload');
  if (!pending || pending.state !== state) {
    return Promise.reject(new Error('Login kunne ikke bekræftes. Prøv igen.'));
  }
  if (error || !code) return Promise.reject(new Error('Login blev afbrudt eller afvist.'));
  return redeem(code, pending.verifier);
}

/**
 * @param {string} code
 * @param {string} verifier
 */
async function redeem(code, verifier) {
  const current = await authConfig();
  if (current.mode !== 'jwt' || !current.signIn) throw new Error('Tjenesten tilbyder ikke login.');
  let response;
  try {
    response = await fetch(current.signIn.tokenUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'authorization_code',
        client_id: current.signIn.clientId,
        code,
        redirect_uri: pageUrl(),
        code_verifier: verifier,
      }),
    });
  } catch {
    throw new Error('Login-tjenesten kunne ikke nås. Prøv igen.');
  }
  if (!response.ok) throw new Error('Login-tjenesten afviste login. Prøv igen.');
  const tokens = await response.json();
  /** @type {Session} */
  const stored = {
    accessToken: String(tokens.access_token),
    expiresAt: Date.now() + Number(tokens.expires_in ?? 3600) * 1000,
    email: emailOf(tokens.id_token),
  };
  sessionStorage.setItem(SESSION, JSON.stringify(stored));
}

/**
 * The address in an ID token, for showing who is signed in (the API checks the tokens; the page
 * only reads what it was given).
 * @param {unknown} idToken
 */
function emailOf(idToken) {
  if (typeof idToken !== 'string') return null;
  try {
    const payload = idToken.split('.')[1]?.replace(/-/g, '+').replace(/_/g, '/') ?? '';
    const claims = JSON.parse(
      new TextDecoder().decode(Uint8Array.from(atob(payload), (c) => c.charCodeAt(0))),
    );
    return typeof claims.email === 'string' ? claims.email : null;
  } catch {
    return null;
  }
}

/** @param {string} key */
function readJson(key) {
  try {
    return JSON.parse(sessionStorage.getItem(key) ?? 'null');
  } catch {
    return null;
  }
}

/** @param {number} bytes */
function randomString(bytes) {
  return base64url(crypto.getRandomValues(new Uint8Array(bytes)).buffer);
}

/** @param {ArrayBuffer} buffer */
function base64url(buffer) {
  return btoa(String.fromCharCode(...new Uint8Array(buffer)))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
}
