import { type App, Aws, type Environment, Tags } from 'aws-cdk-lib';
import { ENTRY_POINTS, type FunctionName } from './constructs/house-bundling.ts';
import type { SearchSizing } from './constructs/search-domain.ts';
import { StatefulStack } from './stacks/stateful-stack.ts';
import { StatelessStack } from './stacks/stateless-stack.ts';

/** The context keys the app reads (`-c key=value` or cdk.json). */
interface MinutesSearchContext {
  /** 'dev' (default) or 'prod': sizing of the search domain and stack protection. */
  readonly stage: SearchSizing;
  /** SNS topic ARN for alarm notifications; none by default. */
  readonly alarmTopicArn?: string;
  /** OpenSearch custom package path of the Hunspell word list; inline by default. */
  readonly opensearchWordListPath?: string;
  /** Origins of the search page that may upload to the bucket (comma-separated); none by default. */
  readonly webOrigins?: readonly string[];
}

function contextOf(app: App): MinutesSearchContext {
  const stage = app.node.tryGetContext('stage') ?? 'dev';
  if (stage !== 'dev' && stage !== 'prod') {
    throw new Error(`context stage must be 'dev' or 'prod', not '${stage}'`);
  }
  return {
    stage,
    alarmTopicArn: optionalString(app, 'alarmTopicArn'),
    opensearchWordListPath: optionalString(app, 'opensearchWordListPath'),
    webOrigins: stringList(app, 'webOrigins'),
  };
}

export interface MinutesSearchStacks {
  readonly stateful: StatefulStack;
  readonly stateless: StatelessStack;
}

/**
 * Both stacks of one stage. The function roles get known names (with the region, as IAM is
 * global), so the stateful stack's domain access policy can admit them without referring to the
 * stateless stack, which depends on it.
 */
export function defineMinutesSearch(app: App, env?: Environment): MinutesSearchStacks {
  const context = contextOf(app);
  const prefix = `minutes-search-${context.stage}`;
  const roleNames = Object.fromEntries(
    Object.keys(ENTRY_POINTS).map((name) => [name, `${prefix}-${name}-${Aws.REGION}`]),
  ) as Record<FunctionName, string>;
  const roleArns = Object.values(roleNames).map(
    (name) => `arn:${Aws.PARTITION}:iam::${Aws.ACCOUNT_ID}:role/${name}`,
  );

  const stateful = new StatefulStack(app, `${prefix}-stateful`, {
    env,
    description: 'minutes-search: minutes bucket, document registry, search domain',
    terminationProtection: context.stage === 'prod',
    search: { domainName: prefix, accessRoleArns: roleArns, sizing: context.stage },
    webOrigins: context.webOrigins,
  });
  const stateless = new StatelessStack(app, `${prefix}-stateless`, {
    env,
    description: 'minutes-search: ingest pipeline, search API, dashboard',
    bucket: stateful.bucket,
    table: stateful.table,
    domain: stateful.domain,
    roleNames,
    search: { wordListPath: context.opensearchWordListPath },
    alarmTopicArn: context.alarmTopicArn,
  });
  for (const stack of [stateful, stateless]) {
    Tags.of(stack).add('project', 'minutes-search');
    Tags.of(stack).add('stage', context.stage);
  }
  return { stateful, stateless };
}

function optionalString(app: App, key: string): string | undefined {
  const value = app.node.tryGetContext(key);
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

/** A list from the context: a JSON array (cdk.json) or a comma-separated string (`-c key=a,b`). */
function stringList(app: App, key: string): string[] | undefined {
  const value: unknown = app.node.tryGetContext(key);
  const list = Array.isArray(value) ? value : typeof value === 'string' ? value.split(',') : [];
  const items = list.map((item) => String(item).trim()).filter((item) => item.length > 0);
  return items.length > 0 ? items : undefined;
}
