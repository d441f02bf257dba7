import { type App, Aws, type Environment, Tags } from 'aws-cdk-lib';
import { type PortalSyncSettings, portalOrigins, scheduleExpression } from './constructs/portal-sync.ts';
import type { ApiAuth } from './constructs/search-api.ts';
import { SEARCH_SIZES, type SearchSize } from './constructs/search-size.ts';
import type { UserDirectory } from './constructs/user-directory.ts';
import { StatefulStack } from './stacks/stateful-stack.ts';
import { type SearchClient, StatelessStack } from './stacks/stateless-stack.ts';

/** How writing is guarded: a Cognito user pool of this app, or an ApiAuth without one. */
type AuthChoice = 'cognito' | Exclude<ApiAuth, { readonly cognito: unknown }>;

/** The context keys the app reads (`-c key=value` or cdk.json). */
interface MinutesSearchContext {
  /** 'dev' (default) or 'prod': stack names and protection, and the search domain's preset size. */
  readonly stage: 'dev' | 'prod';
  /**
   * The search domain's size: dev's preset (one small node), or prod's preset changed by
   * `searchDataNodes`, `searchInstanceType`, `searchVolumeGb`, `searchZones`,
   * `searchDedicatedMasters` and `searchMasterInstanceType` (prod only).
   */
  readonly searchSize: SearchSize;
  /**
   * Who may upload and read the registry (`auth`): `cognito` (default), `iam`, `jwt` (with
   * `authIssuer`, `authAudience`, and for the page's sign-in `authClientId`, `authAuthorizeUrl`,
   * `authTokenUrl`) or `none` (unsafe: anyone may upload). Reading the minutes stays public.
   */
  readonly auth: AuthChoice;
  /** The hosted UI's domain prefix with `cognito`; `minutes-search-<stage>-<account id>` by default. */
  readonly authDomainPrefix?: string;
  /** An existing SNS topic ARN for alarm notifications; a new topic by default. */
  readonly alarmTopicArn?: string;
  /** Email addresses subscribed to the alarm topic (comma-separated); none by default. */
  readonly alarmEmails?: readonly string[];
  /** Origins of the search page that may upload to the bucket (comma-separated); none by default. */
  readonly webOrigins?: readonly string[];
  /**
   * FirstAgenda portals synced on a schedule (`firstagendaPortals`, comma-separated https URLs),
   * when (`firstagendaSchedule`, an EventBridge expression) and whom they may contact
   * (`firstagendaContact`); none by default, and then no sync function.
   */
  readonly portalSync?: PortalSyncSettings;
}

function contextOf(app: App): MinutesSearchContext {
  const stage = app.node.tryGetContext('stage') ?? 'dev';
  if (stage !== 'dev' && stage !== 'prod') {
    throw new Error(`context stage must be 'dev' or 'prod', not '${stage}'`);
  }
  return {
    stage,
    searchSize: searchSizeOf(app, stage),
    auth: authOf(app),
    authDomainPrefix: optionalString(app, 'authDomainPrefix'),
    alarmTopicArn: optionalString(app, 'alarmTopicArn'),
    alarmEmails: stringList(app, 'alarmEmail'),
    webOrigins: stringList(app, 'webOrigins'),
    portalSync: portalSyncOf(app),
  };
}

function portalSyncOf(app: App): MinutesSearchContext['portalSync'] {
  const portals = stringList(app, 'firstagendaPortals');
  const schedule = optionalString(app, 'firstagendaSchedule');
  const contact = optionalString(app, 'firstagendaContact');
  if (portals === undefined) {
    if (schedule !== undefined || contact !== undefined) {
      throw new Error('context firstagendaSchedule and firstagendaContact need firstagendaPortals');
    }
    return undefined;
  }
  return {
    portals: portalOrigins('firstagendaPortals', portals),
    schedule: schedule === undefined ? undefined : scheduleExpression('firstagendaSchedule', schedule),
    contact,
  };
}

/** The context keys that change prod's search domain size, and the SearchSize field each sets. */
const SEARCH_SIZE_KEYS = {
  searchDataNodes: 'dataNodes',
  searchInstanceType: 'instanceType',
  searchVolumeGb: 'volumeGb',
  searchZones: 'zones',
  searchDedicatedMasters: 'dedicatedMasters',
  searchMasterInstanceType: 'masterInstanceType',
} as const satisfies Record<string, keyof SearchSize>;

