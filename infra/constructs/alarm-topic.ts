import { Stack } from 'aws-cdk-lib';
import type { Alarm } from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import { PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Key } from 'aws-cdk-lib/aws-kms';
import { type ITopic, Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import { Construct } from 'constructs';

export interface AlarmTopicProps {
  /**
   * An existing topic (by ARN) to notify instead of creating one; it is used as it is.
   * @default - a topic is created
   */
  readonly topicArn?: string;
  /**
   * Email addresses subscribed to the topic. Each gets a confirmation mail from AWS first.
   * @default - no subscriptions: subscribe with `aws sns subscribe` or the console
   */
  readonly emails?: readonly string[];
}

/**
 * Where every alarm of the service goes: an SNS topic encrypted with its own KMS key (AWS's managed
 * key for SNS does not let CloudWatch publish), publishing over TLS only, with email subscriptions.
 */
export class AlarmTopic extends Construct {
  readonly topic: ITopic;

  constructor(scope: Construct, id: string, props: AlarmTopicProps = {}) {
    super(scope, id);
    this.topic = props.topicArn ? Topic.fromTopicArn(this, 'Topic', props.topicArn) : this.createTopic();
    for (const email of props.emails ?? []) {
      this.topic.addSubscription(new EmailSubscription(email));
    }
  }

  private createTopic(): Topic {
    const stack = Stack.of(this);
    const cloudWatch = new ServicePrincipal('cloudwatch.amazonaws.com');
    const fromThisAccount = { StringEquals: { 'aws:SourceAccount': stack.account } };
    const key = new Key(this, 'Key', {
      description: `Encrypts the alarm topic of ${stack.stackName}`,
      enableKeyRotation: true,
    });
    key.addToResourcePolicy(
      new PolicyStatement({
        principals: [cloudWatch],
        actions: ['kms:Decrypt', 'kms:GenerateDataKey*'],
        resources: ['*'],
        conditions: fromThisAccount,
      }),
    );
    const topic = new Topic(this, 'Topic', {
      displayName: `${stack.stackName} alarms`,
      masterKey: key,
      enforceSSL: true,
    });
    // A topic policy replaces SNS's default one, which let the account's CloudWatch publish.
    topic.addToResourcePolicy(
      new PolicyStatement({
        principals: [cloudWatch],
        actions: ['sns:Publish'],
        resources: [topic.topicArn],
        conditions: fromThisAccount,
      }),
    );
    return topic;
  }
}

/** Sends each alarm to the topic when it goes into ALARM. */
export function notify(alarms: readonly Alarm[], topic: ITopic | undefined): void {
  if (!topic) return;
  const action = new SnsAction(topic);
  for (const alarm of alarms) alarm.addAlarmAction(action);
}
