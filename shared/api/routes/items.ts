import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { ApiDeps } from '../deps.ts';
import { itemView } from '../item-view.ts';
import { byIdResponses, linkedOr404 } from '../problem.ts';
import { ItemId, ItemView } from '../schemas.ts';

const item = createRoute({
  method: 'get',
  path: '/items/{id}',
  tags: ['items'],
  summary: 'One agenda item with its decision card and a link to the PDF page',
  description: 'A closed item shows its title and metadata only.',
  request: { params: ItemId },
  responses: byIdResponses(ItemView, 'item'),
});

export function registerItems(app: OpenAPIHono, deps: ApiDeps): void {
  app.openapi(item, async (c) => {
    const { id } = c.req.valid('param');
    return linkedOr404(c, await itemView(deps, id), `There is no item ${id}`);
  });
}
