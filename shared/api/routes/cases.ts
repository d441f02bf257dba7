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
    .openapi({
      param: { name: 'caseNumber', in: 'path' },
      description:
        'URL-encoded in one segment (`24%2F16905`); its own segments (`24/16905`) are the same case',
    }),
});

/**
 * The case number's route, as documented: one segment, its slashes URL-encoded. API Gateway's HTTP
 * API decodes a request's path before it routes it and hands the function the decoded path
 * (reported by those who captured it: a `%2F` reaches a Lambda as `/`, and a one-segment
 * `{caseNumber}` route no longer matches), so the app routes the number greedily (CASE_ROUTE) and
 * the infra routes `{caseNumber+}`: both spellings reach the same answer.
 */
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

/**
 * The route as Hono matches it: the case number is the rest of the path, one segment
 * (`24%2F16905`) or several (`24/16905`); its value is decoded either way and validated alike.
 */
export const CASE_ROUTE = '/cases/:municipality/:caseNumber{.+}';

export function registerCases(app: OpenAPIHono, deps: Pick<ApiDeps, 'index'>): void {
  // Documented once, by its one-segment path; routed (and validated) by the greedy one.
  app.openAPIRegistry.registerPath(one);
  app.openapi({ ...one, path: CASE_ROUTE, hide: true }, async (c) => {
    const { municipality, caseNumber } = c.req.valid('param');
    return jsonOr404(
      c,
      await caseView(deps.index, municipality, caseNumber),
      `${municipality} has no item with case number ${caseNumber}`,
    );
  });
}
