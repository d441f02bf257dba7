import { availableParallelism } from 'node:os';
import { z } from 'zod';
import { defaultLimits, type ExtractLimits, SEARCH_BUDGET, SEARCH_CACHE_MATCHES } from './limits.ts';

/**
 * Everything the service reads from its environment, validated once by the composition root
 * (a Lambda handler, the local server, the CLI). The domain never reads `process.env`.
 */
const Env = z
  .object({
    BUCKET_NAME: z.string().min(1).default('minutes'),
    TABLE_NAME: z.string().min(1).default('minutes-registry'),
    AWS_REGION: z.string().min(1).default('eu-north-1'),
    /** Local emulators (s3rver, dynalite); absent in AWS. */
    S3_ENDPOINT: z.url().optional(),
    DYNAMODB_ENDPOINT: z.url().optional(),
    SEARCH_ENGINE: z.enum(['sqlite', 'opensearch']).default('sqlite'),
    /** Where the embedded engine keeps its file, and the local emulators their data. */
    DATA_DIR: z.string().min(1).default('.data'),
    /** The most occurrences of its terms one search of the embedded engine reads (limits.ts SEARCH_BUDGET). */
    SEARCH_BUDGET: z.coerce.number().int().positive().default(SEARCH_BUDGET),
    /** The most matches the embedded engine keeps from recent searches; 0 keeps none (limits.ts SEARCH_CACHE_MATCHES). */
    SEARCH_CACHE: z
      .string()
      .trim()
      .min(1, 'a whole number, 0 for none')
      .pipe(z.coerce.number<string>().int().nonnegative())
      .default(SEARCH_CACHE_MATCHES),
    /** The cluster as a deployment writes it (the CDK app); wins over OPENSEARCH_URL when both are set. */
    OPENSEARCH_ENDPOINT: z.url().optional(),
    /** The same, as the local tools spell it (`npm run opensearch`, the test setup). */
    OPENSEARCH_URL: z.url().optional(),
    /** Whether requests are SigV4-signed; by the endpoint's host when absent (AWS_DOMAIN_HOST). */
    OPENSEARCH_SIGNING: z.enum(['sigv4', 'none']).optional(),
    OPENSEARCH_INDEX: z.string().min(1).default('minutes'),
    /** The Hunspell word list as an OpenSearch package path; inline in the settings when absent. */
    OPENSEARCH_WORD_LIST_PATH: z.string().min(1).optional(),
    UPLOAD_MAX_BYTES: z.coerce.number().int().positive().default(defaultLimits.maxBytes),
    /** How long presigned links (PDF downloads, uploads) stay valid. */
    LINK_TTL_SECONDS: z.coerce.number().int().min(10).max(3600).default(300),
    EXTRACT_MAX_BYTES: z.coerce.number().int().positive().default(defaultLimits.maxBytes),
    EXTRACT_MAX_PAGES: z.coerce.number().int().positive().default(defaultLimits.maxPages),
    EXTRACT_TIMEOUT_SECONDS: z.coerce
      .number()
      .positive()
      .default(defaultLimits.timeoutMs / 1000),
    EXTRACT_MAX_MEMORY_MB: z.coerce.number().int().min(64).default(defaultLimits.maxMemoryMb),
    /** Documents one process reads at once, a worker thread each (ingestWorkers); the cores when absent. */
    INGEST_CONCURRENCY: z.coerce.number().int().min(1).max(64).optional(),
    /**
     * Where GET /export streams from when the API's own runtime cannot stream (API Gateway's HTTP
     * API buffers an answer, 6 MB at most): the export function's URL. /export then answers a 307
     * redirect to `<this origin>/export` with its query. Absent (locally), /export streams itself.
     */
    EXPORT_STREAM_URL: z.url({ protocol: /^https?$/ }).optional(),
  })
  .refine((env) => env.SEARCH_ENGINE !== 'opensearch' || env.OPENSEARCH_ENDPOINT || env.OPENSEARCH_URL, {
    message: 'OPENSEARCH_ENDPOINT (or OPENSEARCH_URL) is required when SEARCH_ENGINE is opensearch',
    path: ['OPENSEARCH_ENDPOINT'],
  });

/** The variables the service reads, as a deployment writes them (the CDK app names them by this type). */
export type ServiceEnv = z.input<typeof Env>;

