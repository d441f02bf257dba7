import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { ZodError, ZodType } from 'zod';
import type { Linked } from './pdf-link.ts';

const PROBLEM_TYPE = 'application/problem+json';

/** The HTTP statuses the API answers with a problem document. */
export type ProblemStatus = 400 | 404 | 413 | 415 | 429 | 500 | 503;

const TITLES: Record<ProblemStatus, string> = {
  400: 'Bad Request',
  404: 'Not Found',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

/** Whether the API answers this status with a problem document (it has a title for it). */
export function isProblemStatus(status: number): status is ProblemStatus {
  return Object.hasOwn(TITLES, status);
}

const ProblemIssue = z.object({
  /** Where the bad value was: query, param or json (the request body). */
  in: z.string(),
  /** The value's path inside it, dotted (`size`, `filename`); empty for the whole. */
  path: z.string(),
  code: z.string(),
  message: z.string(),
});
type ProblemIssue = z.infer<typeof ProblemIssue>;

/** An RFC 9457 problem document. `type` is about:blank: `title` is then the status phrase. */
export const Problem = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    errors: z.array(ProblemIssue).optional(),
  })
  .openapi('Problem');
export type Problem = z.infer<typeof Problem>;

function problemBody(status: ProblemStatus, detail: string, errors?: readonly ProblemIssue[]): Problem {
  return {
    type: 'about:blank',
    title: TITLES[status],
    status,
    detail,
    ...(errors ? { errors: [...errors] } : {}),
  };
}

/** A problem response, typed for routes that declare the status with `problemResponse`. */
export function problem<S extends ProblemStatus>(
  c: Context,
  status: S,
  detail: string,
  errors?: readonly ProblemIssue[],
) {
  return c.json(problemBody(status, detail, errors), status, { 'Content-Type': PROBLEM_TYPE });
}

/** The value found by id as JSON, or a 404 problem when there is none. */
export function jsonOr404<T>(c: Context, value: T | null, detail: string) {
  return value === null ? problem(c, 404, detail) : c.json(value, 200);
}

/** A view with its PDF link as JSON, or a 404 problem saying why there is none. */
export function linkedOr404<T>(c: Context, linked: Linked<T>, unknown: string) {
  if (linked.found) return c.json(linked.view, 200);
  const detail =
    linked.reason === 'unknown'
      ? unknown
      : 'Its PDF is no longer in the bucket: another file took its place, or it was deleted';
  return problem(c, 404, detail);
}

/** The issues of a failed validation, as the problem document's `errors`. */
export function validationIssues(where: string, error: ZodError): ProblemIssue[] {
  return error.issues.map((issue) => ({
    in: where,
    path: issue.path.map(String).join('.'),
    code: issue.code,
    message: issue.message,
  }));
}

/** The OpenAPI description of a problem answer. */
export function problemResponse(description: string) {
  return { description, content: { [PROBLEM_TYPE]: { schema: Problem } } } as const;
}

/** The OpenAPI answers of a `GET /<things>/{id}` route: the thing, a malformed id, or none. */
export function byIdResponses<S extends ZodType>(schema: S, noun: string) {
  return {
    200: { description: `The ${noun}`, content: { 'application/json': { schema } } },
    400: problemResponse('Invalid id'),
    404: problemResponse(`No such ${noun}`),
  } as const;
}
