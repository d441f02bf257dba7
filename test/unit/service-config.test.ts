import { once } from 'node:events';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { availableParallelism } from 'node:os';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SEARCH_BUDGET, SEARCH_CACHE_MATCHES } from '#config/limits.ts';
import { ingestWorkers, type ServiceConfig, serviceConfigFromEnv } from '#config/service.ts';
import { composeSearchIndex } from '../../functions/compose.ts';

const DOMAIN = 'https://search-minutes-abc123.eu-north-1.es.amazonaws.com';
const LOCAL = 'http://127.0.0.1:9200';

function searchOf(env: Record<string, string>): ServiceConfig['search'] {
  const loaded = serviceConfigFromEnv({ SEARCH_ENGINE: 'opensearch', ...env });
  if (!loaded.ok) throw new Error(loaded.error);
  return loaded.config.search;
}

describe('the OpenSearch configuration', () => {
  it('takes the cluster from OPENSEARCH_URL (the local spelling) or OPENSEARCH_ENDPOINT, which wins', () => {
    expect(searchOf({ OPENSEARCH_URL: LOCAL })).toMatchObject({ engine: 'opensearch', endpoint: LOCAL });
    expect(searchOf({ OPENSEARCH_ENDPOINT: DOMAIN })).toMatchObject({ endpoint: DOMAIN });
    expect(searchOf({ OPENSEARCH_ENDPOINT: DOMAIN, OPENSEARCH_URL: LOCAL })).toMatchObject({
      endpoint: DOMAIN,
    });
  });

  it('needs one of them, and names them', () => {
    expect(serviceConfigFromEnv({ SEARCH_ENGINE: 'opensearch' })).toEqual({
      ok: false,
      error:
        'OPENSEARCH_ENDPOINT: OPENSEARCH_ENDPOINT (or OPENSEARCH_URL) is required when SEARCH_ENGINE is opensearch',
    });
    expect(serviceConfigFromEnv({ SEARCH_ENGINE: 'opensearch', OPENSEARCH_URL: 'port 9200' })).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^OPENSEARCH_URL: /),
    });
  });

  it('signs for an Amazon OpenSearch Service domain and not for a local node, by the host', () => {
    expect(searchOf({ OPENSEARCH_ENDPOINT: DOMAIN, AWS_REGION: 'eu-north-1' })).toMatchObject({
      signingRegion: 'eu-north-1',
    });
    const vpc = 'https://vpc-minutes-abc123.eu-central-1.es.amazonaws.com';
    expect(searchOf({ OPENSEARCH_ENDPOINT: vpc, AWS_REGION: 'eu-central-1' })).toMatchObject({
      signingRegion: 'eu-central-1',
    });
    expect(searchOf({ OPENSEARCH_URL: LOCAL })).toMatchObject({ signingRegion: null });
    // A host that only contains the suffix is no domain endpoint.
    expect(searchOf({ OPENSEARCH_URL: 'http://search.es.amazonaws.com.example.org' })).toMatchObject({
      signingRegion: null,
    });
  });

  it('signs as OPENSEARCH_SIGNING says, whatever the host, and accepts nothing else', () => {
    expect(
      searchOf({ OPENSEARCH_URL: LOCAL, OPENSEARCH_SIGNING: 'sigv4', AWS_REGION: 'eu-west-1' }),
    ).toMatchObject({
      signingRegion: 'eu-west-1',
    });
    expect(searchOf({ OPENSEARCH_ENDPOINT: DOMAIN, OPENSEARCH_SIGNING: 'none' })).toMatchObject({
      signingRegion: null,
    });
    expect(
      serviceConfigFromEnv({ SEARCH_ENGINE: 'opensearch', OPENSEARCH_URL: LOCAL, OPENSEARCH_SIGNING: 'yes' }),
    ).toMatchObject({ ok: false, error: expect.stringMatching(/^OPENSEARCH_SIGNING: /) });
  });

  it('keeps SQLite the default, whatever OpenSearch variables are set', () => {
    const loaded = serviceConfigFromEnv({ OPENSEARCH_URL: LOCAL, DATA_DIR: '/tmp/store' });
    expect(loaded).toMatchObject({
      ok: true,
      config: {
        search: {
          engine: 'sqlite',
          path: '/tmp/store/search.sqlite',
          budget: SEARCH_BUDGET,
          cache: SEARCH_CACHE_MATCHES,
        },
      },
    });
  });

  it("takes the embedded engine's search budget from SEARCH_BUDGET, a positive whole number", () => {
    expect(serviceConfigFromEnv({ SEARCH_BUDGET: '250000' })).toMatchObject({
      ok: true,
      config: { search: { engine: 'sqlite', budget: 250_000 } },
    });
    for (const wrong of ['0', '-5', '1.5', 'many'])
      expect(serviceConfigFromEnv({ SEARCH_BUDGET: wrong })).toMatchObject({
        ok: false,
        error: expect.stringMatching(/^SEARCH_BUDGET: /),
      });
  });

  it('takes how many matches the embedded engine keeps from recent searches from SEARCH_CACHE, 0 for none', () => {
    for (const [value, cache] of [
      ['250000', 250_000],
      ['0', 0],
    ] as const)
      expect(serviceConfigFromEnv({ SEARCH_CACHE: value })).toMatchObject({
        ok: true,
        config: { search: { engine: 'sqlite', cache } },
      });
    for (const wrong of ['-5', '1.5', 'many', '', ' '])
      expect(serviceConfigFromEnv({ SEARCH_CACHE: wrong })).toMatchObject({
        ok: false,
        error: expect.stringMatching(/^SEARCH_CACHE: /),
      });
  });
});

