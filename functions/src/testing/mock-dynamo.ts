import {
  ConditionalCheckFailedException,
  DynamoDBClient,
  TransactionCanceledException,
} from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';

/** For the adapters' unit tests: a DocumentClient whose commands are intercepted by aws-sdk-client-mock. */
export function mockDocumentClient() {
  const doc = DynamoDBDocumentClient.from(
    new DynamoDBClient({ region: 'ap-northeast-2', credentials: { accessKeyId: 'x', secretAccessKey: 'x' } }),
  );
  return { doc, ddb: mockClient(doc) };
}

export const TABLE = 'unit-table';

export const fixedClock = () => new Date('2025-05-01T09:00:00.000Z');

export function conditionFailed(): ConditionalCheckFailedException {
  return new ConditionalCheckFailedException({ message: 'The conditional request failed', $metadata: {} });
}

export function transactionCancelled(...codes: string[]): TransactionCanceledException {
  return new TransactionCanceledException({
    message: `Transaction cancelled [${codes.join(', ')}]`,
    $metadata: {},
    CancellationReasons: codes.map((Code) => ({ Code })),
  });
}

export function throttled(): Error {
  const err = new Error('Rate exceeded');
  err.name = 'ProvisionedThroughputExceededException';
  return err;
}
