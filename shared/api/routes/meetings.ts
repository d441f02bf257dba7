import { createRoute } from '@hono/zod-openapi';
import { BAD_CURSOR, pageAt } from '../cursor.ts';
import type { ApiDeps } from '../deps.ts';
import { meetingView } from '../meeting-view.ts';
import { problem, problemResponse } from '../problem.ts';
import { DocumentId, MeetingList, MeetingsQuery, MeetingView } from '../schemas.ts';
import { meetingListEntry } from '../views.ts';
import type { ApiApp } from './app-type.ts';

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
  responses: {
    200: { description: 'The meeting', content: { 'application/json': { schema: MeetingView } } },
    400: problemResponse('Invalid id'),
    404: problemResponse('No such meeting'),
  },
});

export function registerMeetings(app: ApiApp, deps: ApiDeps): void {
  app.openapi(list, async (c) => {
    const { limit, cursor, ...filter } = c.req.valid('query');
    const result = await pageAt(() => deps.registry.meetings({ ...filter, limit, cursor }));
    if (!result.ok) return problem(c, 400, BAD_CURSOR);
    const meetings = result.page.records.flatMap((record) => meetingListEntry(record) ?? []);
    return c.json({ meetings, nextCursor: result.page.cursor }, 200);
  });

  app.openapi(one, async (c) => {
    const { id } = c.req.valid('param');
    const view = await meetingView(deps, id);
    return view ? c.json(view, 200) : problem(c, 404, `There is no indexed meeting ${id}`);
  });
}
