import 'aws-sdk-client-mock-vitest/extend';
import { PutCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { ConflictError, NotFoundError } from '@sbiz24/shared';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  conditionFailed,
  mockDocumentClient,
  TABLE,
  throttled,
  transactionCancelled,
} from '../testing/mock-dynamo';
import { conditionalPut, ITEM_ABSENT, putIfAbsent, transactWrite } from './conditional-writes';

const { doc, ddb } = mockDocumentClient();

beforeEach(() => {
  ddb.reset();
});

const first = { PK: 'A', SK: 'META', version: 2 };
const second = { PK: 'A', SK: 'V#000002' };
const firstConflict = new ConflictError('첫째 항목이 이미 있습니다.', 'FIRST');
const secondConflict = new ConflictError('둘째 항목이 이미 있습니다.', 'SECOND');

function writes() {
  return [
    {
      request: conditionalPut(TABLE, first, 'version = :expected', { ':expected': 1 }),
      onConditionFailed: () => firstConflict,
    },
    { request: conditionalPut(TABLE, second, ITEM_ABSENT), onConditionFailed: () => secondConflict },
  ];
}

describe('transactWrite', () => {
  it('sends every item, in order, as one TransactWriteItems request with its condition', async () => {
    ddb.on(TransactWriteCommand).resolves({});

    await transactWrite(doc, writes());

    expect(ddb).toHaveReceivedCommandTimes(TransactWriteCommand, 1);
    expect(ddb).toHaveReceivedCommandWith(TransactWriteCommand, {
      TransactItems: [
        {
          Put: {
            TableName: TABLE,
            Item: first,
            ConditionExpression: 'version = :expected',
            ExpressionAttributeValues: { ':expected': 1 },
          },
        },
        { Put: { TableName: TABLE, Item: second, ConditionExpression: 'attribute_not_exists(PK)' } },
      ],
    });
  });

  it('throws the error of the item whose condition failed', async () => {
    ddb.on(TransactWriteCommand).rejects(transactionCancelled('None', 'ConditionalCheckFailed'));

    await expect(transactWrite(doc, writes())).rejects.toBe(secondConflict);
  });

  it('throws the first failed item’s error, in request order, when several conditions failed', async () => {
    ddb
      .on(TransactWriteCommand)
      .rejects(transactionCancelled('ConditionalCheckFailed', 'ConditionalCheckFailed'));

    await expect(transactWrite(doc, writes())).rejects.toBe(firstConflict);
  });

  it('waits for an explanation that has to read first', async () => {
    ddb.on(TransactWriteCommand).rejects(transactionCancelled('ConditionalCheckFailed', 'None'));
    const gone = new NotFoundError('찾을 수 없습니다.', 'GONE');

    const attempt = transactWrite(doc, [
      { request: conditionalPut(TABLE, first, ITEM_ABSENT), onConditionFailed: async () => gone },
    ]);

    await expect(attempt).rejects.toBe(gone);
  });

  it('passes the cancellation through when the failed item has no explanation', async () => {
    const cancelled = transactionCancelled('ConditionalCheckFailed');
    ddb.on(TransactWriteCommand).rejects(cancelled);

    await expect(transactWrite(doc, [{ request: conditionalPut(TABLE, first, ITEM_ABSENT) }])).rejects.toBe(
      cancelled,
    );
  });

  it('passes a cancellation for other reasons through unchanged, for the caller to retry', async () => {
    const conflict = transactionCancelled('TransactionConflict', 'None');
    ddb.on(TransactWriteCommand).rejects(conflict);

    await expect(transactWrite(doc, writes())).rejects.toBe(conflict);
  });

  it('passes any other error through unchanged', async () => {
    ddb.on(TransactWriteCommand).rejects(throttled());

    await expect(transactWrite(doc, writes())).rejects.toMatchObject({
      name: 'ProvisionedThroughputExceededException',
    });
  });
});

describe('putIfAbsent', () => {
  it('puts on attribute_not_exists(PK) and says it wrote', async () => {
    ddb.on(PutCommand).resolves({});

    expect(await putIfAbsent(doc, TABLE, first)).toBe(true);
    expect(ddb).toHaveReceivedCommandWith(PutCommand, {
      TableName: TABLE,
      Item: first,
      ConditionExpression: 'attribute_not_exists(PK)',
    });
  });

  it('says false when the item exists', async () => {
    ddb.on(PutCommand).rejects(conditionFailed());

    expect(await putIfAbsent(doc, TABLE, first)).toBe(false);
  });

  it('passes any other error through', async () => {
    ddb.on(PutCommand).rejects(throttled());

    await expect(putIfAbsent(doc, TABLE, first)).rejects.toMatchObject({
      name: 'ProvisionedThroughputExceededException',
    });
  });
});
