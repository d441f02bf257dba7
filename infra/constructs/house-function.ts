import { join } from 'node:path';
import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { type IRole, PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Architecture, Runtime, Tracing } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { type ILogGroup, LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { IDomain } from 'aws-cdk-lib/aws-opensearchservice';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import type { AuthEnv } from '#config/auth.ts';
import { defaultLimits } from '#config/limits.ts';
import type { ServiceEnv } from '#config/service.ts';
import { REGISTRY_TABLE } from '#storage/registry-table.ts';
import {
  copyRuntimeFilesCommands,
  HOUSE_ALIASES,
  HOUSE_ESBUILD,
  PROJECT_ROOT,
  workerBundleCommands,
} from './house-bundling.ts';
import { acknowledgeObjectWildcard } from './nag.ts';

/**
 * Limits and link lifetimes every function reads. A setting left out is not written, so the
 * service's own default applies (shared/config/service.ts).
 */
export interface ServiceSettings {
  /**
   * Largest upload the API accepts, in bytes (UPLOAD_MAX_BYTES).
   * @default - the service's default
   */
  readonly uploadMaxBytes?: number;
  /**
   * How long presigned links stay valid, in seconds, 10-3600 (LINK_TTL_SECONDS).
   * @default - the service's default
   */
  readonly linkTtlSeconds?: number;
  /**
   * Largest document the extractor reads, in bytes (EXTRACT_MAX_BYTES).
   * @default - the service's default
   */
  readonly extractMaxBytes?: number;
  /**
   * Most pages the extractor reads (EXTRACT_MAX_PAGES).
   * @default - the service's default
   */
  readonly extractMaxPages?: number;
  /**
   * Time one extraction may take, in seconds; must be shorter than the function's timeout
   * (EXTRACT_TIMEOUT_SECONDS, always written, as the service cannot know the function's timeout).
   * @default - the service's default, capped at the function's timeout less 10 s
   */
  readonly extractTimeoutSeconds?: number;
  /**
   * Memory the reading of one document may take, in MB (EXTRACT_MAX_MEMORY_MB, always written, as
   * the service cannot know the function's memory): past it the reading is stopped as too-large.
   * @default - half the function's memory
   */
  readonly extractMaxMemoryMb?: number;
}

/** The key prefix of uploads (shared/api/upload-key.ts): the only keys the API may presign a PUT for. */
export const UPLOAD_PREFIX = 'uploads/';

const TABLE_READS = ['dynamodb:GetItem', 'dynamodb:Query'];
const TABLE_READ_WRITE = [
  ...TABLE_READS,
  'dynamodb:BatchGetItem',
  'dynamodb:ConditionCheckItem',
  'dynamodb:PutItem',
  'dynamodb:UpdateItem',
  'dynamodb:DeleteItem',
  'dynamodb:BatchWriteItem',
];

/** The index alias both functions use (OPENSEARCH_INDEX), so the API's permissions can name it. */
export const SEARCH_ALIAS = 'minutes';

/**
 * What reading the index sends to OpenSearch (shared/search/opensearch/opensearch-index.ts):
 * search and count are POSTs with a body, an item is a GET by id. Paths under the index alias.
 */
export const SEARCH_READS = [
  { action: 'es:ESHttpPost', paths: ['_search'] },
  { action: 'es:ESHttpGet', paths: ['_doc/*'] },
] as const;

/**
 * What an export sends to OpenSearch: `matchBatches`' searches (POST _search with search_after)
 * through the alias, nothing else.
 */
export const EXPORT_READS = [{ action: 'es:ESHttpPost', paths: ['_search'] }] as const;

/**
 * How much of the search domain a function may use: `export` what an export reads (EXPORT_READS),
 * `read` what the API reads (SEARCH_READS), `readWrite` every HTTP request (ingest).
 */
export type SearchAccess = 'export' | 'read' | 'readWrite';

/** Everything about a house function but its entry point. */
export interface HouseFunctionOptions {
  /**
   * A description of the function.
   * @default - none
   */
  readonly description?: string;
  /**
   * Memory in MB (CPU scales with it).
   * @default 1024
   */
  readonly memorySize?: number;
  /**
   * @default Duration.seconds(30)
   */
  readonly timeout?: Duration;
  /**
   * How long the function's log group keeps its events.
   * @default RetentionDays.ONE_MONTH
   */
  readonly logRetention?: RetentionDays;
  /**
   * Reserved concurrency: caps (and guarantees) the function's parallel executions.
   * @default - unreserved, the account's pool
   */
  readonly reservedConcurrentExecutions?: number;
  /**
   * The execution role's name. A known name lets another stack refer to the role without a
   * reference to this one (the search domain's access policy does).
   * @default - a generated name
   */
  readonly roleName?: string;
  /**
   * Service limits passed as environment variables.
   * @default - the service's defaults, see ServiceSettings
   */
  readonly settings?: ServiceSettings;
}

export interface HouseFunctionProps extends HouseFunctionOptions {
  /** The entry point, relative to the project root (e.g. `functions/ingest/handler.ts`); it exports `handler`. */
  readonly entry: string;
  /**
   * Modules the function starts as worker threads, relative to the project root, each bundled
   * next to the handler as `<name>.mjs` (see WORKER_ENTRIES).
   * @default - none
   */
  readonly workers?: readonly string[];
}

/** Options of `bindSearch`. */
export interface SearchBinding {
  /**
   * The Hunspell word list as an OpenSearch custom package path (`analyzers/F...`).
   * @default - the word list goes inline in the index settings
   */
  readonly wordListPath?: string;
}

/**
 * The one way this service runs code in Lambda: a bundled ESM Node 24 function on Graviton with
 * X-Ray tracing, source-mapped stack traces, its own log group with retention, and a role that
 * gets nothing but what the bind helpers grant.
 */
export class HouseFunction extends Construct {
  readonly function: NodejsFunction;
  readonly role: IRole;
  readonly logGroup: ILogGroup;

  constructor(scope: Construct, id: string, props: HouseFunctionProps) {
    super(scope, id);
    const timeout = props.timeout ?? Duration.seconds(30);
    const settings = props.settings ?? {};
    const extractTimeout = extractTimeoutSeconds(settings, timeout);
    const memorySize = props.memorySize ?? 1024;
    this.logGroup = new LogGroup(this, 'LogGroup', {
      retention: props.logRetention ?? RetentionDays.ONE_MONTH,
      // The logs expire with their retention anyway.
      removalPolicy: RemovalPolicy.DESTROY,
    });
    const role = new Role(this, 'Role', {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      roleName: props.roleName,
      description: `Execution role of ${this.node.path}`,
    });
    // Instead of AWSLambdaBasicExecutionRole (logs:* on every log group): its own log group only.
    this.logGroup.grantWrite(role);
    this.role = role;

    this.function = new NodejsFunction(this, 'Function', {
      entry: join(PROJECT_ROOT, props.entry),
      handler: 'handler',
      projectRoot: PROJECT_ROOT,
      depsLockFilePath: join(PROJECT_ROOT, 'package-lock.json'),
      description: props.description,
      runtime: Runtime.NODEJS_24_X,
      architecture: Architecture.ARM_64,
      memorySize,
      timeout,
      tracing: Tracing.ACTIVE,
      logGroup: this.logGroup,
      role,
      reservedConcurrentExecutions: props.reservedConcurrentExecutions,
      environment: { NODE_OPTIONS: '--enable-source-maps' },
      bundling: {
        format: OutputFormat.ESM,
        target: HOUSE_ESBUILD.target,
        mainFields: [...HOUSE_ESBUILD.mainFields],
        banner: HOUSE_ESBUILD.banner,
        minify: HOUSE_ESBUILD.minify,
        sourceMap: HOUSE_ESBUILD.sourcemap,
        sourcesContent: HOUSE_ESBUILD.sourcesContent,
        // No externals, not even CDK's default `@aws-sdk/*`: the SDK is bundled at the version
        // the lock file pins and the tests ran, not whichever the runtime carries.
        externalModules: [],
        esbuildArgs: Object.fromEntries(
          Object.entries(HOUSE_ALIASES).map(([name, path]) => [`--alias:${name}`, path]),
        ),
        commandHooks: {
          beforeBundling: () => [],
          beforeInstall: () => [],
          afterBundling: (inputDir, outputDir) => [
            ...workerBundleCommands(inputDir, outputDir, props.workers ?? []),
            ...copyRuntimeFilesCommands(inputDir, outputDir),
          ],
        },
      },
    });
    Validations.of(role).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason:
        'Active tracing: xray:PutTraceSegments and xray:PutTelemetryRecords support no resource-level permissions.',
    });

    this.setVariable('UPLOAD_MAX_BYTES', settings.uploadMaxBytes);
    this.setVariable('LINK_TTL_SECONDS', settings.linkTtlSeconds);
    this.setVariable('EXTRACT_MAX_BYTES', settings.extractMaxBytes);
    this.setVariable('EXTRACT_MAX_PAGES', settings.extractMaxPages);
    this.setVariable('EXTRACT_TIMEOUT_SECONDS', extractTimeout);
    this.setVariable('EXTRACT_MAX_MEMORY_MB', settings.extractMaxMemoryMb ?? Math.floor(memorySize / 2));
  }

  /**
   * Object access to the minutes bucket, and BUCKET_NAME. `read`: any object, and listing (without
   * it S3 answers a missing key with 403, not 404). `presign`: the same, and uploads under
   * UPLOAD_PREFIX (a presigned URL carries its signer's permissions). Never delete or overwrite.
   */
  bindBucket(bucket: IBucket, access: 'read' | 'presign'): void {
    this.role.addToPrincipalPolicy(
      new PolicyStatement({ actions: ['s3:GetObject'], resources: [bucket.arnForObjects('*')] }),
    );
    this.role.addToPrincipalPolicy(
      new PolicyStatement({ actions: ['s3:ListBucket'], resources: [bucket.bucketArn] }),
    );
    acknowledgeObjectWildcard(
      this.role,
      bucket.bucketArn,
      'Minutes are addressed by object key: the function reads any object of this one bucket, no other bucket.',
    );
    if (access === 'presign') {
      const uploads = `${bucket.bucketArn}/${UPLOAD_PREFIX.slice(0, -1)}`;
      this.role.addToPrincipalPolicy(
        new PolicyStatement({ actions: ['s3:PutObject'], resources: [`${uploads}/*`] }),
      );
      acknowledgeObjectWildcard(
        this.role,
        uploads,
        'Uploads get a fresh key each (uploads/<date>/<id>/<name>): the function may presign a PUT under that prefix only.',
      );
    }
    this.setVariable('BUCKET_NAME', bucket.bucketName);
  }

  /** Item access to the registry table and its indexes (`read`: GetItem and Query only), and TABLE_NAME. */
  bindTable(table: ITable, access: 'read' | 'readWrite'): void {
    const indexArns = Object.values(REGISTRY_TABLE.indexes).map(
      (index) => `${table.tableArn}/index/${index.name}`,
    );
    this.role.addToPrincipalPolicy(
      new PolicyStatement({
        actions: access === 'read' ? TABLE_READS : TABLE_READ_WRITE,
        resources: [table.tableArn, ...indexArns],
      }),
    );
    this.setVariable('TABLE_NAME', table.tableName);
  }

  /**
   * HTTP access to the search domain (SigV4 with this role) and the SEARCH_* / OPENSEARCH_*
   * settings. `read`: the requests the API makes through the alias (SEARCH_READS); `export`: the
   * export's searches (EXPORT_READS); nothing else.
   */
  bindSearch(domain: IDomain, binding: SearchBinding = {}, access: SearchAccess = 'readWrite'): void {
    if (access === 'readWrite') {
      // Searches are POST _search, so even reading needs more than ESHttpGet/Head.
      domain.grantReadWrite(this.function);
      acknowledgeObjectWildcard(
        this.role,
        domain.domainArn,
        'OpenSearch HTTP permissions name paths under the domain (indexes are versioned: minutes-v1, -v2 behind an alias); this one domain only.',
      );
    } else {
      for (const { action, paths } of access === 'read' ? SEARCH_READS : EXPORT_READS) {
        this.role.addToPrincipalPolicy(
          new PolicyStatement({
            actions: [action],
            resources: paths.map((path) => `${domain.domainArn}/${SEARCH_ALIAS}/${path}`),
          }),
        );
      }
      if (access === 'read') {
        acknowledgeObjectWildcard(
          this.role,
          `${domain.domainArn}/${SEARCH_ALIAS}/_doc`,
          'Items are read by id (GET <alias>/_doc/<item id>): any document of the one index alias, nothing else.',
        );
      }
    }
    this.setVariable('SEARCH_ENGINE', 'opensearch');
    this.setVariable('OPENSEARCH_ENDPOINT', `https://${domain.domainEndpoint}`);
    this.setVariable('OPENSEARCH_INDEX', SEARCH_ALIAS);
    this.setVariable('OPENSEARCH_WORD_LIST_PATH', binding.wordListPath);
  }

  /** One of the service's variables (shared/config/service.ts, auth.ts), written only when given. */
  setVariable(name: keyof ServiceEnv | keyof AuthEnv, value: string | number | undefined): void {
    if (value !== undefined) this.function.addEnvironment(name, String(value));
  }
}

/** The extraction timeout: given, or the service's default capped below the function's timeout. */
function extractTimeoutSeconds(settings: ServiceSettings, timeout: Duration): number {
  const seconds =
    settings.extractTimeoutSeconds ?? Math.min(defaultLimits.timeoutMs / 1000, timeout.toSeconds() - 10);
  if (seconds <= 0 || seconds >= timeout.toSeconds()) {
    throw new Error(
      `EXTRACT_TIMEOUT_SECONDS (${seconds}) must be positive and below the function timeout (${timeout.toSeconds()} s)`,
    );
  }
  return seconds;
}
