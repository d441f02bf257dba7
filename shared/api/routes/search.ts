import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { SearchQuery } from '#domain/search.ts';
import { withCases } from '../../cases/hit-cases.ts';
import type { ApiDeps } from '../deps.ts';
import { problemResponse } from '../problem.ts';
import { SearchResultSchema } from '../schemas.ts';

const search = createRoute({
  method: 'get',
  path: '/search',
  tags: ['search'],
  summary: 'Search decisions',
  description: 'Hits are agenda items with their decision, highlights and a summary quoted from the minutes.',
  request: { query: SearchQuery },
  responses: {
    200: {
      description: 'A page of hits and the facets of all',
      content: { 'application/json': { schema: SearchResultSchema } },
    },
    400: problemResponse('Invalid parameters, or a search too broad for the engine (errors: code too_broad)'),
  },
});

export function registerSearch(app: OpenAPIHono, deps: Pick<ApiDeps, 'index'>): void {
  // Each hit with its case ("Sagen er behandlet N gange"): one more query for the whole page.
  app.openapi(search, async (c) =>
    c.json(await withCases(deps.index, await deps.index.search(c.req.valid('query'))), 200),
  );
}
