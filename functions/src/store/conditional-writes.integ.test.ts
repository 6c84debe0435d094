import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { ConflictError } from '@sbiz24/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestTable, type TestTable } from '../testing/dynalite-harness';
import { conditionalPut, ITEM_ABSENT, putIfAbsent, transactWrite } from './conditional-writes';

let t: TestTable;
beforeAll(async () => {
  t = await startTestTable();
});
afterAll(() => t.stop());

async function read(PK: string, SK: string) {
  const { Item } = await t.doc.send(
    new GetCommand({ TableName: t.tableName, Key: { PK, SK }, ConsistentRead: true }),
  );
  return Item;
}

describe('conditional writes on dynalite', () => {
  it('a cancelled transaction writes nothing and throws the failed item’s error', async () => {
    await t.doc.send(
      new PutCommand({ TableName: t.tableName, Item: { PK: 'TX#1', SK: 'META', version: 3 } }),
    );
    const stale = new ConflictError('다른 사용자가 먼저 수정했습니다.', 'VERSION_CONFLICT');

    const attempt = transactWrite(t.doc, [
      {
        request: conditionalPut(t.tableName, { PK: 'TX#1', SK: 'V#000003' }, ITEM_ABSENT),
        onConditionFailed: () => new ConflictError('이미 있는 버전입니다.', 'ALREADY_EXISTS'),
      },
      {
        request: conditionalPut(
          t.tableName,
          { PK: 'TX#1', SK: 'META', version: 3, title: '바뀐 제목' },
          'version = :expected',
          { ':expected': 2 },
        ),
        onConditionFailed: () => stale,
      },
    ]);

    await expect(attempt).rejects.toBe(stale);
    expect(await read('TX#1', 'V#000003')).toBeUndefined();
    expect(await read('TX#1', 'META')).toEqual({ PK: 'TX#1', SK: 'META', version: 3 });
  });

  it('reports the first failed item in request order when several conditions fail', async () => {
    await t.doc.send(new PutCommand({ TableName: t.tableName, Item: { PK: 'TX#2', SK: 'A' } }));
    await t.doc.send(new PutCommand({ TableName: t.tableName, Item: { PK: 'TX#2', SK: 'B' } }));

    const attempt = transactWrite(t.doc, [
      { request: conditionalPut(t.tableName, { PK: 'TX#2', SK: 'NEW' }, ITEM_ABSENT) },
      {
        request: conditionalPut(t.tableName, { PK: 'TX#2', SK: 'A' }, ITEM_ABSENT),
        onConditionFailed: () => new ConflictError('A가 이미 있습니다.', 'A_EXISTS'),
      },
      {
        request: conditionalPut(t.tableName, { PK: 'TX#2', SK: 'B' }, ITEM_ABSENT),
        onConditionFailed: () => new ConflictError('B가 이미 있습니다.', 'B_EXISTS'),
      },
    ]);

    await expect(attempt).rejects.toMatchObject({ code: 'A_EXISTS' });
    expect(await read('TX#2', 'NEW')).toBeUndefined();
  });

  it('writes every item when every condition holds', async () => {
    await transactWrite(t.doc, [
      { request: conditionalPut(t.tableName, { PK: 'TX#3', SK: 'META', version: 1 }, ITEM_ABSENT) },
      { request: conditionalPut(t.tableName, { PK: 'TX#3', SK: 'V#000001', version: 1 }, ITEM_ABSENT) },
    ]);

    expect(await read('TX#3', 'META')).toMatchObject({ version: 1 });
    expect(await read('TX#3', 'V#000001')).toMatchObject({ version: 1 });
  });

  it('putIfAbsent writes a new item once and leaves the first one in place', async () => {
    expect(await putIfAbsent(t.doc, t.tableName, { PK: 'ONCE#1', SK: 'META', n: 1 })).toBe(true);
    expect(await putIfAbsent(t.doc, t.tableName, { PK: 'ONCE#1', SK: 'META', n: 2 })).toBe(false);

    expect(await read('ONCE#1', 'META')).toMatchObject({ n: 1 });
  });
});
