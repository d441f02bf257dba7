import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { getDocument, PasswordException } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { TextItem } from 'pdfjs-dist/types/src/display/api.js';
import { ExtractionError } from './errors.ts';
import type { ExtractedText, Line } from './line.ts';
import { removeRunningLines } from './running-lines.ts';
import { assertReadableText } from './text-quality.ts';

export interface PdfLimits {
  readonly maxPages: number;
  readonly timeoutMs: number;
}

/** A run of text in one font, as pdf.js positions it. */
interface Run {
  readonly str: string;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly size: number;
  readonly fontName: string;
}

const standardFontDataUrl = `${join(dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json')), 'standard_fonts')}/`;

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
    const pages: Line[][] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      pages.push(await withDeadline(readPage(doc, n), deadline));
    }
    const lines = removeRunningLines(pages).flat();
    assertReadableText(lines.map((l) => l.text).join('\n'), doc.numPages);
    return { format: 'pdf', pages: doc.numPages, lines };
  } catch (error) {
    throw asExtractionError(error);
  } finally {
    await task.destroy();
  }
}

type PdfDocument = Awaited<ReturnType<typeof getDocument>['promise']>;

async function readPage(doc: PdfDocument, pageNumber: number): Promise<Line[]> {
  const page = await doc.getPage(pageNumber);
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
  return groupLines(items.map(toRun), fonts, pageNumber);
}

function toRun(item: TextItem): Run {
  const [a = 0, b = 0, , d = 0, x = 0, y = 0] = item.transform as number[];
  return {
    str: item.str,
    x,
    y,
    width: item.width,
    size: Math.hypot(a, b) || Math.abs(d),
    fontName: item.fontName,
  };
}

function fontNameOf(objs: { has(id: string): boolean; get(id: string): unknown }, id: string): string {
  if (!objs.has(id)) return '';
  const font = objs.get(id) as { name?: string } | null;
  return font?.name ?? '';
}

/** Joins runs that share a baseline into lines, in reading order (top to bottom, left to right). */
function groupLines(runs: readonly Run[], fonts: ReadonlyMap<string, string>, page: number): Line[] {
  const sorted = [...runs].sort((p, q) => q.y - p.y || p.x - q.x);
  const rows: Run[][] = [];
  for (const run of sorted) {
    const row = rows.at(-1);
    const first = row?.[0];
    if (row && first && Math.abs(first.y - run.y) <= Math.max(first.size, run.size) * 0.35) row.push(run);
    else rows.push([run]);
  }
  const lines: Line[] = [];
  let previous: { y: number; size: number } | undefined;
  for (const row of rows) {
    row.sort((p, q) => p.x - q.x);
    const text = joinRuns(row).replace(/\s+$/, '');
    if (text.trim().length === 0) continue;
    const main = dominantRun(row);
    const font = fonts.get(main.fontName) ?? '';
    const y = row[0]?.y ?? 0;
    const size = Math.round(main.size * 10) / 10;
    const gap = previous ? previous.y - y : Number.POSITIVE_INFINITY;
    lines.push({
      text: text.trimStart(),
      page,
      x: Math.round(row.find((r) => r.str.trim())?.x ?? main.x),
      y: Math.round(y),
      size,
      bold: /bold|black|heavy|semibold|demi/i.test(font),
      italic: /italic|oblique/i.test(font),
      level: 0,
      breakBefore: gap > Math.max(size, previous?.size ?? 0) * 1.75,
    });
    previous = { y, size };
  }
  return lines;
}

/** The run that carries most of the line's characters decides its font. */
function dominantRun(row: readonly Run[]): Run {
  let best = row[0] as Run;
  for (const run of row) if (run.str.trim().length > best.str.trim().length) best = run;
  return best;
}

/** Concatenates runs, restoring spaces from gaps and tabs from wide gaps (table cells). */
function joinRuns(row: readonly Run[]): string {
  let text = '';
  let end: number | undefined;
  for (const run of row) {
    if (end !== undefined) {
      const gap = run.x - end;
      if (gap > run.size * 1.5) text = `${text.replace(/ +$/, '')}\t`;
      else if (gap > run.size * 0.12 && !/\s$/.test(text) && !/^\s/.test(run.str)) text += ' ';
    }
    text += run.str;
    end = run.x + run.width;
  }
  return text;
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
  return new ExtractionError('too-large', 'reading the PDF took longer than the time limit');
}

function asExtractionError(error: unknown): ExtractionError {
  if (error instanceof ExtractionError) return error;
  if (error instanceof PasswordException) {
    return new ExtractionError('encrypted', 'the PDF is protected by a password', { cause: error });
  }
  const message = error instanceof Error ? error.message : String(error);
  return new ExtractionError('corrupt', `the PDF could not be parsed: ${message}`, { cause: error });
}
