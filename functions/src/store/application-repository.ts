import { randomBytes } from 'node:crypto';
import type { DynamoDBDocumentClient, QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import {
  type ApplicationRepository,
  type AuditEntry,
  ConflictError,
  type IdempotencyRecord,
  NotFoundError,
  type Page,
  ValidationError,
} from '@sbiz24/shared';
import {
  APPLICATION_STATUSES,
  type Application,
  type ApplicationStatus,
} from '@sbiz24/shared/application/application';
import { decodeCursor, encodeCursor, type KeyShape } from './cursor';
import { cancellationCodes, versionConflict } from './dynamo-errors';
import { GetCommand, QueryCommand, TransactWriteCommand } from './dynamodb-sdk';
import {
  applicationGuardKey,
  applicationIndexKeys,
  applicationKey,
  auditKey,
  businessApplicationsPartition,
  businessKey,
  INDEX,
  idempotencyRecordKey,
  programApplicationsPartition,
  programQuotaKey,
} from './keys';

/** Largest page a listing returns (the staff queue asks for 50). */
export const MAX_APPLICATION_PAGE = 100;
/** An idempotency record outlives any retry a person or a browser makes. */
const IDEMPOTENCY_TTL_SECONDS = 24 * 60 * 60;

type TransactItem = NonNullable<
  ConstructorParameters<typeof TransactWriteCommand>[0]['TransactItems']
>[number];

export interface ApplicationRepositoryOptions {
  /** Suffix that keeps two audit entries of the same millisecond apart. @default 8 random hex digits */
  auditSuffix?: () => string;
}

function applicationItem(app: Application): Record<string, unknown> {
  return {
    ...applicationKey(app.id),
    ...applicationIndexKeys(app),
    entity: 'application',
    id: app.id,
    brn: app.brn,
    programId: app.programId,
    status: app.status,
    version: app.version,
    sido: app.sido,
    ...(app.stage ? { stage: app.stage } : {}),
    application: app,
  };
}

export const alreadyApplied = (programIds: string[]): ConflictError =>
  new ConflictError('이미 신청한 사업이 있습니다. 진행 중인 신청을 확인해 주세요.', 'ALREADY_APPLIED', {
    programIds,
  });

export const quotaExceeded = (): ConflictError =>
  new ConflictError(
    '이 사업의 예산 또는 선정 한도를 넘어 선정할 수 없습니다. 남은 예산과 선정 건수를 확인해 주세요.',
    'QUOTA_EXCEEDED',
  );

export const idempotencyKeyUsed = (): ConflictError =>
  new ConflictError('같은 중복 방지 키로 이미 처리된 신청이 있습니다.', 'IDEMPOTENCY_KEY_USED');

/** Attempts of a transaction that DynamoDB cancels only for a conflict with another transaction in flight. */
const CONFLICT_ATTEMPTS = 8;

/**
 * Sends a transaction, again (with jittered back-off) while it is cancelled only for `TransactionConflict`:
 * concurrent approvals of one program all update its quota counter. Nothing was written by a cancelled
 * attempt, and every item is conditional, so a retry cannot apply a step twice.
 */
async function sendTransaction(doc: DynamoDBDocumentClient, items: TransactItem[]): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await doc.send(new TransactWriteCommand({ TransactItems: items }));
      return;
    } catch (err) {
      const codes = cancellationCodes(err);
      if (
        !codes?.includes('TransactionConflict') ||
        codes.includes('ConditionalCheckFailed') ||
        attempt >= CONFLICT_ATTEMPTS
      )
        throw err;
      const base = 5 * 2 ** attempt;
      await new Promise((resolve) => setTimeout(resolve, base / 2 + Math.random() * base));
    }
  }
}

function pageLimit(limit: number | undefined): number {
  const value = limit ?? 50;
  if (!Number.isInteger(value) || value < 1 || value > MAX_APPLICATION_PAGE)
    throw new ValidationError(`한 페이지는 1~${MAX_APPLICATION_PAGE}건이어야 합니다.`, [
      { path: 'limit', message: `1~${MAX_APPLICATION_PAGE} 사이의 정수여야 합니다.` },
    ]);
  return value;
}

