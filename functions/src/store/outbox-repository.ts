import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Outbox } from '@sbiz24/shared';
import { putIfAbsent } from './conditional-writes';
import { outboxItem } from './items';
import { outboxPrefix, userPartition } from './keys';
import { queryAll } from './paging';

/**
 * The e-mail/SMS outbox in the single table (`USER#<sub>` / `OUTBOX#<id>#<channel>`): a sender (SES/SNS on
 * AWS) picks up pending messages; locally they stay here and are listed for the demo UI.
 */
export function createOutboxRepository(doc: DynamoDBDocumentClient, tableName: string): Outbox {
  return {
    async enqueue(message) {
      // A message that exists was enqueued by an earlier attempt: a repeat is a no-op.
      await putIfAbsent(doc, tableName, outboxItem.toItem(message));
    },

    async list(userId) {
      const messages = await queryAll(
        doc,
        {
          TableName: tableName,
          KeyConditionExpression: 'PK = :pk AND begins_with(SK, :p)',
          ExpressionAttributeValues: { ':pk': userPartition(userId), ':p': outboxPrefix },
        },
        outboxItem.fromItem,
      );
      return messages.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
    },
  };
}
