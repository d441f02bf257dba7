import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import type { IDomain } from 'aws-cdk-lib/aws-opensearchservice';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import { Topic } from 'aws-cdk-lib/aws-sns';
import type { Construct } from 'constructs';
import { ServiceDashboard } from '../constructs/dashboard.ts';
import type { FunctionName } from '../constructs/house-bundling.ts';
import type { HouseFunction, SearchBinding } from '../constructs/house-function.ts';
import { IngestPipeline } from '../constructs/ingest-pipeline.ts';
import { SearchApi } from '../constructs/search-api.ts';

export interface StatelessStackProps extends StackProps {
  readonly bucket: IBucket;
  readonly table: ITable;
  readonly domain: IDomain;
  /** The functions' role names: the search domain's access policy admits exactly these. */
  readonly roleNames: Readonly<Record<FunctionName, string>>;
  /**
   * The word list package of the search domain.
   * @default - word list inline
   */
  readonly search?: SearchBinding;
  /**
   * Topic (by ARN) the ingest alarms notify.
   * @default - alarms without actions
   */
  readonly alarmTopicArn?: string;
}

/** What runs: the ingest pipeline, the search API, their dashboard. Replaceable at any time. */
export class StatelessStack extends Stack {
  readonly ingest: IngestPipeline;
  readonly api: SearchApi;
  readonly dashboard: ServiceDashboard;

  constructor(scope: Construct, id: string, props: StatelessStackProps) {
    super(scope, id, props);
    const alarmTopic = props.alarmTopicArn
      ? Topic.fromTopicArn(this, 'AlarmTopic', props.alarmTopicArn)
      : undefined;

    this.ingest = new IngestPipeline(this, 'Ingest', {
      bucket: props.bucket,
      alarmTopic,
      handler: { roleName: props.roleNames.ingest },
    });
    this.api = new SearchApi(this, 'Api', { handler: { roleName: props.roleNames.api } });

    const bind = (fn: HouseFunction, bucketAccess: 'read' | 'readWrite') => {
      fn.bindBucket(props.bucket, bucketAccess);
      fn.bindTable(props.table);
      fn.bindSearch(props.domain, props.search);
    };
    // Ingest reads what was uploaded; the API also presigns uploads (PUT) and can delete.
    bind(this.ingest.handler, 'read');
    bind(this.api.handler, 'readWrite');

    this.dashboard = new ServiceDashboard(this, 'Dashboard', {
      ingestFunction: this.ingest.handler.function,
      queue: this.ingest.queue,
      deadLetterQueue: this.ingest.deadLetterQueue,
      api: this.api.api,
      apiFunction: this.api.handler.function,
      domain: props.domain,
      alarms: this.ingest.alarms,
    });

    new CfnOutput(this, 'ApiUrl', { value: this.api.url, description: 'GET /search?q=...' });
    new CfnOutput(this, 'DashboardName', { value: this.dashboard.dashboard.dashboardName });
  }
}