/**
 * Applications at `APP#<id>` / `META`, listed by business (GSI1), by program (GSI2) and by program and status
 * (GSI3), newest first. A guard item `BIZ#<brn>` / `APPGUARD#<programId>` exists while the business has an
 * active application for the program; the quota counter is `PROG#<id>` / `QUOTA`. Every write is one
 * transaction with its audit entries, so a failed condition anywhere writes nothing.
 */
export function createApplicationRepository(
  doc: DynamoDBDocumentClient,
  tableName: string,
  options: ApplicationRepositoryOptions = {},
): ApplicationRepository {
  const suffix = options.auditSuffix ?? (() => randomBytes(4).toString('hex'));

  const auditPut = (entry: AuditEntry): TransactItem => ({
    Put: {
      TableName: tableName,
      Item: { ...auditKey(entry.entityType, entry.entityId, entry.at, suffix()), entity: 'audit', ...entry },
      ConditionExpression: 'attribute_not_exists(PK)',
    },
  });

  async function get(id: string): Promise<Application | undefined> {
    const { Item } = await doc.send(
      new GetCommand({ TableName: tableName, Key: applicationKey(id), ConsistentRead: true }),
    );
    return Item?.application as Application | undefined;
  }

  /** The keys of an index query's items: the table key of an application and the index's own pair. */
  const indexShape = (partitionAttribute: string, partition: string): KeyShape => ({
    PK: { prefix: applicationKey('').PK },
    SK: applicationKey('').SK,
    [partitionAttribute]: partition,
    [partitionAttribute.replace(/PK$/, 'SK')]: { prefix: '' },
  });

  async function page(
    scope: string,
    shape: KeyShape,
    input: Omit<QueryCommandInput, 'TableName' | 'ExclusiveStartKey' | 'Limit' | 'ScanIndexForward'>,
    options: { limit?: number; cursor?: string },
  ): Promise<Page<Application>> {
    const limit = pageLimit(options.limit);
    const result = await doc.send(
      new QueryCommand({
        ...input,
        TableName: tableName,
        ScanIndexForward: false,
        Limit: limit,
        ExclusiveStartKey: decodeCursor(scope, options.cursor, shape),
      }),
    );
    const items = (result.Items ?? []).map((item) => item.application as Application);
    const cursor = encodeCursor(scope, result.LastEvaluatedKey);
    return cursor ? { items, cursor } : { items };
  }

  async function count(status: ApplicationStatus, programId: string): Promise<number> {
    let total = 0;
    let ExclusiveStartKey: Record<string, unknown> | undefined;
    do {
      const result = await doc.send(
        new QueryCommand({
          TableName: tableName,
          IndexName: INDEX.gsi3,
          KeyConditionExpression: 'GSI3PK = :pk',
          ExpressionAttributeValues: { ':pk': programApplicationsPartition(programId, status) },
          Select: 'COUNT',
          ExclusiveStartKey,
        }),
      );
      total += result.Count ?? 0;
      ExclusiveStartKey = result.LastEvaluatedKey;
    } while (ExclusiveStartKey);
    return total;
  }

  return {
    get,

    async activeId(brn, programId) {
      const { Item } = await doc.send(
        new GetCommand({
          TableName: tableName,
          Key: applicationGuardKey(brn, programId),
          ConsistentRead: true,
        }),
      );
      return Item?.applicationId as string | undefined;
    },

    async getIdempotency(ownerId, key) {
      const { Item } = await doc.send(
        new GetCommand({
          TableName: tableName,
          Key: idempotencyRecordKey(ownerId, key),
          ConsistentRead: true,
        }),
      );
      if (!Item) return undefined;
      const { requestHash, applicationIds, createdAt } = Item as unknown as IdempotencyRecord;
      return { ownerId, key, requestHash, applicationIds, createdAt };
    },

    async create({ applications, idempotency, audit }) {
      const { ownerId, key, ...record } = idempotency;
      const items: TransactItem[] = [
        {
          Put: {
            TableName: tableName,
            Item: {
              ...idempotencyRecordKey(ownerId, key),
              entity: 'idempotency',
              ...record,
              ttl: Math.floor(Date.parse(record.createdAt) / 1000) + IDEMPOTENCY_TTL_SECONDS,
            },
            ConditionExpression: 'attribute_not_exists(PK)',
          },
        },
      ];
      for (const app of applications) {
        items.push(
          {
            Put: {
              TableName: tableName,
              Item: applicationItem(app),
              ConditionExpression: 'attribute_not_exists(PK)',
            },
          },
          {
            Put: {
              TableName: tableName,
              Item: {
                ...applicationGuardKey(app.brn, app.programId),
                entity: 'applicationGuard',
                applicationId: app.id,
              },
              ConditionExpression: 'attribute_not_exists(PK)',
            },
          },
        );
      }
      items.push(...audit.map(auditPut));
      try {
        await sendTransaction(doc, items);
      } catch (err) {
        const codes = cancellationCodes(err);
        if (!codes?.includes('ConditionalCheckFailed')) throw err;
        if (codes[0] === 'ConditionalCheckFailed') throw idempotencyKeyUsed();
        // Items 1 + 2i and 2 + 2i belong to application i: a failed guard is an active application.
        const taken = applications
          .filter((_, i) => codes[2 + 2 * i] === 'ConditionalCheckFailed')
          .map((app) => app.programId);
        if (taken.length > 0) throw alreadyApplied(taken);
        throw new ConflictError('신청 ID가 겹쳤습니다. 다시 시도해 주세요.', 'ALREADY_EXISTS');
      }
      return applications;
    },

    async transition({ next, expectedVersion, from, releaseGuard, quota, award, audit }) {
      const items: TransactItem[] = [
        {
          Put: {
            TableName: tableName,
            Item: applicationItem(next),
            ConditionExpression: 'attribute_exists(PK) AND version = :expected AND #status = :from',
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: { ':expected': expectedVersion, ':from': from },
          },
        },
      ];
      if (releaseGuard) {
        items.push({
          Delete: {
            TableName: tableName,
            Key: applicationGuardKey(next.brn, next.programId),
            // Only this application's guard; a missing one is fine (nothing to release).
            ConditionExpression: 'attribute_not_exists(PK) OR applicationId = :id',
            ExpressionAttributeValues: { ':id': next.id },
          },
        });
      }
      let quotaIndex = -1;
      if (quota) {
        const { budget, maxAwards } = quota.limits;
        if (budget !== undefined && quota.amount > budget) throw quotaExceeded();
        // DynamoDB conditions cannot add: "used + amount <= budget" is written "used <= budget - amount".
        const conditions: string[] = [];
        const values: Record<string, unknown> = { ':zero': 0, ':one': 1, ':amount': quota.amount };
        if (maxAwards !== undefined) {
          conditions.push('(attribute_not_exists(awards) OR awards < :maxAwards)');
          values[':maxAwards'] = maxAwards;
        }
        if (budget !== undefined) {
          conditions.push('(attribute_not_exists(budgetUsed) OR budgetUsed <= :budgetLeft)');
          values[':budgetLeft'] = budget - quota.amount;
        }
        quotaIndex = items.length;
        items.push({
          Update: {
            TableName: tableName,
            Key: programQuotaKey(quota.programId),
            UpdateExpression:
              'SET awards = if_not_exists(awards, :zero) + :one, budgetUsed = if_not_exists(budgetUsed, :zero) + :amount, entity = :entity',
            ...(conditions.length > 0 ? { ConditionExpression: conditions.join(' AND ') } : {}),
            ExpressionAttributeValues: { ...values, ':entity': 'programQuota' },
          },
        });
      }
      if (award) {
        // The award joins the profile's prior support, which the rules read; the version moves so that an
        // owner's edit based on the old profile cannot overwrite it.
        items.push({
          Update: {
            TableName: tableName,
            Key: businessKey(award.brn),
            UpdateExpression:
              'SET profile.priorSupport = list_append(if_not_exists(profile.priorSupport, :empty), :entry), version = version + :one, updatedAt = :at',
            ConditionExpression: 'attribute_exists(PK)',
            ExpressionAttributeValues: {
              ':empty': [],
              ':entry': [award.support],
              ':one': 1,
              ':at': next.updatedAt,
            },
          },
        });
      }
      items.push(auditPut(audit));
      try {
        await sendTransaction(doc, items);
      } catch (err) {
        const codes = cancellationCodes(err);
        if (!codes?.includes('ConditionalCheckFailed')) throw err;
        if (
          quotaIndex >= 0 &&
          codes[quotaIndex] === 'ConditionalCheckFailed' &&
          codes[0] !== 'ConditionalCheckFailed'
        )
          throw quotaExceeded();
        const current = await get(next.id);
        if (!current) throw new NotFoundError('신청을 찾을 수 없습니다.', 'APPLICATION_NOT_FOUND');
        if (codes[0] === 'ConditionalCheckFailed') throw versionConflict(expectedVersion, current.version);
        throw new ConflictError(
          '신청과 함께 바뀌어야 할 정보가 바뀌지 않아 처리하지 않았습니다.',
          'CONFLICT',
        );
      }
      return next;
    },

    listByBusiness(brn, options = {}) {
      return page(
        `applications:business:${brn}`,
        indexShape('GSI1PK', businessApplicationsPartition(brn)),
        {
          IndexName: INDEX.gsi1,
          KeyConditionExpression: 'GSI1PK = :pk',
          ExpressionAttributeValues: { ':pk': businessApplicationsPartition(brn) },
        },
        options,
      );
    },

    listByProgram(programId, options = {}) {
      const { status, sido, stage } = options;
      const filters = [...(sido ? ['#sido = :sido'] : []), ...(stage ? ['#stage = :stage'] : [])];
      const names = { ...(sido ? { '#sido': 'sido' } : {}), ...(stage ? { '#stage': 'stage' } : {}) };
      const values = {
        ...(sido ? { ':sido': sido } : {}),
        ...(stage ? { ':stage': stage } : {}),
      };
      return page(
        `applications:program:${programId}:${status ?? '*'}:${sido ?? '*'}:${stage ?? '*'}`,
        status === undefined
          ? indexShape('GSI2PK', programApplicationsPartition(programId))
          : indexShape('GSI3PK', programApplicationsPartition(programId, status)),
        {
          ...(status === undefined
            ? {
                IndexName: INDEX.gsi2,
                KeyConditionExpression: 'GSI2PK = :pk',
                ExpressionAttributeValues: { ':pk': programApplicationsPartition(programId), ...values },
              }
            : {
                IndexName: INDEX.gsi3,
                KeyConditionExpression: 'GSI3PK = :pk',
                ExpressionAttributeValues: {
                  ':pk': programApplicationsPartition(programId, status),
                  ...values,
                },
              }),
          ...(filters.length > 0
            ? { FilterExpression: filters.join(' AND '), ExpressionAttributeNames: names }
            : {}),
        },
        options,
      );
    },

    async countByStatus(programId) {
      const counts = await Promise.all(APPLICATION_STATUSES.map((status) => count(status, programId)));
      return Object.fromEntries(APPLICATION_STATUSES.map((s, i) => [s, counts[i]!])) as Record<
        ApplicationStatus,
        number
      >;
    },

    async quotaUsage(programId) {
      const { Item } = await doc.send(
        new GetCommand({ TableName: tableName, Key: programQuotaKey(programId), ConsistentRead: true }),
      );
      return { awards: (Item?.awards as number) ?? 0, budgetUsed: (Item?.budgetUsed as number) ?? 0 };
    },
  };
}
