import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ListTablesCommand } from '@aws-sdk/client-dynamodb';
import {
  GetCommand,
  PutCommand,
  QueryCommand,
  TransactWriteCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureTable } from '../store/create-table';
import { createDynamoClient, toDocumentClient } from '../store/dynamo-client';
import { startTestTable, type TestTable } from '../testing/dynalite-harness';
import { DataDirLockedError, startDynalite } from './dynalite';

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'sbiz24-dynalite-'));
  dirs.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('startDynalite', () => {
  it('keeps the data of a data folder across a restart', async () => {
    const dir = tempDir();
    const first = await startDynalite({ dir });
    const client = createDynamoClient({ endpoint: first.endpoint });
    await ensureTable(client, 'persisted');
    await toDocumentClient(client).send(
      new PutCommand({ TableName: 'persisted', Item: { PK: 'k', SK: 's', value: '남아 있어야 함' } }),
    );
    client.destroy();
    await first.stop();

    const second = await startDynalite({ dir });
    const again = createDynamoClient({ endpoint: second.endpoint });
    const { Item } = await toDocumentClient(again).send(
      new GetCommand({ TableName: 'persisted', Key: { PK: 'k', SK: 's' } }),
    );
    again.destroy();
    await second.stop();

    expect(Item?.value).toBe('남아 있어야 함');
  });

  it('refuses a data folder that another server holds, with a clear error', async () => {
    const dir = tempDir();
    const running = await startDynalite({ dir });
    try {
      await expect(startDynalite({ dir })).rejects.toBeInstanceOf(DataDirLockedError);
    } finally {
      await running.stop();
    }
  });

  it('starts empty without a data folder, on a free port of 127.0.0.1', async () => {
    const a = await startDynalite();
    const b = await startDynalite();
    try {
      const client = createDynamoClient({ endpoint: a.endpoint });
      const tables = await client.send(new ListTablesCommand({}));
      client.destroy();

      expect(a.endpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(a.port).not.toBe(b.port);
      expect(tables.TableNames).toEqual([]);
    } finally {
      await a.stop();
      await b.stop();
    }
  });

  it('stops promptly while a client still holds a keep-alive connection', async () => {
    const server = await startDynalite();
    const client = createDynamoClient({ endpoint: server.endpoint });
    await client.send(new ListTablesCommand({}));

    const started = performance.now();
    await server.stop();
    await server.stop();
    client.destroy();

    expect(performance.now() - started).toBeLessThan(5_000);
  });
});

describe('TransactWriteItems on dynalite', () => {
  let t: TestTable;
  beforeAll(async () => {
    t = await startTestTable();
  });
  afterAll(() => t.stop());

  const key = (PK: string) => ({ PK, SK: 'X' });
  const get = async (PK: string) =>
    (await t.doc.send(new GetCommand({ TableName: t.tableName, Key: key(PK), ConsistentRead: true }))).Item;

  it('writes nothing when one condition fails, and names the failing item', async () => {
    await t.doc.send(new PutCommand({ TableName: t.tableName, Item: { ...key('tx-b'), v: 1 } }));

    const failed = t.doc.send(
      new TransactWriteCommand({
        TransactItems: [
          { Put: { TableName: t.tableName, Item: { ...key('tx-a'), v: 1 } } },
          {
            Put: {
              TableName: t.tableName,
              Item: { ...key('tx-b'), v: 2 },
              ConditionExpression: 'v = :expected',
              ExpressionAttributeValues: { ':expected': 5 },
            },
          },
        ],
      }),
    );

    await expect(failed).rejects.toMatchObject({
      name: 'TransactionCanceledException',
      CancellationReasons: [{ Code: 'None' }, { Code: 'ConditionalCheckFailed' }],
    });
    expect(await get('tx-a')).toBeUndefined();
    expect((await get('tx-b'))?.v).toBe(1);
  });

  it('applies puts, updates, deletes and condition checks together, keeping indexes in step', async () => {
    await t.doc.send(
      new PutCommand({ TableName: t.tableName, Item: { ...key('tx-del'), GSI1PK: 'G', GSI1SK: 'del' } }),
    );
    await t.doc.send(new PutCommand({ TableName: t.tableName, Item: { ...key('tx-upd'), n: 1 } }));
    await t.doc.send(new PutCommand({ TableName: t.tableName, Item: { ...key('tx-guard'), open: true } }));

    await t.doc.send(
      new TransactWriteCommand({
        TransactItems: [
          { Put: { TableName: t.tableName, Item: { ...key('tx-new'), GSI1PK: 'G', GSI1SK: 'new' } } },
          {
            Update: {
              TableName: t.tableName,
              Key: key('tx-upd'),
              UpdateExpression: 'SET n = n + :one, GSI1PK = :g, GSI1SK = :s',
              ExpressionAttributeValues: { ':one': 1, ':g': 'G', ':s': 'upd' },
            },
          },
          { Delete: { TableName: t.tableName, Key: key('tx-del') } },
          {
            ConditionCheck: {
              TableName: t.tableName,
              Key: key('tx-guard'),
              ConditionExpression: '#open = :true',
              ExpressionAttributeNames: { '#open': 'open' },
              ExpressionAttributeValues: { ':true': true },
            },
          },
        ],
      }),
    );

    expect((await get('tx-upd'))?.n).toBe(2);
    expect(await get('tx-del')).toBeUndefined();
    expect(await get('tx-guard')).toEqual({ ...key('tx-guard'), open: true });
    const indexed = await t.doc.send(
      new QueryCommand({
        TableName: t.tableName,
        IndexName: 'GSI1',
        KeyConditionExpression: 'GSI1PK = :g',
        ExpressionAttributeValues: { ':g': 'G' },
      }),
    );
    expect(indexed.Items?.map((i) => i.GSI1SK)).toEqual(['new', 'upd']);
  });

  it('refuses two operations on one item', async () => {
    const twice = t.doc.send(
      new TransactWriteCommand({
        TransactItems: [
          { Put: { TableName: t.tableName, Item: { ...key('tx-twice'), v: 1 } } },
          { Delete: { TableName: t.tableName, Key: key('tx-twice') } },
        ],
      }),
    );

    await expect(twice).rejects.toMatchObject({ name: 'ValidationException' });
    expect(await get('tx-twice')).toBeUndefined();
  });

  it('reports an unknown table', async () => {
    const unknown = t.doc.send(
      new TransactWriteCommand({ TransactItems: [{ Put: { TableName: 'no-such-table', Item: key('x') } }] }),
    );

    await expect(unknown).rejects.toMatchObject({ name: 'ResourceNotFoundException' });
  });

  it('loses no increment when transactions and single writes race on one item', async () => {
    await t.doc.send(new PutCommand({ TableName: t.tableName, Item: { ...key('tx-count'), n: 0 } }));
    const increment = { UpdateExpression: 'SET n = n + :one', ExpressionAttributeValues: { ':one': 1 } };

    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        i % 2 === 0
          ? t.doc.send(
              new TransactWriteCommand({
                TransactItems: [
                  { Update: { TableName: t.tableName, Key: key('tx-count'), ...increment } },
                  { Put: { TableName: t.tableName, Item: { ...key(`tx-log-${i}`) } } },
                ],
              }),
            )
          : t.doc.send(new UpdateCommand({ TableName: t.tableName, Key: key('tx-count'), ...increment })),
      ),
    );

    expect((await get('tx-count'))?.n).toBe(20);
  });
});
