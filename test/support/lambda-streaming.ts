/**
 * The one part of Lambda's Node.js runtime a response-streaming handler uses, for tests where the
 * runtime is not: the `awslambda` global (`streamifyResponse`, `HttpResponseStream.from`) and the
 * response stream the runtime hands the handler, here a real Node Writable that keeps what is
 * written to it as the runtime would send it. Modelled on the runtime interface client
 * (aws-lambda-nodejs-runtime-interface-client, HttpResponseStream.js and ResponseStream.js): a
 * handler marked as streaming, and an HTTP answer written as a JSON prelude (status, headers,
 * cookies), 8 NUL bytes, then the body. Erasable TypeScript only: the bundle test imports it
 * into a plain `node` process.
 */
import { Writable } from 'node:stream';

/** The content type the runtime gives a stream that starts with an HTTP prelude. */
export const HTTP_INTEGRATION_RESPONSE = 'application/vnd.awslambda.http-integration-response';
/** What separates the prelude from the body. */
const DELIMITER = new Uint8Array(8);
/** How the runtime marks a handler that streams (`handler[Symbol.for(...)] === 'response'`). */
const STREAMING = Symbol.for('aws.lambda.runtime.handler.streaming');

type Write = (chunk: string | Uint8Array) => void;

/** Holds a body chunk until the promise settles: the reader is slow, the writer must wait. */
export type Gate = (chunk: Buffer, index: number) => Promise<void>;

/** What a streaming handler is called with: the event, the response stream and the context. */
export type StreamingHandler = (
  event: unknown,
  responseStream: Writable,
  context: unknown,
) => Promise<unknown>;

/** The runtime's answer to a streamed invocation: the prelude and the body. */
export interface StreamedAnswer {
  readonly statusCode: number;
  readonly headers: Record<string, string>;
  readonly cookies: readonly string[];
  readonly body: Buffer;
}

/**
 * The response stream of one invocation. It keeps every chunk as it arrives (`chunks`, the
 * prelude's among them); `bodyChunks` counts the body's writes. A `gate` may hold each body
 * chunk: the stream then signals backpressure (its buffer holds a single byte), as a slow
 * client's connection does.
 */
export class ResponseStream extends Writable {
  contentType = 'application/octet-stream';
  /** Set by HttpResponseStream.from: writes the prelude before the first chunk. */
  _onBeforeFirstWrite: ((write: Write) => void) | undefined = undefined;
  readonly chunks: Buffer[] = [];
  bodyChunks = 0;
  readonly #gate: Gate | undefined;

  constructor(gate?: Gate) {
    super({ highWaterMark: 1 });
    this.#gate = gate;
  }

  setContentType(contentType: string): void {
    this.contentType = contentType;
  }

  override _write(chunk: Buffer, _encoding: BufferEncoding, callback: (error?: Error | null) => void): void {
    const before = this._onBeforeFirstWrite;
    if (before) {
      this._onBeforeFirstWrite = undefined;
      before((part) => this.chunks.push(Buffer.from(part)));
    }
    this.chunks.push(chunk);
    const index = this.bodyChunks++;
    if (this.#gate) this.#gate(chunk, index).then(() => callback(), callback);
    else callback();
  }

  /** What was written, read as the runtime's HTTP integration response: prelude, then body. */
  answer(): StreamedAnswer {
    if (this.contentType !== HTTP_INTEGRATION_RESPONSE)
      throw new Error(`not an HTTP answer: ${this.contentType}`);
    const bytes = Buffer.concat(this.chunks);
    const end = bytes.indexOf(DELIMITER);
    if (end < 0) throw new Error('no prelude: nothing was written');
    const prelude = JSON.parse(bytes.subarray(0, end).toString('utf8'));
    return { cookies: [], ...prelude, body: bytes.subarray(end + DELIMITER.length) };
  }
}

/** Provides the `awslambda` global as the runtime does, before a streaming entry point loads. */
export function installLambdaStreaming(): void {
  const awslambda = {
    streamifyResponse<H extends StreamingHandler>(handler: H): H {
      return Object.assign(handler, { [STREAMING]: 'response' });
    },
    HttpResponseStream: {
      from(stream: ResponseStream, prelude: object): ResponseStream {
        stream.setContentType(HTTP_INTEGRATION_RESPONSE);
        // JSON, so the prelude holds no NUL byte.
        const metadata = JSON.stringify(prelude);
        stream._onBeforeFirstWrite = (write) => {
          write(metadata);
          write(DELIMITER);
        };
        return stream;
      },
    },
  };
  Object.assign(globalThis, { awslambda });
}

/** Whether the runtime would stream this handler's answers (it was wrapped in streamifyResponse). */
export function isStreamingHandler(handler: unknown): boolean {
  return (
    typeof handler === 'function' && (handler as unknown as Record<symbol, unknown>)[STREAMING] === 'response'
  );
}

/**
 * A function URL's event (payload 2.0, as the HTTP API's) for a GET of `path` with `query` as the
 * client wrote it; a function URL passes the path still encoded.
 */
export function functionUrlEvent(path: string, query = '', method = 'GET') {
  const domainName = 'abcdefghijklmnop.lambda-url.eu-north-1.on.aws';
  return {
    version: '2.0',
    routeKey: '$default',
    rawPath: path,
    rawQueryString: query,
    headers: { host: domainName, 'user-agent': 'curl/8.5.0', accept: '*/*' },
    requestContext: {
      accountId: 'anonymous',
      apiId: 'abcdefghijklmnop',
      domainName,
      domainPrefix: 'abcdefghijklmnop',
      http: { method, path, protocol: 'HTTP/1.1', sourceIp: '192.0.2.1', userAgent: 'curl/8.5.0' },
      requestId: 'test-request',
      routeKey: '$default',
      stage: '$default',
      time: '23/Nov/2026:10:00:00 +0000',
      timeEpoch: 1795428000000,
    },
    isBase64Encoded: false,
  };
}

/** The part of Lambda's context a handler may read. */
export const LAMBDA_CONTEXT = {
  awsRequestId: 'test-request',
  functionName: 'minutes-export',
  functionVersion: '$LATEST',
  invokedFunctionArn: 'arn:aws:lambda:eu-north-1:111122223333:function:minutes-export',
  memoryLimitInMB: '1024',
  getRemainingTimeInMillis: () => 300_000,
};
