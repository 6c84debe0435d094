import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { DisasterRepository } from '@sbiz24/shared';
import { putIfAbsent } from './conditional-writes';
import { alreadyExists } from './dynamo-errors';
import { GetCommand } from './dynamodb-sdk';
import { disasterItem } from './items';
import { disasterKey, disasterListPartition, INDEX } from './keys';
import { queryAll } from './paging';
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
      return Item ? disasterItem.fromItem(Item) : undefined;
    },

    list() {
      return queryAll(
        doc,
        {
          TableName: tableName,
          IndexName: INDEX.gsi1,
          KeyConditionExpression: 'GSI1PK = :all',
          ExpressionAttributeValues: { ':all': disasterListPartition },
        },
        disasterItem.fromItem,
      );
    },

    async create(disaster) {
      if (!(await putIfAbsent(doc, tableName, disasterItem.toItem(disaster, clock().toISOString()))))
        throw alreadyExists('같은 ID의 재난이 이미 선포되어 있습니다.');
      return disaster;
    },
  };
}
