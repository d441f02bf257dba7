import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import type { IAlarm } from 'aws-cdk-lib/aws-cloudwatch';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import type { IDomain } from 'aws-cdk-lib/aws-opensearchservice';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import type { ITopic } from 'aws-cdk-lib/aws-sns';
import type { Construct } from 'constructs';
import { ServiceDashboard } from '../constructs/dashboard.ts';
import type { SearchBinding } from '../constructs/house-function.ts';
import { IngestPipeline } from '../constructs/ingest-pipeline.ts';
import { PortalSync, type PortalSyncSettings } from '../constructs/portal-sync.ts';
import { type ApiAuth, SearchApi } from '../constructs/search-api.ts';

/** The functions that search or write the index: the search domain admits their roles by name. */
export type SearchClient = 'ingest' | 'api' | 'export';

export interface StatelessStackProps extends StackProps {
  readonly bucket: IBucket;
  readonly table: ITable;
  readonly domain: IDomain;
  /** The functions' role names: the search domain's access policy admits exactly these. */
  readonly roleNames: Readonly<Record<SearchClient, string>>;
  /**
   * The word list package of the search domain.
   * @default - word list inline
   */
  readonly search?: SearchBinding;
  /**
   * Who may upload and read the registry (see SearchApiProps).
   * @default 'iam'
   */
  readonly auth?: ApiAuth;
  /**
   * Origins serving the search page besides the API's own URL (sign-in may return there).
   * @default - none
   */
  readonly webOrigins?: readonly string[];
  /**
   * FirstAgenda portals to sync on a schedule (see PortalSyncProps); the contact defaults to the
   * API's URL, the search page a portal's administrator can open.
   * @default - no sync
   */
  readonly portalSync?: PortalSyncSettings;
  /**
   * Topic the alarms notify.
   * @default - alarms without actions
   */
  readonly alarmTopic?: ITopic;
  /**
   * Alarms of the stateful stack (the search domain's) the dashboard shows beside this stack's.
   * @default - none
   */
  readonly statefulAlarms?: readonly IAlarm[];
}

/** What runs: the ingest pipeline, the search API, their dashboard. Replaceable at any time. */
export class StatelessStack extends Stack {
  readonly ingest: IngestPipeline;
  readonly api: SearchApi;
  readonly sync?: PortalSync;
  readonly dashboard: ServiceDashboard;

  constructor(scope: Construct, id: string, props: StatelessStackProps) {
    super(scope, id, props);
    this.ingest = new IngestPipeline(this, 'Ingest', {
      bucket: props.bucket,
      alarmTopic: props.alarmTopic,
      handler: { roleName: props.roleNames.ingest },
    });
    this.api = new SearchApi(this, 'Api', {
      handler: { roleName: props.roleNames.api },
      exporter: { roleName: props.roleNames.export },
      auth: props.auth,
      webOrigins: props.webOrigins,
      alarmTopic: props.alarmTopic,
    });

    // Ingest reads what was uploaded and keeps the registry and the index. The API only reads,
    // and presigns downloads and uploads: it can neither delete nor overwrite the minutes. The
    // export only searches the index: no bucket, no registry.
    const ingest = this.ingest.handler;
    ingest.bindBucket(props.bucket, 'read');
    ingest.bindTable(props.table, 'readWrite');
    ingest.bindSearch(props.domain, props.search, 'readWrite');
    const api = this.api.handler;
    api.bindBucket(props.bucket, 'presign');
    api.bindTable(props.table, 'read');
    api.bindSearch(props.domain, props.search, 'read');
    this.api.exporter.bindSearch(props.domain, props.search, 'export');

    if (props.portalSync !== undefined) {
      this.sync = new PortalSync(this, 'Sync', {
        bucket: props.bucket,
        ...props.portalSync,
        contact: props.portalSync.contact ?? this.api.url,
        alarmTopic: props.alarmTopic,
      });
    }

    this.dashboard = new ServiceDashboard(this, 'Dashboard', {
      ingestFunction: ingest.function,
      queue: this.ingest.queue,
      deadLetterQueue: this.ingest.deadLetterQueue,
      api: this.api.api,
      apiFunction: api.function,
      domain: props.domain,
      alarms: [
        ...this.ingest.alarms,
        ...this.api.alarms,
        ...(this.sync?.alarms ?? []),
        ...(props.statefulAlarms ?? []),
      ],
    });

    new CfnOutput(this, 'ApiUrl', { value: this.api.url, description: 'GET /search?q=...' });
    new CfnOutput(this, 'ExportUrl', {
      value: this.api.exportUrl.url,
      description: 'GET /export?q=... streamed (the API redirects its /export here when reading is public)',
    });
    new CfnOutput(this, 'DashboardName', { value: this.dashboard.dashboard.dashboardName });
  }
}
