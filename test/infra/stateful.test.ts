import { App } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { REGISTRY_TABLE } from '#storage/registry-table.ts';
import { flattenReference } from '../../infra/constructs/nag.ts';
import { SearchDomain } from '../../infra/constructs/search-domain.ts';
import { defineMinutesSearch } from '../../infra/minutes-search.ts';
import { bareStack, cdkContext, onlyResource, type Synthesized, synthApp } from './synth.ts';

let dev: Synthesized;
let prod: Synthesized;

beforeAll(() => {
  dev = synthApp();
  prod = synthApp({ stage: 'prod' });
});

/** The minutes bucket: the one with versioning (the other is its access log bucket). */
function minutesBucket(template: Template) {
  const buckets = Object.entries(
    template.findResources('AWS::S3::Bucket', {
      Properties: { VersioningConfiguration: { Status: 'Enabled' } },
    }),
  );
  expect(buckets).toHaveLength(1);
  const [id, bucket] = buckets[0] as [
    string,
    { Properties: Record<string, unknown>; DeletionPolicy?: string },
  ];
  return { id, bucket };
}

describe('minutes bucket', () => {
  it('blocks public access, encrypts, versions, and is retained', () => {
    const { bucket } = minutesBucket(dev.statefulTemplate);
    expect(bucket.Properties).toMatchObject({
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
      BucketEncryption: {
        ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }],
      },
    });
    expect(bucket.DeletionPolicy).toBe('Retain');
  });

  it('expires noncurrent versions after 30 days and aborts incomplete uploads after 7', () => {
    const { bucket } = minutesBucket(dev.statefulTemplate);
    expect(bucket.Properties.LifecycleConfiguration).toEqual({
      Rules: expect.arrayContaining([
        expect.objectContaining({ NoncurrentVersionExpiration: { NoncurrentDays: 30 }, Status: 'Enabled' }),
        expect.objectContaining({
          AbortIncompleteMultipartUpload: { DaysAfterInitiation: 7 },
          Status: 'Enabled',
        }),
      ]),
    });
  });

  it('denies every request without TLS', () => {
    const { id } = minutesBucket(dev.statefulTemplate);
    dev.statefulTemplate.hasResourceProperties('AWS::S3::BucketPolicy', {
      Bucket: { Ref: id },
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Effect: 'Deny',
            Action: 's3:*',
            Principal: { AWS: '*' },
            Condition: { Bool: { 'aws:SecureTransport': 'false' } },
          }),
        ]),
      },
    });
  });

  it('writes server access logs to a private, encrypted log bucket that S3 logging may write to', () => {
    const { bucket } = minutesBucket(dev.statefulTemplate);
    const logging = bucket.Properties.LoggingConfiguration as { DestinationBucketName: { Ref: string } };
    const logBucketId = logging.DestinationBucketName.Ref;
    const logBucket = dev.statefulTemplate.toJSON().Resources[logBucketId];
    expect(logBucket.Properties).toMatchObject({
      PublicAccessBlockConfiguration: { BlockPublicAcls: true, RestrictPublicBuckets: true },
      BucketEncryption: {
        ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }],
      },
    });
    dev.statefulTemplate.hasResourceProperties('AWS::S3::BucketPolicy', {
      Bucket: { Ref: logBucketId },
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: 'Allow', Principal: { Service: 'logging.s3.amazonaws.com' } }),
        ]),
      },
    });
  });
});

describe('registry table', () => {
  it('is on-demand, with point-in-time recovery and encryption, and retained', () => {
    const table = onlyResource(dev.statefulTemplate, 'AWS::DynamoDB::Table');
    expect(table.Properties).toMatchObject({
      BillingMode: 'PAY_PER_REQUEST',
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
      SSESpecification: { SSEEnabled: true },
      KeySchema: [{ AttributeName: REGISTRY_TABLE.partitionKey, KeyType: 'HASH' }],
    });
    expect(table.DeletionPolicy).toBe('Retain');
  });

  it('has the global secondary indexes of REGISTRY_TABLE, string keys, all attributes projected', () => {
    const table = onlyResource(dev.statefulTemplate, 'AWS::DynamoDB::Table');
    const expected = Object.values(REGISTRY_TABLE.indexes).map((index) => ({
      IndexName: index.name,
      KeySchema: [
        { AttributeName: index.partitionKey, KeyType: 'HASH' },
        { AttributeName: index.sortKey, KeyType: 'RANGE' },
      ],
      Projection: { ProjectionType: 'ALL' },
    }));
    expect(table.Properties.GlobalSecondaryIndexes).toEqual(expected);
    const definitions = table.Properties.AttributeDefinitions as { AttributeType: string }[];
    expect(new Set(definitions.map((d) => d.AttributeType))).toEqual(new Set(['S']));
  });
});

