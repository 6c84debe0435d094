import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import {
  type BusinessRepository,
  ConflictError,
  NotFoundError,
  type StoredBusiness,
  ValidationError,
} from '@sbiz24/shared';
import { MAX_MATCH_WRITES, type MatchWrite } from '@sbiz24/shared/repositories';
import { type BatchOptions, batchGetItems, batchGetKeys, batchWriteAll, mapWithConcurrency } from './batch';
import { putIfAbsent, type TransactItem } from './conditional-writes';
import { alreadyExists, cancellationCodes, isConditionalCheckFailed, versionConflict } from './dynamo-errors';
import { GetCommand, TransactWriteCommand, UpdateCommand } from './dynamodb-sdk';
import { businessItem, type NewBusiness } from './items';
import { businessKey, businessProfileMarker, INDEX, ownerIndexKeys, ownerPartition } from './keys';
import { queryAll, scanCount, scanPage } from './paging';
import { type StoreOptions, systemClock } from './store-options';

const BRN = /^\d{10}$/;

/** Times a batch of match writes is sent while other writes race some of its items. */
const MATCH_WRITE_ATTEMPTS = 5;

/**
 * A batch result's update: the match set only, on the profile version read. The version stays (a batch
 * result is not a profile edit), so owners' edits never conflict with it; a missing item fails the condition.
 */
function matchUpdate(tableName: string, { brn, result, expectedVersion }: MatchWrite) {
  return {
    TableName: tableName,
    Key: businessKey(brn),
    UpdateExpression: 'SET matchIds = :ids, matchHash = :hash, matchedAt = :at',
    ConditionExpression: 'attribute_exists(PK) AND version = :expected',
    ExpressionAttributeValues: {
      ':ids': result.matchIds,
      ':hash': result.matchHash,
      ':at': result.matchedAt,
      ':expected': expectedVersion,
    },
  };
}

function assertBrn(brn: string): void {
  if (!BRN.test(brn))
    throw new ValidationError('사업자등록번호는 숫자 10자리여야 합니다.', [
      { path: 'brn', message: '사업자등록번호는 숫자 10자리여야 합니다.' },
    ]);
}

function notFound(): NotFoundError {
  return new NotFoundError('사업장을 찾을 수 없습니다.', 'BUSINESS_NOT_FOUND');
}

/** Profiles written in one TransactWriteItems (its limit is 100 items and 4 MB; a profile is ~1–3 KB). */
const PROFILE_TRANSACTION_SIZE = 100;

/** DynamoDB's limit on TotalSegments. */
const MAX_SEGMENTS = 1_000_000;
const DEFAULT_SCAN_LIMIT = 1000;

export interface BusinessRepositoryOptions extends StoreOptions, BatchOptions {
  /** BatchWrite groups of 25 kept in flight by createMany. @default 8 */
  writeConcurrency?: number;
  /** BatchGet groups of 100 kept in flight by getMany. @default 8 */
  readConcurrency?: number;
}

