import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { caseView } from '../../cases/case-view.ts';
import { CaseView } from '../../cases/schema.ts';
import type { ApiDeps } from '../deps.ts';
import { byIdResponses, jsonOr404 } from '../problem.ts';

/**
 * A case number as registers write them (24/16905, 25-002921, EMN-2024-123,
 * 00.01.00-A00-12-24, 20-010677K): letters, digits and . / - inside. Nothing else, so it can be
 * searched for as a phrase as it is.
 */
const CASE_NUMBER = /^[\p{L}\p{N}](?:[\p{L}\p{N}./-]*[\p{L}\p{N}])?$/u;

export const CaseParams = z.object({
  municipality: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .openapi({
      param: { name: 'municipality', in: 'path' },
      description: 'As shown (`Greve Kommune`) or written (`greve`)',
    }),
  caseNumber: z
    .string()
    .trim()
    .min(1)
    .max(100)
    .regex(CASE_NUMBER, 'a case number: letters and digits with . / - between them')
    .openapi({ param: { name: 'caseNumber', in: 'path' }, description: 'URL-encoded: `24%2F16905`' }),
});

const one = createRoute({
  method: 'get',
  path: '/cases/{municipality}/{caseNumber}',
  tags: ['cases'],
  summary: 'A case: the treatments of a case number in a municipality, oldest first',
  description:
    'Items of the municipality with the case number, each with its decision and the earlier bodies’ decisions it records, the latest decision first in the summary, and items whose text names the number. A closed item shows its title and metadata only. An umbrella number (one number for many topics) lists its items without chaining them.',
  request: { params: CaseParams },
  responses: byIdResponses(CaseView, 'case'),
});

export function registerCases(app: OpenAPIHono, deps: Pick<ApiDeps, 'index'>): void {
  app.openapi(one, async (c) => {
    const { municipality, caseNumber } = c.req.valid('param');
    return jsonOr404(
      c,
      await caseView(deps.index, municipality, caseNumber),
      `${municipality} has no item with case number ${caseNumber}`,
    );
  });
}
