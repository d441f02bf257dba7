import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { ApiDeps } from '../deps.ts';
import { checkHealth } from '../health.ts';
import { problem, problemResponse } from '../problem.ts';
import { Health } from '../schemas.ts';

const health = createRoute({
  method: 'get',
  path: '/health',
  tags: ['health'],
  summary: 'Whether the API can reach the search index and the registry',
  responses: {
    200: { description: 'Healthy', content: { 'application/json': { schema: Health } } },
    503: problemResponse('A dependency failed'),
  },
});

export function registerHealth(
  app: OpenAPIHono,
  deps: Pick<Required<ApiDeps>, 'index' | 'registry' | 'log'>,
): void {
  app.openapi(health, async (c) => {
    const outcome = await checkHealth(deps);
    if (outcome.ok) return c.json({ status: 'ok' as const, checks: outcome.checks }, 200);
    deps.log.error('Health check failed', { failed: outcome.failed, errors: outcome.errors });
    return problem(c, 503, `Unavailable: ${outcome.failed.join(', ')}`);
  });
}
