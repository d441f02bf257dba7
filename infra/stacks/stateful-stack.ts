import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import type { Table } from 'aws-cdk-lib/aws-dynamodb';
import type { Domain } from 'aws-cdk-lib/aws-opensearchservice';
import type { Bucket } from 'aws-cdk-lib/aws-s3';
import type { Construct } from 'constructs';
import { MinutesStorage } from '../constructs/minutes-storage.ts';
import { SearchDomain, type SearchDomainProps } from '../constructs/search-domain.ts';

export interface StatefulStackProps extends StackProps {
  /** The search domain: name, size and the roles its access policy admits. */
  readonly search: SearchDomainProps;
  /**
   * Origins of the search page allowed to PUT uploads to the bucket (see MinutesStorageProps).
   * @default - none
   */
  readonly webOrigins?: readonly string[];
}

/**
 * What holds data: the minutes bucket, the registry table, the search domain. Everything here is
 * retained when the stack is deleted, and nothing here refers to the stateless stack.
 */
export class StatefulStack extends Stack {
  readonly bucket: Bucket;
  readonly table: Table;
  readonly domain: Domain;

  constructor(scope: Construct, id: string, props: StatefulStackProps) {
    super(scope, id, props);
    const storage = new MinutesStorage(this, 'Storage', { webOrigins: props.webOrigins });
    const search = new SearchDomain(this, 'Search', props.search);
    this.bucket = storage.bucket;
    this.table = storage.table;
    this.domain = search.domain;

    new CfnOutput(this, 'BucketName', { value: this.bucket.bucketName, description: 'Upload minutes here' });
    new CfnOutput(this, 'TableName', { value: this.table.tableName, description: 'The document registry' });
    new CfnOutput(this, 'DomainEndpoint', {
      value: `https://${this.domain.domainEndpoint}`,
      description: 'The OpenSearch domain (SigV4 with a function role)',
    });
  }
}
