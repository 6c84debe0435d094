import 'aws-sdk-client-mock-vitest/extend';
import { GetCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { ConflictError, NotFoundError, ValidationError } from '@sbiz24/shared';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  fixedClock,
  mockDocumentClient,
  TABLE,
  throttled,
  transactionCancelled,
} from '../testing/mock-dynamo';
import { program } from '../testing/store-data';
import { createProgramRepository } from './program-repository';

const { doc, ddb } = mockDocumentClient();
const repo = createProgramRepository(doc, TABLE, { clock: fixedClock });

beforeEach(() => {
  ddb.reset();
});

describe('createProgramRepository (commands sent)', () => {
  it('creates the current item and version 1 in one transaction, both attribute_not_exists', async () => {
    ddb.on(TransactWriteCommand).resolves({});

    await repo.create(program('p1', { status: 'open', applyEnd: '2025-09-30', agencyId: 'mss' }));

    expect(ddb).toHaveReceivedCommandWith(TransactWriteCommand, {
      TransactItems: [
        {
          Put: {
            TableName: TABLE,
            ConditionExpression: 'attribute_not_exists(PK)',
            Item: expect.objectContaining({
              PK: 'PROG#p1',
              SK: 'META',
              version: 1,
              GSI1PK: 'PSTATUS#open',
              GSI1SK: '2025-09-30#p1',
              GSI2PK: 'AGENCY#mss',
              GSI2SK: 'PROG#p1',
            }),
          },
        },
        {
          Put: {
            TableName: TABLE,
            ConditionExpression: 'attribute_not_exists(PK)',
            Item: expect.objectContaining({ PK: 'PROG#p1', SK: 'V#000001', version: 1 }),
          },
        },
      ],
    });
  });

  it('maps a cancelled create to ALREADY_EXISTS', async () => {
    ddb
      .on(TransactWriteCommand)
      .rejects(transactionCancelled('ConditionalCheckFailed', 'ConditionalCheckFailed'));

    const attempt = repo.create(program('p1'));

    await expect(attempt).rejects.toBeInstanceOf(ConflictError);
    await expect(attempt).rejects.toMatchObject({ code: 'ALREADY_EXISTS' });
  });

  it('updates conditional on the previous version and adds the new version item', async () => {
    ddb.on(TransactWriteCommand).resolves({});

    await repo.update(program('p2', { version: 5 }));

    expect(ddb).toHaveReceivedCommandWith(TransactWriteCommand, {
      TransactItems: [
        {
          Put: expect.objectContaining({
            ConditionExpression: 'attribute_exists(PK) AND version = :expected',
            ExpressionAttributeValues: { ':expected': 4 },
            Item: expect.objectContaining({ SK: 'META', version: 5 }),
          }),
        },
        {
          Put: expect.objectContaining({
            ConditionExpression: 'attribute_not_exists(PK)',
            Item: expect.objectContaining({ SK: 'V#000005', version: 5 }),
          }),
        },
      ],
    });
  });

  it('maps a cancelled update to VERSION_CONFLICT when the program exists', async () => {
    ddb.on(TransactWriteCommand).rejects(transactionCancelled('ConditionalCheckFailed', 'None'));
    ddb.on(GetCommand).resolves({ Item: { program: program('p2', { version: 7 }) } });

    await expect(repo.update(program('p2', { version: 5 }))).rejects.toMatchObject({
      code: 'VERSION_CONFLICT',
      details: { expectedVersion: 4, currentVersion: 7 },
    });
  });

  it('maps a cancelled update of a missing program to NotFoundError', async () => {
    ddb.on(TransactWriteCommand).rejects(transactionCancelled('ConditionalCheckFailed', 'None'));
    ddb.on(GetCommand).resolves({});

    await expect(repo.update(program('p3', { version: 2 }))).rejects.toBeInstanceOf(NotFoundError);
  });

  it('passes a cancellation for other reasons through unchanged', async () => {
    const conflict = transactionCancelled('TransactionConflict', 'None');
    ddb.on(TransactWriteCommand).rejects(conflict);

    await expect(repo.update(program('p3', { version: 2 }))).rejects.toBe(conflict);
  });

  it('refuses an update to version 1 without calling DynamoDB', async () => {
    await expect(repo.update(program('p3', { version: 1 }))).rejects.toBeInstanceOf(ValidationError);
    expect(ddb).not.toHaveReceivedAnyCommand();
  });

  it('lists one status from GSI1 with an optional agency filter and deadline range', async () => {
    ddb.on(QueryCommand).resolves({ Items: [] });

    await repo.list({
      status: 'open',
      agencyId: 'semas',
      closingFrom: '2025-06-01',
      closingTo: '2025-06-07',
    });

    expect(ddb).toHaveReceivedCommandWith(QueryCommand, {
      IndexName: 'GSI1',
      KeyConditionExpression: 'GSI1PK = :status AND GSI1SK BETWEEN :from AND :to',
      FilterExpression: 'agencyId = :agency',
      ExpressionAttributeValues: {
        ':status': 'PSTATUS#open',
        ':from': '2025-06-01',
        ':to': '2025-06-07#\uffff',
        ':agency': 'semas',
      },
    });
  });

  it('lists an agency from GSI2, sorted by deadline', async () => {
    ddb.on(QueryCommand).resolves({
      Items: [
        { program: program('late', { applyEnd: '2025-12-01' }) },
        { program: program('none', { applyStart: undefined, applyEnd: undefined }) },
        { program: program('soon', { applyEnd: '2025-02-01' }) },
      ],
    });

    const listed = await repo.list({ agencyId: 'semas' });

    expect(ddb).toHaveReceivedCommandWith(QueryCommand, {
      IndexName: 'GSI2',
      ExpressionAttributeValues: { ':agency': 'AGENCY#semas' },
    });
    expect(listed.map((p) => p.id)).toEqual(['soon', 'late', 'none']);
  });

  it('lists everything as one query per status', async () => {
    ddb.on(QueryCommand).resolves({ Items: [] });

    await repo.list();

    expect(ddb).toHaveReceivedCommandTimes(QueryCommand, 4);
  });

  it('reads versions with a consistent begins_with query', async () => {
    ddb.on(QueryCommand).resolves({ Items: [{ program: program('p4') }] });

    await repo.listVersions('p4');

    expect(ddb).toHaveReceivedCommandWith(QueryCommand, {
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :v)',
      ExpressionAttributeValues: { ':pk': 'PROG#p4', ':v': 'V#' },
      ConsistentRead: true,
    });
  });

  it('passes other errors through unchanged', async () => {
    ddb.on(GetCommand).rejects(throttled());

    await expect(repo.get('p5')).rejects.toMatchObject({ name: 'ProvisionedThroughputExceededException' });
  });
});
