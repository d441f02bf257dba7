import { Duration } from 'aws-cdk-lib';
import { Alarm, ComparisonOperator, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import { Rule, RuleTargetInput, Schedule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import type { ITopic } from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';
import { FIRSTAGENDA_PREFIX } from '#sync/keys.ts';
import { notify } from './alarm-topic.ts';
import { ENTRY_POINTS } from './house-bundling.ts';
import { HouseFunction, type HouseFunctionOptions } from './house-function.ts';
import { acknowledgeWildcard } from './nag.ts';

/** Every night at 02:00 UTC (03:00 or 04:00 in Denmark), after the day's meetings are published. */
export const DEFAULT_SYNC_SCHEDULE = 'cron(0 2 * * ? *)';

export interface PortalSyncProps {
  /** The minutes bucket: meetings go under `firstagenda/`, where its notifications take them to the ingest. */
  readonly bucket: IBucket;
  /** The FirstAgenda portals, as origins (`https://dagsordener.greve.dk`); see `portalOrigins`. */
  readonly portals: readonly string[];
  /**
   * When each portal is synced: an EventBridge `cron(…)` or `rate(…)` expression.
   * @default DEFAULT_SYNC_SCHEDULE
   */
  readonly schedule?: string;
  /**
   * Where a portal's administrator can reach the operator, sent in the User-Agent (SYNC_CONTACT).
   * @default - none
   */
  readonly contact?: string;
  /**
   * The function's settings.
   * @default - memory 512 MB, timeout 15 minutes, see HouseFunctionOptions for the rest
   */
  readonly handler?: HouseFunctionOptions;
  /**
   * Topic the alarm notifies.
   * @default - an alarm without actions
   */
  readonly alarmTopic?: ITopic;
}

/** What a deployment chooses about the sync: the portals, their schedule, the contact. */
export type PortalSyncSettings = Pick<PortalSyncProps, 'portals' | 'schedule' | 'contact'>;

/**
 * Keeps FirstAgenda portals in sync: an EventBridge rule per portal invokes the sync function
 * with that portal on the schedule; the function may list, read and write objects under
 * `firstagenda/` in the bucket and nothing else. A failed run (listing unreadable, portal
 * failing) is not retried (the next scheduled run goes on where it stopped) and raises an alarm.
 */
export class PortalSync extends Construct {
  readonly handler: HouseFunction;
  readonly rules: readonly Rule[];
  readonly alarms: readonly Alarm[];

  constructor(scope: Construct, id: string, props: PortalSyncProps) {
    super(scope, id);
    if (props.portals.length === 0) throw new Error('PortalSync needs at least one portal');
    this.handler = new HouseFunction(this, 'Handler', {
      description: 'Syncs FirstAgenda publication portals into the minutes bucket',
      memorySize: 512,
      timeout: Duration.minutes(15),
      ...props.handler,
      entry: ENTRY_POINTS.sync,
    });
    const fn = this.handler.function;
    fn.configureAsyncInvoke({ retryAttempts: 0 });
    this.grantPortalPrefix(props.bucket);
    if (props.contact !== undefined) fn.addEnvironment('SYNC_CONTACT', props.contact);

    const schedule = Schedule.expression(props.schedule ?? DEFAULT_SYNC_SCHEDULE);
    this.rules = props.portals.map(
      (portal) =>
        new Rule(this, `Schedule-${new URL(portal).host}`, {
          description: `Syncs ${portal} into the minutes bucket`,
          schedule,
          targets: [new LambdaFunction(fn, { event: RuleTargetInput.fromObject({ portal }) })],
        }),
    );

    this.alarms = [
      new Alarm(this, 'ErrorsAlarm', {
        alarmDescription:
          'A portal sync failed: its listing could not be read, or the portal kept failing (see the sync log group)',
        metric: fn.metricErrors({ period: Duration.hours(1), statistic: 'Sum' }),
        threshold: 1,
        evaluationPeriods: 1,
        comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        treatMissingData: TreatMissingData.NOT_BREACHING,
      }),
    ];
    notify(this.alarms, props.alarmTopic);
  }

  /**
   * GetObject and PutObject under `firstagenda/`, and listing only that prefix (a listing shows
   * which meetings are stored; HEAD of a stored key needs GetObject only), and BUCKET_NAME.
   */
  private grantPortalPrefix(bucket: IBucket): void {
    const objects = bucket.arnForObjects(`${FIRSTAGENDA_PREFIX}*`);
    const role = this.handler.role;
    role.addToPrincipalPolicy(
      new PolicyStatement({ actions: ['s3:GetObject', 's3:PutObject'], resources: [objects] }),
    );
    role.addToPrincipalPolicy(
      new PolicyStatement({
        actions: ['s3:ListBucket'],
        resources: [bucket.bucketArn],
        conditions: { StringLike: { 's3:prefix': [`${FIRSTAGENDA_PREFIX}*`] } },
      }),
    );
    acknowledgeWildcard(
      role,
      objects,
      'Each meeting of a portal is its own object (firstagenda/<host>/<meeting id>.json): the sync reads and writes under that prefix of this one bucket only.',
    );
    this.handler.setVariable('BUCKET_NAME', bucket.bucketName);
  }
}

/**
 * FirstAgenda portals as the CDK context names them, checked: https URLs of a host alone (no
 * path, query, credentials), each once. Returns their origins; throws an error naming `key`.
 */
export function portalOrigins(key: string, values: readonly string[]): string[] {
  const origins = values.map((value) => {
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      throw new Error(`context ${key}: '${value}' is not a URL`);
    }
    if (url.protocol !== 'https:') throw new Error(`context ${key}: '${value}' is not an https URL`);
    if (url.pathname !== '/' || url.search || url.hash || url.username || url.password) {
      throw new Error(
        `context ${key}: '${value}' must be the portal's address alone, e.g. https://dagsordener.greve.dk`,
      );
    }
    return url.origin;
  });
  const twice = origins.find((origin, i) => origins.indexOf(origin) !== i);
  if (twice !== undefined) throw new Error(`context ${key}: ${twice} is listed twice`);
  return origins;
}

/** A schedule expression as EventBridge takes it: `cron(…)` with six fields, or `rate(…)`. */
export function scheduleExpression(key: string, value: string): string {
  const cron = value.match(/^cron\((.+)\)$/);
  if (cron && (cron[1] ?? '').trim().split(/\s+/).length === 6) return value;
  if (/^rate\(\d+ (minute|minutes|hour|hours|day|days)\)$/.test(value)) return value;
  throw new Error(
    `context ${key}: '${value}' is no EventBridge schedule: cron(minutes hours day-of-month month day-of-week year), or rate(N hours|days|minutes)`,
  );
}
