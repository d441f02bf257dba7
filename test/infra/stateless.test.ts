import type { Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { uploadKey } from '#api/upload-key.ts';
import { authConfigFromEnv } from '#config/auth.ts';
import { serviceConfigFromEnv } from '#config/service.ts';
import { SearchQuery } from '#domain/search.ts';
import { OpenSearchIndex } from '#search/opensearch/opensearch-index.ts';
import { REGISTRY_TABLE } from '#storage/registry-table.ts';
import { ENTRY_POINTS } from '../../infra/constructs/house-bundling.ts';
import {
  EXPORT_READS,
  SEARCH_ALIAS,
  SEARCH_READS,
  UPLOAD_PREFIX,
} from '../../infra/constructs/house-function.ts';
import { flattenReference } from '../../infra/constructs/nag.ts';
import { RecordedOpenSearch } from '../support/recorded-opensearch.ts';
import { type Synthesized, synthApp } from './synth.ts';

const TOPIC = 'arn:aws:sns:eu-north-1:111122223333:minutes-alarms';

let dev: Synthesized;
let template: Template;

beforeAll(() => {
  dev = synthApp({ alarmTopicArn: TOPIC });
  template = dev.statelessTemplate;
});

type Resource = { Properties: Record<string, unknown> };
const resources = (type: string): Record<string, Resource> =>
  template.findResources(type) as Record<string, Resource>;

/** Each house function by the logical id of its construct (`<construct path>` without slashes). */
const CONSTRUCTS = { Ingest: 'IngestHandler', Api: 'ApiHandler', Export: 'ApiExport' } as const;
type FunctionName = keyof typeof CONSTRUCTS;

/** The Lambda function (not CDK's notification handler) of a house function. */
function houseFunction(name: FunctionName): { id: string; props: Record<string, unknown> } {
  const found = Object.entries(resources('AWS::Lambda::Function')).filter(([id]) =>
    id.startsWith(`${CONSTRUCTS[name]}Function`),
  );
  expect(found).toHaveLength(1);
  const [id, fn] = found[0] as [string, Resource];
  return { id, props: fn.Properties };
}

function environment(name: FunctionName): Record<string, unknown> {
  return (houseFunction(name).props.Environment as { Variables: Record<string, unknown> }).Variables;
}

/** The statements of the default policy of a function's role. */
function roleStatements(name: FunctionName): { Action: string | string[]; Resource: unknown }[] {
  const found = Object.entries(resources('AWS::IAM::Policy')).filter(([id]) =>
    id.startsWith(`${CONSTRUCTS[name]}RoleDefaultPolicy`),
  );
  expect(found).toHaveLength(1);
  const policy = (found[0] as [string, Resource])[1].Properties.PolicyDocument as { Statement: never[] };
  return policy.Statement;
}

/** An environment as deployed: references resolve only then, so a URL stands in for each. */
function deployed(env: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(env).map(([name, value]) => [
      name,
      typeof value === 'string' ? value : 'https://reference.example',
    ]),
  );
}

const actionsOf = (statements: { Action: string | string[] }[]) => statements.flatMap((s) => s.Action);

/** Every request the recorded OpenSearch was sent is granted, and every grant was needed. */
function expectGrantedExactly(
  reads: readonly { action: string; paths: readonly string[] }[],
  opensearch: RecordedOpenSearch,
): void {
  const sent = opensearch.requests.map(
    (r) => `es:ESHttp${r.method[0]}${r.method.slice(1).toLowerCase()} ${r.path.slice(1)}`,
  );
  const granted = reads.flatMap(({ action, paths }) =>
    paths.map((path) => `${action} ${SEARCH_ALIAS}/${path}`),
  );
  const allows = (grant: string, request: string) =>
    new RegExp(`^${grant.replace(/[.]/g, '\\.').replace(/\*/g, '.*')}$`).test(request);
  for (const request of sent)
    expect(
      granted.some((grant) => allows(grant, request)),
      request,
    ).toBe(true);
  for (const grant of granted)
    expect(
      sent.some((request) => allows(grant, request)),
      grant,
    ).toBe(true);
}

