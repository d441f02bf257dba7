import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import type { ApiDeps } from '../deps.ts';
import { problem, problemResponse } from '../problem.ts';
import { UploadRequest, UploadResponse } from '../schemas.ts';
import { requestUpload } from '../upload.ts';

/** The request describes the file; the file itself goes straight to the bucket. */
const MAX_REQUEST_BYTES = 16 * 1024;

const upload = createRoute({
  method: 'post',
  path: '/uploads',
  tags: ['uploads'],
  summary: 'A presigned URL to upload one PDF, or a FirstAgenda agenda JSON, to the bucket',
  description: 'PUT the file to `upload.url` with `upload.headers`; ingestion starts when it lands.',
  middleware: [
    bodyLimit({
      maxSize: MAX_REQUEST_BYTES,
      onError: (c) => problem(c, 413, `The request body may be at most ${MAX_REQUEST_BYTES} bytes`),
    }),
  ],
  request: { body: { required: true, content: { 'application/json': { schema: UploadRequest } } } },
  responses: {
    201: {
      description: 'Where to PUT the file',
      content: { 'application/json': { schema: UploadResponse } },
    },
    400: problemResponse('Invalid request'),
    413: problemResponse('The file is larger than the upload limit'),
    415: problemResponse('Not a PDF or an agenda JSON'),
  },
});

export function registerUploads(app: OpenAPIHono, deps: ApiDeps): void {
  app.openapi(upload, async (c) => {
    const outcome = await requestUpload(deps, c.req.valid('json'));
    if (!outcome.ok) return problem(c, outcome.status, outcome.detail);
    return c.json({ key: outcome.key, upload: outcome.upload }, 201);
  });
}
