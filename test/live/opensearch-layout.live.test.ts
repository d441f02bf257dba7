import { randomUUID } from 'node:crypto';
import type { Client } from '@opensearch-project/opensearch';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SearchQuery } from '#domain/search.ts';
import { createOpenSearchClient } from '#search/opensearch/client.ts';
import { OpenSearchIndex } from '#search/opensearch/opensearch-index.ts';
import { createIndexBody } from '#search/opensearch/settings.ts';
import { BEHAVIOUR_DOCUMENTS } from '#test/support/search-index-behaviour.ts';

/** An index made by an earlier version of the code: the fields of today, another fingerprint. */
async function createOldIndex(client: Client, alias: string): Promise<void> {
  const body = createIndexBody({});
  await client.indices.create({
    index: `${alias}-v1`,
    body: { ...body, mappings: { ...body.mappings, _meta: { layout: 'earlier' } }, aliases: { [alias]: {} } },
  });
}

describe.skipIf(!process.env.OPENSEARCH_URL)('OpenSearch index layout (OPENSEARCH_URL)', () => {
  const prefix = `test-layout-${randomUUID().slice(0, 8)}`;
  let client: Client;

  beforeAll(() => {
    client = createOpenSearchClient({ node: process.env.OPENSEARCH_URL ?? '' });
  });

  afterAll(async () => {
    const { body } = await client.indices.get({ index: `${prefix}-*` });
    if (Object.keys(body).length) await client.indices.delete({ index: Object.keys(body) });
    await client.close();
  });

  it('knows an index it created as current', async () => {
    const index = new OpenSearchIndex({ client, alias: `${prefix}-new` });
    await index.ensureIndex();
    expect(await index.layoutIsCurrent()).toBe(true);
  });

  it('knows an index an earlier version made, and is current again once rebuilt', async () => {
    const alias = `${prefix}-old`;
    await createOldIndex(client, alias);
    const index = new OpenSearchIndex({ client, alias });
    await index.ensureIndex();
    expect(await index.layoutIsCurrent()).toBe(false);
    const [documentId, items] = Object.entries(BEHAVIOUR_DOCUMENTS)[0] ?? [];
    if (!documentId || !items) throw new Error('a behaviour document expected');
    await index.reindex((fresh) => fresh.replaceDocument(documentId, items));
    expect(await index.layoutIsCurrent()).toBe(true);
    expect((await index.search(SearchQuery.parse({}))).total).toBe(items.length);
  });
});
