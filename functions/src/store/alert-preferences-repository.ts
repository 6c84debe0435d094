import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { type AlertPreferencesRepository, ConflictError } from '@sbiz24/shared';
import {
  type AlertPreferences,
  AlertPreferencesSchema,
  DEFAULT_ALERT_PREFERENCES,
} from '@sbiz24/shared/alerts/preferences';
import { batchGetItems } from './batch';
import { isConditionalCheckFailed } from './dynamo-errors';
import { GetCommand, PutCommand } from './dynamodb-sdk';
import { alertPreferencesKey } from './keys';

/**
 * Alert preferences (`USER#<sub>` / `ALERTPREFS`), versioned: a save names the version it read. An account
 * that never saved has the defaults at version 0. Stored preferences are parsed on read, so an item written
 * by an older schema falls back to the defaults for what it lacks rather than failing the sender.
 */
export function createAlertPreferencesRepository(
  doc: DynamoDBDocumentClient,
  tableName: string,
): AlertPreferencesRepository {
  const read = (Item: Record<string, unknown> | undefined) => {
    if (!Item) return { preferences: structuredClone(DEFAULT_ALERT_PREFERENCES), version: 0 };
    const stored = Item.preferences as Partial<AlertPreferences> | undefined;
    const parsed = AlertPreferencesSchema.safeParse({ ...DEFAULT_ALERT_PREFERENCES, ...stored });
    const preferences = parsed.success ? parsed.data : structuredClone(DEFAULT_ALERT_PREFERENCES);
    return { preferences, version: Number(Item.version) };
  };
  const getWithVersion = async (userId: string) => {
    const { Item } = await doc.send(
      new GetCommand({ TableName: tableName, Key: alertPreferencesKey(userId), ConsistentRead: true }),
    );
    return read(Item);
  };
  return {
    getWithVersion,
    async get(userId) {
      return (await getWithVersion(userId)).preferences;
    },
    async getMany(userIds) {
      const unique = [...new Set(userIds)];
      const items = await batchGetItems(doc, tableName, unique.map(alertPreferencesKey), { concurrency: 4 });
      const byPk = new Map(items.map((item) => [String(item.PK), item]));
      return new Map(
        unique.map((id) => [id, read(byPk.get(String(alertPreferencesKey(id).PK))).preferences]),
      );
    },
    async put(userId, preferences: AlertPreferences, version) {
      const next = version + 1;
      try {
        await doc.send(
          new PutCommand({
            TableName: tableName,
            Item: { ...alertPreferencesKey(userId), entity: 'AlertPreferences', preferences, version: next },
            ConditionExpression: version === 0 ? 'attribute_not_exists(PK)' : 'version = :v',
            ...(version === 0 ? {} : { ExpressionAttributeValues: { ':v': version } }),
          }),
        );
      } catch (e) {
        if (isConditionalCheckFailed(e)) {
          throw new ConflictError(
            '알림 설정이 다른 곳에서 먼저 바뀌었습니다. 새로 불러온 뒤 다시 저장해 주세요.',
          );
        }
        throw e;
      }
      return next;
    },
  };
}
