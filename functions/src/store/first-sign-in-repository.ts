import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { FirstSignInRepository, Notification } from '@sbiz24/shared';
import { batchGetItems } from './batch';
import { putIfAbsent } from './conditional-writes';
import { QueryCommand } from './dynamodb-sdk';
import { readTableKey } from './items';
import { firstSignInKey, INDEX, unreadSortKey, userPartition } from './keys';
import { markUnreadRead } from './notification-repository';

/**
 * The first sign-in record (`USER#<sub>` / `SIGNIN#FIRST`, put-if-absent) and the fold of what was unread
 * before it, over the notifications' unread index. Only the alert settings function builds it: kept out of
 * the notification repository so that the API function's bundle does not carry it.
 */
export function createFirstSignInRepository(
  doc: DynamoDBDocumentClient,
  tableName: string,
): FirstSignInRepository {
  return {
    recordFirstSignIn(userId, at) {
      return putIfAbsent(doc, tableName, { ...firstSignInKey(userId), entity: 'FirstSignIn', at });
    },

    async markReadBefore(userId, before, limit) {
      // The unread index, oldest first, only what was created before `before` (`UNREAD#<createdAt>#<id>`
      // sorts below `UNREAD#<before>`); each marked on the condition it is still unread.
      const marked: { id: string; kind: Notification['kind']; createdAt: string }[] = [];
      let start: Record<string, unknown> | undefined;
      do {
        const page = await doc.send(
          new QueryCommand({
            TableName: tableName,
            IndexName: INDEX.unreadNotes,
            KeyConditionExpression: 'PK = :user AND LSI2SK < :before',
            ExpressionAttributeValues: {
              ':user': userPartition(userId),
              ':before': unreadSortKey(before, ''),
            },
            ProjectionExpression: 'PK, SK',
            Limit: Math.min(100, limit - marked.length),
            ConsistentRead: true,
            ...(start ? { ExclusiveStartKey: start } : {}),
          }),
        );
        // The index holds keys only: the kinds come from the items themselves, in one batch read.
        const items = await batchGetItems(doc, tableName, (page.Items ?? []).map(readTableKey), {
          projection: 'PK, SK, id, kind, createdAt',
        });
        await Promise.all(
          items.map(async (item) => {
            if (await markUnreadRead(doc, tableName, item))
              marked.push({
                id: String(item.id),
                kind: item.kind as Notification['kind'],
                createdAt: String(item.createdAt),
              });
          }),
        );
        start = page.LastEvaluatedKey;
      } while (start && marked.length < limit);
      return marked.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
    },
  };
}
