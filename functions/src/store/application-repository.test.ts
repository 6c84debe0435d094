import 'aws-sdk-client-mock-vitest/extend';
import { GetCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { ConflictError, NotFoundError, ValidationError } from '@sbiz24/shared';
import { beforeEach, describe, expect, it } from 'vitest';
import { application, idempotency, stepped, submitAudit } from '../testing/application-data';
import { mockDocumentClient, TABLE, transactionCancelled } from '../testing/mock-dynamo';
import { createApplicationRepository } from './application-repository';
import { encodeCursor } from './cursor';

const { doc, ddb } = mockDocumentClient();
const repo = createApplicationRepository(doc, TABLE, { auditSuffix: () => 'abcd1234' });
const app = application('app-0000000000000001');
const audit = { ...submitAudit(app), action: 'application.approve' };

beforeEach(() => {
  ddb.reset();
});

describe('createApplicationRepository (commands sent)', () => {
  it('creates applications, guards, audit entries and the idempotency record in one conditional transaction', async () => {
    ddb.on(TransactWriteCommand).resolves({});

    await repo.create({
      applications: [app],
      idempotency: idempotency('key-1', [app.id]),
      audit: [submitAudit(app)],
    });

    expect(ddb).toHaveReceivedCommandWith(TransactWriteCommand, {
      TransactItems: [
        {
          Put: {
            TableName: TABLE,
            ConditionExpression: 'attribute_not_exists(PK)',
            Item: expect.objectContaining({
              PK: 'USER#owner-1',
              SK: 'IDEM#key-1',
              applicationIds: [app.id],
              ttl: Date.parse('2026-12-04T01:00:00.000Z') / 1000,
            }),
          },
        },
        {
          Put: {
            TableName: TABLE,
            ConditionExpression: 'attribute_not_exists(PK)',
            Item: expect.objectContaining({
              PK: `APP#${app.id}`,
              SK: 'META',
              GSI1PK: `BAPPS#${app.brn}`,
              GSI1SK: `2026-12-03T01:00:00.000Z#${app.id}`,
              GSI2PK: 'PAPPS#p1',
              GSI3PK: 'PAPPS#p1#submitted',
              version: 1,
              sido: '11',
              stage: 'growth',
            }),
          },
        },
        {
          Put: {
            TableName: TABLE,
            ConditionExpression: 'attribute_not_exists(PK)',
            Item: {
              PK: `BIZ#${app.brn}`,
              SK: 'APPGUARD#p1',
              entity: 'applicationGuard',
              applicationId: app.id,
            },
          },
        },
        {
          Put: {
            TableName: TABLE,
            ConditionExpression: 'attribute_not_exists(PK)',
            Item: expect.objectContaining({
              PK: `AUDIT#application#${app.id}`,
              SK: '2026-12-03T01:00:00.000Z#abcd1234',
            }),
          },
        },
      ],
    });
  });

  it('tells an active application (per program) from a used idempotency key', async () => {
    const other = application('app-0000000000000002', { programId: 'p2' });
    const input = { applications: [app, other], idempotency: idempotency('key-1', []), audit: [] };

    ddb
      .on(TransactWriteCommand)
      .rejectsOnce(transactionCancelled('None', 'None', 'None', 'None', 'ConditionalCheckFailed'));
    const taken = await repo.create(input).catch((e: unknown) => e);
    expect(taken).toBeInstanceOf(ConflictError);
    expect(taken).toMatchObject({ code: 'ALREADY_APPLIED', details: { programIds: ['p2'] } });

    ddb.reset();
    ddb
      .on(TransactWriteCommand)
      .rejects(transactionCancelled('ConditionalCheckFailed', 'None', 'None', 'None', 'None'));
    await expect(repo.create(input)).rejects.toMatchObject({ code: 'IDEMPOTENCY_KEY_USED' });
  });

  it('approves conditionally on version and status, with the quota counter, the award and the audit entry', async () => {
    ddb.on(TransactWriteCommand).resolves({});
    const next = stepped(app, 'approved', { amount: 3_000_000 });

    await repo.transition({
      next,
      expectedVersion: 1,
      from: 'submitted',
      releaseGuard: false,
      quota: { programId: 'p1', amount: 3_000_000, limits: { maxAwards: 10, budget: 10_000_000 } },
      award: {
        brn: app.brn,
        support: { programId: 'p1', year: 2026, source: 'portal', applicationId: app.id },
      },
      audit,
    });

    const items = ddb.commandCalls(TransactWriteCommand)[0]!.args[0].input.TransactItems!;
    expect(items[0]!.Put).toMatchObject({
      ConditionExpression: 'attribute_exists(PK) AND version = :expected AND #status = :from',
      ExpressionAttributeValues: { ':expected': 1, ':from': 'submitted' },
      Item: { version: 2, status: 'approved', GSI3PK: 'PAPPS#p1#approved' },
    });
    expect(items[1]!.Update).toMatchObject({
      Key: { PK: 'PROG#p1', SK: 'QUOTA' },
      ConditionExpression:
        '(attribute_not_exists(awards) OR awards < :maxAwards) AND (attribute_not_exists(budgetUsed) OR budgetUsed <= :budgetLeft)',
      ExpressionAttributeValues: expect.objectContaining({
        ':maxAwards': 10,
        ':budgetLeft': 7_000_000,
        ':amount': 3_000_000,
      }),
    });
    expect(items[2]!.Update).toMatchObject({
      Key: { PK: `BIZ#${app.brn}`, SK: 'PROFILE' },
      ExpressionAttributeValues: expect.objectContaining({
        ':entry': [{ programId: 'p1', year: 2026, source: 'portal', applicationId: app.id }],
      }),
    });
    expect(items[3]!.Put?.Item).toMatchObject({
      PK: `AUDIT#application#${app.id}`,
      action: 'application.approve',
    });
  });

  it('releases the guard of a finished application, only its own', async () => {
    ddb.on(TransactWriteCommand).resolves({});

    await repo.transition({
      next: stepped(app, 'withdrawn'),
      expectedVersion: 1,
      from: 'submitted',
      releaseGuard: true,
      audit,
    });

    const items = ddb.commandCalls(TransactWriteCommand)[0]!.args[0].input.TransactItems!;
    expect(items[1]!.Delete).toMatchObject({
      Key: { PK: `BIZ#${app.brn}`, SK: 'APPGUARD#p1' },
      ConditionExpression: 'attribute_not_exists(PK) OR applicationId = :id',
    });
  });

  it('maps a failed quota condition to QUOTA_EXCEEDED, a failed version to VERSION_CONFLICT, a gone item to 404', async () => {
    const write = {
      next: stepped(app, 'approved', { amount: 1 }),
      expectedVersion: 1,
      from: 'submitted' as const,
      releaseGuard: false,
      quota: { programId: 'p1', amount: 1, limits: { maxAwards: 1 } },
      audit,
    };
    ddb.on(TransactWriteCommand).rejects(transactionCancelled('None', 'ConditionalCheckFailed', 'None'));
    await expect(repo.transition(write)).rejects.toMatchObject({ code: 'QUOTA_EXCEEDED' });

    ddb.on(TransactWriteCommand).rejects(transactionCancelled('ConditionalCheckFailed', 'None', 'None'));
    ddb.on(GetCommand).resolves({ Item: { application: { ...app, version: 3 } } });
    await expect(repo.transition(write)).rejects.toMatchObject({
      code: 'VERSION_CONFLICT',
      details: { expectedVersion: 1, currentVersion: 3 },
    });

    ddb.on(GetCommand).resolves({});
    await expect(repo.transition(write)).rejects.toBeInstanceOf(NotFoundError);
  });

  it('refuses an award larger than the whole budget without writing', async () => {
    await expect(
      repo.transition({
        next: stepped(app, 'approved'),
        expectedVersion: 1,
        from: 'submitted',
        releaseGuard: false,
        quota: { programId: 'p1', amount: 11, limits: { budget: 10 } },
        audit,
      }),
    ).rejects.toMatchObject({ code: 'QUOTA_EXCEEDED' });
    expect(ddb).not.toHaveReceivedCommand(TransactWriteCommand);
  });

  it('retries a transaction cancelled only by a conflicting transaction', async () => {
    ddb
      .on(TransactWriteCommand)
      .rejectsOnce(transactionCancelled('None', 'TransactionConflict', 'None'))
      .resolves({});

    await repo.transition({
      next: stepped(app, 'in-review'),
      expectedVersion: 1,
      from: 'submitted',
      releaseGuard: false,
      audit,
    });

    expect(ddb).toHaveReceivedCommandTimes(TransactWriteCommand, 2);
  });

  it('lists the staff queue newest first from GSI3, filtered by 시도, and refuses foreign cursors and odd limits', async () => {
    ddb.on(QueryCommand).resolves({ Items: [{ application: app }] });

    const page = await repo.listByProgram('p1', { status: 'submitted', sido: '11', limit: 50 });

    expect(page).toEqual({ items: [app] });
    expect(ddb).toHaveReceivedCommandWith(QueryCommand, {
      IndexName: 'GSI3',
      KeyConditionExpression: 'GSI3PK = :pk',
      ExpressionAttributeValues: { ':pk': 'PAPPS#p1#submitted', ':sido': '11' },
      FilterExpression: '#sido = :sido',
      ScanIndexForward: false,
      Limit: 50,
    });
    const foreign = encodeCursor('applications:business:x', { PK: 'a', SK: 'b' });
    await expect(repo.listByProgram('p1', { cursor: foreign })).rejects.toBeInstanceOf(ValidationError);
    await expect(repo.listByBusiness(app.brn, { limit: 101 })).rejects.toBeInstanceOf(ValidationError);
  });
});
