import { Match } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { flattenReference } from '../../infra/constructs/nag.ts';
import { DEFAULT_SYNC_SCHEDULE } from '../../infra/constructs/portal-sync.ts';
import { type Synthesized, synthApp } from './synth.ts';

const GREVE = 'https://dagsordener.greve.dk';
const AARHUS = 'https://dagsordener.aarhus.dk';

type Resource = { Properties: Record<string, unknown> };
type Statement = { Action: string | string[]; Resource: unknown; Condition?: unknown };

function syncFunction(app: Synthesized): [string, Resource] {
  const found = Object.entries(app.statelessTemplate.findResources('AWS::Lambda::Function')).filter(([id]) =>
    id.startsWith('SyncHandler'),
  );
  expect(found).toHaveLength(1);
  return found[0] as [string, Resource];
}

function syncStatements(app: Synthesized): Statement[] {
  const found = Object.entries(app.statelessTemplate.findResources('AWS::IAM::Policy')).filter(([id]) =>
    id.startsWith('SyncHandlerRoleDefaultPolicy'),
  );
  expect(found).toHaveLength(1);
  const [, policy] = found[0] as [string, Resource];
  return (policy.Properties.PolicyDocument as { Statement: Statement[] }).Statement;
}

describe('portal sync, with two portals in the context', () => {
  let app: Synthesized;
  beforeAll(() => {
    app = synthApp({
      firstagendaPortals: `${GREVE}, ${AARHUS}/`,
      alarmTopicArn: 'arn:aws:sns:eu-north-1:111122223333:a',
    });
  });

  it('is one house function: Node 24 on arm64, 15 minutes, its bucket, the API as its contact', () => {
    const [, fn] = syncFunction(app);
    expect(fn.Properties).toMatchObject({
      Runtime: 'nodejs24.x',
      Architectures: ['arm64'],
      Timeout: 900,
      MemorySize: 512,
      TracingConfig: { Mode: 'Active' },
      Handler: 'index.handler',
    });
    const variables = (fn.Properties.Environment as { Variables: Record<string, unknown> }).Variables;
    expect(flattenReference(variables.BUCKET_NAME)).toContain('StorageBucket');
    expect(flattenReference(variables.SYNC_CONTACT)).toMatch(/^https:\/\/<Api\w+>\.execute-api\./);
    expect(variables).not.toHaveProperty('TABLE_NAME');
    expect(variables).not.toHaveProperty('OPENSEARCH_ENDPOINT');
  });

  it('runs each portal on the default schedule, nightly, with the portal as its input', () => {
    const rules = Object.values(app.statelessTemplate.findResources('AWS::Events::Rule')) as Resource[];
    const [fnId] = syncFunction(app);
    expect(rules.map((rule) => rule.Properties.ScheduleExpression)).toEqual([
      DEFAULT_SYNC_SCHEDULE,
      DEFAULT_SYNC_SCHEDULE,
    ]);
    expect(DEFAULT_SYNC_SCHEDULE).toBe('cron(0 2 * * ? *)');
    const targets = rules.flatMap((rule) => rule.Properties.Targets as { Arn: unknown; Input: string }[]);
    expect(targets.map((target) => JSON.parse(target.Input))).toEqual([
      { portal: GREVE },
      { portal: AARHUS },
    ]);
    for (const target of targets) expect(target.Arn).toEqual({ 'Fn::GetAtt': [fnId, 'Arn'] });
    app.statelessTemplate.resourceCountIs('AWS::Lambda::Permission', 2 + countOtherPermissions(app));
  });

  it('does not retry a failed run (the next one goes on) and raises an alarm on it', () => {
    const [fnId] = syncFunction(app);
    app.statelessTemplate.hasResourceProperties('AWS::Lambda::EventInvokeConfig', {
      FunctionName: { Ref: fnId },
      MaximumRetryAttempts: 0,
    });
    app.statelessTemplate.hasResourceProperties('AWS::CloudWatch::Alarm', {
      MetricName: 'Errors',
      Namespace: 'AWS/Lambda',
      Dimensions: [{ Name: 'FunctionName', Value: { Ref: fnId } }],
      Threshold: 1,
      AlarmActions: ['arn:aws:sns:eu-north-1:111122223333:a'],
    });
  });

  it('may list, read and write under firstagenda/ of the bucket, and nothing else', () => {
    const statements = syncStatements(app).filter(
      (s) => !String(s.Action).startsWith('logs:') && !String(s.Action).includes('xray:'),
    );
    expect(
      statements.map((s) => ({
        actions: [s.Action].flat(),
        resource: flattenReference(s.Resource),
        condition: s.Condition,
      })),
    ).toEqual([
      {
        actions: ['s3:GetObject', 's3:PutObject'],
        resource: expect.stringMatching(/StorageBucket.*\/firstagenda\/\*$/),
        condition: undefined,
      },
      {
        actions: ['s3:ListBucket'],
        resource: expect.stringMatching(/StorageBucket/),
        condition: { StringLike: { 's3:prefix': ['firstagenda/*'] } },
      },
    ]);
    expect(flattenReference(statements[1]?.Resource)).not.toContain('/');
  });

  it('is not admitted to the search domain', () => {
    const domain = Object.values(
      app.statefulTemplate.findResources('AWS::OpenSearchService::Domain'),
    )[0] as Resource;
    const policy = JSON.stringify(domain.Properties.AccessPolicies);
    expect(policy).toContain('-ingest-');
    expect(policy).toContain('-api-');
    expect(policy).not.toContain('sync');
  });

  it('shows its alarm on the dashboard', () => {
    app.statelessTemplate.hasResourceProperties('AWS::CloudWatch::Dashboard', {
      DashboardBody: Match.objectLike({
        'Fn::Join': Match.arrayWith([
          Match.arrayWith([
            Match.objectLike({ 'Fn::GetAtt': [Match.stringLikeRegexp('^SyncErrorsAlarm'), 'Arn'] }),
          ]),
        ]),
      }),
    });
  });
});