describe('the extraction workers', () => {
  it('are as many as INGEST_CONCURRENCY says (1-64), else one a core, for every process that reads documents', () => {
    const loaded = serviceConfigFromEnv({ INGEST_CONCURRENCY: '3' });
    expect(loaded).toMatchObject({ ok: true, config: { ingestConcurrency: 3 } });
    if (loaded.ok) expect(ingestWorkers(loaded.config)).toBe(3);
    const unset = serviceConfigFromEnv({});
    if (!unset.ok) throw new Error(unset.error);
    expect(ingestWorkers(unset.config)).toBe(availableParallelism());
    for (const wrong of ['0', '65', '1.5', 'many'])
      expect(serviceConfigFromEnv({ INGEST_CONCURRENCY: wrong })).toMatchObject({
        ok: false,
        error: expect.stringMatching(/^INGEST_CONCURRENCY: /),
      });
  });
});

describe('the composed OpenSearch index', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  /** The headers of the first request the composed index sends when it prepares (`indices.exists`). */
  async function headersOfPrepare(env: Record<string, string>): Promise<IncomingHttpHeaders> {
    let headers: IncomingHttpHeaders = {};
    const server = createServer((request, response) => {
      headers = request.headers;
      response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    const { port } = server.address() as AddressInfo;
    const { prepare, closeIndex } = await composeSearchIndex(
      searchOf({ OPENSEARCH_URL: `http://127.0.0.1:${port}`, ...env }),
    );
    try {
      await prepare();
    } finally {
      closeIndex();
      server.close();
    }
    return headers;
  }

  it('sends a local node plain requests, with no AWS credentials anywhere', async () => {
    vi.stubEnv('AWS_ACCESS_KEY_ID', undefined);
    vi.stubEnv('AWS_SECRET_ACCESS_KEY', undefined);
    vi.stubEnv('AWS_PROFILE', 'no-such-profile');
    const headers = await headersOfPrepare({});
    expect(headers.authorization).toBeUndefined();
    expect(headers).not.toHaveProperty('x-amz-date');
  });

  it('signs with SigV4 for the configured region when signing is asked for', async () => {
    vi.stubEnv('AWS_ACCESS_KEY_ID', 'AKIDEXAMPLE');
    vi.stubEnv('AWS_SECRET_ACCESS_KEY', 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY');
    const headers = await headersOfPrepare({ OPENSEARCH_SIGNING: 'sigv4', AWS_REGION: 'eu-west-1' });
    expect(headers.authorization).toMatch(/^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\/\d{8}\/eu-west-1\/es\//);
  });
});
