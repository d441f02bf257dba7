import { OpenAPIHono } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { secureHeaders } from 'hono/secure-headers';
import type { ApiDeps } from './deps.ts';
import { type ProblemStatus, problem, validationIssues } from './problem.ts';
import { registerDocuments } from './routes/documents.ts';
import { registerHealth } from './routes/health.ts';
import { registerItems } from './routes/items.ts';
import { registerMeetings } from './routes/meetings.ts';
import { registerSearch } from './routes/search.ts';
import { registerUploads } from './routes/uploads.ts';
import { ASSETS_PREFIX, PAGE_PATH, registerWeb } from './web.ts';

export const OPENAPI_PATH = '/openapi.json';
const API_VERSION = '1.0.0';

/**
 * The HTTP API: one app for API Gateway (through hono/aws-lambda) and the local server (through
 * @hono/node-server). Every answer carries security headers; every error is an RFC 9457 problem,
 * and a 5xx only ever means a failure of the service, never of the caller's input.
 */
export function createApp(deps: ApiDeps): OpenAPIHono {
  const log = deps.log ?? console;
  const app = new OpenAPIHono({
    defaultHook: (result, c) => {
      if (!result.success) {
        return problem(
          c,
          400,
          'The request has invalid parameters',
          validationIssues(result.target, result.error),
        );
      }
    },
  });

  // JSON and assets: nothing may load from them. The page sets its own policy (shared/api/web.ts).
  const apiHeaders = secureHeaders({
    contentSecurityPolicy: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] },
  });
  const pageHeaders = secureHeaders();
  app.use('*', (c, next) => (c.req.path === PAGE_PATH ? pageHeaders : apiHeaders)(c, next));
  app.use('*', cacheControl);

  registerSearch(app, deps);
  registerItems(app, deps);
  registerMeetings(app, deps);
  registerDocuments(app, deps);
  registerUploads(app, deps);
  registerHealth(app, deps, log);
  registerWeb(app, deps, log);

  app.doc31(OPENAPI_PATH, {
    openapi: '3.1.0',
    info: {
      title: 'minutes-search',
      version: API_VERSION,
      description: 'Search the decisions in Danish municipal minutes (referater), citing the PDF page.',
    },
    servers: [{ url: '/' }],
  });

  app.notFound((c) => problem(c, 404, `There is no ${c.req.method} ${c.req.path}`));
  app.onError((error, c) => {
    // Hono's own refusals of a request (malformed JSON, a body too large) are the caller's.
    if (error instanceof HTTPException && isClientProblem(error.status)) {
      return problem(c, error.status, error.message);
    }
    log.error('Unhandled API error', { method: c.req.method, path: c.req.path, error });
    return problem(c, 500, 'The request failed on our side; it has been logged');
  });
  return app;
}

/**
 * Data changes with every ingest: never cached. The OpenAPI document and the page's files change
 * with deploys only; the page itself is revalidated, so a deploy reaches it at once.
 */
const cacheControl: MiddlewareHandler = async (c, next) => {
  await next();
  const path = c.req.path;
  const cached = path === OPENAPI_PATH || path.startsWith(ASSETS_PREFIX);
  c.header('Cache-Control', cached ? 'public, max-age=300' : path === PAGE_PATH ? 'no-cache' : 'no-store');
};

function isClientProblem(status: number): status is Exclude<ProblemStatus, 500 | 503> {
  return status === 400 || status === 404 || status === 413 || status === 415 || status === 429;
}
