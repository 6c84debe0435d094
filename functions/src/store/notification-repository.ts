import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { ConflictError, NotFoundError, type NotificationRepository, ValidationError } from '@sbiz24/shared';
import { conditionalPut, ITEM_ABSENT, transactWrite } from './conditional-writes';
import { alreadyExists, isConditionalCheckFailed } from './dynamo-errors';
import { QueryCommand, UpdateCommand } from './dynamodb-sdk';
import { notificationDedupeItem, notificationItem, readTableKey } from './items';
import { INDEX, notificationIdSortKey, notificationPrefix, userPartition } from './keys';
import { queryCount, queryPage } from './paging';
import type { StoreOptions } from './store-options';

const DEFAULT_PAGE = 20;
const MAX_PAGE = 100;

function notFound(): NotFoundError {
  return new NotFoundError('알림을 찾을 수 없습니다.', 'NOTIFICATION_NOT_FOUND');
}

/** The dedupe marker exists: this (user, dedupeKey) was notified before, so `add` adds nothing. */
const ALREADY_NOTIFIED = 'ALREADY_NOTIFIED';
const alreadyNotified = () => new ConflictError('이미 보낸 알림입니다.', ALREADY_NOTIFIED);

/**
 * In-app notifications at `USER#<sub>` / `NOTE#<time>#<id>`, newest first. Each is written in one
 * transaction with a `DEDUPE#<dedupeKey>` marker that must not exist, so a (business, program, reason) is
 * notified once however often the batch runs. LSI1 finds a notification by id; LSI2 holds only unread ones.
 */
/**
 * Marks one notification read on the condition that it is still unread (still in the unread index, LSI2):
 * true when this call marked it, false when it was read meanwhile.
 */
export async function markUnreadRead(
  doc: DynamoDBDocumentClient,
  tableName: string,
  item: Record<string, unknown>,
): Promise<boolean> {
  try {
    await doc.send(
      new UpdateCommand({
        TableName: tableName,
        Key: readTableKey(item),
        UpdateExpression: 'SET #read = :true REMOVE LSI2SK',
        ConditionExpression: 'attribute_exists(LSI2SK)',
        ExpressionAttributeNames: { '#read': 'read' },
        ExpressionAttributeValues: { ':true': true },
      }),
    );
    return true;
  } catch (err) {
    if (isConditionalCheckFailed(err)) return false;
    throw err;
  }
}

export function createNotificationRepository(
  doc: DynamoDBDocumentClient,
  tableName: string,
  _options: StoreOptions = {},
): NotificationRepository {
  async function findKey(userId: string, id: string) {
    const { Items } = await doc.send(
      new QueryCommand({
        TableName: tableName,
        IndexName: INDEX.noteById,
        KeyConditionExpression: 'PK = :user AND LSI1SK = :id',
        ExpressionAttributeValues: { ':user': userPartition(userId), ':id': notificationIdSortKey(id) },
        ConsistentRead: true,
      }),
    );
    const item = Items?.[0];
    return item ? readTableKey(item) : undefined;
  }

  return {
    async add(notification) {
      try {
        await transactWrite(doc, [
          {
            request: conditionalPut(tableName, notificationDedupeItem(notification), ITEM_ABSENT),
            onConditionFailed: alreadyNotified,
          },
          {
            request: conditionalPut(tableName, notificationItem.toItem(notification), ITEM_ABSENT),
            onConditionFailed: () => alreadyExists('같은 알림 ID가 이미 있습니다.'),
          },
        ]);
        return true;
      } catch (err) {
        if (err instanceof ConflictError && err.code === ALREADY_NOTIFIED) return false;
        throw err;
      }
    },

    async list(userId, options = {}) {
      const limit = options.limit ?? DEFAULT_PAGE;
      if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE)
        throw new ValidationError(`한 번에 1~${MAX_PAGE}개까지 조회할 수 있습니다.`, [], 'INVALID_LIMIT');
      return queryPage(
        doc,
        {
          TableName: tableName,
          KeyConditionExpression: 'PK = :user AND begins_with(SK, :note)',
          ExpressionAttributeValues: { ':user': userPartition(userId), ':note': notificationPrefix },
          ScanIndexForward: false,
          Limit: limit,
        },
        {
          scope: `notifications:${userId}`,
          shape: { PK: userPartition(userId), SK: { prefix: notificationPrefix } },
          cursor: options.cursor,
        },
        notificationItem.fromItem,
      );
    },

    async markRead(userId, id) {
      const key = await findKey(userId, id);
      if (!key) throw notFound();
      try {
        await doc.send(
          new UpdateCommand({
            TableName: tableName,
            Key: key,
            UpdateExpression: 'SET #read = :true REMOVE LSI2SK',
            ConditionExpression: 'attribute_exists(PK)',
            ExpressionAttributeNames: { '#read': 'read' },
            ExpressionAttributeValues: { ':true': true },
          }),
        );
      } catch (err) {
        if (isConditionalCheckFailed(err)) throw notFound();
        throw err;
      }
    },

    async markAllRead(userId, limit) {
      // The unread index (LSI2) holds exactly the unread ones, oldest first; each is marked with a condition
      // on still being unread, so a concurrent single "read" is not counted twice.
      let marked = 0;
      let start: Record<string, unknown> | undefined;
      do {
        const page = await doc.send(
          new QueryCommand({
            TableName: tableName,
            IndexName: INDEX.unreadNotes,
            KeyConditionExpression: 'PK = :user',
            ExpressionAttributeValues: { ':user': userPartition(userId) },
            ProjectionExpression: 'PK, SK',
            Limit: Math.min(100, limit - marked),
            ConsistentRead: true,
            ...(start ? { ExclusiveStartKey: start } : {}),
          }),
        );
        for (const item of page.Items ?? []) if (await markUnreadRead(doc, tableName, item)) marked++;
        start = page.LastEvaluatedKey;
      } while (start && marked < limit);
      return marked;
    },

    unreadCount(userId) {
      return queryCount(doc, {
        TableName: tableName,
        IndexName: INDEX.unreadNotes,
        KeyConditionExpression: 'PK = :user',
        ExpressionAttributeValues: { ':user': userPartition(userId) },
        ConsistentRead: true,
      });
    },
  };
}
