/**
 * Stands in for @aws-sdk/credential-provider-node in the Lambda bundles (house-bundling.ts aliases
 * the package to this file). Lambda puts the function role's credentials in the environment, so
 * the node default chain (SSO, shared ini files, credential processes, web identity, container and
 * instance metadata, and the STS and SSO clients they bring) would be bundled and parsed at every
 * cold start for nothing. Every SDK client's default credentials, and the OpenSearch signer's,
 * become the SDK's environment provider; outside the bundles (the CLI, the local server) the full
 * chain stays.
 */
import { fromEnv } from '@aws-sdk/credential-provider-env';

/** What the SDK clients' runtime configuration imports: their default credential provider. */
export const defaultProvider: typeof fromEnv = (init) => fromEnv(init);
