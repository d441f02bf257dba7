import type { ApiDeps } from './deps.ts';

type HealthOutcome =
  | { readonly ok: true; readonly checks: Record<string, 'ok'> }
  | { readonly ok: false; readonly failed: string[]; readonly errors: unknown[] };

/** One cheap read from each dependency the API cannot answer without: a 1-hit search, a 1-record list. */
export async function checkHealth(deps: Pick<ApiDeps, 'index' | 'registry'>): Promise<HealthOutcome> {
  const checks = {
    index: () => deps.index.search({ q: '', sort: 'relevance', page: 1, size: 1 }),
    registry: () => deps.registry.list({ limit: 1 }),
  };
  const results = await Promise.allSettled(Object.values(checks).map((check) => check()));
  const names = Object.keys(checks);
  const failed = names.filter((_, i) => results[i]?.status === 'rejected');
  if (failed.length === 0) return { ok: true, checks: Object.fromEntries(names.map((n) => [n, 'ok'])) };
  const errors = results.flatMap((r) => (r.status === 'rejected' ? [r.reason] : []));
  return { ok: false, failed, errors };
}
