import 'aws-sdk-client-mock-vitest/extend';
import { PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { beforeEach, describe, expect, it } from 'vitest';
import { conditionFailed, mockDocumentClient, TABLE } from '../testing/mock-dynamo';
import { createAuditRepository } from './audit-repository';

const { doc, ddb } = mockDocumentClient();
const repo = createAuditRepository(doc, TABLE, { suffix: () => 'abcd1234' });

beforeEach(() => {
  ddb.reset();
});

const entry = {
  entityType: 'program',
  entityId: 'p1',
  at: '2025-05-01T09:00:00.000Z',
  actorId: 'staff-1',
  action: 'program.publish',
  summary: '공고 게시',
  version: 3,
} as const;

describe('createAuditRepository (commands sent)', () => {
  it('appends under AUDIT#<type>#<id> / <time>#<suffix>, never replacing an entry', async () => {
    ddb.on(PutCommand).resolves({});

    await repo.append(entry);

    expect(ddb).toHaveReceivedCommandWith(PutCommand, {
      ConditionExpression: 'attribute_not_exists(PK)',
      Item: expect.objectContaining({
        PK: 'AUDIT#program#p1',
        SK: '2025-05-01T09:00:00.000Z#abcd1234',
        ...entry,
      }),
    });
  });

  it('does not swallow a failed append', async () => {
    ddb.on(PutCommand).rejects(conditionFailed());

    await expect(repo.append(entry)).rejects.toMatchObject({ name: 'ConditionalCheckFailedException' });
  });

  it('lists the entity partition through every page, without the key attributes', async () => {
    ddb
      .on(QueryCommand)
      .resolvesOnce({
        Items: [{ PK: 'AUDIT#program#p1', SK: 'a', ...entry }],
        LastEvaluatedKey: { PK: 'x', SK: 'y' },
      })
      .resolves({ Items: [] });

    expect(await repo.list('program', 'p1')).toEqual([entry]);
    expect(ddb).toHaveReceivedCommandWith(QueryCommand, {
      ExpressionAttributeValues: { ':pk': 'AUDIT#program#p1' },
    });
  });
});
