/** Versioned index names behind an alias: `minutes` -> `minutes-v1`, `minutes-v2`, ... */
export function indexName(alias: string, version: number): string {
  return `${alias}-v${version}`;
}

/** The version of an index behind the alias; null for any other name. */
export function versionOf(alias: string, index: string): number | null {
  const prefix = `${alias}-v`;
  if (!index.startsWith(prefix)) return null;
  const version = Number(index.slice(prefix.length));
  return Number.isInteger(version) && version > 0 ? version : null;
}

export function nextVersion(alias: string, indices: readonly string[]): number {
  return Math.max(0, ...indices.map((index) => versionOf(alias, index) ?? 0)) + 1;
}
