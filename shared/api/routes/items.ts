import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { ApiDeps } from '../deps.ts';
import { itemPdfTarget } from '../item-pdf.ts';
import { itemView } from '../item-view.ts';
import { byIdResponses, linkedOr404, problem, problemResponse } from '../problem.ts';
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

const pdf = createRoute({
  method: 'get',
  path: '/items/{id}/pdf',
  tags: ['items'],
  summary: "The item's PDF at its cited page: a permanent link",
  description:
    'A redirect to a freshly signed URL of the PDF, opening (`#page=N`) at the decision, else the item’s first page. 404 for an item read from a portal’s HTML page or agenda JSON (no PDF).',
  request: { params: ItemId },
  responses: {
    302: {
      description: 'The signed PDF URL, valid for LINK_TTL_SECONDS; never cached',
      headers: z.object({ Location: z.url() }),
    },
    400: problemResponse('Invalid id'),
    404: problemResponse('No such item, its PDF left the bucket, or it was not read from a PDF'),
  },
});

export function registerItems(app: OpenAPIHono, deps: ApiDeps): void {
  app.openapi(item, async (c) => {
    const { id } = c.req.valid('param');
    return linkedOr404(c, await itemView(deps, id), `There is no item ${id}`);
  });

  app.openapi(pdf, async (c) => {
    const { id } = c.req.valid('param');
    const target = await itemPdfTarget(deps, id);
    // Signed anew for each request; the app's Cache-Control (no-store) keeps anyone from reusing it.
    if (target.found) return c.redirect(target.url, 302);
    if (target.reason === 'not-a-pdf') {
      return problem(
        c,
        404,
        `Item ${id} was read from a ${target.format} source, not a PDF: there is no page to open; GET /items/${id} shows its text`,
      );
    }
    return linkedOr404(c, target, `There is no item ${id}`);
  });
}
