import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import {
  ConflictError,
  NotFoundError,
  type Notification,
  type NotificationRepository,
  type Page,
  ValidationError,
} from '@sbiz24/shared';
import { decodeCursor, encodeCursor } from './cursor';
import { cancellationCodes, isConditionalCheckFailed } from './dynamo-errors';
import { QueryCommand, TransactWriteCommand, UpdateCommand } from './dynamodb-sdk';
import {
  INDEX,
  notificationDedupeKey,
  notificationIdSortKey,
  notificationKey,
  notificationPrefix,
  unreadSortKey,
  userPartition,
} from './keys';
import type { StoreOptions } from './store-options';

const DEFAULT_PAGE = 20;
const MAX_PAGE = 100;

const NOTIFICATION_FIELDS = [
  'id',
  'userId',
  'createdAt',
  'kind',
  'title',
  'body',
  'brn',
  'programId',
  'read',
  'dedupeKey',
] as const;

function toNotification(item: Record<string, unknown>): Notification {
  const notification: Record<string, unknown> = {};
  for (const field of NOTIFICATION_FIELDS) if (item[field] !== undefined) notification[field] = item[field];
  return notification as unknown as Notification;
}

function notFound(): NotFoundError {
  return new NotFoundError('알림을 찾을 수 없습니다.', 'NOTIFICATION_NOT_FOUND');
}

/**
 * In-app notifications at `USER#<sub>` / `NOTE#<time>#<id>`, newest first. Each is written in one
 * transaction with a `DEDUPE#<dedupeKey>` marker that must not exist, so a (business, program, reason) is
 * notified once however often the batch runs. LSI1 finds a notification by id; LSI2 holds only unread ones.
 */
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
    return item ? { PK: item.PK as string, SK: item.SK as string } : undefined;
  }

  return {
    async add(notification) {
      const { userId, id, createdAt, dedupeKey } = notification;
      const note = {
        ...notificationKey(userId, createdAt, id),
        LSI1SK: notificationIdSortKey(id),
        ...(notification.read ? {} : { LSI2SK: unreadSortKey(createdAt, id) }),
        entity: 'notification',
        ...notification,
      };
      try {
        await doc.send(
          new TransactWriteCommand({
            TransactItems: [
              {
                Put: {
                  TableName: tableName,
                  Item: {
                    ...notificationDedupeKey(userId, dedupeKey),
                    entity: 'notificationDedupe',
                    notificationId: id,
                    createdAt,
                  },
                  ConditionExpression: 'attribute_not_exists(PK)',
                },
              },
              { Put: { TableName: tableName, Item: note, ConditionExpression: 'attribute_not_exists(PK)' } },
            ],
          }),
        );
        return true;
      } catch (err) {
        const codes = cancellationCodes(err);
        if (codes?.[0] === 'ConditionalCheckFailed') return false;
        if (codes?.[1] === 'ConditionalCheckFailed')
          throw new ConflictError('같은 알림 ID가 이미 있습니다.', 'ALREADY_EXISTS');
        throw err;
      }
    },

    async list(userId, options = {}): Promise<Page<Notification>> {
      const limit = options.limit ?? DEFAULT_PAGE;
      if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE)
        throw new ValidationError(`한 번에 1~${MAX_PAGE}개까지 조회할 수 있습니다.`, [], 'INVALID_LIMIT');
      const scope = `notifications:${userId}`;
      const page = await doc.send(
        new QueryCommand({
          TableName: tableName,
          KeyConditionExpression: 'PK = :user AND begins_with(SK, :note)',
          ExpressionAttributeValues: { ':user': userPartition(userId), ':note': notificationPrefix },
          ScanIndexForward: false,
          Limit: limit,
          ExclusiveStartKey: decodeCursor(scope, options.cursor),
        }),
      );
      const result: Page<Notification> = { items: (page.Items ?? []).map(toNotification) };
      // A full page may be the last one; DynamoDB tells only by returning a key. An extra empty page is fine.
      const next = encodeCursor(scope, page.LastEvaluatedKey);
      if (next) result.cursor = next;
      return result;
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

    async unreadCount(userId) {
      let total = 0;
      let ExclusiveStartKey: Record<string, unknown> | undefined;
      do {
        const page = await doc.send(
          new QueryCommand({
            TableName: tableName,
            IndexName: INDEX.unreadNotes,
            KeyConditionExpression: 'PK = :user',
            ExpressionAttributeValues: { ':user': userPartition(userId) },
            Select: 'COUNT',
            ConsistentRead: true,
            ExclusiveStartKey,
          }),
        );
        total += page.Count ?? 0;
        ExclusiveStartKey = page.LastEvaluatedKey;
      } while (ExclusiveStartKey);
      return total;
    },
  };
}
