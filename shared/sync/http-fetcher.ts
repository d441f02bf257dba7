/** Reads a URL from a portal. The sync use case gets one; only composition roots build it. */
export interface HttpFetcher {
  /**
   * The body of a 2xx answer to `GET url`. Rejects with an HttpFetchError once the answer is
   * final: another status, or a transient failure (429, 5xx, timeout, network) still there after
   * the adapter's retries.
   */
  get(url: string): Promise<Uint8Array>;
}

/** A GET that did not end in a 2xx answer. */
export class HttpFetchError extends Error {
  override readonly name = 'HttpFetchError';
  readonly url: string;
  /** The last answer's status, or null when none came (timeout, network). */
  readonly status: number | null;
  /**
   * The portal may answer later (rate limited, failing, unreachable, too slow) rather than that
   * the resource is not there: a run that meets several in a row stops.
   */
  readonly transient: boolean;

  constructor(
    url: string,
    status: number | null,
    transient: boolean,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.url = url;
    this.status = status;
    this.transient = transient;
  }
}
