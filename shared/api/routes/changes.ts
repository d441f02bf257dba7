import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { CHANGES_PAGE_DOCUMENTS, ChangesPage, changesSince } from '../changes.ts';
import type { ApiDeps } from '../deps.ts';
import { problemResponse } from '../problem.ts';

const ChangesQuery = z.object({
  since: z.iso.datetime({ offset: true }).meta({
    description:
      'An ISO time (2026-11-23T10:00:00Z): changes at or after it. Pass the last `at` you saw to go on.',
  }),
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(100)
    .default(CHANGES_PAGE_DOCUMENTS)
    .meta({ description: 'Documents per page; each brings all of its items.' }),
  cursor: z.string().max(2000).optional(),
});

const changes = createRoute({
  method: 'get',
  path: '/changes',
  tags: ['search'],
  summary: 'Items added, changed or removed since a time, for mirrors',
  description:
    'Oldest change first, a page of documents at a time (all items of each). A change at exactly `since` comes again: a mirror passes the last `at` it saw, and applies entries idempotently.',
  request: { query: ChangesQuery },
  responses: {
    200: { description: 'A page of changes', content: { 'application/json': { schema: ChangesPage } } },
    400: problemResponse('Invalid parameters or a cursor this API did not hand out'),
  },
});

export function registerChanges(app: OpenAPIHono, deps: Pick<ApiDeps, 'index' | 'registry'>): void {
  app.openapi(changes, async (c) => c.json(await changesSince(deps, c.req.valid('query')), 200));
}
