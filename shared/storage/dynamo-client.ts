import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { type ClientTarget, LOCAL_CREDENTIALS } from './client-target.ts';

/** A DynamoDB document client; undefined attributes are left out rather than refused. */
export function createDynamoClient({ region, endpoint }: ClientTarget): DynamoDBDocumentClient {
  const client =
    endpoint === undefined
      ? new DynamoDBClient({ region })
      : new DynamoDBClient({ region, endpoint, credentials: LOCAL_CREDENTIALS });
  return DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
}
