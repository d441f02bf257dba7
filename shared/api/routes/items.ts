import { createRoute } from '@hono/zod-openapi';
import type { ApiDeps } from '../deps.ts';
import { itemView } from '../item-view.ts';
import { problem, problemResponse } from '../problem.ts';
import { ItemId, ItemView } from '../schemas.ts';
import type { ApiApp } from './app-type.ts';

const item = createRoute({
  method: 'get',
  path: '/items/{id}',
  tags: ['items'],
  summary: 'One agenda item with its decision card and a link to the PDF page',
  description: 'A closed item shows its title and metadata only.',
  request: { params: ItemId },
  responses: {
    200: { description: 'The item', content: { 'application/json': { schema: ItemView } } },
    400: problemResponse('Invalid id'),
    404: problemResponse('No such item'),
  },
});

export function registerItems(app: ApiApp, deps: ApiDeps): void {
  app.openapi(item, async (c) => {
    const { id } = c.req.valid('param');
    const view = await itemView(deps, id);
    return view ? c.json(view, 200) : problem(c, 404, `There is no item ${id}`);
  });
}
