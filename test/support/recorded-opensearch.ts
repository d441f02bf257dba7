import { readFileSync } from 'node:fs';
import type { ClientRequest, IncomingMessage } from 'node:http';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { Connection } from '@opensearch-project/opensearch';
import { createSearchClient, type SearchClient } from '#search/opensearch/search-client.ts';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'opensearch');

export interface RecordedRequest {
  readonly method: string;
  readonly path: string;
  readonly querystring: string;
  /** JSON bodies parsed; NDJSON (bulk) bodies as the list of their lines, parsed. */
  readonly body: unknown;
}

interface Reply {
  readonly status: number;
  readonly body: string;
}

type RequestParams = Parameters<Connection['request']>[0];
type ResponseCallback = Parameters<Connection['request']>[1];

/**
 * An OpenSearch that answers from recorded responses (test/fixtures/opensearch/*.json) in the
 * order they are queued, and keeps every request it was sent. It plugs into the client as its
 * Connection, so the client's own serialisation, status handling and errors all run.
 */
export class RecordedOpenSearch {
  readonly requests: RecordedRequest[] = [];
  readonly #replies: Reply[] = [];

  /** Queues the recorded response body of a fixture, with its status. */
  reply(fixture: string, status = 200): this {
    this.#replies.push({ status, body: readFileSync(join(FIXTURES, `${fixture}.json`), 'utf8') });
    return this;
  }

  /** Queues a response without a body, as OpenSearch answers HEAD requests. */
  replyStatus(status: number): this {
    this.#replies.push({ status, body: '' });
    return this;
  }

  /** The nth request sent (from 0); throws when there was none, so a test fails clearly. */
  request(n: number): RecordedRequest {
    const request = this.requests[n];
    if (!request) throw new Error(`Only ${this.requests.length} requests were sent, not ${n + 1}`);
    return request;
  }

  get pending(): number {
    return this.#replies.length;
  }

  /** The service's own client (the one the Lambdas run) over the recorded connection. */
  client(): SearchClient {
    return createSearchClient({
      node: 'http://opensearch.recorded:9200',
      Connection: this.#connection(),
      maxRetries: 0,
    });
  }

  #connection(): typeof Connection {
    const recorded = this;
    return class RecordedConnection extends Connection {
      override request(params: RequestParams, callback: ResponseCallback): ClientRequest {
        recorded.#record(params);
        const reply = recorded.#replies.shift();
        if (!reply) throw new Error(`No recorded response for ${params.method} ${params.path}`);
        process.nextTick(callback, null, response(reply));
        // The transport only ever aborts the request it gets back.
        return { abort: () => {} } as unknown as ClientRequest;
      }
    };
  }

  #record(params: RequestParams): void {
    const text = typeof params.body === 'string' ? params.body : '';
    const ndjson = params.path?.endsWith('/_bulk');
    this.requests.push({
      method: params.method ?? 'GET',
      path: params.path ?? '',
      querystring: params.querystring ?? '',
      body:
        text === ''
          ? null
          : ndjson
            ? text
                .trimEnd()
                .split('\n')
                .map((line) => JSON.parse(line))
            : JSON.parse(text),
    });
  }
}

function response(reply: Reply): IncomingMessage {
  const message = Readable.from(reply.body === '' ? [] : [reply.body]) as Readable & Partial<IncomingMessage>;
  message.statusCode = reply.status;
  message.headers = {
    'content-type': 'application/json; charset=UTF-8',
    'content-length': String(Buffer.byteLength(reply.body)),
  };
  return message as IncomingMessage;
}
