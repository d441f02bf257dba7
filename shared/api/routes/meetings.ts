import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { ApiDeps } from '../deps.ts';
import { meetingView } from '../meeting-view.ts';
import { byIdResponses, linkedOr404, problemResponse } from '../problem.ts';
import { DocumentId, MeetingList, MeetingsQuery, MeetingView } from '../schemas.ts';
import { meetingListEntry } from '../views.ts';

const list = createRoute({
  method: 'get',
  path: '/meetings',
  tags: ['meetings'],
  summary: 'Indexed meetings, newest first',
  request: { query: MeetingsQuery },
  responses: {
    200: { description: 'A page of meetings', content: { 'application/json': { schema: MeetingList } } },
    400: problemResponse('Invalid parameters or cursor'),
  },
});

const one = createRoute({
  method: 'get',
  path: '/meetings/{id}',
  tags: ['meetings'],
  summary: 'One meeting with its agenda in order and a link to its PDF',
  request: { params: DocumentId },
  responses: byIdResponses(MeetingView, 'meeting'),
});

export function registerMeetings(app: OpenAPIHono, deps: ApiDeps): void {
  app.openapi(list, async (c) => {
    const page = await deps.registry.meetings(c.req.valid('query'));
    const meetings = page.records.flatMap((record) => meetingListEntry(record) ?? []);
    return c.json({ meetings, nextCursor: page.cursor }, 200);
  });

  app.openapi(one, async (c) => {
    const { id } = c.req.valid('param');
    return linkedOr404(c, await meetingView(deps, id), `There is no indexed meeting ${id}`);
  });
}