function searchSizeOf(app: App, stage: 'dev' | 'prod'): SearchSize {
  const given: Record<string, string | number> = {};
  for (const [key, field] of Object.entries(SEARCH_SIZE_KEYS)) {
    const value: unknown = app.node.tryGetContext(key);
    if (value === undefined || value === '') continue;
    const text = String(value).trim();
    if (field === 'instanceType' || field === 'masterInstanceType') given[field] = text;
    else if (/^\d+$/.test(text)) given[field] = Number(text);
    else throw new Error(`context ${key} must be a whole number, not '${text}'`);
  }
  if (stage === 'dev') {
    if (Object.keys(given).length > 0) {
      throw new Error('context search* keys size the prod domain; dev stays one t3.small.search node');
    }
    return SEARCH_SIZES.dev;
  }
  // Checked with the domain (search-size.ts): a combination the service would refuse fails synth.
  return { ...SEARCH_SIZES.prod, ...given } as SearchSize;
}

function authOf(app: App): AuthChoice {
  const auth = optionalString(app, 'auth') ?? 'cognito';
  if (auth === 'cognito' || auth === 'iam' || auth === 'none') return auth;
  if (auth !== 'jwt') throw new Error(`context auth must be cognito, iam, jwt or none, not '${auth}'`);
  const issuer = optionalString(app, 'authIssuer');
  const audience = stringList(app, 'authAudience');
  if (!issuer || !audience) throw new Error('context auth=jwt needs authIssuer and authAudience');
  const clientId = optionalString(app, 'authClientId');
  const authorizeUrl = optionalString(app, 'authAuthorizeUrl');
  const tokenUrl = optionalString(app, 'authTokenUrl');
  const signInKeys = [clientId, authorizeUrl, tokenUrl].filter(Boolean).length;
  if (signInKeys === 0) return { jwt: { issuer, audience } };
  if (!clientId || !authorizeUrl || !tokenUrl) {
    throw new Error('context authClientId, authAuthorizeUrl and authTokenUrl go together');
  }
  return { jwt: { issuer, audience, signIn: { clientId, authorizeUrl, tokenUrl } } };
}

/** The functions the search domain admits (the sync function never touches the index). */
const SEARCH_CLIENTS: readonly SearchClient[] = ['ingest', 'api', 'export'];

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
    SEARCH_CLIENTS.map((name) => [name, `${prefix}-${name}-${Aws.REGION}`]),
  ) as Record<SearchClient, string>;
  const roleArns = Object.values(roleNames).map(
    (name) => `arn:${Aws.PARTITION}:iam::${Aws.ACCOUNT_ID}:role/${name}`,
  );

  const stateful = new StatefulStack(app, `${prefix}-stateful`, {
    env,
    description: 'minutes-search: minutes bucket, document registry, search domain, users, alarm topic',
    terminationProtection: context.stage === 'prod',
    search: { domainName: prefix, accessRoleArns: roleArns, size: context.searchSize },
    webOrigins: context.webOrigins,
    users:
      context.auth === 'cognito'
        ? { domainPrefix: context.authDomainPrefix ?? `${prefix}-${Aws.ACCOUNT_ID}` }
        : undefined,
    alarms: { topicArn: context.alarmTopicArn, emails: context.alarmEmails },
  });
  const stateless = new StatelessStack(app, `${prefix}-stateless`, {
    env,
    description: 'minutes-search: ingest pipeline, search API, dashboard',
    bucket: stateful.bucket,
    table: stateful.table,
    domain: stateful.domain,
    roleNames,
    // The word list package's path: the functions deploy once it is associated with the domain.
    search: { wordListPath: stateful.wordList.path },
    auth: apiAuthOf(context.auth, stateful.users),
    webOrigins: context.webOrigins,
    portalSync: context.portalSync,
    alarmTopic: stateful.alarmTopic,
    statefulAlarms: stateful.search.alarms,
  });
  for (const stack of [stateful, stateless]) {
    Tags.of(stack).add('project', 'minutes-search');
    Tags.of(stack).add('stage', context.stage);
  }
  return { stateful, stateless };
}

function apiAuthOf(choice: AuthChoice, users: UserDirectory | undefined): ApiAuth {
  if (choice !== 'cognito') return choice;
  if (!users) throw new Error('auth cognito: the stateful stack has no user directory');
  return { cognito: users };
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
