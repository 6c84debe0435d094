import 'aws-sdk-client-mock-vitest/extend';
import {
  CreateTableCommand,
  DescribeTableCommand,
  DynamoDBClient,
  ResourceInUseException,
  ResourceNotFoundException,
} from '@aws-sdk/client-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { createTableInput, ensureTable } from './create-table';
import { TABLE_DESIGN } from './table-design';

const client = new DynamoDBClient({
  region: 'ap-northeast-2',
  credentials: { accessKeyId: 'x', secretAccessKey: 'x' },
});
const ddb = mockClient(client);

beforeEach(() => {
  ddb.reset();
});

const active = {
  Table: {
    TableName: 't',
    TableStatus: 'ACTIVE' as const,
    GlobalSecondaryIndexes: TABLE_DESIGN.globalSecondaryIndexes.map((i) => ({
      IndexName: i.indexName,
      IndexStatus: 'ACTIVE' as const,
    })),
    LocalSecondaryIndexes: TABLE_DESIGN.localSecondaryIndexes.map((i) => ({ IndexName: i.indexName })),
  },
};
const notFound = () => new ResourceNotFoundException({ message: 'not found', $metadata: {} });

describe('createTableInput', () => {
  it('defines each key attribute once and every index of the design', () => {
    const input = createTableInput('t');

    expect(input.AttributeDefinitions?.map((a) => a.AttributeName)).toEqual([
      'PK',
      'SK',
      'GSI1PK',
      'GSI1SK',
      'GSI2PK',
      'GSI2SK',
      'GSI3PK',
      'GSI3SK',
      'LSI1SK',
      'LSI2SK',
    ]);
    expect(input.BillingMode).toBe('PAY_PER_REQUEST');
    expect(input.LocalSecondaryIndexes?.[0]?.KeySchema).toEqual([
      { AttributeName: 'PK', KeyType: 'HASH' },
      { AttributeName: 'LSI1SK', KeyType: 'RANGE' },
    ]);
  });
});

describe('ensureTable', () => {
  it('does not create a table that exists', async () => {
    ddb.on(DescribeTableCommand).resolves(active);

    await ensureTable(client, 't');

    expect(ddb).not.toHaveReceivedCommand(CreateTableCommand);
  });

  it('creates a missing table and waits until it and its indexes are ACTIVE', async () => {
    ddb
      .on(DescribeTableCommand)
      .rejectsOnce(notFound())
      .resolvesOnce({ Table: { ...active.Table, TableStatus: 'CREATING' } })
      .resolves(active);
    ddb.on(CreateTableCommand).resolves({});

    const table = await ensureTable(client, 't', { pollMs: 1 });

    expect(ddb).toHaveReceivedCommandWith(CreateTableCommand, { TableName: 't' });
    expect(table.TableStatus).toBe('ACTIVE');
    expect(ddb).toHaveReceivedCommandTimes(DescribeTableCommand, 3);
  });

  it('treats losing a creation race (ResourceInUseException) as success', async () => {
    ddb.on(DescribeTableCommand).rejectsOnce(notFound()).resolves(active);
    ddb.on(CreateTableCommand).rejects(new ResourceInUseException({ message: 'in use', $metadata: {} }));

    await expect(ensureTable(client, 't', { pollMs: 1 })).resolves.toMatchObject({ TableStatus: 'ACTIVE' });
  });

  it('gives up when the table never becomes ACTIVE', async () => {
    ddb.on(DescribeTableCommand).resolves({ Table: { ...active.Table, TableStatus: 'CREATING' } });

    await expect(ensureTable(client, 't', { pollMs: 1, timeoutMs: 20 })).rejects.toThrow(/ACTIVE/);
  });
});
