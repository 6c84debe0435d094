import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Outbox, OutboxMessage } from '@sbiz24/shared';
import { ConditionalCheckFailedException, PutCommand, QueryCommand } from './dynamodb-sdk';
import { outboxKey, outboxPrefix, userPartition } from './keys';

/**
 * The e-mail/SMS outbox in the single table (`USER#<sub>` / `OUTBOX#<id>#<channel>`): a sender (SES/SNS on
 * AWS) picks up pending messages; locally they stay here and are listed for the demo UI.
 */
export function createOutboxRepository(doc: DynamoDBDocumentClient, tableName: string): Outbox {
  return {
    async enqueue(message) {
      try {
        await doc.send(
          new PutCommand({
            TableName: tableName,
            Item: { ...outboxKey(message.userId, message.id, message.channel), entity: 'Outbox', ...message },
            ConditionExpression: 'attribute_not_exists(PK)',
          }),
        );
      } catch (e) {
        const failed =
          e instanceof ConditionalCheckFailedException ||
          (e as { name?: string }).name === 'ConditionalCheckFailedException';
        if (!failed) throw e;
      }
    },

    async list(userId) {
      const out: OutboxMessage[] = [];
      let start: Record<string, unknown> | undefined;
      do {
        const page = await doc.send(
          new QueryCommand({
            TableName: tableName,
            KeyConditionExpression: 'PK = :pk AND begins_with(SK, :p)',
            ExpressionAttributeValues: { ':pk': userPartition(userId), ':p': outboxPrefix },
            ExclusiveStartKey: start,
          }),
        );
        for (const item of page.Items ?? []) {
          const { PK: _pk, SK: _sk, entity: _e, ...message } = item;
          out.push(message as OutboxMessage);
        }
        start = page.LastEvaluatedKey;
      } while (start);
      return out.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
    },
  };
}
