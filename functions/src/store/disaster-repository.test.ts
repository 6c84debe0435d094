import 'aws-sdk-client-mock-vitest/extend';
import { PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { ConflictError } from '@sbiz24/shared';
import { beforeEach, describe, expect, it } from 'vitest';
import { conditionFailed, fixedClock, mockDocumentClient, TABLE } from '../testing/mock-dynamo';
import { disaster } from '../testing/store-data';
import { createDisasterRepository } from './disaster-repository';

const { doc, ddb } = mockDocumentClient();
const repo = createDisasterRepository(doc, TABLE, { clock: fixedClock });

beforeEach(() => {
  ddb.reset();
});

describe('createDisasterRepository (commands sent)', () => {
  it('declares with attribute_not_exists(PK) and the list index keys', async () => {
    ddb.on(PutCommand).resolves({});

    await repo.create(disaster('rain-1'));

    expect(ddb).toHaveReceivedCommandWith(PutCommand, {
      ConditionExpression: 'attribute_not_exists(PK)',
      Item: expect.objectContaining({
        PK: 'DISASTER#rain-1',
        SK: 'META',
        GSI1PK: 'DISASTERS',
        GSI1SK: '2025-07-10#rain-1',
      }),
    });
  });

  it('maps a failed declaration condition to ALREADY_EXISTS', async () => {
    ddb.on(PutCommand).rejects(conditionFailed());

    const attempt = repo.create(disaster('rain-1'));

    await expect(attempt).rejects.toBeInstanceOf(ConflictError);
    await expect(attempt).rejects.toMatchObject({ code: 'ALREADY_EXISTS' });
  });

  it('lists from the DISASTERS partition of GSI1 through every page', async () => {
    ddb
      .on(QueryCommand)
      .resolvesOnce({ Items: [{ disaster: disaster('d-a') }], LastEvaluatedKey: { PK: 'x', SK: 'y' } })
      .resolves({ Items: [{ disaster: disaster('d-b') }] });

    const listed = await repo.list();

    expect(ddb).toHaveReceivedCommandWith(QueryCommand, {
      IndexName: 'GSI1',
      ExpressionAttributeValues: { ':all': 'DISASTERS' },
    });
    expect(listed.map((d) => d.id)).toEqual(['d-a', 'd-b']);
  });
});
