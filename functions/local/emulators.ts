import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import dynalite from 'dynalite';
import S3rver from 's3rver';

export interface EmulatorOptions {
  readonly bucket: string;
  /** The interface both listen on. */
  readonly host: string;
  /** 0 picks a free port. */
  readonly s3Port: number;
  readonly dynamoPort: number;
  /** The folder s3rver keeps its buckets in. */
  readonly s3Directory: string;
  /** The folder dynalite keeps its tables in; in memory when absent. */
  readonly dynamoDirectory?: string;
  /** CORS configuration XML for the bucket, so a browser can PUT to presigned URLs. */
  readonly bucketCors?: string;
}

export interface Emulators {
  readonly endpoints: { readonly s3: string; readonly dynamodb: string };
  /** `s3rver.on('event', ...)` receives S3-style notifications (keys not URL-encoded). */
  readonly s3rver: S3rver;
  stop(): Promise<void>;
}

/** A port already taken, named, so a user can tell which setting to change. */
export class PortInUseError extends Error {
  override readonly name = 'PortInUseError';
  readonly service: string;
  readonly port: number;
  constructor(service: string, port: number, options?: ErrorOptions) {
    super(`port ${port} (${service}) is already in use`, options);
    this.service = service;
    this.port = port;
  }
}

/** s3rver (S3) and dynalite (DynamoDB): the AWS the service talks to on a laptop and in tests. */
export async function startEmulators(options: EmulatorOptions): Promise<Emulators> {
  const s3rver = new S3rver({
    silent: true,
    directory: options.s3Directory,
    configureBuckets: [
      { name: options.bucket, configs: options.bucketCors === undefined ? [] : [options.bucketCors] },
    ],
  });
  await s3rver.configureBuckets();
  // Our own server around s3rver's handler: s3rver's run() never rejects when its port is taken.
  const s3 = createServer(s3rver.callback());
  const s3Address = await listen(s3, options.host, options.s3Port).catch((error: unknown) => {
    throw portError(error, 'S3 endpoint', options.s3Port);
  });
  const dynamo = dynalite({
    createTableMs: 0,
    deleteTableMs: 0,
    updateTableMs: 0,
    ...(options.dynamoDirectory === undefined ? {} : { path: options.dynamoDirectory }),
  });
  const dynamoAddress = await listen(dynamo, options.host, options.dynamoPort).catch(
    async (error: unknown) => {
      await s3rver.close();
      throw portError(error, 'DynamoDB endpoint', options.dynamoPort);
    },
  );
  return {
    endpoints: {
      s3: `http://${options.host}:${s3Address.port}`,
      dynamodb: `http://${options.host}:${dynamoAddress.port}`,
    },
    s3rver,
    async stop() {
      // Keep-alive sockets (the SDK's, fetch's) would otherwise hold close() open.
      s3.closeAllConnections();
      dynamo.closeAllConnections();
      await Promise.all([close(s3), close(dynamo)]);
    },
  };
}

function portError(error: unknown, service: string, port: number): unknown {
  return (error as NodeJS.ErrnoException).code === 'EADDRINUSE'
    ? new PortInUseError(service, port, { cause: error })
    : error;
}

function listen(server: Server, host: string, port: number): Promise<AddressInfo> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve(server.address() as AddressInfo));
  });
}

function close(server: Server): Promise<void> {
  return new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
}
