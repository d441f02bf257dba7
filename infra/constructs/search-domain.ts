import { Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import { Alarm, ComparisonOperator, type IMetric, Stats, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import { AccountRootPrincipal, PolicyDocument, PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { LogGroup, ResourcePolicy, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { type CfnDomain, Domain, EngineVersion, TLSSecurityPolicy } from 'aws-cdk-lib/aws-opensearchservice';
import type { ITopic } from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';
import { notify } from './alarm-topic.ts';
import { domainSizing, SEARCH_SIZES, type SearchSize } from './search-size.ts';

/** The HTTP actions of the OpenSearch API; the functions use all of them (search is a POST). */
const HTTP_ACTIONS = [
  'es:ESHttpGet',
  'es:ESHttpHead',
  'es:ESHttpPost',
  'es:ESHttpPut',
  'es:ESHttpDelete',
  'es:ESHttpPatch',
];

export interface SearchDomainProps {
  /**
   * The domain's name (3-28 characters, a-z 0-9 -). Fixed, so the access policy can name the
   * domain's own ARN, which CloudFormation cannot reference from the domain itself.
   */
  readonly domainName: string;
  /**
   * ARNs of the roles the access policy admits (the functions' roles). The roles live in
   * another stack that is deployed later, so they are matched by `aws:PrincipalArn`, which
   * needs no existing role, rather than named as principals.
   */
  readonly accessRoleArns: readonly string[];
  /**
   * Node counts, instance types, storage and zones; validated (see search-size.ts).
   * @default SEARCH_SIZES.dev: one t3.small.search node with 10 GB gp3 in one zone
   */
  readonly size?: SearchSize;
  /**
   * Engine version.
   * @default EngineVersion.OPENSEARCH_2_19
   */
  readonly version?: EngineVersion;
  /**
   * Retention of the slow search, slow index and application logs.
   * @default RetentionDays.ONE_MONTH
   */
  readonly logRetention?: RetentionDays;
  /**
   * @default RemovalPolicy.RETAIN
   */
  readonly removalPolicy?: RemovalPolicy;
  /**
   * Topic the alarms notify.
   * @default - alarms without actions
   */
  readonly alarmTopic?: ITopic;
}

/** Free storage on the fullest node that raises the alarm, as a share of a node's volume (AWS's advice). */
const FREE_STORAGE_ALARM_SHARE = 0.25;

/**
 * The OpenSearch domain that indexes the minutes: encrypted at rest and between nodes, HTTPS
 * with TLS 1.2 or newer, IAM (SigV4) access without fine-grained access control, and its slow
 * and application logs in CloudWatch.
 *
 * The Danish compound analyzer's word list (shared/language/compounds.ts) is a custom package of
 * this domain, made by WordListPackage beside it in the stateful stack.
 */
export class SearchDomain extends Construct {
  readonly domain: Domain;
  readonly alarms: readonly Alarm[];

  constructor(scope: Construct, id: string, props: SearchDomainProps) {
    super(scope, id);
    const size = props.size ?? SEARCH_SIZES.dev;
    const { capacity, ebs, zoneAwareness } = domainSizing(size);
    const retention = props.logRetention ?? RetentionDays.ONE_MONTH;
    const removalPolicy = props.removalPolicy ?? RemovalPolicy.RETAIN;
    const stack = Stack.of(this);
    const domainArn = stack.formatArn({ service: 'es', resource: 'domain', resourceName: props.domainName });

    const logs = {
      slowSearch: new LogGroup(this, 'SlowSearchLogs', { retention, removalPolicy }),
      slowIndex: new LogGroup(this, 'SlowIndexLogs', { retention, removalPolicy }),
      app: new LogGroup(this, 'AppLogs', { retention, removalPolicy }),
    };
    // A native resource policy instead of CDK's default custom resource (a Lambda function) for it.
    const logsPolicy = new ResourcePolicy(this, 'LogsPolicy', {
      policyStatements: [
        new PolicyStatement({
          principals: [new ServicePrincipal('es.amazonaws.com')],
          actions: ['logs:CreateLogStream', 'logs:PutLogEvents'],
          resources: Object.values(logs).map((group) => group.logGroupArn),
          conditions: {
            StringEquals: { 'aws:SourceAccount': stack.account },
            ArnLike: { 'aws:SourceArn': domainArn },
          },
        }),
      ],
    });

    this.domain = new Domain(this, 'Domain', {
      domainName: props.domainName,
      version: props.version ?? EngineVersion.OPENSEARCH_2_19,
      capacity,
      ebs,
      zoneAwareness,
      encryptionAtRest: { enabled: true },
      nodeToNodeEncryption: true,
      enforceHttps: true,
      tlsSecurityPolicy: TLSSecurityPolicy.TLS_1_2,
      logging: {
        slowSearchLogEnabled: true,
        slowSearchLogGroup: logs.slowSearch,
        slowIndexLogEnabled: true,
        slowIndexLogGroup: logs.slowIndex,
        appLogEnabled: true,
        appLogGroup: logs.app,
      },
      suppressLogsResourcePolicy: true,
      removalPolicy,
    });
    this.domain.node.addDependency(logsPolicy);

    // Set on the CloudFormation resource rather than through `accessPolicies`, which CDK applies
    // with a custom resource (another Lambda function) because the domain's ARN is generated.
    (this.domain.node.defaultChild as CfnDomain).accessPolicies = new PolicyDocument({
      statements: [
        new PolicyStatement({
          principals: [new AccountRootPrincipal()],
          actions: HTTP_ACTIONS,
          resources: [`${domainArn}/*`],
          conditions: { ArnEquals: { 'aws:PrincipalArn': [...props.accessRoleArns] } },
        }),
      ],
    });

    this.acknowledgeSizing(size);
    this.alarms = this.createAlarms(size);
    notify(this.alarms, props.alarmTopic);
    Validations.of(this.domain).acknowledge(
      {
        id: 'AwsSolutions-OS1',
        reason:
          'Reached by the Lambda functions over HTTPS with SigV4; the access policy admits only their roles. A VPC would put both functions in it, with NAT or endpoints for S3 and DynamoDB, for no gain in who can call the domain.',
      },
      {
        id: 'AwsSolutions-OS3',
        reason:
          'Access is by IAM identity (the two function roles), not by network address: Lambda has no fixed source IPs to allow-list.',
      },
    );
  }

  /**
   * AWS's recommended alarms for cluster health. Yellow (replicas unassigned) only with more than
   * one data node: on a single node a replica can never be assigned, so one node is always yellow.
   */
  private createAlarms(size: SearchSize): Alarm[] {
    const alarm = (id: string, description: string, metric: IMetric, threshold: number, below = false) =>
      new Alarm(this, id, {
        alarmDescription: description,
        metric,
        threshold,
        comparisonOperator: below
          ? ComparisonOperator.LESS_THAN_OR_EQUAL_TO_THRESHOLD
          : ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        evaluationPeriods: 1,
        treatMissingData: TreatMissingData.MISSING,
      });
    const minute = { period: Duration.minutes(1), statistic: Stats.MAXIMUM };
    const volumeMb = size.volumeGb * 1024;
    const alarms = [
      alarm(
        'ClusterRedAlarm',
        'A primary shard is unassigned: searches miss items, indexing fails',
        this.domain.metricClusterStatusRed(minute),
        1,
      ),
      alarm(
        'FreeStorageAlarm',
        `A data node has ${FREE_STORAGE_ALARM_SHARE * 100} % or less of its storage free; writes stop at 5 %`,
        this.domain.metricFreeStorageSpace({ period: Duration.minutes(1), statistic: Stats.MINIMUM }),
        Math.round(volumeMb * FREE_STORAGE_ALARM_SHARE),
        true,
      ),
      alarm(
        'IndexWritesBlockedAlarm',
        'The cluster refuses writes (storage or memory pressure): uploads are not indexed',
        this.domain.metric('ClusterIndexWritesBlocked', {
          period: Duration.minutes(5),
          statistic: Stats.MAXIMUM,
        }),
        1,
      ),
    ];
    if (size.dataNodes > 1) {
      alarms.push(
        alarm(
          'ClusterYellowAlarm',
          'A replica shard is unassigned: one more node failure loses data',
          this.domain.metricClusterStatusYellow(minute),
          1,
        ),
      );
    }
    return alarms;
  }

  /** A size below AWS's production advice is a deliberate cost choice; cdk-nag is told why. */
  private acknowledgeSizing(size: SearchSize): void {
    const nodes = size.dataNodes === 1 ? 'One data node' : `${size.dataNodes} data nodes`;
    if (size.dedicatedMasters === 0) {
      const why =
        size.dataNodes === 1
          ? 'One data node is its own cluster manager: 3 dedicated masters would quadruple a dev domain.'
          : `${nodes} for one municipality's archive (a few GB) elect the cluster manager among themselves; 3 dedicated masters would add 3 instances that hold no data. A lost node leaves search running; writes may wait for its replacement.`;
      Validations.of(this.domain).acknowledge({
        id: 'AwsSolutions-OS4',
        reason: `${why} Add them with context searchDedicatedMasters.`,
      });
    }
    if (size.zones === 1) {
      Validations.of(this.domain).acknowledge({
        id: 'AwsSolutions-OS7',
        reason: `${nodes} in one availability zone keep this stage cheap: a zone outage stops search until the zone returns; the minutes stay in S3 and the index can be rebuilt. Spread with context searchZones (prod does).`,
      });
    }
  }
}
