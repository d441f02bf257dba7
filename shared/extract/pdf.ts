import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { getDocument, PasswordException } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { TextItem } from 'pdfjs-dist/types/src/display/api.js';
import { columnStops } from './columns.ts';
import { ExtractionError } from './errors.ts';
import { extractItemTables } from './item-table.ts';
import { groupLines, groupRows, type Run } from './layout.ts';
import type { ExtractedText } from './line.ts';
import { assertReadableText } from './text-quality.ts';

export interface PdfLimits {
  readonly maxPages: number;
  readonly timeoutMs: number;
}

/**
 * pdf.js's metrics of the 14 standard fonts: in the package when run from source; a bundle
 * (the Lambda functions) has no node_modules and carries the folder next to itself.
 */
function standardFontFolder(): string {
  try {
    return `${join(dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json')), 'standard_fonts')}/`;
  } catch {
    return fileURLToPath(new URL('./standard_fonts/', import.meta.url));
  }
}

const standardFontDataUrl = standardFontFolder();

/**
 * pdf.js 6 dropped font compilation through eval (CVE-2024-4367) and with it this option; we
 * still say so explicitly, so a different pdf.js build can never turn it on.
 */
const NO_EVAL = { isEvalSupported: false } as const;

/** Reads a PDF into positioned lines, page by page, within the given limits. */
export async function readPdf(bytes: Uint8Array, limits: PdfLimits): Promise<ExtractedText> {
  const task = getDocument({
    data: bytes.slice(),
    ...NO_EVAL,
    fontExtraProperties: true,
    standardFontDataUrl,
    stopAtErrors: false,
    verbosity: 0,
  });
  const deadline = Date.now() + limits.timeoutMs;
  try {
    const doc = await withDeadline(task.promise, deadline);
    if (doc.numPages > limits.maxPages) {
      throw new ExtractionError('too-large', `${doc.numPages} pages exceeds the limit of ${limits.maxPages}`);
    }
    const pages: Run[][] = [];
    const pageHeights: number[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await withDeadline(readPage(doc, n), deadline);
      pages.push(page.runs);
      pageHeights.push(page.height);
    }
    // A column's cells start at one x on every page, however wide the cell before them.
    const stops = columnStops(pages.flatMap(groupRows));
    const pageLines = extractItemTables(pages).map((page, i) => [
      ...groupLines(page.before, i + 1, stops),
      ...page.table,
      ...groupLines(page.after, i + 1, stops),
    ]);
    // Running headers, footers and paragraphs over page breaks are the parser's to find (passes/furniture.ts).
    const lines = pageLines.flat();
    assertReadableText(lines.map((l) => l.text).join('\n'), doc.numPages);
    return { format: 'pdf', pages: doc.numPages, lines, pageHeights };
  } catch (error) {
    throw asExtractionError(error);
  } finally {
    await task.destroy();
  }
}

type PdfDocument = Awaited<ReturnType<typeof getDocument>['promise']>;

async function readPage(doc: PdfDocument, pageNumber: number): Promise<{ runs: Run[]; height: number }> {
  const page = await doc.getPage(pageNumber);
  const [, bottom = 0, , top = 0] = page.view;
  const content = await page.getTextContent();
  const items = content.items.filter((item): item is TextItem => 'str' in item && item.str.length > 0);
  // Font names (and so bold/italic) resolve only once an operator list is built. Fonts are shared
  // by the whole document, so only a page with a font not seen before pays for one.
  if (items.some((item) => !page.commonObjs.has(item.fontName))) await page.getOperatorList();
  const fonts = new Map<string, string>();
  for (const item of items) {
    if (!fonts.has(item.fontName)) fonts.set(item.fontName, fontNameOf(page.commonObjs, item.fontName));
  }
  page.cleanup();
  return {
    runs: items.map((item) => toRun(item, pageNumber, fonts.get(item.fontName) ?? '')),
    height: top - bottom,
  };
}

function toRun(item: TextItem, page: number, font: string): Run {
  const [a = 0, b = 0, , d = 0, x = 0, y = 0] = item.transform as number[];
  return {
    str: item.str,
    page,
    x,
    y,
    width: item.width,
    size: Math.hypot(a, b) || Math.abs(d),
    bold: /bold|black|heavy|semibold|demi/i.test(font),
    italic: /italic|oblique/i.test(font),
  };
}

function fontNameOf(objs: { has(id: string): boolean; get(id: string): unknown }, id: string): string {
  if (!objs.has(id)) return '';
  const font = objs.get(id) as { name?: string } | null;
  return font?.name ?? '';
}

function withDeadline<T>(promise: Promise<T>, deadline: number): Promise<T> {
  const remaining = deadline - Date.now();
  if (remaining <= 0) {
    // The work is already running; once the task is destroyed it rejects ("Transport destroyed"),
    // and unobserved that rejection is unhandled and crashes the process. Observe and drop it.
    promise.catch(() => {});
    return Promise.reject(timeoutError());
  }
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(timeoutError()), remaining);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

function timeoutError(): ExtractionError {
  return new ExtractionError('timeout', 'reading the PDF took longer than the time limit');
}

function asExtractionError(error: unknown): ExtractionError {
  if (error instanceof ExtractionError) return error;
  if (error instanceof PasswordException) {
    return new ExtractionError('encrypted', 'the PDF is protected by a password', { cause: error });
  }
  const message = error instanceof Error ? error.message : String(error);
  return new ExtractionError('corrupt', `the PDF could not be parsed: ${message}`, { cause: error });
}
