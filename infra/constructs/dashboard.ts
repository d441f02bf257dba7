import { Duration } from 'aws-cdk-lib';
import type { IHttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import {
  AlarmStatusWidget,
  Dashboard,
  GraphWidget,
  type IAlarm,
  type IWidget,
  SingleValueWidget,
  Stats,
  TextWidget,
} from 'aws-cdk-lib/aws-cloudwatch';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import type { IDomain } from 'aws-cdk-lib/aws-opensearchservice';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';

export interface ServiceDashboardProps {
  readonly ingestFunction: IFunction;
  readonly queue: IQueue;
  readonly deadLetterQueue: IQueue;
  readonly api: IHttpApi;
  readonly apiFunction: IFunction;
  readonly domain: IDomain;
  /**
   * Alarms whose state the dashboard shows on top.
   * @default - none
   */
  readonly alarms?: readonly IAlarm[];
  /**
   * @default - a generated name
   */
  readonly dashboardName?: string;
}

const PERIOD = Duration.minutes(5);
const WIDTH = 8;

/** One CloudWatch dashboard: ingestion, its queues, the API and the search domain. */
export class ServiceDashboard extends Construct {
  readonly dashboard: Dashboard;

  constructor(scope: Construct, id: string, props: ServiceDashboardProps) {
    super(scope, id);
    this.dashboard = new Dashboard(this, 'Dashboard', {
      dashboardName: props.dashboardName,
      defaultInterval: Duration.hours(24),
    });
    const alarms = props.alarms ?? [];
    if (alarms.length > 0) {
      this.dashboard.addWidgets(new AlarmStatusWidget({ title: 'Alarms', alarms: [...alarms], width: 24 }));
    }
    this.dashboard.addWidgets(new TextWidget({ markdown: '## Ingestion', width: 24, height: 1 }));
    this.dashboard.addWidgets(...ingestWidgets(props));
    this.dashboard.addWidgets(new TextWidget({ markdown: '## Search API', width: 24, height: 1 }));
    this.dashboard.addWidgets(...apiWidgets(props));
    this.dashboard.addWidgets(new TextWidget({ markdown: '## Search domain', width: 24, height: 1 }));
    this.dashboard.addWidgets(...domainWidgets(props.domain));
  }
}

function ingestWidgets({ ingestFunction: fn, queue, deadLetterQueue }: ServiceDashboardProps): IWidget[] {
  return [
    new GraphWidget({
      title: 'Ingest invocations and errors',
      width: WIDTH,
      left: [fn.metricInvocations({ period: PERIOD }), fn.metricErrors({ period: PERIOD })],
    }),
    new GraphWidget({
      title: 'Ingest duration',
      width: WIDTH,
      left: [
        fn.metricDuration({ period: PERIOD, statistic: Stats.p(50) }),
        fn.metricDuration({ period: PERIOD, statistic: Stats.p(95) }),
        fn.metricDuration({ period: PERIOD, statistic: Stats.MAXIMUM }),
      ],
    }),
    new GraphWidget({
      title: 'Queue depth, dead letters, oldest message (s)',
      width: WIDTH,
      left: [
        queue.metricApproximateNumberOfMessagesVisible({ period: PERIOD, label: 'queued' }),
        deadLetterQueue.metricApproximateNumberOfMessagesVisible({ period: PERIOD, label: 'dead letters' }),
      ],
      right: [queue.metricApproximateAgeOfOldestMessage({ period: PERIOD, label: 'oldest (s)' })],
    }),
  ];
}

function apiWidgets({ api, apiFunction }: ServiceDashboardProps): IWidget[] {
  return [
    new GraphWidget({
      title: 'API requests, 4xx, 5xx',
      width: WIDTH,
      left: [api.metricCount({ period: PERIOD, label: 'requests' })],
      right: [
        api.metricClientError({ period: PERIOD, label: '4xx' }),
        api.metricServerError({ period: PERIOD, label: '5xx' }),
      ],
    }),
    new GraphWidget({
      title: 'API latency (ms)',
      width: WIDTH,
      left: [
        api.metricLatency({ period: PERIOD, statistic: Stats.p(50), label: 'p50' }),
        api.metricLatency({ period: PERIOD, statistic: Stats.p(95), label: 'p95' }),
        api.metricIntegrationLatency({ period: PERIOD, statistic: Stats.p(95), label: 'integration p95' }),
      ],
    }),
    new GraphWidget({
      title: 'API function errors and throttles',
      width: WIDTH,
      left: [apiFunction.metricErrors({ period: PERIOD }), apiFunction.metricThrottles({ period: PERIOD })],
    }),
  ];
}

function domainWidgets(domain: IDomain): IWidget[] {
  return [
    new SingleValueWidget({
      title: 'Cluster status (1 = yes)',
      width: WIDTH,
      metrics: [
        domain.metricClusterStatusRed({ period: Duration.minutes(1), label: 'red' }),
        domain.metricClusterStatusYellow({ period: Duration.minutes(1), label: 'yellow' }),
      ],
    }),
    new GraphWidget({
      title: 'Search and indexing latency (ms)',
      width: WIDTH,
      left: [
        domain.metricSearchLatency({ period: PERIOD, label: 'search p99' }),
        domain.metricIndexingLatency({ period: PERIOD, label: 'indexing p99' }),
      ],
    }),
    new GraphWidget({
      title: 'CPU, JVM memory pressure (%), free storage (MB)',
      width: WIDTH,
      left: [
        domain.metricCPUUtilization({ period: PERIOD, label: 'CPU' }),
        domain.metricJVMMemoryPressure({ period: PERIOD, label: 'JVM memory pressure' }),
      ],
      right: [domain.metricFreeStorageSpace({ period: PERIOD, label: 'free storage' })],
    }),
  ];
}
