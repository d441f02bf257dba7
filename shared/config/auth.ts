import { z } from 'zod';
import { describeIssues } from './service.ts';

/**
 * What writing (uploads, the registry) needs, as the deployment enforces it: API Gateway checks
 * the caller, the app only tells the search page how to sign in. Only the API reads these
 * variables; the CDK app writes them, and locally they are absent: writing needs nothing.
 */
const Env = z
  .object({
    /** none: anyone may write; iam: SigV4-signed AWS principals; jwt: a bearer token from an OAuth issuer. */
    AUTH_MODE: z.enum(['none', 'iam', 'jwt']).default('none'),
    /** The page's OAuth client (authorization code + PKCE, no secret); without it the page cannot sign in. */
    AUTH_CLIENT_ID: z.string().min(1).optional(),
    AUTH_AUTHORIZE_URL: z.url({ protocol: /^https?$/ }).optional(),
    AUTH_TOKEN_URL: z.url({ protocol: /^https?$/ }).optional(),
    /** Cognito's logout endpoint (the page adds client_id and logout_uri); sign-out is local without it. */
    AUTH_LOGOUT_URL: z.url({ protocol: /^https?$/ }).optional(),
    AUTH_SCOPES: z.string().min(1).default('openid email'),
  })
  .refine(
    (env) => {
      const given = [env.AUTH_CLIENT_ID, env.AUTH_AUTHORIZE_URL, env.AUTH_TOKEN_URL].filter(Boolean).length;
      return given === 0 || given === 3;
    },
    {
      message: 'AUTH_CLIENT_ID, AUTH_AUTHORIZE_URL and AUTH_TOKEN_URL go together',
      path: ['AUTH_CLIENT_ID'],
    },
  );

/** The variables as a deployment writes them (the CDK app names them by this type). */
export type AuthEnv = z.input<typeof Env>;

/** How the search page signs in: the OAuth 2.0 authorization code flow with PKCE. */
export interface SignIn {
  readonly clientId: string;
  readonly authorizeUrl: string;
  readonly tokenUrl: string;
  readonly logoutUrl: string | null;
  readonly scopes: readonly string[];
}

export type WriteAuth =
  | { readonly mode: 'none' }
  | { readonly mode: 'iam' }
  | { readonly mode: 'jwt'; readonly signIn: SignIn | null };

export const NO_AUTH: WriteAuth = { mode: 'none' };

export type AuthConfigResult = { ok: true; auth: WriteAuth } | { ok: false; error: string };

export function authConfigFromEnv(env: Readonly<Record<string, string | undefined>>): AuthConfigResult {
  const parsed = Env.safeParse(env);
  if (!parsed.success) return { ok: false, error: describeIssues(parsed.error) };
  const e = parsed.data;
  if (e.AUTH_MODE !== 'jwt') return { ok: true, auth: { mode: e.AUTH_MODE } };
  const signIn =
    e.AUTH_CLIENT_ID && e.AUTH_AUTHORIZE_URL && e.AUTH_TOKEN_URL
      ? {
          clientId: e.AUTH_CLIENT_ID,
          authorizeUrl: e.AUTH_AUTHORIZE_URL,
          tokenUrl: e.AUTH_TOKEN_URL,
          logoutUrl: e.AUTH_LOGOUT_URL ?? null,
          scopes: e.AUTH_SCOPES.split(/\s+/).filter(Boolean),
        }
      : null;
  return { ok: true, auth: { mode: 'jwt', signIn } };
}