describe('house functions', () => {
  it.each(['Ingest', 'Api', 'Export'] as const)(
    '%s runs Node 24 on arm64 with active tracing and its own log group',
    (prefix) => {
      const { props } = houseFunction(prefix);
      expect(props).toMatchObject({
        Runtime: 'nodejs24.x',
        Architectures: ['arm64'],
        TracingConfig: { Mode: 'Active' },
      });
      expect(props.Handler).toBe('index.handler');
      const logGroupId = (props.LoggingConfig as { LogGroup: { Ref: string } }).LogGroup.Ref;
      expect(template.toJSON().Resources[logGroupId]).toMatchObject({
        Type: 'AWS::Logs::LogGroup',
        Properties: { RetentionInDays: 30 },
      });
    },
  );

  it.each(['Ingest', 'Api', 'Export'] as const)(
    '%s has source maps and the service settings, but not AWS_REGION',
    (prefix) => {
      const env = environment(prefix);
      expect(env).toMatchObject({
        NODE_OPTIONS: '--enable-source-maps',
        SEARCH_ENGINE: 'opensearch',
        OPENSEARCH_INDEX: SEARCH_ALIAS,
        EXTRACT_TIMEOUT_SECONDS: expect.stringMatching(/^\d+$/),
      });
      // The export reads the index only: neither the bucket nor the registry.
      expect(env.BUCKET_NAME !== undefined).toBe(prefix !== 'Export');
      expect(env.TABLE_NAME !== undefined).toBe(prefix !== 'Export');
      expect(flattenReference(env.OPENSEARCH_ENDPOINT)).toMatch(/^https:\/\//);
      // The stateful stack's word list package (test/infra/word-list.test.ts).
      expect(flattenReference(env.OPENSEARCH_WORD_LIST_PATH)).toMatch(
        /PublishOutputFnGetAttWordList\w+ReferencePath/,
      );
      expect(env).not.toHaveProperty('AWS_REGION');
      expect(Number(env.EXTRACT_TIMEOUT_SECONDS)).toBeLessThan(houseFunction(prefix).props.Timeout as number);
    },
  );

  it.each(['Ingest', 'Api', 'Export'] as const)(
    '%s leaves the limits it is not given to the service config, whose validation its environment passes',
    (prefix) => {
      const env = environment(prefix);
      for (const name of ['UPLOAD_MAX_BYTES', 'LINK_TTL_SECONDS', 'EXTRACT_MAX_BYTES', 'EXTRACT_MAX_PAGES']) {
        expect(env).not.toHaveProperty(name);
      }
      const result = serviceConfigFromEnv({ ...deployed(env), AWS_REGION: 'eu-north-1' });
      const defaults = serviceConfigFromEnv({});
      if (!result.ok || !defaults.ok) throw new Error(result.ok ? 'no defaults' : result.error);
      const { config } = result;
      expect(config.uploadMaxBytes).toBe(defaults.config.uploadMaxBytes);
      expect(config.linkTtlSeconds).toBe(defaults.config.linkTtlSeconds);
      expect(config.limits).toMatchObject({
        maxBytes: defaults.config.limits.maxBytes,
        maxPages: defaults.config.limits.maxPages,
      });
      expect(config.search).toMatchObject({ engine: 'opensearch', index: SEARCH_ALIAS });
      expect(authConfigFromEnv(deployed(env)).ok).toBe(true);
    },
  );

  it('gives ingest 2 GB and 5 minutes, and the API less than API Gateway’s 30 s', () => {
    expect(houseFunction('Ingest').props).toMatchObject({ MemorySize: 2048, Timeout: 300 });
    expect(houseFunction('Api').props.Timeout).toBeLessThan(30);
  });

  it('lets ingest only read and list minutes objects', () => {
    const ingest = actionsOf(roleStatements('Ingest'));
    expect(ingest).toEqual(expect.arrayContaining(['s3:GetObject', 's3:ListBucket']));
    expect(ingest.filter((action) => action.startsWith('s3:')).sort()).toEqual([
      's3:GetObject',
      's3:ListBucket',
    ]);
  });

  it('lets the API read and list minutes objects but put objects only under uploads/, and never delete', () => {
    const s3 = roleStatements('Api').filter((s) => actionsOf([s]).some((a) => a.startsWith('s3:')));
    const grants = s3.map((s) => [
      actionsOf([s]),
      flattenReference(s.Resource).replace(/^\{.*\}/, '<bucket>'),
    ]);
    expect(grants).toEqual([
      [['s3:GetObject'], '<bucket>/*'],
      [['s3:ListBucket'], '<bucket>'],
      [['s3:PutObject'], '<bucket>/uploads/*'],
    ]);
    expect(uploadKey('Referat.pdf', new Date()).startsWith(UPLOAD_PREFIX)).toBe(true);
  });

  it.each(['Ingest', 'Api'] as const)('%s reaches the table and exactly its three indexes', (prefix) => {
    const statement = roleStatements(prefix).find((s) => actionsOf([s]).includes('dynamodb:Query'));
    const resourcesOf = ((statement?.Resource ?? []) as unknown[]).map(flattenReference);
    expect(resourcesOf).toHaveLength(1 + Object.keys(REGISTRY_TABLE.indexes).length);
    for (const index of Object.values(REGISTRY_TABLE.indexes)) {
      expect(resourcesOf.some((arn) => arn.endsWith(`/index/${index.name}`))).toBe(true);
    }
    expect(actionsOf(roleStatements(prefix)).some((action) => action.includes('*'))).toBe(false);
  });

  it('lets the API only get and query the registry, as the registry’s reads do', () => {
    const dynamo = actionsOf(roleStatements('Api')).filter((action) => action.startsWith('dynamodb:'));
    expect(dynamo.sort()).toEqual(['dynamodb:GetItem', 'dynamodb:Query']);
    expect(actionsOf(roleStatements('Ingest'))).toEqual(
      expect.arrayContaining(['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem']),
    );
  });

  it('lets ingest call the search domain over HTTP, nothing else of it', () => {
    const es = actionsOf(roleStatements('Ingest')).filter((action) => action.startsWith('es:'));
    expect(es).toEqual(expect.arrayContaining(['es:ESHttpGet', 'es:ESHttpPost', 'es:ESHttpPut']));
    expect(es.every((action) => action.startsWith('es:ESHttp'))).toBe(true);
  });

  it('lets the API only search and get items through the index alias', () => {
    const es = roleStatements('Api').filter((s) => actionsOf([s]).some((a) => a.startsWith('es:')));
    const grants = es.map((s) => ({
      actions: actionsOf([s]),
      paths: [s.Resource].flat().map((r) => flattenReference(r).replace(/^\{.*\}/, '<domain>')),
    }));
    expect(grants).toEqual([
      { actions: ['es:ESHttpPost'], paths: ['<domain>/minutes/_search'] },
      { actions: ['es:ESHttpGet'], paths: ['<domain>/minutes/_doc/*'] },
    ]);
  });

  it('lets the API send exactly what its reads of the index send, no more', async () => {
    const opensearch = new RecordedOpenSearch();
    const index = new OpenSearchIndex({ client: opensearch.client(), alias: SEARCH_ALIAS });
    opensearch.reply('search-fravaer').reply('search-fravaer-partial').reply('get').reply('search-items-of');
    // What the API's routes and health check call: search (full matches, then the partial ones when few), get, itemsOf.
    await index.search(SearchQuery.parse({ q: 'sygefravær' }));
    await index.get('doc-a:1');
    await index.itemsOf('doc-a');
    expectGrantedExactly(SEARCH_READS, opensearch);
  });

  it('lets the export only search through the index alias: no bucket, no registry, no item by id', () => {
    const statements = roleStatements('Export');
    const actions = actionsOf(statements);
    expect(actions.filter((a) => !a.startsWith('logs:') && !a.startsWith('xray:'))).toEqual([
      'es:ESHttpPost',
    ]);
    const es = statements.find((s) => actionsOf([s]).includes('es:ESHttpPost'));
    expect([es?.Resource].flat().map((r) => flattenReference(r).replace(/^\{.*\}/, '<domain>'))).toEqual([
      '<domain>/minutes/_search',
    ]);
  });

  it('lets the export send exactly what an export reads of the index, no more', async () => {
    const opensearch = new RecordedOpenSearch();
    const index = new OpenSearchIndex({ client: opensearch.client(), alias: SEARCH_ALIAS });
    // GET /export reads matchBatches (search_after batches); one empty batch ends it.
    opensearch.reply('search-fravaer-partial');
    for await (const batch of index.matchBatches(SearchQuery.parse({ q: 'sygefravær' })))
      expect(batch).toEqual([]);
    expect(opensearch.requests).toHaveLength(1);
    expectGrantedExactly(EXPORT_READS, opensearch);
  });

  it('gives the export 5 minutes to stream, far beyond API Gateway’s 30 s', () => {
    expect(houseFunction('Export').props).toMatchObject({ Timeout: 300, MemorySize: 1024 });
    expect(houseFunction('Export').props.ReservedConcurrentExecutions).toBeUndefined();
  });

  it('writes logs to its own log group only, not through a managed policy', () => {
    for (const name of ['Ingest', 'Api', 'Export'] as const) {
      const logs = roleStatements(name).find((s) => actionsOf([s]).includes('logs:PutLogEvents'));
      expect(flattenReference(logs?.Resource)).toMatch(
        new RegExp(`^<${CONSTRUCTS[name]}LogGroup\\w+\\.Arn>$`),
      );
    }
    const roles = Object.entries(resources('AWS::IAM::Role')).filter(([id]) =>
      /^(IngestHandler|ApiHandler|ApiExport)Role/.test(id),
    );
    expect(roles).toHaveLength(3);
    for (const [, role] of roles) expect(role.Properties.ManagedPolicyArns).toBeUndefined();
  });
});

describe('ingest queue', () => {
  const queues = () => {
    const all = Object.entries(resources('AWS::SQS::Queue'));
    const main = all.find(([, q]) => q.Properties.RedrivePolicy);
    const dlq = all.find(([, q]) => !q.Properties.RedrivePolicy);
    if (!main || !dlq) throw new Error('expected a queue and its dead-letter queue');
    return { main, dlq };
  };

  it('is encrypted, hides a message 6 function timeouts, and redrives after 3 receives to a 14-day DLQ', () => {
    const { main, dlq } = queues();
    expect(main[1].Properties).toMatchObject({
      SqsManagedSseEnabled: true,
      RedrivePolicy: { deadLetterTargetArn: { 'Fn::GetAtt': [dlq[0], 'Arn'] }, maxReceiveCount: 3 },
    });
    expect(main[1].Properties.VisibilityTimeout).toBeGreaterThanOrEqual(6 * 300);
    expect(dlq[1].Properties).toMatchObject({
      SqsManagedSseEnabled: true,
      MessageRetentionPeriod: 14 * 24 * 3600,
    });
  });

  it('denies requests without TLS on both queues, and lets S3 send only from the minutes bucket', () => {
    const policies = Object.values(resources('AWS::SQS::QueuePolicy')).map(
      (p) => (p.Properties.PolicyDocument as { Statement: Record<string, unknown>[] }).Statement,
    );
    expect(policies).toHaveLength(2);
    for (const statements of policies) {
      expect(statements).toContainEqual(
        expect.objectContaining({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
      );
    }
    const fromS3 = policies.flat().find((s) => JSON.stringify(s.Principal).includes('s3.amazonaws.com'));
    expect(fromS3?.Condition).toMatchObject({ ArnLike: { 'aws:SourceArn': expect.anything() } });
  });

  it('receives the bucket’s ObjectCreated and ObjectRemoved events, merged with the bucket’s other notifications', () => {
    const [notifications] = Object.values(resources('Custom::S3BucketNotifications'));
    const { main } = queues();
    expect(notifications?.Properties).toMatchObject({
      Managed: false,
      NotificationConfiguration: {
        QueueConfigurations: [
          { Events: ['s3:ObjectCreated:*'], QueueArn: { 'Fn::GetAtt': [main[0], 'Arn'] } },
          { Events: ['s3:ObjectRemoved:*'], QueueArn: { 'Fn::GetAtt': [main[0], 'Arn'] } },
        ],
      },
    });
  });

  it('feeds the ingest function in batches that report failed messages one by one', () => {
    const { main } = queues();
    template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      EventSourceArn: { 'Fn::GetAtt': [main[0], 'Arn'] },
      FunctionName: { Ref: houseFunction('Ingest').id },
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      BatchSize: 5,
    });
  });
});

describe('alarms', () => {
  /** The one alarm on a metric (of one function, for Lambda's metrics). */
  const alarm = (metricName: string, fn?: FunctionName) => {
    const found = Object.values(resources('AWS::CloudWatch::Alarm')).filter(
      (a) =>
        a.Properties.MetricName === metricName &&
        (fn === undefined || JSON.stringify(a.Properties.Dimensions).includes(houseFunction(fn).id)),
    );
    expect(found).toHaveLength(1);
    return (found[0] as Resource).Properties;
  };

  it('fires on any message in the dead-letter queue', () => {
    expect(alarm('ApproximateNumberOfMessagesVisible')).toMatchObject({
      Namespace: 'AWS/SQS',
      ComparisonOperator: 'GreaterThanThreshold',
      Threshold: 0,
    });
  });

  it('fires on ingest function errors and on an old message in the queue', () => {
    expect(alarm('Errors', 'Ingest')).toMatchObject({
      Namespace: 'AWS/Lambda',
      Dimensions: [{ Name: 'FunctionName', Value: { Ref: houseFunction('Ingest').id } }],
      Threshold: 0,
    });
    expect(alarm('ApproximateAgeOfOldestMessage')).toMatchObject({ Namespace: 'AWS/SQS', Threshold: 3600 });
  });

  it('fires on any 5xx of the export URL and on any failed export', () => {
    for (const metric of ['Url5xxCount', 'Errors']) {
      expect(alarm(metric, 'Export'), metric).toMatchObject({
        Namespace: 'AWS/Lambda',
        Dimensions: [{ Name: 'FunctionName', Value: { Ref: houseFunction('Export').id } }],
        Statistic: 'Sum',
        Period: 300,
        Threshold: 1,
        ComparisonOperator: 'GreaterThanOrEqualToThreshold',
      });
    }
  });

  it('notifies the topic given as context, the API’s and the export’s alarms too', () => {
    const all = Object.values(resources('AWS::CloudWatch::Alarm'));
    expect(all.map((a) => a.Properties.MetricName).sort()).toEqual([
      '5xx',
      'ApproximateAgeOfOldestMessage',
      'ApproximateNumberOfMessagesVisible',
      'Errors',
      'Errors',
      'Latency',
      'Url5xxCount',
    ]);
    for (const a of all) expect(a.Properties.AlarmActions).toEqual([TOPIC]);
  });
});

describe('search API', () => {
  it('routes every request to the API function with payload 2.0, through one permission', () => {
    template.hasResourceProperties('AWS::ApiGatewayV2::Integration', {
      IntegrationType: 'AWS_PROXY',
      PayloadFormatVersion: '2.0',
      IntegrationUri: { 'Fn::GetAtt': [houseFunction('Api').id, 'Arn'] },
    });
    template.resourceCountIs('AWS::ApiGatewayV2::Integration', 1);
    const permissions = Object.values(resources('AWS::Lambda::Permission')).filter((p) =>
      JSON.stringify(p.Properties.SourceArn ?? '').includes('execute-api'),
    );
    expect(permissions).toHaveLength(1);
    expect(flattenReference(permissions[0]?.Properties.SourceArn)).toMatch(/:<Api\w+>\/\*\/\*\/\*$/);
  });

  it('throttles the stage and writes JSON access logs with the request id', () => {
    const [stage] = Object.values(resources('AWS::ApiGatewayV2::Stage'));
    expect(stage?.Properties).toMatchObject({
      StageName: '$default',
      AutoDeploy: true,
      DefaultRouteSettings: { ThrottlingRateLimit: 50, ThrottlingBurstLimit: 100 },
    });
    const logs = stage?.Properties.AccessLogSettings as { DestinationArn: unknown; Format: string };
    expect(flattenReference(logs.DestinationArn)).toMatch(/^<ApiAccessLogs\w+\.Arn>$/);
    expect(JSON.parse(logs.Format)).toMatchObject({
      requestId: '$context.requestId',
      status: '$context.status',
    });
  });

  it('has no CORS unless origins are given', () => {
    const [api] = Object.values(resources('AWS::ApiGatewayV2::Api'));
    expect(api?.Properties.CorsConfiguration).toBeUndefined();
  });
});

describe('export URL', () => {
  const url = () => {
    const [entry, ...others] = Object.entries(resources('AWS::Lambda::Url'));
    expect(others).toEqual([]);
    return entry as [string, Resource];
  };

  it('streams the export function’s answers to anyone, as reading is public', () => {
    expect(url()[1].Properties).toEqual({
      AuthType: 'NONE',
      InvokeMode: 'RESPONSE_STREAM',
      TargetFunctionArn: { 'Fn::GetAtt': [houseFunction('Export').id, 'Arn'] },
      // The export is public data; a fetch redirected from the API's origin sends Origin: null.
      Cors: {
        AllowOrigins: ['*'],
        AllowMethods: ['GET', 'HEAD'],
        ExposeHeaders: ['content-disposition'],
        MaxAge: 3600,
      },
    });
    // A public URL needs both permissions since October 2025, the second only through the URL.
    const permissions = Object.values(resources('AWS::Lambda::Permission'))
      .map((p) => p.Properties)
      .filter((p) => JSON.stringify(p.FunctionName).includes(houseFunction('Export').id));
    expect(permissions).toEqual([
      expect.objectContaining({
        Action: 'lambda:InvokeFunctionUrl',
        Principal: '*',
        FunctionUrlAuthType: 'NONE',
      }),
      expect.objectContaining({
        Action: 'lambda:InvokeFunction',
        Principal: '*',
        InvokedViaFunctionUrl: true,
      }),
    ]);
  });

  it('is where the API’s GET /export redirects (EXPORT_STREAM_URL), and the export function itself is never told', () => {
    const [urlId] = url();
    expect(environment('Api').EXPORT_STREAM_URL).toEqual({ 'Fn::GetAtt': [urlId, 'FunctionUrl'] });
    expect(environment('Export')).not.toHaveProperty('EXPORT_STREAM_URL');
    const loaded = serviceConfigFromEnv({
      ...deployed(environment('Api')),
      EXPORT_STREAM_URL: 'https://abcdefghij.lambda-url.eu-north-1.on.aws/',
    });
    expect(loaded).toMatchObject({
      ok: true,
      config: { exportStreamUrl: 'https://abcdefghij.lambda-url.eu-north-1.on.aws/' },
    });
  });

  it('runs the export entry point, the app’s adapter for response streaming', () => {
    expect(houseFunction('Export').props.Description).toMatch(/GET \/export/);
    expect(ENTRY_POINTS.export).toBe('functions/api/stream-handler.ts');
  });
});

describe('dashboard and outputs', () => {
  it('shows ingestion, queues, the API and the search domain', () => {
    const [dashboard] = Object.values(resources('AWS::CloudWatch::Dashboard'));
    const body = JSON.stringify(dashboard?.Properties.DashboardBody);
    for (const metric of [
      'Invocations',
      'Errors',
      'Duration',
      'ApproximateNumberOfMessagesVisible',
      'ApproximateAgeOfOldestMessage',
      '4xx',
      '5xx',
      'Latency',
      'ClusterStatus.red',
      'SearchLatency',
    ]) {
      expect(body, metric).toContain(`\\"${metric}\\"`);
    }
    expect(body).toContain('AWS/ES');
    expect(body).toContain('AWS/ApiGateway');
  });

  it('outputs the API URL, the export URL and the dashboard name', () => {
    const outputs = template.toJSON().Outputs;
    expect(flattenReference(outputs.ApiUrl.Value)).toMatch(/^https:\/\/<Api\w+>\.execute-api\./);
    expect(outputs.ExportUrl.Value).toEqual({
      'Fn::GetAtt': [expect.stringMatching(/^ApiExport\w*FunctionUrl/), 'FunctionUrl'],
    });
    expect(outputs.DashboardName.Value).toEqual({ Ref: expect.stringMatching(/^Dashboard/) });
  });
});
