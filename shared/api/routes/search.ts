import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { SearchQuery } from '#domain/search.ts';
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
    400: problemResponse('Invalid parameters'),
  },
});

export function registerSearch(app: OpenAPIHono, deps: Pick<ApiDeps, 'index'>): void {
  app.openapi(search, async (c) => c.json(await deps.index.search(c.req.valid('query')), 200));
}
