import { CreateTableCommand, DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningDynalite, startDynalite } from '../testing/dynalite-harness';
import { ensureTable } from './create-table';
import { createDynamoClient } from './dynamo-client';
import { TABLE_DESIGN } from './table-design';

let server: RunningDynalite;
let client: ReturnType<typeof createDynamoClient>;
beforeAll(async () => {
  server = await startDynalite();
  client = createDynamoClient({ endpoint: server.endpoint });
});
afterAll(async () => {
  client.destroy();
  await server.stop();
});

describe('ensureTable', () => {
  it('creates the table with every index of the design, ACTIVE', async () => {
    const table = await ensureTable(client, 'design-check');

    expect(table.TableStatus).toBe('ACTIVE');
    expect(table.KeySchema).toEqual([
      { AttributeName: 'PK', KeyType: 'HASH' },
      { AttributeName: 'SK', KeyType: 'RANGE' },
    ]);
    expect(table.GlobalSecondaryIndexes?.map((i) => i.IndexName).sort()).toEqual(
      TABLE_DESIGN.globalSecondaryIndexes.map((i) => i.indexName).sort(),
    );
    expect(table.LocalSecondaryIndexes?.map((i) => i.IndexName).sort()).toEqual(
      TABLE_DESIGN.localSecondaryIndexes.map((i) => i.indexName).sort(),
    );
  });

  it('is idempotent: a second call, and concurrent calls, find the table and succeed', async () => {
    await ensureTable(client, 'idempotent');
    const created = (await client.send(new DescribeTableCommand({ TableName: 'idempotent' }))).Table
      ?.CreationDateTime;

    const results = await Promise.all([
      ensureTable(client, 'idempotent'),
      ensureTable(client, 'idempotent'),
      ensureTable(client, 'racing'),
      ensureTable(client, 'racing'),
    ]);

    expect(results.every((t) => t.TableStatus === 'ACTIVE')).toBe(true);
    expect(results[0]?.CreationDateTime).toEqual(created);
  });

  it('refuses an existing table that lacks an index of the design', async () => {
    await client.send(
      new CreateTableCommand({
        TableName: 'old-design',
        BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: [
          { AttributeName: 'PK', AttributeType: 'S' },
          { AttributeName: 'SK', AttributeType: 'S' },
        ],
        KeySchema: [
          { AttributeName: 'PK', KeyType: 'HASH' },
          { AttributeName: 'SK', KeyType: 'RANGE' },
        ],
      }),
    );

    await expect(ensureTable(client, 'old-design')).rejects.toThrow(/GSI1/);
  });
});
