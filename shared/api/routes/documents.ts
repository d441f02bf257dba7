import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { ApiDeps } from '../deps.ts';
import { byIdResponses, jsonOr404, problemResponse } from '../problem.ts';
import { DocumentId, DocumentList, DocumentRecordSchema, DocumentsQuery } from '../schemas.ts';

const list = createRoute({
  method: 'get',
  path: '/documents',
  tags: ['documents'],
  summary: 'Documents in the registry, most recently changed first',
  request: { query: DocumentsQuery },
  responses: {
    200: { description: 'A page of documents', content: { 'application/json': { schema: DocumentList } } },
    400: problemResponse('Invalid parameters or cursor'),
  },
});

const one = createRoute({
  method: 'get',
  path: '/documents/{id}',
  tags: ['documents'],
  summary: "One document's processing state: status, reason, attempts, parse quality",
  request: { params: DocumentId },
  responses: byIdResponses(DocumentRecordSchema, 'document'),
});

export function registerDocuments(app: OpenAPIHono, deps: Pick<ApiDeps, 'registry'>): void {
  app.openapi(list, async (c) => {
    const page = await deps.registry.list(c.req.valid('query'));
    return c.json({ documents: [...page.records], nextCursor: page.cursor }, 200);
  });

  app.openapi(one, async (c) => {
    const { id } = c.req.valid('param');
    return jsonOr404(c, await deps.registry.get(id), `There is no document ${id}`);
  });
}
