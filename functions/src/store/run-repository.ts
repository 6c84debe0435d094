import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { ConflictError } from '@sbiz24/shared';
import type {
  ProgramCount,
  RunManifest,
  RunRepository,
  SegmentCheckpoint,
} from '@sbiz24/shared/recompute/types';
import { ConditionalCheckFailedException, GetCommand, PutCommand, QueryCommand } from './dynamodb-sdk';
import { programCountsKey, runKey, segmentCheckpointKey, segmentCheckpointPrefix } from './keys';

/** Run bookkeeping expires a month after it was last written (DynamoDB TTL); counts stay. */
const RUN_TTL_SECONDS = 30 * 86_400;

const ttl = (at: string): number => Math.floor(Date.parse(at) / 1000) + RUN_TTL_SECONDS;

function isConditionFailure(e: unknown): boolean {
  return (
    e instanceof ConditionalCheckFailedException ||
    (e as { name?: string }).name === 'ConditionalCheckFailedException'
  );
}

function strip<T>(item: Record<string, unknown> | undefined): T | undefined {
  if (!item) return undefined;
  const { PK: _pk, SK: _sk, entity: _e, ttl: _t, ...rest } = item;
  return rest as T;
}

/** The batch's run manifest, checkpoints and per-program counts in the single table (keys in keys.ts). */
export function createRunRepository(doc: DynamoDBDocumentClient, tableName: string): RunRepository {
  return {
    async createRun(manifest) {
      try {
        await doc.send(
          new PutCommand({
            TableName: tableName,
            Item: { ...runKey(manifest.runId), entity: 'Run', ...manifest, ttl: ttl(manifest.startedAt) },
            ConditionExpression: 'attribute_not_exists(PK)',
          }),
        );
      } catch (e) {
        if (isConditionFailure(e)) throw new ConflictError('이미 있는 실행입니다.', 'RUN_EXISTS');
        throw e;
      }
    },

    async getRun(runId) {
      const out = await doc.send(
        new GetCommand({ TableName: tableName, Key: runKey(runId), ConsistentRead: true }),
      );
      return strip<RunManifest>(out.Item);
    },

    async finishRun(manifest) {
      await doc.send(
        new PutCommand({
          TableName: tableName,
          Item: {
            ...runKey(manifest.runId),
            entity: 'Run',
            ...manifest,
            ttl: ttl(manifest.finishedAt ?? manifest.startedAt),
          },
        }),
      );
    },

    async getCheckpoint(runId, segment) {
      const out = await doc.send(
        new GetCommand({
          TableName: tableName,
          Key: segmentCheckpointKey(runId, segment),
          ConsistentRead: true,
        }),
      );
      return strip<SegmentCheckpoint>(out.Item);
    },

    async putCheckpoint(cp) {
      try {
        await doc.send(
          new PutCommand({
            TableName: tableName,
            Item: {
              ...segmentCheckpointKey(cp.runId, cp.segment),
              entity: 'Checkpoint',
              ...cp,
              ttl: ttl(cp.updatedAt),
            },
            // Never backwards: a slow duplicate invocation cannot undo a further-along checkpoint.
            ConditionExpression: 'attribute_not_exists(PK) OR (#done = :false AND #pages <= :pages)',
            ExpressionAttributeNames: { '#done': 'done', '#pages': 'pages' },
            ExpressionAttributeValues: { ':false': false, ':pages': cp.pages },
          }),
        );
      } catch (e) {
        if (isConditionFailure(e))
          throw new ConflictError('체크포인트가 이미 더 진행되었습니다.', 'CHECKPOINT_AHEAD');
        throw e;
      }
    },

    async listCheckpoints(runId) {
      const items: SegmentCheckpoint[] = [];
      let start: Record<string, unknown> | undefined;
      do {
        const out = await doc.send(
          new QueryCommand({
            TableName: tableName,
            KeyConditionExpression: 'PK = :pk AND begins_with(SK, :seg)',
            ExpressionAttributeValues: { ':pk': runKey(runId).PK, ':seg': segmentCheckpointPrefix },
            ConsistentRead: true,
            ExclusiveStartKey: start,
          }),
        );
        for (const item of out.Items ?? []) items.push(strip<SegmentCheckpoint>(item) as SegmentCheckpoint);
        start = out.LastEvaluatedKey;
      } while (start);
      return items;
    },

    async putProgramCounts(counts) {
      // One small item per program; few enough (≤ a few thousand) that sequential puts with some parallelism do.
      const queue = [...counts];
      const worker = async (): Promise<void> => {
        for (let c = queue.shift(); c; c = queue.shift()) {
          await doc.send(
            new PutCommand({
              TableName: tableName,
              Item: { ...programCountsKey(c.programId), entity: 'ProgramCount', ...c },
            }),
          );
        }
      };
      await Promise.all(Array.from({ length: 8 }, worker));
    },

    async getProgramCount(programId) {
      const out = await doc.send(new GetCommand({ TableName: tableName, Key: programCountsKey(programId) }));
      return strip<ProgramCount>(out.Item);
    },
  };
}
