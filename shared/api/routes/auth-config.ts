import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { NO_AUTH } from '#config/auth.ts';
import type { ApiDeps } from '../deps.ts';

const SignIn = z
  .object({
    clientId: z.string(),
    authorizeUrl: z.url(),
    tokenUrl: z.url(),
    logoutUrl: z.url().nullable(),
    scopes: z.array(z.string()).readonly(),
  })
  .openapi('SignIn');

const AuthConfig = z
  .discriminatedUnion('mode', [
    z.object({ mode: z.literal('none') }),
    z.object({ mode: z.literal('iam') }),
    z.object({ mode: z.literal('jwt'), signIn: SignIn.nullable() }),
  ])
  .openapi('AuthConfig');

const authConfig = createRoute({
  method: 'get',
  path: '/auth-config',
  tags: ['auth'],
  summary: 'What uploads and the registry need: nothing, AWS SigV4, or a bearer token and how to get one',
  description:
    'Public. `jwt` with `signIn`: the OAuth 2.0 authorization code flow with PKCE, for the search page.',
  responses: {
    200: { description: 'The sign-in settings', content: { 'application/json': { schema: AuthConfig } } },
  },
});

export function registerAuthConfig(app: OpenAPIHono, deps: Pick<ApiDeps, 'auth'>): void {
  app.openapi(authConfig, (c) => c.json(deps.auth ?? NO_AUTH, 200));
}
