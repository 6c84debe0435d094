import 'aws-sdk-client-mock-vitest/extend';
import {
  BatchGetCommand,
  BatchWriteCommand,
  GetCommand,
  PutCommand,
  QueryCommand,
  ScanCommand,
  TransactWriteCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { ConflictError, NotFoundError, ValidationError } from '@sbiz24/shared';
import { beforeEach, describe, expect, it } from 'vitest';
import { conditionFailed, fixedClock, mockDocumentClient, TABLE, throttled } from '../testing/mock-dynamo';
import { brnOf, newBusiness } from '../testing/store-data';
import { createBusinessRepository } from './business-repository';
import { businessKey } from './keys';

const { doc, ddb } = mockDocumentClient();
const repo = createBusinessRepository(doc, TABLE, { clock: fixedClock, retryBaseMs: 1, maxBatchAttempts: 3 });

beforeEach(() => {
  ddb.reset();
});

function storedItem(i: number, version: number, extra: Record<string, unknown> = {}) {
  const { profile } = newBusiness(i);
  return {
    ...businessKey(profile.brn),
    profile,
    registryStatus: 'trading',
    version,
    updatedAt: '2025-01-01T00:00:00.000Z',
    ...extra,
  };
}

/** DynamoDB's answer to a cancelled transaction: one reason code per item, in request order. */
function cancelled(...codes: string[]) {
  return Object.assign(new Error('Transaction cancelled'), {
    name: 'TransactionCanceledException',
    CancellationReasons: codes.map((Code) => ({ Code })),
  });
}

const matchWrite = (i: number, expectedVersion = 1) => ({
  brn: brnOf(i),
  result: { matchIds: ['p'], matchHash: `h${i}`, matchedAt: '2025-05-01T00:00:00.000Z' },
  expectedVersion,
});

describe('putMatchesMany (one transaction of conditional updates)', () => {
  it('sends every result in one request, each on its own version', async () => {
    ddb.on(TransactWriteCommand).resolves({});

    const out = await repo.putMatchesMany([matchWrite(1, 3), matchWrite(2, 5)]);

    expect(out).toEqual({ conflicts: [] });
    expect(ddb).toHaveReceivedCommandTimes(TransactWriteCommand, 1);
    const items = ddb.commandCalls(TransactWriteCommand)[0]!.args[0].input.TransactItems!;
    expect(items.map((i) => i.Update?.ExpressionAttributeValues?.[':expected'])).toEqual([3, 5]);
    expect(items[0]!.Update).toMatchObject({
      Key: businessKey(brnOf(1)),
      ConditionExpression: 'attribute_exists(PK) AND version = :expected',
    });
  });

  it('names the items whose condition failed and sends the others again', async () => {
    ddb
      .on(TransactWriteCommand)
      .rejectsOnce(cancelled('None', 'ConditionalCheckFailed', 'None'))
      .resolves({});

    const out = await repo.putMatchesMany([matchWrite(1), matchWrite(2), matchWrite(3)]);

    expect(out).toEqual({ conflicts: [brnOf(2)] });
    const second = ddb.commandCalls(TransactWriteCommand)[1]!.args[0].input.TransactItems!;
    expect(second.map((i) => i.Update?.Key)).toEqual([businessKey(brnOf(1)), businessKey(brnOf(3))]);
  });

  it('retries a transaction another write raced, and gives up after bounded attempts', async () => {
    ddb.on(TransactWriteCommand).rejectsOnce(cancelled('None', 'TransactionConflict')).resolves({});
    expect(await repo.putMatchesMany([matchWrite(1), matchWrite(2)])).toEqual({ conflicts: [] });
    expect(ddb).toHaveReceivedCommandTimes(TransactWriteCommand, 2);

    ddb.reset();
    ddb.on(TransactWriteCommand).rejects(cancelled('TransactionConflict'));
    await expect(repo.putMatchesMany([matchWrite(1)])).rejects.toMatchObject({
      name: 'TransactionCanceledException',
    });
    expect(ddb).toHaveReceivedCommandTimes(TransactWriteCommand, 5);
  });

  it('refuses more than 100 results, or a malformed number, without calling DynamoDB', async () => {
    const many = Array.from({ length: 101 }, (_, i) => matchWrite(i));
    await expect(repo.putMatchesMany(many)).rejects.toBeInstanceOf(RangeError);
    await expect(repo.putMatchesMany([{ ...matchWrite(1), brn: '12-34' }])).rejects.toBeInstanceOf(
      ValidationError,
    );
    expect(ddb).not.toHaveReceivedAnyCommand();
  });
});

describe('createBusinessRepository (commands sent)', () => {
  it('creates with attribute_not_exists(PK), version 1, and the owner index keys when owned', async () => {
    ddb.on(PutCommand).resolves({});

    const created = await repo.create(newBusiness(1, { ownerId: 'owner-1' }));

    expect(ddb).toHaveReceivedCommandWith(PutCommand, {
      TableName: TABLE,
      ConditionExpression: 'attribute_not_exists(PK)',
      Item: expect.objectContaining({
        PK: `BIZ#${brnOf(1)}`,
        SK: 'PROFILE',
        GSI1PK: 'OWNER#owner-1',
        GSI1SK: `BIZ#${brnOf(1)}`,
        version: 1,
        updatedAt: '2025-05-01T09:00:00.000Z',
      }),
    });
    expect(created).toMatchObject({ version: 1, ownerId: 'owner-1' });
  });

  it('maps a failed create condition to ConflictError ALREADY_EXISTS', async () => {
    ddb.on(PutCommand).rejects(conditionFailed());

    const attempt = repo.create(newBusiness(1));

    await expect(attempt).rejects.toBeInstanceOf(ConflictError);
    await expect(attempt).rejects.toMatchObject({ code: 'ALREADY_EXISTS' });
  });

  it('refuses a malformed registration number without calling DynamoDB', async () => {
    await expect(repo.get('12-34')).rejects.toBeInstanceOf(ValidationError);
    expect(ddb).not.toHaveReceivedAnyCommand();
  });

  it('passes other DynamoDB errors through unchanged', async () => {
    ddb.on(PutCommand).rejects(throttled());

    await expect(repo.create(newBusiness(1))).rejects.toMatchObject({
      name: 'ProvisionedThroughputExceededException',
    });
  });

  it('updates the profile conditional on the expected version and bumps it', async () => {
    const { profile } = newBusiness(2);
    ddb.on(UpdateCommand).resolves({ Attributes: storedItem(2, 4) });

    const updated = await repo.updateProfile(brnOf(2), profile, 3);

    expect(ddb).toHaveReceivedCommandWith(UpdateCommand, {
      Key: businessKey(brnOf(2)),
      ConditionExpression: 'attribute_exists(PK) AND version = :expected',
      ExpressionAttributeValues: expect.objectContaining({ ':expected': 3, ':next': 4, ':profile': profile }),
    });
    expect(updated.version).toBe(4);
  });

  it('maps a failed version condition to VERSION_CONFLICT with the stored version', async () => {
    ddb.on(UpdateCommand).rejects(conditionFailed());
    ddb.on(GetCommand).resolves({ Item: storedItem(2, 5) });

    const attempt = repo.updateProfile(brnOf(2), newBusiness(2).profile, 3);

    await expect(attempt).rejects.toBeInstanceOf(ConflictError);
    await expect(attempt).rejects.toMatchObject({
      code: 'VERSION_CONFLICT',
      details: { expectedVersion: 3, currentVersion: 5 },
    });
  });

  it('maps a failed version condition on a missing business to NotFoundError', async () => {
    ddb.on(UpdateCommand).rejects(conditionFailed());
    ddb.on(GetCommand).resolves({});

    await expect(repo.updateProfile(brnOf(2), newBusiness(2).profile, 1)).rejects.toBeInstanceOf(
      NotFoundError,
    );
  });

  it('refuses a profile whose number differs from the addressed business', async () => {
    await expect(repo.updateProfile(brnOf(3), newBusiness(2).profile, 1)).rejects.toBeInstanceOf(
      ValidationError,
    );
    expect(ddb).not.toHaveReceivedAnyCommand();
  });

  it('claims with attribute_not_exists(ownerId) and sets the owner index keys', async () => {
    ddb.on(UpdateCommand).resolves({ Attributes: storedItem(4, 1, { ownerId: 'owner-9' }) });

    await repo.claim(brnOf(4), 'owner-9');

    expect(ddb).toHaveReceivedCommandWith(UpdateCommand, {
      ConditionExpression: 'attribute_exists(PK) AND attribute_not_exists(ownerId)',
      ExpressionAttributeValues: expect.objectContaining({
        ':owner': 'owner-9',
        ':gsi1pk': 'OWNER#owner-9',
        ':gsi1sk': `BIZ#${brnOf(4)}`,
      }),
    });
  });

  it('maps a failed claim to ALREADY_CLAIMED, or to not found when the business is missing', async () => {
    ddb.on(UpdateCommand).rejects(conditionFailed());
    ddb
      .on(GetCommand)
      .resolvesOnce({ Item: storedItem(4, 1, { ownerId: 'owner-1' }) })
      .resolves({});

    await expect(repo.claim(brnOf(4), 'owner-2')).rejects.toMatchObject({ code: 'ALREADY_CLAIMED' });
    await expect(repo.claim(brnOf(4), 'owner-2')).rejects.toMatchObject({ code: 'BUSINESS_NOT_FOUND' });
  });

  it('queries GSI1 by owner through every page', async () => {
    ddb
      .on(QueryCommand)
      .resolvesOnce({
        Items: [storedItem(5, 1)],
        LastEvaluatedKey: { PK: 'a', SK: 'b', GSI1PK: 'c', GSI1SK: 'd' },
      })
      .resolves({ Items: [storedItem(6, 1)] });

    const owned = await repo.listByOwner('owner-5');

    expect(ddb).toHaveReceivedCommandTimes(QueryCommand, 2);
    expect(ddb).toHaveReceivedCommandWith(QueryCommand, {
      IndexName: 'GSI1',
      ExpressionAttributeValues: { ':owner': 'OWNER#owner-5' },
    });
    expect(owned.map((b) => b.profile.brn)).toEqual([brnOf(5), brnOf(6)]);
  });

  it('stores matches conditional on the version, leaving the version alone', async () => {
    ddb.on(UpdateCommand).resolves({});

    await repo.putMatches(brnOf(7), { matchIds: ['a'], matchHash: 'h', matchedAt: 't' }, 2);

    expect(ddb).toHaveReceivedCommandWith(UpdateCommand, {
      UpdateExpression: 'SET matchIds = :ids, matchHash = :hash, matchedAt = :at',
      ConditionExpression: 'attribute_exists(PK) AND version = :expected',
      ExpressionAttributeValues: { ':ids': ['a'], ':hash': 'h', ':at': 't', ':expected': 2 },
    });
  });

  it('maps a stale putMatches to VERSION_CONFLICT', async () => {
    ddb.on(UpdateCommand).rejects(conditionFailed());
    ddb.on(GetCommand).resolves({ Item: storedItem(7, 3) });

    await expect(
      repo.putMatches(brnOf(7), { matchIds: [], matchHash: 'h', matchedAt: 't' }, 2),
    ).rejects.toMatchObject({ code: 'VERSION_CONFLICT' });
  });

  it('scans one segment filtered to profiles and round-trips the cursor', async () => {
    const lastKey = { PK: `BIZ#${brnOf(8)}`, SK: 'PROFILE' };
    ddb
      .on(ScanCommand)
      .resolvesOnce({ Items: [storedItem(8, 1)], LastEvaluatedKey: lastKey })
      .resolves({ Items: [] });

    const first = await repo.scanSegment(2, 8, undefined, 50);
    const second = await repo.scanSegment(2, 8, first.cursor, 50);

    expect(ddb).toHaveReceivedNthCommandWith(ScanCommand, 1, {
      Segment: 2,
      TotalSegments: 8,
      Limit: 50,
      FilterExpression: 'SK = :profile AND begins_with(PK, :biz)',
    });
    expect(ddb).toHaveReceivedNthCommandWith(ScanCommand, 2, { ExclusiveStartKey: lastKey });
    expect(first.cursor).toEqual(expect.any(String));
    expect(second).toEqual({ items: [] });
  });

  it('refuses a tampered cursor', async () => {
    const forged = Buffer.from(JSON.stringify({ s: 'businesses:0/1', k: { PK: { S: 'x' } } })).toString(
      'base64url',
    );

    await expect(repo.scanSegment(0, 1, forged)).rejects.toMatchObject({ code: 'INVALID_CURSOR' });
    await expect(repo.scanSegment(0, 1, 'not base64 json')).rejects.toMatchObject({ code: 'INVALID_CURSOR' });
  });

  it('counts profiles through every page of a COUNT scan', async () => {
    ddb
      .on(ScanCommand)
      .resolvesOnce({ Count: 3, LastEvaluatedKey: { PK: 'a', SK: 'b' } })
      .resolves({ Count: 4 });

    expect(await repo.count()).toBe(7);
    expect(ddb).toHaveReceivedCommandWith(ScanCommand, { Select: 'COUNT' });
  });
});

describe('createMany (BatchWrite)', () => {
  it('skips numbers that exist and writes the rest in requests of at most 25', async () => {
    const businesses = Array.from({ length: 60 }, (_, i) => newBusiness(i));
    ddb.on(BatchGetCommand).resolves({ Responses: { [TABLE]: [{ PK: `BIZ#${brnOf(0)}` }] } });
    ddb.on(BatchWriteCommand).resolves({});

    await repo.createMany(businesses);

    const sizes = ddb
      .commandCalls(BatchWriteCommand)
      .map((call) => call.args[0].input.RequestItems?.[TABLE]?.length ?? 0);
    expect(sizes.sort((a, b) => b - a)).toEqual([25, 25, 9]);
    const written = ddb
      .commandCalls(BatchWriteCommand)
      .flatMap((call) => call.args[0].input.RequestItems?.[TABLE] ?? [])
      .map((r) => r.PutRequest?.Item?.brn);
    expect(written).not.toContain(brnOf(0));
    expect(new Set(written).size).toBe(59);
  });

  it('resends unprocessed items until they are written', async () => {
    const businesses = Array.from({ length: 3 }, (_, i) => newBusiness(i));
    ddb.on(BatchGetCommand).resolves({ Responses: { [TABLE]: [] } });
    const leftover = { PutRequest: { Item: { PK: `BIZ#${brnOf(2)}`, SK: 'PROFILE' } } };
    ddb
      .on(BatchWriteCommand)
      .resolvesOnce({ UnprocessedItems: { [TABLE]: [leftover] } })
      .resolves({});

    await repo.createMany(businesses);

    expect(ddb).toHaveReceivedCommandTimes(BatchWriteCommand, 2);
    expect(ddb).toHaveReceivedNthCommandWith(BatchWriteCommand, 2, { RequestItems: { [TABLE]: [leftover] } });
  });

  it('fails when items stay unprocessed after the last attempt', async () => {
    ddb.on(BatchGetCommand).resolves({ Responses: { [TABLE]: [] } });
    ddb.on(BatchWriteCommand).callsFake((input) => ({ UnprocessedItems: input.RequestItems }));

    await expect(repo.createMany([newBusiness(1)])).rejects.toThrow(/unprocessed/);
    expect(ddb).toHaveReceivedCommandTimes(BatchWriteCommand, 3);
  });

  it('retries unprocessed keys of the existence check', async () => {
    ddb
      .on(BatchGetCommand)
      .resolvesOnce({ UnprocessedKeys: { [TABLE]: { Keys: [businessKey(brnOf(1))] } } })
      .resolves({ Responses: { [TABLE]: [{ PK: `BIZ#${brnOf(1)}` }] } });
    ddb.on(BatchWriteCommand).resolves({});

    await repo.createMany([newBusiness(1)]);

    expect(ddb).toHaveReceivedCommandTimes(BatchGetCommand, 2);
    expect(ddb).not.toHaveReceivedCommand(BatchWriteCommand);
  });
});