/** Businesses as `BIZ#<brn>` / `PROFILE` items; the owner's businesses through GSI1 (`OWNER#<sub>`). */
export function createBusinessRepository(
  doc: DynamoDBDocumentClient,
  tableName: string,
  options: BusinessRepositoryOptions = {},
): BusinessRepository {
  const clock = options.clock ?? systemClock;
  const profileFilter = {
    FilterExpression: 'SK = :profile AND begins_with(PK, :biz)',
    ExpressionAttributeValues: {
      ':profile': businessProfileMarker.sk,
      ':biz': businessProfileMarker.pkPrefix,
    },
  };

  async function get(brn: string): Promise<StoredBusiness | undefined> {
    assertBrn(brn);
    const { Item } = await doc.send(
      new GetCommand({ TableName: tableName, Key: businessKey(brn), ConsistentRead: true }),
    );
    return Item ? businessItem.fromItem(Item) : undefined;
  }

  /** After a failed version condition: NotFound when the business is gone, VERSION_CONFLICT otherwise. */
  async function explainVersionFailure(brn: string, expectedVersion: number): Promise<never> {
    const current = await get(brn);
    if (!current) throw notFound();
    throw versionConflict(expectedVersion, current.version);
  }

  return {
    get,

    async getMany(brns) {
      const unique = [...new Set(brns)];
      for (const brn of unique) assertBrn(brn);
      const items = await batchGetItems(
        doc,
        tableName,
        unique.map((brn) => businessKey(brn)),
        { ...options, concurrency: options.readConcurrency ?? 8 },
      );
      const found = new Map<string, StoredBusiness>();
      for (const item of items) {
        const business = businessItem.fromItem(item);
        found.set(business.profile.brn, business);
      }
      return found;
    },

    async create(business) {
      assertBrn(business.profile.brn);
      const item = businessItem.toItem(business, clock().toISOString());
      if (!(await putIfAbsent(doc, tableName, item)))
        throw alreadyExists('이미 등록된 사업자등록번호입니다.');
      return businessItem.fromItem(item);
    },

    async createMany(businesses) {
      // First occurrence wins: BatchWriteItem refuses two writes to one key in a request.
      const unique = new Map<string, NewBusiness>();
      for (const business of businesses) {
        assertBrn(business.profile.brn);
        if (!unique.has(business.profile.brn)) unique.set(business.profile.brn, business);
      }
      const updatedAt = clock().toISOString();
      const groups: NewBusiness[][] = [];
      const all = [...unique.values()];
      // 100 = BatchGetItem's limit: one existence check per group, then four BatchWrites of 25.
      for (let i = 0; i < all.length; i += 100) groups.push(all.slice(i, i + 100));
      await mapWithConcurrency(
        groups,
        Math.max(1, Math.ceil((options.writeConcurrency ?? 8) / 4)),
        async (group) => {
          const existing = await batchGetKeys(
            doc,
            tableName,
            group.map((b) => businessKey(b.profile.brn)),
            options,
          );
          const fresh = group.filter((b) => !existing.has(businessKey(b.profile.brn).PK));
          await batchWriteAll(
            doc,
            tableName,
            fresh.map((b) => businessItem.toItem(b, updatedAt)),
            options,
          );
        },
      );
    },

    async updateProfile(brn, profile, expectedVersion) {
      assertBrn(brn);
      if (profile.brn !== brn)
        throw new ValidationError('프로필의 사업자등록번호가 주소와 다릅니다.', [
          { path: 'brn', message: '사업자등록번호는 바꿀 수 없습니다.' },
        ]);
      try {
        const { Attributes } = await doc.send(
          new UpdateCommand({
            TableName: tableName,
            Key: businessKey(brn),
            UpdateExpression: 'SET profile = :profile, version = :next, updatedAt = :now',
            ConditionExpression: 'attribute_exists(PK) AND version = :expected',
            ExpressionAttributeValues: {
              ':profile': profile,
              ':next': expectedVersion + 1,
              ':now': clock().toISOString(),
              ':expected': expectedVersion,
            },
            ReturnValues: 'ALL_NEW',
          }),
        );
        return businessItem.fromItem(Attributes ?? {});
      } catch (err) {
        if (isConditionalCheckFailed(err)) return explainVersionFailure(brn, expectedVersion);
        throw err;
      }
    },

    async updateProfiles(updates) {
      const now = clock().toISOString();
      const byBrn = new Map<string, (typeof updates)[number]>();
      for (const u of updates) {
        assertBrn(u.brn);
        if (u.profile.brn !== u.brn)
          throw new ValidationError('프로필의 사업자등록번호가 주소와 다릅니다.', [
            { path: 'brn', message: '사업자등록번호는 바꿀 수 없습니다.' },
          ]);
        byBrn.set(u.brn, u);
      }
      const request = (u: (typeof updates)[number]): TransactItem => ({
        Update: {
          TableName: tableName,
          Key: businessKey(u.brn),
          UpdateExpression: 'SET profile = :profile, version = :next, updatedAt = :now',
          ConditionExpression: 'attribute_exists(PK) AND version = :expected',
          ExpressionAttributeValues: {
            ':profile': u.profile,
            ':next': u.expectedVersion + 1,
            ':now': now,
            ':expected': u.expectedVersion,
          },
        },
      });
      const all = [...byBrn.values()];
      const groups: (typeof all)[] = [];
      for (let i = 0; i < all.length; i += PROFILE_TRANSACTION_SIZE)
        groups.push(all.slice(i, i + PROFILE_TRANSACTION_SIZE));
      const conflicted: string[] = [];
      // One transaction per group: each profile on its own version condition. A cancelled transaction names
      // the items whose condition failed; they are left out and the rest sent again.
      await mapWithConcurrency(groups, options.writeConcurrency ?? 4, async (group) => {
        let pending = group;
        for (let attempt = 0; pending.length > 0; attempt++) {
          try {
            await doc.send(new TransactWriteCommand({ TransactItems: pending.map(request) }));
            return;
          } catch (err) {
            const codes = cancellationCodes(err);
            if (!codes || attempt >= (options.maxBatchAttempts ?? 10)) throw err;
            const failed = new Set(codes.flatMap((c, i) => (c === 'ConditionalCheckFailed' ? [i] : [])));
            conflicted.push(...pending.filter((_, i) => failed.has(i)).map((u) => u.brn));
            pending = pending.filter((_, i) => !failed.has(i));
            // Only conditions failed: resend the rest now; a transaction conflict waits a little first.
            if (failed.size === 0 || codes.some((c) => c !== 'ConditionalCheckFailed' && c !== 'None'))
              await new Promise((resolve) => setTimeout(resolve, 20 * 2 ** Math.min(attempt, 6)));
          }
        }
      });
      return { conflicted };
    },

    async claim(brn, ownerId) {
      assertBrn(brn);
      const index = ownerIndexKeys(ownerId, brn);
      try {
        const { Attributes } = await doc.send(
          new UpdateCommand({
            TableName: tableName,
            Key: businessKey(brn),
            UpdateExpression: 'SET ownerId = :owner, GSI1PK = :gsi1pk, GSI1SK = :gsi1sk, updatedAt = :now',
            ConditionExpression: 'attribute_exists(PK) AND attribute_not_exists(ownerId)',
            ExpressionAttributeValues: {
              ':owner': ownerId,
              ':gsi1pk': index.GSI1PK,
              ':gsi1sk': index.GSI1SK,
              ':now': clock().toISOString(),
            },
            ReturnValues: 'ALL_NEW',
          }),
        );
        return businessItem.fromItem(Attributes ?? {});
      } catch (err) {
        if (!isConditionalCheckFailed(err)) throw err;
        if (!(await get(brn))) throw notFound();
        throw new ConflictError('이미 다른 사용자가 소유를 확인한 사업장입니다.', 'ALREADY_CLAIMED');
      }
    },

    listByOwner(ownerId) {
      return queryAll(
        doc,
        {
          TableName: tableName,
          IndexName: INDEX.gsi1,
          KeyConditionExpression: 'GSI1PK = :owner',
          ExpressionAttributeValues: { ':owner': ownerPartition(ownerId) },
        },
        businessItem.fromItem,
      );
    },

    async putMatches(brn, result, expectedVersion) {
      assertBrn(brn);
      try {
        await doc.send(new UpdateCommand(matchUpdate(tableName, { brn, result, expectedVersion })));
      } catch (err) {
        if (isConditionalCheckFailed(err)) return explainVersionFailure(brn, expectedVersion);
        throw err;
      }
    },

    async putMatchesMany(writes) {
      if (writes.length > MAX_MATCH_WRITES)
        throw new RangeError(`putMatchesMany: ${writes.length} writes > ${MAX_MATCH_WRITES}`);
      for (const w of writes) assertBrn(w.brn);
      const conflicts: string[] = [];
      let pending = writes;
      // One transaction, each update on its own version condition. DynamoDB cancels all of it when any
      // condition fails (or another write races one of its items): the failed ones are conflicts, the rest
      // are sent again, a bounded number of times.
      for (let attempt = 0; pending.length > 0; attempt++) {
        try {
          await doc.send(
            new TransactWriteCommand({
              TransactItems: pending.map((w) => ({ Update: matchUpdate(tableName, w) })),
            }),
          );
          break;
        } catch (err) {
          const codes = cancellationCodes(err);
          if (!codes || attempt >= MATCH_WRITE_ATTEMPTS - 1) throw err;
          const again: MatchWrite[] = [];
          for (const [i, w] of pending.entries()) {
            if (codes[i] === 'ConditionalCheckFailed') conflicts.push(w.brn);
            else again.push(w);
          }
          if (again.length === pending.length)
            await new Promise((resolve) => setTimeout(resolve, 20 * 2 ** attempt));
          pending = again;
        }
      }
      return { conflicts };
    },

    async scanSegment(segment, totalSegments, cursor, limit = DEFAULT_SCAN_LIMIT) {
      if (
        !Number.isInteger(totalSegments) ||
        totalSegments < 1 ||
        totalSegments > MAX_SEGMENTS ||
        !Number.isInteger(segment) ||
        segment < 0 ||
        segment >= totalSegments
      )
        throw new ValidationError('세그먼트 번호가 올바르지 않습니다.', [], 'INVALID_SEGMENT');
      return scanPage(
        doc,
        {
          TableName: tableName,
          Segment: segment,
          TotalSegments: totalSegments,
          Limit: limit,
          ...profileFilter,
        },
        {
          scope: `businesses:${segment}/${totalSegments}`,
          // A filtered scan stops on whatever item it read last (a match set, an outbox row), not only on a
          // profile: any table key is a valid place to resume. Only batch code passes these cursors.
          shape: { PK: { prefix: '' }, SK: { prefix: '' } },
          cursor,
        },
        businessItem.fromItem,
      );
    },

    count() {
      return scanCount(doc, { TableName: tableName, ...profileFilter });
    },
  };
}
