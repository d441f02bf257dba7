import { describe, expect, it } from 'vitest';
import { defaultLimits, type ExtractLimits } from '#config/limits.ts';
import type { ExtractionErrorKind } from '#extract/errors.ts';
import { ExtractionError, extractLines } from '#extract/index.ts';
import {
  corpusPdf,
  corpusTextSeeds,
  garbageTextPdf,
  imageOnlyPdf,
  pdfWithOwnerPasswordOnly,
  pdfWithUserPassword,
  seededRandomBytes,
  tinyPng,
  truncated,
  zipSignature,
} from '#test/support/bad-pdfs.ts';

/**
 * Extraction must fail with the given kind and a message a person can act on: a sentence of a few
 * words that says what is wrong, not a bare code or a stack.
 */
async function expectRefusal(
  bytes: Uint8Array | Promise<Uint8Array>,
  kind: ExtractionErrorKind,
  says: RegExp,
  limits: ExtractLimits = defaultLimits,
): Promise<ExtractionError> {
  const error = await extractLines(await bytes, limits).then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(ExtractionError);
  const refusal = error as ExtractionError;
  expect(refusal.kind).toBe(kind);
  expect(refusal.message).toMatch(says);
  expect(refusal.message).toMatch(/^\w+( \S+){2,}$/u);
  expect(refusal.message).not.toMatch(/undefined|\[object|\n\s+at /);
  return refusal;
}

/** A read that succeeded with something to parse. */
function expectReadable(extracted: { pages: number; lines: readonly { text: string }[] }): void {
  expect(extracted.pages).toBeGreaterThan(0);
  expect(extracted.lines.length).toBeGreaterThan(0);
  expect(extracted.lines.some((line) => /\p{L}{3}/u.test(line.text))).toBe(true);
}

/**
 * Collects unhandled rejections while `work` runs and for a moment after, when late ones surface.
 * A failed assertion in `work` still fails the test.
 */
async function unhandledRejectionsDuring(work: () => Promise<unknown>): Promise<unknown[]> {
  const seen: unknown[] = [];
  const record = (reason: unknown) => seen.push(reason);
  process.on('unhandledRejection', record);
  try {
    await work();
    await new Promise((resolve) => setTimeout(resolve, 100));
  } finally {
    process.off('unhandledRejection', record);
  }
  return seen;
}

describe('extractLines refuses files that are not PDFs or text', () => {
  it('refuses zero bytes as not-a-pdf', async () => {
    await expectRefusal(new Uint8Array(), 'not-a-pdf', /empty/);
  });

  it('refuses random bytes as not-a-pdf', async () => {
    await expectRefusal(seededRandomBytes(4096), 'not-a-pdf', /neither a PDF nor text/);
  });

  it('refuses a PNG image as unsupported-format, naming the format', async () => {
    await expectRefusal(tinyPng(), 'unsupported-format', /PNG image/);
  });

  it('refuses a ZIP container (a DOCX by mistake) as unsupported-format, naming the format', async () => {
    await expectRefusal(zipSignature(), 'unsupported-format', /ZIP container/);
  });
});

describe('extractLines refuses PDFs it cannot read', () => {
  // pdf.js rebuilds a missing cross-reference table, but without the trailer and page tree (at the
  // end of these files) there is no document to rebuild: cut early or late, the file is corrupt.
  it.each([0.4, 0.9])('refuses a PDF truncated to %s of its bytes as corrupt', async (share) => {
    await expectRefusal(truncated(corpusPdf(), share), 'corrupt', /could not be parsed/);
  });

  it('refuses a PDF locked with a user password as encrypted', async () => {
    await expectRefusal(pdfWithUserPassword(), 'encrypted', /password/);
  });

  it('reads a PDF with only an owner password, since it opens without one', async () => {
    const extracted = await extractLines(await pdfWithOwnerPasswordOnly(), defaultLimits);
    expect(extracted.format).toBe('pdf');
    expectReadable(extracted);
    expect(extracted.lines.map((line) => line.text)).toContain('Referat af mødet i Økonomiudvalget.');
  });

  it('refuses an image-only PDF as needs-ocr', async () => {
    await expectRefusal(imageOnlyPdf(), 'needs-ocr', /no text layer/);
  });

  it('refuses a PDF whose text layer is consonant runs and symbols as needs-ocr', async () => {
    await expectRefusal(garbageTextPdf(), 'needs-ocr', /unreadable/);
  });
});

describe('extractLines enforces its limits', () => {
  it('refuses a PDF with more pages than maxPages as too-large', async () => {
    await expectRefusal(corpusPdf(), 'too-large', /pages exceeds the limit of 2$/, {
      ...defaultLimits,
      maxPages: 2,
    });
  });

  it('refuses a file larger than maxBytes as too-large', async () => {
    await expectRefusal(corpusPdf(), 'too-large', /bytes exceeds the limit of 1000$/, {
      ...defaultLimits,
      maxBytes: 1000,
    });
  });

  // The time limit tears the pdf.js task down mid-read; the abandoned page read must not reject
  // unhandled later (that crashes the process), and the next read must start from a clean slate.
  it('refuses a PDF that takes longer than timeoutMs as timeout and recovers for the next read', async () => {
    const pdf = corpusPdf();
    const unhandled = await unhandledRejectionsDuring(() =>
      expectRefusal(pdf, 'timeout', /time limit/, { ...defaultLimits, timeoutMs: 1 }),
    );
    expect(unhandled).toEqual([]);
    expectReadable(await extractLines(pdf, defaultLimits));
  });
});

describe('extractLines still reads good input', () => {
  it('reads a corpus PDF into lines', async () => {
    const extracted = await extractLines(corpusPdf(), defaultLimits);
    expect(extracted.format).toBe('pdf');
    expectReadable(extracted);
  });

  // The seeds are text dumps of the same minutes; some carry markdown emphasis or HTML fragments,
  // which the text reader reports as such.
  it.each(corpusTextSeeds())('reads the text seed %s into lines', async (_name, bytes) => {
    const extracted = await extractLines(bytes, defaultLimits);
    expect(['text', 'markdown', 'html']).toContain(extracted.format);
    expectReadable(extracted);
  });
});
