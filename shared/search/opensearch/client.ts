import { defaultProvider } from '@aws-sdk/credential-provider-node';
import { Client } from '@opensearch-project/opensearch';
import { AwsSigv4Signer } from '@opensearch-project/opensearch/aws';

export interface OpenSearchClientOptions {
  /** The cluster's URL: an Amazon OpenSearch Service endpoint, or a local cluster. */
  readonly node: string;
  /** The AWS region: requests are then signed with SigV4. Absent for a local cluster. */
  readonly region?: string;
  /** `es` for a managed domain, `aoss` for OpenSearch Serverless. */
  readonly service?: 'es' | 'aoss';
}

export function createOpenSearchClient({ node, region, service = 'es' }: OpenSearchClientOptions): Client {
  if (!region) return new Client({ node });
  // The default chain (environment, SSO, profile, the Lambda role); it caches and refreshes credentials.
  const credentials = defaultProvider();
  return new Client({
    node,
    ...AwsSigv4Signer({ region, service, getCredentials: () => credentials() }),
  });
}