export interface ServiceConfig {
  readonly bucket: string;
  readonly table: string;
  readonly region: string;
  readonly endpoints: { readonly s3?: string; readonly dynamodb?: string };
  readonly search:
    | {
        readonly engine: 'sqlite';
        readonly path: string;
        /**
         * The most occurrences of its terms one search reads; more, and it is refused.
         * @default SEARCH_BUDGET
         */
        readonly budget?: number;
        /**
         * The most matches kept from recent searches for their next pages and repeats; 0 keeps none.
         * @default SEARCH_CACHE_MATCHES
         */
        readonly cache?: number;
      }
    | {
        readonly engine: 'opensearch';
        readonly endpoint: string;
        readonly index: string;
        readonly wordListPath?: string;
        /** The region requests are SigV4-signed for (Amazon OpenSearch Service); null: plain HTTP (a local node). */
        readonly signingRegion: string | null;
      };
  readonly dataDir: string;
  readonly uploadMaxBytes: number;
  readonly linkTtlSeconds: number;
  readonly limits: ExtractLimits;
  /**
   * Documents this process reads at once, each on an extraction worker thread that holds its
   * memory: the local service's queue, and the CLI's extract and reindex. A Lambda function
   * reads one document an invocation and ignores it.
   * @default the cores (ingestWorkers)
   */
  readonly ingestConcurrency?: number;
  /** The export function's URL, where GET /export redirects; null: /export streams itself. */
  readonly exportStreamUrl: string | null;
}

/** A configuration error in one line: each variable and what is wrong with it. */
export function describeIssues(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
}

export type ServiceConfigResult = { ok: true; config: ServiceConfig } | { ok: false; error: string };

export function serviceConfigFromEnv(env: Readonly<Record<string, string | undefined>>): ServiceConfigResult {
  const parsed = Env.safeParse(env);
  if (!parsed.success) return { ok: false, error: describeIssues(parsed.error) };
  const e = parsed.data;
  return {
    ok: true,
    config: {
      bucket: e.BUCKET_NAME,
      table: e.TABLE_NAME,
      region: e.AWS_REGION,
      endpoints: { s3: e.S3_ENDPOINT, dynamodb: e.DYNAMODB_ENDPOINT },
      search:
        e.SEARCH_ENGINE === 'opensearch'
          ? openSearchOf(e)
          : {
              engine: 'sqlite',
              path: `${e.DATA_DIR}/search.sqlite`,
              budget: e.SEARCH_BUDGET,
              cache: e.SEARCH_CACHE,
            },
      dataDir: e.DATA_DIR,
      uploadMaxBytes: e.UPLOAD_MAX_BYTES,
      linkTtlSeconds: e.LINK_TTL_SECONDS,
      limits: {
        maxBytes: e.EXTRACT_MAX_BYTES,
        maxPages: e.EXTRACT_MAX_PAGES,
        timeoutMs: Math.round(e.EXTRACT_TIMEOUT_SECONDS * 1000),
        maxMemoryMb: e.EXTRACT_MAX_MEMORY_MB,
      },
      ingestConcurrency: e.INGEST_CONCURRENCY,
      exportStreamUrl: e.EXPORT_STREAM_URL ?? null,
    },
  };
}

/** The extraction workers a process reading documents runs: INGEST_CONCURRENCY, else one a core. */
export function ingestWorkers(config: Pick<ServiceConfig, 'ingestConcurrency'>): number {
  return config.ingestConcurrency ?? availableParallelism();
}

/** An Amazon OpenSearch Service domain's endpoint (public or VPC): it takes SigV4-signed requests only. */
const AWS_DOMAIN_HOST = /\.es\.amazonaws\.com(\.cn)?$/;

function openSearchOf(e: z.output<typeof Env>): ServiceConfig['search'] {
  const endpoint = e.OPENSEARCH_ENDPOINT ?? e.OPENSEARCH_URL ?? '';
  const signed = e.OPENSEARCH_SIGNING
    ? e.OPENSEARCH_SIGNING === 'sigv4'
    : AWS_DOMAIN_HOST.test(new URL(endpoint).hostname);
  return {
    engine: 'opensearch',
    endpoint,
    index: e.OPENSEARCH_INDEX,
    wordListPath: e.OPENSEARCH_WORD_LIST_PATH,
    signingRegion: signed ? e.AWS_REGION : null,
  };
}
