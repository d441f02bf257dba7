import { readdir } from 'node:fs/promises';
import { join } from 'node:path';

/** The minutes shipped with the repository: five real Direktionen minutes and six other house styles. */
export const SAMPLE_FOLDERS = ['test/fixtures/corpus/pdf', 'test/fixtures/corpus/extra/pdf'] as const;

/** The PDF files directly in the folders, in name order per folder. */
export async function pdfsIn(dirs: readonly string[]): Promise<string[]> {
  const lists = await Promise.all(
    dirs.map(async (dir) =>
      (await readdir(dir))
        .filter((name) => name.toLowerCase().endsWith('.pdf'))
        .sort()
        .map((name) => join(dir, name)),
    ),
  );
  return lists.flat();
}
