import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Outbox, OutboxEnding, OutboxMessage } from '@sbiz24/shared';
import type { OutboundChannel } from '@sbiz24/shared/alerts/preferences';
import { outboxItem } from './batch-items';
import { conditionalPut, ITEM_ABSENT, putIfAbsent, transactEach } from './conditional-writes';
import { isConditionalCheckFailed } from './dynamo-errors';
import { QueryCommand, UpdateCommand } from './dynamodb-sdk';
import { outboxKey, outboxPrefix, outboxQueueKey, outboxQueuePartition, userPartition } from './keys';
import { queryAll } from './paging';

const GSI1 = 'GSI1';

/**
 * The e-mail/SMS outbox in the single table (`USER#<sub>` / `OUTBOX#<id>#<channel>`), with its work queues
 * in GSI1 (`OUTBOXQ#<state>#<channel>`, sorted by due time, lease end or parking time). Every change of
 * state is conditional on the state and attempt count the caller read, so two senders never both send.
 */
export function createOutboxRepository(doc: DynamoDBDocumentClient, tableName: string): Outbox {
  const newItem = (message: OutboxMessage) =>
    outboxItem.toItem({
      ...message,
      status: 'pending',
      attempts: 0,
      nextAttemptAt: message.nextAttemptAt ?? message.createdAt,
    });
  /** One batch of work from a queue: a single Query with a Limit (the next pass takes the rest). */
  const queryQueue = async (
    status: 'pending' | 'sending' | 'parked',
    channel: OutboundChannel,
    options: { before?: string; limit: number; newestFirst?: boolean },
  ): Promise<OutboxMessage[]> => {
    const page = await doc.send(
      new QueryCommand({
        TableName: tableName,
        IndexName: GSI1,
        KeyConditionExpression: options.before ? 'GSI1PK = :pk AND GSI1SK < :before' : 'GSI1PK = :pk',
        ExpressionAttributeValues: {
          ':pk': outboxQueuePartition(status, channel),
          // Sort keys are `<time>#…`: everything at or before `before` sorts below `<before>$`.
          ...(options.before ? { ':before': `${options.before}$` } : {}),
        },
        ScanIndexForward: !options.newestFirst,
        Limit: options.limit,
      }),
    );
    return (page.Items ?? []).map(outboxItem.fromItem);
  };

  /** The conditional update of one state change: only from the state and attempt count the caller read. */
  const transitionUpdate = (
    message: OutboxMessage,
    expected: 'pending' | 'sending',
    set: Record<string, unknown>,
    queue?: { GSI1PK: string; GSI1SK: string },
  ) => {
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
    return {
      TableName: tableName,
      Key: outboxKey(message.userId, message.id, message.channel),
      UpdateExpression: update,
      ConditionExpression: `#status = :expected AND ${attemptsCondition}`,
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: values,
    };
  };

  /** One conditional state change; false when the message is not in the state the caller read. */
  const transition = async (
    message: OutboxMessage,
    expected: 'pending' | 'sending',
    set: Record<string, unknown>,
    queue?: { GSI1PK: string; GSI1SK: string },
  ): Promise<boolean> => {
    try {
      await doc.send(new UpdateCommand(transitionUpdate(message, expected, set, queue)));
      return true;
    } catch (e) {
      if (isConditionalCheckFailed(e)) return false;
      throw e;
    }
  };

  const claimUpdate = (message: OutboxMessage, leaseUntil: string) =>
    transitionUpdate(
      message,
      'pending',
      { status: 'sending', attempts: (message.attempts ?? 0) + 1, leaseUntil },
      outboxQueueKey('sending', message.channel, leaseUntil, message.userId, message.id),
    );
  const claimed = (message: OutboxMessage, leaseUntil: string): OutboxMessage => ({
    ...message,
    status: 'sending',
    attempts: (message.attempts ?? 0) + 1,
    leaseUntil,
  });
  const finishUpdate = ({ message, status, at, reason }: OutboxEnding) =>
    status === 'parked'
      ? transitionUpdate(
          message,
          'sending',
          { status, finishedAt: at, lastError: reason ?? 'parked' },
          outboxQueueKey('parked', message.channel, at, message.userId, message.id),
        )
      : transitionUpdate(message, 'sending', {
          status,
          finishedAt: at,
          ...(reason ? { lastError: reason } : {}),
        });

  return {
    async enqueue(message) {
      // A message that exists was enqueued by an earlier attempt: a repeat is a no-op.
      await putIfAbsent(doc, tableName, newItem(message));
    },

    async enqueueMany(messages) {
      // Put-if-absent each, as `enqueue`; a message twice in the list is written once (a transaction may not
      // name one item twice).
      const seen = new Set<string>();
      const fresh = messages.filter((m) => {
        const key = `${m.userId}\n${m.id}\n${m.channel}`;
        if (seen.has(key)) return false;
        seen.add(key);
        return true;
      });
      await transactEach(
        doc,
        fresh.map((m) => conditionalPut(tableName, newItem(m), ITEM_ABSENT)),
      );
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

    listDue: (channel, now, limit) => queryQueue('pending', channel, { before: now, limit }),
    listInterrupted: (channel, now, limit) => queryQueue('sending', channel, { before: now, limit }),
    listParked: (channel, limit) => queryQueue('parked', channel, { limit, newestFirst: true }),

    async claim(message, leaseUntil) {
      try {
        await doc.send(new UpdateCommand(claimUpdate(message, leaseUntil)));
        return claimed(message, leaseUntil);
      } catch (e) {
        if (isConditionalCheckFailed(e)) return undefined;
        throw e;
      }
    },

    async claimMany(messages, leaseUntil) {
      const ok = await transactEach(
        doc,
        messages.map((m) => ({ Update: claimUpdate(m, leaseUntil) })),
      );
      return messages.flatMap((m, i) => (ok[i] ? [claimed(m, leaseUntil)] : []));
    },

    async finish(message, status, at, reason) {
      try {
        await doc.send(
          new UpdateCommand(finishUpdate({ message, status, at, ...(reason ? { reason } : {}) })),
        );
        return true;
      } catch (e) {
        if (isConditionalCheckFailed(e)) return false;
        throw e;
      }
    },

    finishMany: (endings) =>
      transactEach(
        doc,
        endings.map((e) => ({ Update: finishUpdate(e) })),
      ),

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
