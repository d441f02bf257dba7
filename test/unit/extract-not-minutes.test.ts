import { describe, expect, it } from 'vitest';
import { defaultLimits } from '#config/limits.ts';
import { ExtractionError } from '#extract/errors.ts';
import { extractMeeting } from '#ingest/extract-meeting.ts';
import { bookPdf, samePagesPdf, signInPage } from '#test/support/bad-pdfs.ts';

async function refusalOf(bytes: Uint8Array | Promise<Uint8Array>): Promise<ExtractionError> {
  const thrown = await extractMeeting(await bytes, 'minutes.pdf', defaultLimits).then(
    () => null,
    (error: unknown) => error,
  );
  expect(thrown).toBeInstanceOf(ExtractionError);
  return thrown as ExtractionError;
}

describe('documents that are no minutes', () => {
  it('refuses a web page under a .pdf name as not-minutes, not as a meeting without items', async () => {
    expect(await refusalOf(signInPage())).toMatchObject({ kind: 'not-minutes' });
  });

  it('refuses a 352-page book as not-minutes', async () => {
    expect(await refusalOf(bookPdf(352))).toMatchObject({ kind: 'not-minutes' });
  }, 120_000);

  it('refuses 1,000 pages that share their lines as not-minutes, not as a missing text layer', async () => {
    const refusal = await refusalOf(samePagesPdf(1000));
    expect(refusal.kind).toBe('not-minutes');
    expect(refusal.message).toMatch(/no agenda items were found/);
  }, 120_000);
});
