import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { SearchQuery } from '#domain/search.ts';
import { atomFeed, FEED_ENTRIES } from '../../feed/atom.ts';
import { feedEtag, indexChangedAt, notModified } from '../../feed/conditional.ts';
import type { ApiDeps } from '../deps.ts';
import { problemResponse } from '../problem.ts';

export const FEED_PATH = '/feed';
const ATOM = 'application/atom+xml; charset=utf-8';

const feed = createRoute({
  method: 'get',
  path: FEED_PATH,
  tags: ['search'],
  summary: 'An Atom feed of the newest decisions a search matches',
  description: `The same parameters and filters as /search (q optional: a body alone is a feed of its decisions; page, size and sort are ignored). The ${FEED_ENTRIES} newest full matches by meeting date, each linking to the item's page (/?item=<id>), the decision as summary (never for a closed item). ETag and Last-Modified change only when the index does: send If-None-Match or If-Modified-Since for a 304.`,
  request: { query: SearchQuery },
  responses: {
    200: { description: 'An Atom 1.0 feed', content: { [ATOM]: { schema: z.string() } } },
    304: { description: 'The feed has not changed since the ETag or time sent' },
    400: problemResponse('Invalid parameters'),
  },
});

export function registerFeed(app: OpenAPIHono, deps: Pick<ApiDeps, 'index' | 'registry'>): void {
  app.openapi(feed, async (c) => {
    const query = c.req.valid('query');
    const changedAt = await indexChangedAt(deps.registry);
    const etag = feedEtag(c.req.url, changedAt);
    c.header('ETag', etag);
    c.header('Last-Modified', changedAt.toUTCString());
    const conditions = {
      ifNoneMatch: c.req.header('If-None-Match'),
      ifModifiedSince: c.req.header('If-Modified-Since'),
    };
    if (notModified(conditions, etag, changedAt)) return c.body(null, 304);
    const result = await deps.index.search({ ...query, sort: 'date', page: 1, size: FEED_ENTRIES });
    const xml = atomFeed({
      self: c.req.url,
      origin: new URL(c.req.url).origin,
      query,
      hits: result.results.filter((hit) => hit.match === 'full'),
      updated: changedAt,
    });
    return c.body(xml, 200, { 'Content-Type': ATOM });
  });
}
