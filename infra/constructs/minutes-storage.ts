import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import { AttributeType, BillingMode, Table, TableEncryption } from 'aws-cdk-lib/aws-dynamodb';
import {
  BlockPublicAccess,
  Bucket,
  BucketEncryption,
  type CorsRule,
  HttpMethods,
  ObjectOwnership,
} from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { REGISTRY_TABLE } from '#storage/registry-table.ts';
import { assertOrigins } from './origins.ts';

export interface MinutesStorageProps {
  /**
   * Origins of the search page (e.g. the HTTP API's URL, `https://abc123.execute-api.eu-north-1.amazonaws.com`,
   * or a custom domain): browsers there may PUT uploads to presigned URLs. `*` is refused.
   * @default - none: no CORS, so browsers cannot upload (the API and the CLI still can)
   */
  readonly webOrigins?: readonly string[];
}

/**
 * The service's state: the minutes bucket (the documents as uploaded), its server access logs,
 * and the registry table (documents, keys and their processing state; shape in
 * shared/storage/registry-table.ts). All three are retained when the stack goes.
 */
export class MinutesStorage extends Construct {
  readonly bucket: Bucket;
  readonly accessLogs: Bucket;
  readonly table: Table;

  constructor(scope: Construct, id: string, props: MinutesStorageProps = {}) {
    super(scope, id);

    this.accessLogs = new Bucket(this, 'AccessLogs', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      // S3 server access logging delivers only to SSE-S3 buckets.
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      lifecycleRules: [{ expiration: Duration.days(365) }],
      removalPolicy: RemovalPolicy.RETAIN,
    });

    this.bucket = new Bucket(this, 'Bucket', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      versioned: true,
      lifecycleRules: [
        {
          id: 'expire-noncurrent-versions',
          noncurrentVersionExpiration: Duration.days(30),
        },
        { id: 'abort-incomplete-uploads', abortIncompleteMultipartUploadAfter: Duration.days(7) },
      ],
      cors: uploadCors(props.webOrigins ?? []),
      serverAccessLogsBucket: this.accessLogs,
      serverAccessLogsPrefix: 'minutes/',
      removalPolicy: RemovalPolicy.RETAIN,
    });

    const { partitionKey, indexes } = REGISTRY_TABLE;
    this.table = new Table(this, 'Registry', {
      partitionKey: { name: partitionKey, type: AttributeType.STRING },
      billingMode: BillingMode.PAY_PER_REQUEST,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      encryption: TableEncryption.AWS_MANAGED,
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    for (const index of Object.values(indexes)) {
      this.table.addGlobalSecondaryIndex({
        indexName: index.name,
        partitionKey: { name: index.partitionKey, type: AttributeType.STRING },
        sortKey: { name: index.sortKey, type: AttributeType.STRING },
      });
    }
  }
}

/** PUT from the page's origins only: the browser sends the file with the signed Content-Type. */
function uploadCors(origins: readonly string[]): CorsRule[] | undefined {
  if (origins.length === 0) return undefined;
  assertOrigins('webOrigins', origins);
  return [
    {
      allowedMethods: [HttpMethods.PUT],
      allowedOrigins: [...origins],
      allowedHeaders: ['content-type'],
      maxAge: 3000,
    },
  ];
}
