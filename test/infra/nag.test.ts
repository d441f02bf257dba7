import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { beforeAll, describe, expect, it } from 'vitest';
import { READ_ROUTES } from '../../infra/constructs/search-api.ts';
import { defineMinutesSearch } from '../../infra/minutes-search.ts';
import { cdkContext } from './synth.ts';

interface NagRun {
  readonly violations: { ruleName: string; severity: string; paths: string[] }[];
  readonly acknowledged: { path: string; id: string; reason: string }[];
}

/** Synthesizes the app as infra/app.ts does, AWS Solutions checks included. */
function synthWithNag(stage: 'dev' | 'prod', context: Record<string, string> = {}): NagRun {
  const outdir = mkdtempSync(join(tmpdir(), `nag-${stage}-`));
  const app = new App({ outdir, context: cdkContext({ stage, ...context }) });
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  defineMinutesSearch(app);
  let failure: unknown;
  try {
    app.synth();
  } catch (error) {
    failure = error;
  }
  const report = JSON.parse(readFileSync(join(outdir, 'validation-report.json'), 'utf8'));
  const violations = report.pluginReports.flatMap(
    (plugin: {
      violations: { ruleName: string; severity: string; violatingConstructs: { constructPath: string }[] }[];
    }) =>
      plugin.violations.map((v) => ({
        ruleName: v.ruleName,
        severity: v.severity,
        paths: v.violatingConstructs.map((c) => c.constructPath),
      })),
  );
  if (failure && violations.length === 0) throw failure;
  const acknowledged = app.node.findAll().flatMap((construct) =>
    construct.node.metadata
      .filter((entry) => entry.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY)
      .flatMap((entry) =>
        Object.entries(entry.data as Record<string, string>).map(([id, reason]) => ({
          path: construct.node.path,
          id,
          reason,
        })),
      ),
  );
  return { violations, acknowledged };
}

/** An acknowledgement as `path: rule`, with the stage and export names taken out. */
function shape({ path, id }: { path: string; id: string }): string {
  const rule = id
    .replace(/^annotation::/i, '')
    .replace(
      /\{"Fn::GetStackOutput".*"OutputName":"PublishOutputFnGetAtt(\w+?)[0-9A-F]{8}Arn\w+"\}\}/,
      '<$1>',
    )
    .replace(/<(\w+?)[0-9A-F]{8}\.Arn>/g, '<$1.Arn>');
  return `${path.replace(/^minutes-search-\w+-/, '')}: ${rule}`;
}

/** The public read routes: API Gateway names each route construct by its key, slashes as `--`. */
const PUBLIC_ROUTES = READ_ROUTES.map(
  (key) => `stateless/Api/Api/${key.replace(' ', '').replaceAll('/', '--')}: AwsSolutions-APIG4`,
);

const SHARED = [
  'stateful/Search/Domain: AwsSolutions-OS1',
  'stateful/Search/Domain: AwsSolutions-OS3',
  'stateful/Users/UserPool: AwsSolutions-COG2',
  'stateless/Ingest/Handler/Role: AwsSolutions-IAM5[Resource::*]',
  'stateless/Ingest/Handler/Role: AwsSolutions-IAM5[Resource::<StorageBucket>/*]',
  'stateless/Ingest/Handler/Role: AwsSolutions-IAM5[Resource::<SearchDomain>/*]',
  'stateless/Api/Handler/Role: AwsSolutions-IAM5[Resource::*]',
  'stateless/Api/Handler/Role: AwsSolutions-IAM5[Resource::<StorageBucket>/*]',
  'stateless/Api/Handler/Role: AwsSolutions-IAM5[Resource::<StorageBucket>/uploads/*]',
  'stateless/Api/Handler/Role: AwsSolutions-IAM5[Resource::<SearchDomain>/minutes/_doc/*]',
  // The export function: X-Ray only; it searches through the alias (no wildcard) and reads nothing else.
  'stateless/Api/Export/Role: AwsSolutions-IAM5[Resource::*]',
  'stateless/BucketNotificationsHandler050a0587b7544547bf325f094a3db834: AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
  ...PUBLIC_ROUTES,
  // The word list package's deploy-time functions (infra/constructs/word-list-package).
  'stateful/WordList/HandlerRole: AwsSolutions-IAM5[Resource::*]',
  ...['FrameworkOnEventRole', 'FrameworkCompleteRole'].flatMap((role) =>
    ['OnEvent', 'IsComplete'].map(
      (fn) => `stateful/WordList/${role}: AwsSolutions-IAM5[Resource::<WordList${fn}.Arn>:*]`,
    ),
  ),
  ...['isComplete', 'onTimeout'].map(
    (fn) =>
      `stateful/WordList/Provider/waiter-state-machine/Role: AwsSolutions-IAM5[Resource::<WordListProviderframework${fn}.Arn>:*]`,
  ),
  'stateful/WordList/Provider: AwsSolutions-SF1',
  'stateful/WordList/Provider: AwsSolutions-SF2',
];

/** The old prod size, a large municipality's: 3 data nodes over 3 zones and 3 dedicated masters. */
const LARGE = { searchDataNodes: '3', searchZones: '3', searchDedicatedMasters: '3' };

describe.each([
  [
    'dev',
    'dev',
    {},
    [...SHARED, 'stateful/Search/Domain: AwsSolutions-OS4', 'stateful/Search/Domain: AwsSolutions-OS7'],
  ],
  // prod's default: 2 data nodes over 2 zones, no dedicated masters.
  ['prod', 'prod', {}, [...SHARED, 'stateful/Search/Domain: AwsSolutions-OS4']],
  ['prod, large', 'prod', LARGE, SHARED],
  // With portals to sync: the sync function, its schedule and its role (infra/constructs/portal-sync.ts).
  [
    'dev, portal sync',
    'dev',
    { firstagendaPortals: 'https://dagsordener.greve.dk' },
    [
      ...SHARED,
      'stateful/Search/Domain: AwsSolutions-OS4',
      'stateful/Search/Domain: AwsSolutions-OS7',
      'stateless/Sync/Handler/Role: AwsSolutions-IAM5[Resource::*]',
      'stateless/Sync/Handler/Role: AwsSolutions-IAM5[Resource::<StorageBucket>/firstagenda/*]',
    ],
  ],
] as const)('cdk-nag AWS Solutions checks, %s', (_name, stage, context, expected) => {
  let run: NagRun;
  beforeAll(() => {
    run = synthWithNag(stage, context);
  });

  it('leaves no unacknowledged error or warning', () => {
    expect(run.violations).toEqual([]);
  });

  it('acknowledges exactly the listed findings', () => {
    expect(run.acknowledged.map(shape).sort()).toEqual([...expected].sort());
  });

  it('gives every acknowledgement a specific reason', () => {
    for (const { id, reason } of run.acknowledged) {
      expect(reason.length, id).toBeGreaterThanOrEqual(60);
    }
    // Each reason written for one rule, not one excuse for all (a rule may have a reason per place).
    const rulesByReason = new Map<string, Set<string>>();
    for (const acknowledgement of run.acknowledged) {
      const rules = rulesByReason.get(acknowledgement.reason) ?? new Set();
      rulesByReason.set(acknowledgement.reason, rules.add(shape(acknowledgement).split(': ')[1] ?? ''));
    }
    for (const [reason, rules] of rulesByReason) expect([...rules], reason).toHaveLength(1);
  });
});

describe.each(['iam', 'none'])('cdk-nag AWS Solutions checks with auth %s', (auth) => {
  it('leaves no unacknowledged error or warning', () => {
    expect(synthWithNag('dev', { auth }).violations).toEqual([]);
  });
});
