import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Disaster, DisasterRepository } from '@sbiz24/shared';
import { alreadyExists, isConditionalCheckFailed } from './dynamo-errors';
import { GetCommand, PutCommand, QueryCommand } from './dynamodb-sdk';
import { disasterIndexKeys, disasterKey, disasterListPartition, INDEX } from './keys';
import { type StoreOptions, systemClock } from './store-options';

/** Declared disasters at `DISASTER#<id>` / `META`; all of them listed from one GSI1 partition by start date. */
export function createDisasterRepository(
  doc: DynamoDBDocumentClient,
  tableName: string,
  options: StoreOptions = {},
): DisasterRepository {
  const clock = options.clock ?? systemClock;
  return {
    async get(id) {
      const { Item } = await doc.send(
        new GetCommand({ TableName: tableName, Key: disasterKey(id), ConsistentRead: true }),
      );
      return Item?.disaster as Disaster | undefined;
    },

    async list() {
      const disasters: Disaster[] = [];
      let ExclusiveStartKey: Record<string, unknown> | undefined;
      do {
        const page = await doc.send(
          new QueryCommand({
            TableName: tableName,
            IndexName: INDEX.gsi1,
            KeyConditionExpression: 'GSI1PK = :all',
            ExpressionAttributeValues: { ':all': disasterListPartition },
            ExclusiveStartKey,
          }),
        );
        disasters.push(...(page.Items ?? []).map((item) => item.disaster as Disaster));
        ExclusiveStartKey = page.LastEvaluatedKey;
      } while (ExclusiveStartKey);
      return disasters;
    },

    async create(disaster) {
      try {
        await doc.send(
          new PutCommand({
            TableName: tableName,
            Item: {
              ...disasterKey(disaster.id),
              ...disasterIndexKeys(disaster),
              entity: 'disaster',
              id: disaster.id,
              disaster,
              createdAt: clock().toISOString(),
            },
            ConditionExpression: 'attribute_not_exists(PK)',
          }),
        );
      } catch (err) {
        if (isConditionalCheckFailed(err)) throw alreadyExists('같은 ID의 재난이 이미 선포되어 있습니다.');
        throw err;
      }
      return disaster;
    },
  };
}