describe('portal sync context', () => {
  it('makes no function and no rule without portals', () => {
    const app = synthApp();
    app.statelessTemplate.resourceCountIs('AWS::Events::Rule', 0);
    const ids = Object.keys(app.statelessTemplate.findResources('AWS::Lambda::Function'));
    expect(ids.filter((id) => id.startsWith('Sync'))).toEqual([]);
  });

  it('takes a schedule, a contact, and a JSON list of portals as cdk.json would', () => {
    const app = synthApp({
      firstagendaPortals: [GREVE],
      firstagendaSchedule: 'rate(6 hours)',
      firstagendaContact: 'mailto:drift@kommune.dk',
    });
    app.statelessTemplate.hasResourceProperties('AWS::Events::Rule', { ScheduleExpression: 'rate(6 hours)' });
    const [, fn] = syncFunction(app);
    const variables = (fn.Properties.Environment as { Variables: Record<string, unknown> }).Variables;
    expect(variables.SYNC_CONTACT).toBe('mailto:drift@kommune.dk');
  });

  it.each([
    [
      { firstagendaPortals: 'dagsordener.greve.dk' },
      "context firstagendaPortals: 'dagsordener.greve.dk' is not a URL",
    ],
    [
      { firstagendaPortals: 'http://dagsordener.greve.dk' },
      "context firstagendaPortals: 'http://dagsordener.greve.dk' is not an https URL",
    ],
    [{ firstagendaPortals: `${GREVE}/api/agenda/udvalgsliste` }, "must be the portal's address alone"],
    [{ firstagendaPortals: `${GREVE},${GREVE}/` }, `context firstagendaPortals: ${GREVE} is listed twice`],
    [
      { firstagendaPortals: GREVE, firstagendaSchedule: 'daily' },
      "context firstagendaSchedule: 'daily' is no EventBridge schedule",
    ],
    [{ firstagendaPortals: GREVE, firstagendaSchedule: 'cron(0 2 * * *)' }, 'is no EventBridge schedule'],
    [
      { firstagendaSchedule: 'rate(1 day)' },
      'context firstagendaSchedule and firstagendaContact need firstagendaPortals',
    ],
  ])('refuses %j at synth', (context, message) => {
    expect(() => synthApp(context)).toThrow(message);
  });
});

/** Permissions other than the sync rules' (CDK's notification handler and the like). */
function countOtherPermissions(app: Synthesized): number {
  const all = Object.values(app.statelessTemplate.findResources('AWS::Lambda::Permission')) as Resource[];
  return all.filter((p) => p.Properties.Principal !== 'events.amazonaws.com').length;
}
