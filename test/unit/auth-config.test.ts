import { describe, expect, it } from 'vitest';
import { createApp } from '#api/app.ts';
import type { ApiDeps } from '#api/deps.ts';
import { authConfigFromEnv, type WriteAuth } from '#config/auth.ts';
import type { BlobStore } from '#storage/blob-store.ts';

const COGNITO = 'https://referater.auth.eu-north-1.amazoncognito.com';
const SIGN_IN_ENV = {
  AUTH_MODE: 'jwt',
  AUTH_CLIENT_ID: 'web-client',
  AUTH_AUTHORIZE_URL: `${COGNITO}/oauth2/authorize`,
  AUTH_TOKEN_URL: `${COGNITO}/oauth2/token`,
  AUTH_LOGOUT_URL: `${COGNITO}/logout`,
};

describe('the auth configuration', () => {
  it('needs nothing for writing when nothing is set, as locally', () => {
    expect(authConfigFromEnv({})).toEqual({ ok: true, auth: { mode: 'none' } });
    expect(authConfigFromEnv({ AUTH_MODE: 'iam' })).toEqual({ ok: true, auth: { mode: 'iam' } });
  });

  it('reads the page’s sign-in with jwt, and has none without its endpoints', () => {
    expect(authConfigFromEnv(SIGN_IN_ENV)).toEqual({
      ok: true,
      auth: {
        mode: 'jwt',
        signIn: {
          clientId: 'web-client',
          authorizeUrl: `${COGNITO}/oauth2/authorize`,
          tokenUrl: `${COGNITO}/oauth2/token`,
          logoutUrl: `${COGNITO}/logout`,
          scopes: ['openid', 'email'],
        },
      },
    });
    expect(authConfigFromEnv({ AUTH_MODE: 'jwt' })).toEqual({
      ok: true,
      auth: { mode: 'jwt', signIn: null },
    });
  });

  it('refuses an unknown mode, half a sign-in and endpoints that are no http(s) URLs', () => {
    expect(authConfigFromEnv({ AUTH_MODE: 'cognito' })).toMatchObject({ ok: false });
    expect(authConfigFromEnv({ AUTH_MODE: 'jwt', AUTH_CLIENT_ID: 'web-client' })).toMatchObject({
      ok: false,
      error: expect.stringContaining('go together'),
    });
    expect(authConfigFromEnv({ ...SIGN_IN_ENV, AUTH_AUTHORIZE_URL: 'javascript:alert(1)' })).toMatchObject({
      ok: false,
      error: expect.stringContaining('AUTH_AUTHORIZE_URL'),
    });
  });
});

/** The app with only what GET /auth-config and the page need. */
function appWith(auth?: WriteAuth) {
  const blobs = {
    presignGet: async (key: string) => `http://127.0.0.1:4569/minutes/${key}?X-Amz-Signature=abc`,
  } as Partial<BlobStore> as BlobStore;
  return createApp({ blobs, auth } as Partial<ApiDeps> as ApiDeps);
}

describe('GET /auth-config', () => {
  it('tells the page that writing needs nothing, by default', async () => {
    const response = await appWith().request('/auth-config');
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(await response.json()).toEqual({ mode: 'none' });
  });

  it('tells the page how to sign in, and the page may then fetch the token endpoint and nothing else new', async () => {
    const loaded = authConfigFromEnv(SIGN_IN_ENV);
    if (!loaded.ok) throw new Error(loaded.error);
    const app = appWith(loaded.auth);
    expect(await (await app.request('/auth-config')).json()).toEqual(loaded.auth);

    const csp = (await app.request('/')).headers.get('content-security-policy') ?? '';
    expect(csp).toContain(`connect-src 'self' http://127.0.0.1:4569 ${COGNITO};`);
    expect(csp).toContain("form-action 'self';");
    const local = (await appWith().request('/')).headers.get('content-security-policy') ?? '';
    expect(local).toContain("connect-src 'self' http://127.0.0.1:4569;");
  });

  it('is in the OpenAPI document', async () => {
    const document = (await (await appWith().request('/openapi.json')).json()) as { paths: object };
    expect(Object.keys(document.paths)).toContain('/auth-config');
  });
});
