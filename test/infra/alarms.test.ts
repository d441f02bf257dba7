import type { Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { flattenReference } from '../../infra/constructs/nag.ts';
import { onlyResource, type Synthesized, synthApp } from './synth.ts';

type Resource = { Properties: Record<string, unknown> };

let dev: Synthesized;
let prod: Synthesized;

beforeAll(() => {
  dev = synthApp({ alarmEmail: 'drift@egholt.dk, it@egholt.dk' });
  prod = synthApp({ stage: 'prod' });
});

const alarms = (template: Template) =>
  Object.values(template.findResources('AWS::CloudWatch::Alarm')) as Resource[];

/** The alarm on a metric (there must be exactly one). */
function alarmOn(template: Template, metricName: string): Record<string, unknown> {
  const found = alarms(template).filter((a) => a.Properties.MetricName === metricName);
  expect(found, metricName).toHaveLength(1);
  return (found[0] as Resource).Properties;
}

describe('the alarm topic', () => {
  it('is created in the stateful stack, encrypted with a rotating key CloudWatch may use', () => {
    const topic = onlyResource(dev.statefulTemplate, 'AWS::SNS::Topic');
    const keyId = (topic.Properties.KmsMasterKeyId as { 'Fn::GetAtt': [string, string] })['Fn::GetAtt'][0];
    const key = dev.statefulTemplate.toJSON().Resources[keyId];
    expect(key.Properties.EnableKeyRotation).toBe(true);
    expect(key.Properties.KeyPolicy.Statement).toContainEqual(
      expect.objectContaining({
        Effect: 'Allow',
        Principal: { Service: 'cloudwatch.amazonaws.com' },
        Action: ['kms:Decrypt', 'kms:GenerateDataKey*'],
      }),
    );
  });

  it('accepts publishing over TLS only, and lets CloudWatch of this account publish', () => {
    const policy = onlyResource(dev.statefulTemplate, 'AWS::SNS::TopicPolicy');
    const statements = (policy.Properties.PolicyDocument as { Statement: unknown[] }).Statement;
    expect(statements).toContainEqual(
      expect.objectContaining({
        Effect: 'Deny',
        Action: 'sns:Publish',
        Condition: { Bool: { 'aws:SecureTransport': 'false' } },
      }),
    );
    expect(statements).toContainEqual(
      expect.objectContaining({
        Effect: 'Allow',
        Action: 'sns:Publish',
        Principal: { Service: 'cloudwatch.amazonaws.com' },
        Condition: { StringEquals: { 'aws:SourceAccount': { Ref: 'AWS::AccountId' } } },
      }),
    );
  });

  it('subscribes the addresses of the alarmEmail context, and none without it', () => {
    const subscriptions = Object.values(
      dev.statefulTemplate.findResources('AWS::SNS::Subscription'),
    ) as Resource[];
    expect(subscriptions.map((s) => [s.Properties.Protocol, s.Properties.Endpoint])).toEqual([
      ['email', 'drift@egholt.dk'],
      ['email', 'it@egholt.dk'],
    ]);
    prod.statefulTemplate.resourceCountIs('AWS::SNS::Subscription', 0);
  });

  it('is not created when the context names an existing topic', () => {
    const given = synthApp({ alarmTopicArn: 'arn:aws:sns:eu-north-1:111122223333:drift' });
    given.statefulTemplate.resourceCountIs('AWS::SNS::Topic', 0);
    for (const alarm of [...alarms(given.statefulTemplate), ...alarms(given.statelessTemplate)]) {
      expect(alarm.Properties.AlarmActions).toEqual(['arn:aws:sns:eu-north-1:111122223333:drift']);
    }
  });
});

describe('every alarm', () => {
  it.each(['dev', 'prod'] as const)('notifies the topic, in both stacks (%s)', (stage) => {
    const app = stage === 'dev' ? dev : prod;
    const topicId = Object.keys(app.statefulTemplate.findResources('AWS::SNS::Topic'))[0];
    const all = [...alarms(app.statefulTemplate), ...alarms(app.statelessTemplate)];
    expect(all.length).toBeGreaterThanOrEqual(8);
    for (const alarm of all) {
      const actions = (alarm.Properties.AlarmActions as unknown[]).map(flattenReference);
      expect(actions).toHaveLength(1);
      expect(actions[0]).toMatch(new RegExp(`<${topicId}>|PublishOutputRef${topicId}`));
    }
  });

  it('shows on the dashboard', () => {
    const [dashboard] = Object.values(dev.statelessTemplate.findResources('AWS::CloudWatch::Dashboard'));
    const body = JSON.stringify(flattenReference(dashboard?.Properties.DashboardBody));
    for (const id of Object.keys(dev.statelessTemplate.findResources('AWS::CloudWatch::Alarm'))) {
      expect(body).toContain(id);
    }
    for (const id of Object.keys(dev.statefulTemplate.findResources('AWS::CloudWatch::Alarm'))) {
      expect(body).toContain(id);
    }
  });
});

// The API's and ingestion's alarms are in search-api.test.ts and stateless.test.ts.
describe('the search domain’s alarms', () => {
  it('fire on red at once, writes blocked, a quarter of a node’s storage left', () => {
    expect(alarmOn(dev.statefulTemplate, 'ClusterStatus.red')).toMatchObject({
      Namespace: 'AWS/ES',
      Statistic: 'Maximum',
      Period: 60,
      Threshold: 1,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
    });
    expect(alarmOn(dev.statefulTemplate, 'ClusterIndexWritesBlocked')).toMatchObject({
      Statistic: 'Maximum',
      Threshold: 1,
    });
    // dev: 10 GB per node, prod 20 GB; the metric is in MB, the fullest node's (Minimum).
    expect(alarmOn(dev.statefulTemplate, 'FreeStorageSpace')).toMatchObject({
      Statistic: 'Minimum',
      Threshold: 2560,
      ComparisonOperator: 'LessThanOrEqualToThreshold',
    });
    expect(alarmOn(prod.statefulTemplate, 'FreeStorageSpace')).toMatchObject({ Threshold: 5120 });
  });

  it('fire on yellow only where a replica can be assigned: with more than one data node', () => {
    expect(alarmOn(prod.statefulTemplate, 'ClusterStatus.yellow')).toMatchObject({
      Statistic: 'Maximum',
      Threshold: 1,
    });
    expect(alarms(dev.statefulTemplate).map((a) => a.Properties.MetricName)).not.toContain(
      'ClusterStatus.yellow',
    );
  });
});
