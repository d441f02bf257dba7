import { Duration } from 'aws-cdk-lib';
import type { IHttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import {
  AlarmStatusWidget,
  Dashboard,
  GraphWidget,
  type IAlarm,
  type IMetric,
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
}

const WIDTH = 8;

/**
 * One CloudWatch dashboard: ingestion, its queues, the API and the search domain. Metrics keep
 * their default 5-minute period, but the cluster status, which shows each minute.
 */
export class ServiceDashboard extends Construct {
  readonly dashboard: Dashboard;

  constructor(scope: Construct, id: string, props: ServiceDashboardProps) {
    super(scope, id);
    this.dashboard = new Dashboard(this, 'Dashboard', { defaultInterval: Duration.hours(24) });
    const alarms = props.alarms ?? [];
    if (alarms.length > 0) {
      this.dashboard.addWidgets(new AlarmStatusWidget({ title: 'Alarms', alarms: [...alarms], width: 24 }));
    }
    this.section('Ingestion', ingestWidgets(props));
    this.section('Search API', apiWidgets(props));
    this.section('Search domain', domainWidgets(props.domain));
  }

  /** A heading across the dashboard, then the section's widgets in a row. */
  private section(title: string, widgets: IWidget[]): void {
    this.dashboard.addWidgets(new TextWidget({ markdown: `## ${title}`, width: 24, height: 1 }));
    this.dashboard.addWidgets(...widgets);
  }
}

/** A graph one third of the dashboard wide. */
function graph(title: string, left: IMetric[], right?: IMetric[]): GraphWidget {
  return new GraphWidget({ title, width: WIDTH, left, right });
}

function ingestWidgets({ ingestFunction: fn, queue, deadLetterQueue }: ServiceDashboardProps): IWidget[] {
  return [
    graph('Ingest invocations and errors', [fn.metricInvocations(), fn.metricErrors()]),
    graph('Ingest duration', [
      fn.metricDuration({ statistic: Stats.p(50) }),
      fn.metricDuration({ statistic: Stats.p(95) }),
      fn.metricDuration({ statistic: Stats.MAXIMUM }),
    ]),
    graph(
      'Queue depth, dead letters, oldest message (s)',
      [
        queue.metricApproximateNumberOfMessagesVisible({ label: 'queued' }),
        deadLetterQueue.metricApproximateNumberOfMessagesVisible({ label: 'dead letters' }),
      ],
      [queue.metricApproximateAgeOfOldestMessage({ label: 'oldest (s)' })],
    ),
  ];
}

function apiWidgets({ api, apiFunction }: ServiceDashboardProps): IWidget[] {
  return [
    graph(
      'API requests, 4xx, 5xx',
      [api.metricCount({ label: 'requests' })],
      [api.metricClientError({ label: '4xx' }), api.metricServerError({ label: '5xx' })],
    ),
    graph('API latency (ms)', [
      api.metricLatency({ statistic: Stats.p(50), label: 'p50' }),
      api.metricLatency({ statistic: Stats.p(95), label: 'p95' }),
      api.metricIntegrationLatency({ statistic: Stats.p(95), label: 'integration p95' }),
    ]),
    graph('API function errors and throttles', [apiFunction.metricErrors(), apiFunction.metricThrottles()]),
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
    graph('Search and indexing latency (ms)', [
      domain.metricSearchLatency({ label: 'search p99' }),
      domain.metricIndexingLatency({ label: 'indexing p99' }),
    ]),
    graph(
      'CPU, JVM memory pressure (%), free storage (MB)',
      [
        domain.metricCPUUtilization({ label: 'CPU' }),
        domain.metricJVMMemoryPressure({ label: 'JVM memory pressure' }),
      ],
      [domain.metricFreeStorageSpace({ label: 'free storage' })],
    ),
  ];
}
