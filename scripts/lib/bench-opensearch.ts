/**
 * OpenSearch for the search benchmark: the node (the one at OPENSEARCH_URL, or one started for
 * the run), loading generated items through `_bulk` in the adapter's document form, and what the
 * engine reports about its memory and the index's size.
 */
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { API, Client } from '@opensearch-project/opensearch';
import { createOpenSearchClient } from '#search/opensearch/client.ts';
import { toDocument } from '#search/opensearch/document.ts';
import { BulkIndexError } from '#search/opensearch/errors.ts';
import { bulkFailures } from '#search/opensearch/response.ts';
import { startNode } from './opensearch-node.ts';
import type { SyntheticDocument } from './synthetic-items.ts';

export interface BenchNode {
  readonly url: string;
  readonly client: Client;
  /** How the node was found, for the header: given, or started with a heap of N MB. */
  readonly origin: string;
  /** The engine's own time (`took`, ms) summed over the requests answered since the last call, and their count. */
  engineSince(): { readonly tookMs: number; readonly requests: number };
  stop(): Promise<void>;
}

/** Sums `took` of the client's responses (searches and counts report it): the engine's time, no HTTP, no JS. */
function engineTime(client: Client): BenchNode['engineSince'] {
  let tookMs = 0;
  let requests = 0;
  client.on('response', (_error, result) => {
    requests++;
    const took = (result?.body as { took?: unknown } | undefined)?.took;
    if (typeof took === 'number') tookMs += took;
  });
  return () => {
    const since = { tookMs, requests };
    tookMs = 0;
    requests = 0;
    return since;
  };
}

/** The node at `url`, or, when none is given, a node of opensearch/ started on a free port and a throwaway folder. */
export async function benchNode(url: string | undefined, heapMb: number): Promise<BenchNode> {
  if (url) {
    const client = createOpenSearchClient({ node: url });
    return {
      url,
      client,
      origin: `at ${url} (OPENSEARCH_URL)`,
      engineSince: engineTime(client),
      stop: async () => void client.close(),
    };
  }
  const dir = await mkdtemp(join(tmpdir(), 'bench-opensearch-'));
  const node = await startNode({ port: 0, dir, heapMb });
  const client = createOpenSearchClient({ node: node.url });
  return {
    url: node.url,
    client,
    origin: `started for this run at ${node.url}, heap ${heapMb} MB`,
    engineSince: engineTime(client),
    async stop() {
      await client.close();
      await node.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** The engine's version, as `GET /` reports it. */
export async function engineVersion(client: Client): Promise<string> {
  const { body } = await client.info();
  return `OpenSearch ${body.version.number}`;
}

/**
 * Writes the documents' items through `_bulk`, `batchItems` items a request, in the form the
 * adapter indexes them (toDocument), then refreshes once so that every item is searchable.
 * The adapter's own replaceDocument (a delete and a bulk per document, each refreshed) is timed
 * apart: it waits for a refresh per document, which would make the load measure the refresh interval.
 */
export async function bulkLoad(
  client: Client,
  alias: string,
  documents: Iterable<SyntheticDocument>,
  batchItems: number,
): Promise<void> {
  let body: API.Bulk_RequestBody = [];
  const send = async () => {
    if (body.length === 0) return;
    const response = await client.bulk({ index: alias, body });
    if (response.body.errors) throw new BulkIndexError(bulkFailures(response.body));
    body = [];
  };
  for (const { items } of documents) {
    for (const item of items) body.push({ index: { _id: item.id } }, toDocument(item));
    if (body.length >= batchItems * 2) await send();
  }
  await send();
  await client.indices.refresh({ index: alias });
}

export interface NodeMemory {
  readonly heapUsed: number;
  readonly heapMax: number;
  /** The node process's resident memory, when it runs on this machine (read from /proc); else null. */
  readonly rss: number | null;
}

/** The JVM heap of the (one) node from `_nodes/stats`, and its process's RSS when it is local. */
export async function nodeMemory(client: Client): Promise<NodeMemory> {
  const [{ body: stats }, { body: info }] = await Promise.all([
    client.nodes.stats({ metric: ['jvm'] }),
    client.nodes.info({ metric: ['process'] }),
  ]);
  const [node] = Object.values(stats.nodes);
  const [about] = Object.values(info.nodes);
  const heap = node?.jvm?.mem;
  return {
    heapUsed: heap?.heap_used_in_bytes ?? 0,
    heapMax: heap?.heap_max_in_bytes ?? 0,
    rss: residentBytes(about?.process?.id),
  };
}

function residentBytes(pid: number | undefined): number | null {
  if (pid === undefined) return null;
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = /^VmRSS:\s+(\d+) kB$/m.exec(status)?.[1];
    // A process of the same id on this machine that is no JVM is not the node.
    return kb && readFileSync(`/proc/${pid}/comm`, 'utf8').trim() === 'java' ? Number(kb) * 1024 : null;
  } catch {
    return null;
  }
}

/** The index's size on disk (primaries, `_stats`) and its item count. */
export async function indexSize(client: Client, alias: string): Promise<{ bytes: number; items: number }> {
  const { body } = await client.indices.stats({ index: alias, metric: ['store', 'docs'] });
  const primaries = body._all.primaries;
  return { bytes: primaries?.store?.size_in_bytes ?? 0, items: primaries?.docs?.count ?? 0 };
}

/** Deletes the versioned indices behind a benchmark's alias. */
export async function deleteBenchIndex(client: Client, alias: string): Promise<void> {
  await client.indices.delete({ index: `${alias}-v*` }, { ignore: [404] });
}
