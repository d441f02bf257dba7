// Just what minutes-search uses of the two local AWS emulators; neither ships its own types.

declare module 's3rver' {
  import type { EventEmitter } from 'node:events';
  import type { IncomingMessage, Server, ServerResponse } from 'node:http';
  import type { AddressInfo } from 'node:net';

  export interface S3rverBucketConfig {
    readonly name: string;
    /** XML documents: CORSConfiguration or WebsiteConfiguration. */
    readonly configs?: readonly (string | Buffer)[];
  }

  export interface S3rverOptions {
    readonly address?: string;
    /** 0 picks a free port; read it from the address `run()` resolves to. */
    readonly port?: number;
    readonly silent?: boolean;
    readonly directory?: string;
    readonly resetOnClose?: boolean;
    readonly allowMismatchedSignatures?: boolean;
    readonly configureBuckets?: readonly S3rverBucketConfig[];
  }

  /** One S3-style notification. `object.key` is NOT URL-encoded (real S3 encodes it). */
  export interface S3rverEventRecord {
    readonly eventVersion: string;
    readonly eventSource: 'aws:s3';
    readonly awsRegion: string;
    readonly eventTime: string;
    readonly eventName:
      | 'ObjectCreated:Put'
      | 'ObjectCreated:Post'
      | 'ObjectCreated:Copy'
      | 'ObjectRemoved:Delete';
    readonly s3: {
      readonly s3SchemaVersion: string;
      readonly configurationId: string;
      readonly bucket: { readonly name: string; readonly arn: string };
      readonly object: {
        readonly key: string;
        readonly size?: number;
        readonly eTag?: string;
        readonly sequencer: string;
      };
    };
  }

  export interface S3rverEvent {
    readonly Records: readonly S3rverEventRecord[];
  }

  export default class S3rver extends EventEmitter {
    constructor(options?: S3rverOptions);
    /** Set once `run()` has resolved. */
    httpServer: Server | undefined;
    run(): Promise<AddressInfo>;
    /** Creates the buckets of `configureBuckets` without a server. */
    configureBuckets(): Promise<void>;
    /** The request handler, for a server of one's own. */
    callback(): (request: IncomingMessage, response: ServerResponse) => void;
    close(): Promise<void>;
    reset(): void;
    on(event: 'event', listener: (event: S3rverEvent) => void): this;
    on(event: string | symbol, listener: (...args: unknown[]) => void): this;
  }
}

declare module 'dynalite' {
  import type { Server } from 'node:http';

  export interface DynaliteOptions {
    /** LevelDB folder; in memory when absent. */
    readonly path?: string;
    readonly createTableMs?: number;
    readonly deleteTableMs?: number;
    readonly updateTableMs?: number;
    readonly maxItemSizeKb?: number;
  }

  /** An http.Server that speaks the DynamoDB API once listening. */
  export default function dynalite(options?: DynaliteOptions): Server;
}
