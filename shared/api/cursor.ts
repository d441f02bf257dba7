import { InvalidCursorError } from '#storage/errors.ts';
import type { Page } from '#storage/registry.ts';

export type PageOutcome<T> = { readonly ok: true; readonly page: Page<T> } | { readonly ok: false };

/** A registry page, or not ok when the caller's cursor is not one the registry handed out. */
export async function pageAt<T>(list: () => Promise<Page<T>>): Promise<PageOutcome<T>> {
  try {
    return { ok: true, page: await list() };
  } catch (error) {
    if (error instanceof InvalidCursorError) return { ok: false };
    throw error;
  }
}

export const BAD_CURSOR = 'The cursor is not one this API handed out; start again without it';
