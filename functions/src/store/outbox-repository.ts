import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { OutboundChannel, Outbox, OutboxMessage } from '@sbiz24/shared';
import { isConditionalCheckFailed } from './dynamo-errors';
import { PutCommand, QueryCommand, UpdateCommand } from './dynamodb-sdk';
import { outboxKey, outboxPrefix, outboxQueueKey, outboxQueuePartition, userPartition } from './keys';

const GSI1 = 'GSI1';

type OutboxItem = OutboxMessage & {
  PK: string;
  SK: string;
  GSI1PK?: string;
  GSI1SK?: string;
  entity: 'Outbox';
};

/** The message without the item's keys. */
// biome-ignore lint/suspicious/noExplicitAny: lib-dynamodb gives items as Record<string, NativeAttributeValue> (any)
function toMessage(item: Record<string, any>): OutboxMessage {
  const { PK: _pk, SK: _sk, GSI1PK: _g1, GSI1SK: _g2, entity: _e, ...message } = item as OutboxItem;
  return message;
}

/**
 * The e-mail/SMS outbox in the single table (`USER#<sub>` / `OUTBOX#<id>#<channel>`), with its work queues
 * in GSI1 (`OUTBOXQ#<state>#<channel>`, sorted by due time, lease end or parking time). Every change of
 * state is conditional on the state and attempt count the caller read, so two senders never both send.
 */
export function createOutboxRepository(doc: DynamoDBDocumentClient, tableName: string): Outbox {
  const queryQueue = async (
    status: 'pending' | 'sending' | 'parked',
    channel: OutboundChannel,
    options: { before?: string; limit: number; newestFirst?: boolean },
  ): Promise<OutboxMessage[]> => {
    const out: OutboxMessage[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const page = await doc.send(
        new QueryCommand({
          TableName: tableName,
          IndexName: GSI1,
          KeyConditionExpression: options.before ? 'GSI1PK = :pk AND GSI1SK < :before' : 'GSI1PK = :pk',
          ExpressionAttributeValues: {
            ':pk': outboxQueuePartition(status, channel),
            ...(options.before ? { ':before': `${options.before}$` } : {}),
          },
          ScanIndexForward: !options.newestFirst,
          Limit: options.limit - out.length,
          ExclusiveStartKey: start,
        }),
      );
      for (const item of page.Items ?? []) out.push(toMessage(item));
      start = page.LastEvaluatedKey;
    } while (start && out.length < options.limit);
    return out;
  };

  /** One conditional state change; false when the message is not in the state the caller read. */
  const transition = async (
    message: OutboxMessage,
    expected: 'pending' | 'sending',
    set: Record<string, unknown>,
    queue?: { GSI1PK: string; GSI1SK: string },
  ): Promise<boolean> => {
    const values: Record<string, unknown> = { ':expected': expected };
    const names: Record<string, string> = { '#status': 'status' };
    const sets: string[] = [];
    for (const [k, v] of Object.entries({ ...set, ...(queue ?? {}) })) {
      names[`#${k}`] = k;
      values[`:${k}`] = v;
      sets.push(`#${k} = :${k}`);
    }
    const removes = [...(queue ? [] : ['GSI1PK', 'GSI1SK']), ...('leaseUntil' in set ? [] : ['leaseUntil'])];
    const update = `SET ${sets.join(', ')}${removes.length ? ` REMOVE ${removes.join(', ')}` : ''}`;
    // Messages stored before attempts were counted have none: the same as zero attempts.
    let attemptsCondition = 'attribute_not_exists(attempts)';
    if (message.attempts !== undefined) {
      attemptsCondition = 'attempts = :readAttempts';
      values[':readAttempts'] = message.attempts;
    }
    try {
      await doc.send(
        new UpdateCommand({
          TableName: tableName,
          Key: outboxKey(message.userId, message.id, message.channel),
          UpdateExpression: update,
          ConditionExpression: `#status = :expected AND ${attemptsCondition}`,
          ExpressionAttributeNames: names,
          ExpressionAttributeValues: values,
        }),
      );
      return true;
    } catch (e) {
      if (isConditionalCheckFailed(e)) return false;
      throw e;
    }
  };

  return {
    async enqueue(message) {
      const due = message.nextAttemptAt ?? message.createdAt;
      const stored: OutboxMessage = { ...message, status: 'pending', attempts: 0, nextAttemptAt: due };
      try {
        await doc.send(
          new PutCommand({
            TableName: tableName,
            Item: {
              ...outboxKey(message.userId, message.id, message.channel),
              ...outboxQueueKey('pending', message.channel, due, message.userId, message.id),
              entity: 'Outbox',
              ...stored,
            },
            ConditionExpression: 'attribute_not_exists(PK)',
          }),
        );
      } catch (e) {
        if (!isConditionalCheckFailed(e)) throw e;
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
        for (const item of page.Items ?? []) out.push(toMessage(item));
        start = page.LastEvaluatedKey;
      } while (start);
      return out.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
    },

    listDue: (channel, now, limit) => queryQueue('pending', channel, { before: now, limit }),
    listInterrupted: (channel, now, limit) => queryQueue('sending', channel, { before: now, limit }),
    listParked: (channel, limit) => queryQueue('parked', channel, { limit, newestFirst: true }),

    async claim(message, leaseUntil) {
      const attempts = (message.attempts ?? 0) + 1;
      const ok = await transition(
        message,
        'pending',
        { status: 'sending', attempts, leaseUntil },
        outboxQueueKey('sending', message.channel, leaseUntil, message.userId, message.id),
      );
      return ok ? { ...message, status: 'sending', attempts, leaseUntil } : undefined;
    },

    finish(message, status, at, reason) {
      if (status === 'parked') {
        return transition(
          message,
          'sending',
          { status, finishedAt: at, lastError: reason ?? 'parked' },
          outboxQueueKey('parked', message.channel, at, message.userId, message.id),
        );
      }
      return transition(message, 'sending', {
        status,
        finishedAt: at,
        ...(reason ? { lastError: reason } : {}),
      });
    },

    retryLater(message, nextAttemptAt, error) {
      return transition(
        message,
        'sending',
        { status: 'pending', nextAttemptAt, lastError: error },
        outboxQueueKey('pending', message.channel, nextAttemptAt, message.userId, message.id),
      );
    },

    postpone(message, nextAttemptAt) {
      return transition(
        message,
        'pending',
        { status: 'pending', nextAttemptAt },
        outboxQueueKey('pending', message.channel, nextAttemptAt, message.userId, message.id),
      );
    },
  };
}
