import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import type { Table } from 'aws-cdk-lib/aws-dynamodb';
import type { Domain } from 'aws-cdk-lib/aws-opensearchservice';
import type { Bucket } from 'aws-cdk-lib/aws-s3';
import type { ITopic } from 'aws-cdk-lib/aws-sns';
import type { Construct } from 'constructs';
import { AlarmTopic, type AlarmTopicProps } from '../constructs/alarm-topic.ts';
import { MinutesStorage } from '../constructs/minutes-storage.ts';
import { SearchDomain, type SearchDomainProps } from '../constructs/search-domain.ts';
import { UserDirectory, type UserDirectoryProps } from '../constructs/user-directory.ts';
import { WordListPackage } from '../constructs/word-list-package/index.ts';

export interface StatefulStackProps extends StackProps {
  /** The search domain: name, size and the roles its access policy admits. */
  readonly search: Omit<SearchDomainProps, 'alarmTopic'>;
  /**
   * Origins of the search page allowed to PUT uploads to the bucket (see MinutesStorageProps).
   * @default - none
   */
  readonly webOrigins?: readonly string[];
  /**
   * The people who may write, in a Cognito user pool with a hosted UI.
   * @default - no user pool (writing is guarded by IAM or an external issuer)
   */
  readonly users?: UserDirectoryProps;
  /**
   * The topic every alarm notifies, and its email subscriptions.
   * @default - a new topic without subscriptions
   */
  readonly alarms?: AlarmTopicProps;
}

/**
 * What holds data or outlives a deployment: the minutes bucket, the registry table, the search
 * domain with its word list package, the users who may write, and the alarm topic with its
 * confirmed subscriptions.
 * Everything here is retained when the stack is deleted, and nothing here refers to the
 * stateless stack.
 */
export class StatefulStack extends Stack {
  readonly bucket: Bucket;
  readonly table: Table;
  readonly search: SearchDomain;
  readonly domain: Domain;
  /** The Danish word list as a custom package of the domain; its `path` goes to the functions. */
  readonly wordList: WordListPackage;
  readonly users?: UserDirectory;
  readonly alarmTopic: ITopic;

  constructor(scope: Construct, id: string, props: StatefulStackProps) {
    super(scope, id, props);
    this.alarmTopic = new AlarmTopic(this, 'Alarms', props.alarms).topic;
    const storage = new MinutesStorage(this, 'Storage', { webOrigins: props.webOrigins });
    this.search = new SearchDomain(this, 'Search', { ...props.search, alarmTopic: this.alarmTopic });
    this.bucket = storage.bucket;
    this.table = storage.table;
    this.domain = this.search.domain;
    this.wordList = new WordListPackage(this, 'WordList', {
      domain: this.domain,
      namePrefix: props.search.domainName,
    });
    if (props.users) this.users = new UserDirectory(this, 'Users', props.users);

    new CfnOutput(this, 'BucketName', { value: this.bucket.bucketName, description: 'Upload minutes here' });
    new CfnOutput(this, 'TableName', { value: this.table.tableName, description: 'The document registry' });
    new CfnOutput(this, 'DomainEndpoint', {
      value: `https://${this.domain.domainEndpoint}`,
      description: 'The OpenSearch domain (SigV4 with a function role)',
    });
    new CfnOutput(this, 'AlarmTopicArn', {
      value: this.alarmTopic.topicArn,
      description: 'Every alarm notifies this topic: subscribe to it',
    });
    if (this.users) {
      new CfnOutput(this, 'UserPoolId', {
        value: this.users.userPool.userPoolId,
        description: 'Create writers here: aws cognito-idp admin-create-user --user-pool-id ...',
      });
      new CfnOutput(this, 'SignInUrl', { value: this.users.hostedUiUrl, description: 'The hosted sign-in' });
    }
  }
}
