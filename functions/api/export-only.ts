import { Hono } from 'hono';
import { problem } from '#api/problem.ts';
import { EXPORT_PATH } from '#api/routes/export.ts';

/** What answers requests: a Hono app. */
export interface FetchApp {
  fetch(request: Request, env?: object): Response | Promise<Response>;
}

/**
 * The export function's app: the one app's GET /export (HEAD too, as Hono answers HEAD from GET),
 * and a 404 problem for anything else. Its function URL has no API Gateway in front, neither the
 * route list nor the authorizers nor the stage throttling, so nothing else of the app may be
 * reached through it: the uploads and the registry stay behind the HTTP API's guard.
 */
export function exportOnly(app: FetchApp): Hono<{ Bindings: object }> {
  // The runtime's bindings (the Lambda event and context) are passed on as they came.
  const only = new Hono<{ Bindings: object }>();
  only.get(EXPORT_PATH, (c) => app.fetch(c.req.raw, c.env));
  only.notFound((c) => {
    c.header('Cache-Control', 'no-store');
    return problem(
      c,
      404,
      `This URL serves GET ${EXPORT_PATH} only, not ${c.req.method} ${c.req.path}: the rest of the API is at its own URL`,
    );
  });
  return only;
}
