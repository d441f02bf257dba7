import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { stream } from 'hono/streaming';
import { SearchQuery } from '#domain/search.ts';
import { EXPORT_FORMATS, type ExportFormat, formatBatch } from '../../export/formats.ts';
import { ExportRecord, toExportRecord } from '../../export/record.ts';
import type { ApiDeps, ApiLogger } from '../deps.ts';
import { problemResponse } from '../problem.ts';

/** A search's parameters (page, size and sort aside) and the format. */
export const ExportQuery = SearchQuery.safeExtend({
  format: z.enum(['ndjson', 'csv']).default('ndjson').meta({
    description:
      'ndjson: one JSON object a line (the default); csv: a header row, UTF-8 with a byte-order mark.',
  }),
});

/** The export's path, here and at the export function's URL. */
export const EXPORT_PATH = '/export';

const exportRoute = createRoute({
  method: 'get',
  path: EXPORT_PATH,
  tags: ['search'],
  summary: 'Every item a search matches, streamed as NDJSON or CSV',
  description:
    'The same parameters and filters as /search (q optional; page, size and sort are ignored), every full match without a page limit, streamed as it is read. A closed item has its title and metadata only. Grouped by meeting, in agenda order; an export running while documents are indexed may miss a document indexed meanwhile.',
  request: { query: ExportQuery },
  responses: {
    200: {
      description: 'The matching items, one a line (NDJSON) or a row (CSV, same columns)',
      content: {
        [EXPORT_FORMATS.ndjson]: { schema: ExportRecord },
        [EXPORT_FORMATS.csv]: { schema: z.string() },
      },
    },
    307: {
      description:
        'In AWS: the same request at the export function’s URL, which streams it (API Gateway would buffer the answer and cap it at 6 MB). The parameters are checked first: a bad one is a 400 here.',
      headers: z.object({ Location: z.url() }),
    },
    400: problemResponse('Invalid parameters'),
  },
});

export function registerExport(
  app: OpenAPIHono,
  deps: Pick<ApiDeps, 'index' | 'exportStreamUrl'> & { log: ApiLogger },
): void {
  app.openapi(exportRoute, async (c) => {
    const { format, ...query } = c.req.valid('query');
    if (deps.exportStreamUrl) return c.redirect(streamedAt(deps.exportStreamUrl, c.req.url), 307);
    const batches = deps.index.matchBatches(query)[Symbol.asyncIterator]();
    // The first batch is read before answering, so an engine that fails at once is a problem answer.
    const first = await batches.next();
    c.header('Content-Type', EXPORT_FORMATS[format]);
    c.header('Content-Disposition', `attachment; filename="${fileName(format)}"`);
    return stream(
      c,
      async (out) => {
        await out.write(formatBatch(format, (first.value ?? []).map(toExportRecord), true));
        for (let next = await batches.next(); !next.done; next = await batches.next()) {
          await out.write(formatBatch(format, next.value.map(toExportRecord), false));
        }
      },
      // Past the first batch the status is sent: the stream ends short, and the failure is logged.
      async (error) => deps.log.error('The export failed while streaming', { error }),
    );
  });
}

const fileName = (format: ExportFormat) => `minutes-export.${format}`;

/** The same export at the streaming URL: its origin, this path, the query as the caller wrote it. */
function streamedAt(streamUrl: string, requested: string): string {
  return new URL(`${EXPORT_PATH}${new URL(requested).search}`, streamUrl).href;
}