describe('search domain', () => {
  it('encrypts at rest and between nodes, enforces HTTPS with TLS 1.2 or newer, and is retained', () => {
    const domain = onlyResource(dev.statefulTemplate, 'AWS::OpenSearchService::Domain');
    expect(domain.Properties).toMatchObject({
      EncryptionAtRestOptions: { Enabled: true },
      NodeToNodeEncryptionOptions: { Enabled: true },
      DomainEndpointOptions: { EnforceHTTPS: true, TLSSecurityPolicy: 'Policy-Min-TLS-1-2-2019-07' },
      EngineVersion: expect.stringMatching(/^OpenSearch_[23]\./),
    });
    expect(domain.Properties.AdvancedSecurityOptions).toBeUndefined();
    expect(domain.DeletionPolicy).toBe('Retain');
  });

  it('admits only the three function roles that search (ingest, API, export), by the role names the stateless stack gives them', () => {
    const domain = onlyResource(dev.statefulTemplate, 'AWS::OpenSearchService::Domain');
    const policy = domain.Properties.AccessPolicies as { Statement: Record<string, unknown>[] };
    expect(policy.Statement).toHaveLength(1);
    const statement = policy.Statement[0] ?? {};
    expect(statement.Effect).toBe('Allow');
    expect(flattenReference((statement.Principal as { AWS: unknown }).AWS)).toBe(
      'arn:<AWS::Partition>:iam::<AWS::AccountId>:root',
    );
    expect(statement.Action).toEqual(
      expect.arrayContaining(['es:ESHttpGet', 'es:ESHttpPost', 'es:ESHttpPut']),
    );

    const condition = statement.Condition as { ArnEquals: { 'aws:PrincipalArn': unknown[] } };
    const roleNames = Object.values(dev.statelessTemplate.findResources('AWS::IAM::Role'))
      .map((role) => role.Properties.RoleName)
      .filter(Boolean)
      .map(flattenReference);
    expect(roleNames).toEqual([
      'minutes-search-dev-ingest-<AWS::Region>',
      'minutes-search-dev-api-<AWS::Region>',
      'minutes-search-dev-export-<AWS::Region>',
    ]);
    expect(condition.ArnEquals['aws:PrincipalArn'].map(flattenReference)).toEqual(
      roleNames.map((name) => `arn:<AWS::Partition>:iam::<AWS::AccountId>:role/${name}`),
    );
  });

  it('publishes slow search, slow index and application logs to log groups it allows OpenSearch to write', () => {
    const domain = onlyResource(dev.statefulTemplate, 'AWS::OpenSearchService::Domain');
    const logs = domain.Properties.LogPublishingOptions as Record<string, { Enabled: boolean }>;
    for (const kind of ['SEARCH_SLOW_LOGS', 'INDEX_SLOW_LOGS', 'ES_APPLICATION_LOGS']) {
      expect(logs[kind]).toMatchObject({ Enabled: true, CloudWatchLogsLogGroupArn: expect.anything() });
    }
    const logGroups = Object.keys(dev.statefulTemplate.findResources('AWS::Logs::LogGroup'));
    expect(logGroups.filter((id) => id.startsWith('Search'))).toHaveLength(3);
    const policy = onlyResource(dev.statefulTemplate, 'AWS::Logs::ResourcePolicy');
    expect(JSON.stringify(policy.Properties.PolicyDocument)).toContain('es.amazonaws.com');
    expect(domain.DependsOn).toEqual(expect.arrayContaining([expect.stringMatching(/LogsPolicy/)]));
  });

  it('is one small node in one zone in dev', () => {
    const domain = onlyResource(dev.statefulTemplate, 'AWS::OpenSearchService::Domain');
    expect(domain.Properties).toMatchObject({
      ClusterConfig: {
        InstanceCount: 1,
        InstanceType: 't3.small.search',
        ZoneAwarenessEnabled: false,
        DedicatedMasterEnabled: false,
      },
      EBSOptions: { EBSEnabled: true, VolumeSize: 10, VolumeType: 'gp3' },
    });
  });

  it('is two small general-purpose data nodes over two zones without dedicated masters in prod, by default', () => {
    const domain = onlyResource(prod.statefulTemplate, 'AWS::OpenSearchService::Domain');
    expect(domain.Properties).toMatchObject({
      DomainName: 'minutes-search-prod',
      ClusterConfig: {
        InstanceCount: 2,
        InstanceType: 'm7g.medium.search',
        ZoneAwarenessEnabled: true,
        ZoneAwarenessConfig: { AvailabilityZoneCount: 2 },
        DedicatedMasterEnabled: false,
        MultiAZWithStandbyEnabled: false,
      },
      EBSOptions: { EBSEnabled: true, VolumeSize: 20, VolumeType: 'gp3' },
    });
  });

  it('takes its size from props', () => {
    const stack = bareStack();
    new SearchDomain(stack, 'Search', {
      domainName: 'test-search',
      accessRoleArns: ['arn:aws:iam::111122223333:role/reader'],
      size: {
        dataNodes: 3,
        instanceType: 'm7g.large.search',
        volumeGb: 50,
        zones: 3,
        dedicatedMasters: 3,
        masterInstanceType: 'm7g.medium.search',
      },
    });
    Template.fromStack(stack).hasResourceProperties('AWS::OpenSearchService::Domain', {
      ClusterConfig: {
        InstanceCount: 3,
        InstanceType: 'm7g.large.search',
        DedicatedMasterEnabled: true,
        DedicatedMasterCount: 3,
        DedicatedMasterType: 'm7g.medium.search',
        ZoneAwarenessConfig: { AvailabilityZoneCount: 3 },
      },
      EBSOptions: { VolumeSize: 50, VolumeType: 'gp3' },
    });
  });
});

describe('stateful stack', () => {
  it('outputs the bucket, table and domain endpoint', () => {
    const outputs = dev.statefulTemplate.toJSON().Outputs;
    expect(outputs.BucketName.Value).toEqual({ Ref: minutesBucket(dev.statefulTemplate).id });
    expect(outputs.TableName).toBeDefined();
    expect(outputs.DomainEndpoint.Value).toEqual({
      'Fn::Join': [
        '',
        ['https://', { 'Fn::GetAtt': [expect.stringMatching(/^SearchDomain/), 'DomainEndpoint'] }],
      ],
    });
  });

  it('is protected from deletion in prod only', () => {
    expect(prod.stateful.terminationProtection).toBe(true);
    expect(dev.stateful.terminationProtection).toBe(false);
  });

  it('refuses a stage other than dev or prod', () => {
    expect(() => defineMinutesSearch(new App({ context: cdkContext({ stage: 'staging' }) }))).toThrow(
      /dev' or 'prod/,
    );
  });
});
