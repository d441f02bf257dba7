import { OpenAPIHono } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import { etag } from 'hono/etag';
import { HTTPException } from 'hono/http-exception';
import { secureHeaders } from 'hono/secure-headers';
import { SearchTooBroadError } from '#search/errors.ts';
import { InvalidCursorError } from '#storage/errors.ts';
import type { ApiDeps } from './deps.ts';
import { isProblemStatus, type ProblemStatus, problem, validationIssues } from './problem.ts';
import { registerAuthConfig } from './routes/auth-config.ts';
import { registerCases } from './routes/cases.ts';
import { registerChanges } from './routes/changes.ts';
import { registerDocuments } from './routes/documents.ts';
import { registerExport } from './routes/export.ts';
import { FEED_PATH, registerFeed } from './routes/feed.ts';
import { registerHealth } from './routes/health.ts';
import { registerItems } from './routes/items.ts';
import { registerMeetings } from './routes/meetings.ts';
import { registerSearch } from './routes/search.ts';
import { registerUploads } from './routes/uploads.ts';
import { ASSETS_PREFIX, PAGE_PATH, registerWeb } from './web.ts';

const OPENAPI_PATH = '/openapi.json';
const API_VERSION = '1.0.0';
/** The code of a search refused as too broad, in its problem's `errors` (the page tells it apart by this). */
export const TOO_BROAD = 'too_broad';

const BAD_CURSOR = 'The cursor is not one this API handed out; start again without it';

/**
 * The HTTP API: one app for API Gateway (through hono/aws-lambda) and the local server (through
 * @hono/node-server). Every answer carries security headers; every error is an RFC 9457 problem,
 * and a 5xx only ever means a failure of the service, never of the caller's input.
 */
export function createApp(given: ApiDeps): OpenAPIHono {
  const deps = { ...given, log: given.log ?? console };
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
  app.use(`${ASSETS_PREFIX}*`, etag());

  registerSearch(app, deps);
  registerExport(app, deps);
  registerChanges(app, deps);
  registerFeed(app, deps);
  registerItems(app, deps);
  registerMeetings(app, deps);
  registerCases(app, deps);
  registerDocuments(app, deps);
  registerUploads(app, deps);
  registerHealth(app, deps);
  registerAuthConfig(app, deps);
  registerWeb(app, deps, deps.log);

  serveOpenApiDocument(app);

  app.notFound((c) => problem(c, 404, `There is no ${c.req.method} ${c.req.path}`));
  app.onError((error, c) => {
    // A list cursor the registry did not hand out is the caller's, whichever list it was.
    if (error instanceof InvalidCursorError) return problem(c, 400, BAD_CURSOR);
    // A search whose words are too many and too common for the engine: the caller's to narrow.
    if (error instanceof SearchTooBroadError) {
      return problem(c, 400, error.message, [
        { in: 'query', path: 'q', code: TOO_BROAD, message: 'Use fewer or rarer words' },
      ]);
    }
    // Hono's own refusals of a request (malformed JSON, a body too large) are the caller's.
    if (error instanceof HTTPException && isClientProblem(error.status)) {
      return problem(c, error.status, error.message);
    }
    deps.log.error('Unhandled API error', { method: c.req.method, path: c.req.path, error });
    return problem(c, 500, 'The request failed on our side; it has been logged');
  });
  return app;
}

/**
 * GET /openapi.json: the document is made on the first request, when every route is registered,
 * and kept as its JSON text for the app's life (making it took 9-60 ms, on every request).
 */
function serveOpenApiDocument(app: OpenAPIHono): void {
  let documentJson: string | undefined;
  app.get(OPENAPI_PATH, (c) => {
    documentJson ??= JSON.stringify(
      app.getOpenAPI31Document({
        openapi: '3.1.0',
        info: {
          title: 'minutes-search',
          version: API_VERSION,
          description: 'Search the decisions in Danish municipal minutes (referater), citing the PDF page.',
        },
        servers: [{ url: '/' }],
      }),
    );
    return c.body(documentJson, 200, { 'Content-Type': 'application/json' });
  });
}

/**
 * Data changes with every ingest and problems are answers of a moment: neither is cached. The
 * OpenAPI document changes with deploys only. The page and its files are revalidated (their
 * files by ETag), so a deploy reaches a browser at once and never mixes old and new modules.
 */
const cacheControl: MiddlewareHandler = async (c, next) => {
  await next();
  c.header('Cache-Control', cachePolicy(c.req.path, c.res.status));
};

function cachePolicy(path: string, status: number): string {
  if (status >= 400) return 'no-store';
  if (path === OPENAPI_PATH) return 'public, max-age=300';
  // A feed is kept by its reader and revalidated by its ETag (routes/feed.ts).
  if (path === FEED_PATH) return 'no-cache';
  if (path === PAGE_PATH || path.startsWith(ASSETS_PREFIX)) return 'no-cache';
  return 'no-store';
}

function isClientProblem(status: number): status is Exclude<ProblemStatus, 500 | 503> {
  return isProblemStatus(status) && status < 500;
}
