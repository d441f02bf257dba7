// The parts of @opensearch-project/opensearch that shared/search/opensearch/search-client.ts builds its
// client from. The package types them only as members of its `Client`: each API module exports a
// function that reads `this.transport`, bound by the client to itself; api/utils.js has no types.

type OpenSearchApiFunction = (this: { transport: unknown }, ...args: never[]) => unknown;

declare module '@opensearch-project/opensearch/api/_core/bulk.js' {
  const call: OpenSearchApiFunction;
  export default call;
}
declare module '@opensearch-project/opensearch/api/_core/deleteByQuery.js' {
  const call: OpenSearchApiFunction;
  export default call;
}
declare module '@opensearch-project/opensearch/api/_core/get.js' {
  const call: OpenSearchApiFunction;
  export default call;
}
declare module '@opensearch-project/opensearch/api/_core/search.js' {
  const call: OpenSearchApiFunction;
  export default call;
}
declare module '@opensearch-project/opensearch/api/indices/create.js' {
  const call: OpenSearchApiFunction;
  export default call;
}
declare module '@opensearch-project/opensearch/api/indices/delete.js' {
  const call: OpenSearchApiFunction;
  export default call;
}
declare module '@opensearch-project/opensearch/api/indices/exists.js' {
  const call: OpenSearchApiFunction;
  export default call;
}
declare module '@opensearch-project/opensearch/api/indices/getAlias.js' {
  const call: OpenSearchApiFunction;
  export default call;
}
declare module '@opensearch-project/opensearch/api/indices/getMapping.js' {
  const call: OpenSearchApiFunction;
  export default call;
}
declare module '@opensearch-project/opensearch/api/indices/updateAliases.js' {
  const call: OpenSearchApiFunction;
  export default call;
}
declare module '@opensearch-project/opensearch/api/utils.js' {
  /** The key under which an API function finds the error for a missing required parameter. */
  export const kConfigErr: unique symbol;
}

// The package's d.ts give these CommonJS classes as `export default`, which TypeScript reads as a
// `default` property; the module is the class itself.
declare module '@opensearch-project/opensearch/lib/Connection.js' {
  import type { Connection } from '@opensearch-project/opensearch';

  const ConnectionClass: typeof Connection;
  export default ConnectionClass;
}
declare module '@opensearch-project/opensearch/lib/Serializer.js' {
  import type { Serializer } from '@opensearch-project/opensearch';

  const SerializerClass: typeof Serializer;
  export default SerializerClass;
}
declare module '@opensearch-project/opensearch/lib/Transport.js' {
  import type { Transport } from '@opensearch-project/opensearch';

  const TransportClass: typeof Transport;
  export default TransportClass;
}
