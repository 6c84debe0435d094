import 'aws-sdk-client-mock-vitest/extend';
import { QueryCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { ConflictError, NotFoundError } from '@sbiz24/shared';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  conditionFailed,
  mockDocumentClient,
  TABLE,
  throttled,
  transactionCancelled,
} from '../testing/mock-dynamo';
import { notification } from '../testing/store-data';
import { createNotificationRepository } from './notification-repository';

const { doc, ddb } = mockDocumentClient();
const repo = createNotificationRepository(doc, TABLE);

beforeEach(() => {
  ddb.reset();
});

describe('createNotificationRepository (commands sent)', () => {
  it('writes the dedupe marker and the notification in one transaction, both attribute_not_exists', async () => {
    ddb.on(TransactWriteCommand).resolves({});
    const note = notification('u1', 3);

    expect(await repo.add(note)).toBe(true);

    expect(ddb).toHaveReceivedCommandWith(TransactWriteCommand, {
      TransactItems: [
        {
          Put: expect.objectContaining({
            ConditionExpression: 'attribute_not_exists(PK)',
            Item: expect.objectContaining({ PK: 'USER#u1', SK: `DEDUPE#${note.dedupeKey}` }),
          }),
        },
        {
          Put: expect.objectContaining({
            ConditionExpression: 'attribute_not_exists(PK)',
            Item: expect.objectContaining({
              PK: 'USER#u1',
              SK: `NOTE#${note.createdAt}#note-3`,
              LSI1SK: 'NOTEID#note-3',
              LSI2SK: `UNREAD#${note.createdAt}#note-3`,
            }),
          }),
        },
      ],
    });
  });

  it('returns false when the dedupe marker exists', async () => {
    ddb.on(TransactWriteCommand).rejects(transactionCancelled('ConditionalCheckFailed', 'None'));

    expect(await repo.add(notification('u1', 3))).toBe(false);
  });

  it('maps a reused notification id to ALREADY_EXISTS', async () => {
    ddb.on(TransactWriteCommand).rejects(transactionCancelled('None', 'ConditionalCheckFailed'));

    await expect(repo.add(notification('u1', 3))).rejects.toBeInstanceOf(ConflictError);
  });

  it('passes other failures through unchanged', async () => {
    ddb.on(TransactWriteCommand).rejects(throttled());

    await expect(repo.add(notification('u1', 3))).rejects.toMatchObject({
      name: 'ProvisionedThroughputExceededException',
    });
  });

  it('lists newest first with a limit and returns an opaque cursor', async () => {
    ddb.on(QueryCommand).resolves({ Items: [], LastEvaluatedKey: { PK: 'USER#u1', SK: 'NOTE#t#id' } });

    const page = await repo.list('u1', { limit: 5 });

    expect(ddb).toHaveReceivedCommandWith(QueryCommand, {
      KeyConditionExpression: 'PK = :user AND begins_with(SK, :note)',
      ScanIndexForward: false,
      Limit: 5,
    });
    expect(page.cursor).toEqual(expect.any(String));
    expect(page.cursor).not.toContain('USER#u1');
  });

  it('refuses a page size out of range', async () => {
    await expect(repo.list('u1', { limit: 0 })).rejects.toMatchObject({ code: 'INVALID_LIMIT' });
    await expect(repo.list('u1', { limit: 101 })).rejects.toMatchObject({ code: 'INVALID_LIMIT' });
  });

  it('finds the notification by id on LSI1, then marks it read and drops it from LSI2', async () => {
    ddb.on(QueryCommand).resolves({ Items: [{ PK: 'USER#u1', SK: 'NOTE#t#n1' }] });
    ddb.on(UpdateCommand).resolves({});

    await repo.markRead('u1', 'n1');

    expect(ddb).toHaveReceivedCommandWith(QueryCommand, {
      IndexName: 'LSI1',
      ConsistentRead: true,
      ExpressionAttributeValues: { ':user': 'USER#u1', ':id': 'NOTEID#n1' },
    });
    expect(ddb).toHaveReceivedCommandWith(UpdateCommand, {
      Key: { PK: 'USER#u1', SK: 'NOTE#t#n1' },
      UpdateExpression: 'SET #read = :true REMOVE LSI2SK',
      ConditionExpression: 'attribute_exists(PK)',
    });
  });

  it('reports an unknown id, or one deleted in between, as not found', async () => {
    ddb
      .on(QueryCommand)
      .resolvesOnce({ Items: [] })
      .resolves({ Items: [{ PK: 'USER#u1', SK: 'NOTE#t#n1' }] });
    ddb.on(UpdateCommand).rejects(conditionFailed());

    await expect(repo.markRead('u1', 'n1')).rejects.toBeInstanceOf(NotFoundError);
    await expect(repo.markRead('u1', 'n1')).rejects.toMatchObject({ code: 'NOTIFICATION_NOT_FOUND' });
  });

  it('counts unread notifications on LSI2 through every page', async () => {
    ddb
      .on(QueryCommand)
      .resolvesOnce({ Count: 2, LastEvaluatedKey: { PK: 'USER#u1', SK: 'x', LSI2SK: 'y' } })
      .resolves({ Count: 1 });

    expect(await repo.unreadCount('u1')).toBe(3);
    expect(ddb).toHaveReceivedCommandWith(QueryCommand, { IndexName: 'LSI2', Select: 'COUNT' });
  });
});
