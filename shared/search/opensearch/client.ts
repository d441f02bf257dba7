import { Client } from '@opensearch-project/opensearch';
import { awsSigning, type OpenSearchClientOptions } from './search-client.ts';

/**
 * The package's full client, signed as the service's own (search-client.ts), for scripts and tests
 * that inspect or administer a cluster beyond what the service calls. The service itself uses
 * createSearchClient, which loads only the calls it makes.
 */
export function createOpenSearchClient({ node, region, service }: OpenSearchClientOptions): Client {
  if (!region) return new Client({ node });
  return new Client({ node, ...awsSigning(region, service) });
}
