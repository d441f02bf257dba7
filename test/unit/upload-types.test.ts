import { describe, expect, it } from 'vitest';
import { requestUpload } from '#api/upload.ts';
import type { BlobStore } from '#storage/blob-store.ts';
import { minutesContentType } from '#storage/blob-store.ts';

/** The bucket's presigning, answering with what it was asked to sign. */
const blobs = {
  presignPut: async (key: string, options: { contentType: string; size: number; expiresIn: number }) => ({
    url: `https://bucket.example/${encodeURIComponent(key)}`,
    method: 'PUT' as const,
    headers: { 'Content-Type': options.contentType, 'Content-Length': String(options.size) },
    expiresAt: '2026-11-23T12:15:00.000Z',
  }),
} as unknown as BlobStore;
const deps = {
  blobs,
  uploadMaxBytes: 1000,
  linkTtlSeconds: 900,
  now: () => new Date('2026-11-23T12:00:00Z'),
};

describe('what can be uploaded', () => {
  it.each([
    ['a PDF', 'Referat ØU.pdf', 'application/pdf'],
    ['a FirstAgenda agenda JSON', 'dagsorden 2025-03-27.json', 'application/json'],
    ['a type written in capitals', 'møde.JSON', 'Application/JSON'],
  ])('%s, signed for its own type', async (_what, filename, contentType) => {
    const outcome = await requestUpload(deps, { filename, contentType, size: 100 });
    expect(outcome.ok).toBe(true);
    if (outcome.ok) expect(outcome.upload.headers['Content-Type']).toBe(contentType.toLowerCase());
  });

  it.each([
    ['a JSON name with the PDF type', 'møde.json', 'application/pdf'],
    ['a PDF name with the JSON type', 'møde.pdf', 'application/json'],
    ['another type', 'møde.docx', 'application/msword'],
  ])('not %s (415)', async (_what, filename, contentType) => {
    expect(await requestUpload(deps, { filename, contentType, size: 100 })).toMatchObject({
      ok: false,
      status: 415,
    });
  });

  it('keeps the size limit for JSON too (413)', async () => {
    expect(
      await requestUpload(deps, { filename: 'møde.json', contentType: 'application/json', size: 1001 }),
    ).toMatchObject({ ok: false, status: 413 });
  });

  it('stores a portal JSON as JSON, a saved page as HTML, anything else as a PDF', () => {
    expect(minutesContentType('firstagenda/dagsordener.egholt.dk/1.json')).toBe('application/json');
    expect(minutesContentType('portal.html')).toBe('text/html; charset=utf-8');
    expect(minutesContentType('referat.pdf')).toBe('application/pdf');
  });
});
