import { createRoute } from '@hono/zod-openapi';
import { BAD_CURSOR, pageAt } from '../cursor.ts';
import type { ApiDeps } from '../deps.ts';
import { problem, problemResponse } from '../problem.ts';
import { DocumentId, DocumentList, DocumentRecordSchema, DocumentsQuery } from '../schemas.ts';
import type { ApiApp } from './app-type.ts';

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
  responses: {
    200: { description: 'The document', content: { 'application/json': { schema: DocumentRecordSchema } } },
    400: problemResponse('Invalid id'),
    404: problemResponse('No such document'),
  },
});

export function registerDocuments(app: ApiApp, deps: Pick<ApiDeps, 'registry'>): void {
  app.openapi(list, async (c) => {
    const result = await pageAt(() => deps.registry.list(c.req.valid('query')));
    if (!result.ok) return problem(c, 400, BAD_CURSOR);
    return c.json({ documents: [...result.page.records], nextCursor: result.page.cursor }, 200);
  });

  app.openapi(one, async (c) => {
    const { id } = c.req.valid('param');
    const record = await deps.registry.get(id);
    return record ? c.json(record, 200) : problem(c, 404, `There is no document ${id}`);
  });
}
