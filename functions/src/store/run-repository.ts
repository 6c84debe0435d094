import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { ConflictError } from '@sbiz24/shared';
import type { RunRepository } from '@sbiz24/shared/recompute/types';
import { checkpointItem, programCountItem, runItem } from './batch-items';
import { putIfAbsent } from './conditional-writes';
import { isConditionalCheckFailed } from './dynamo-errors';
import { GetCommand, PutCommand } from './dynamodb-sdk';
import { programCountsKey, runKey, segmentCheckpointKey, segmentCheckpointPrefix } from './keys';
import { queryAll } from './paging';

/** Run bookkeeping expires a month after it was last written (DynamoDB TTL); counts stay. */
const RUN_TTL_SECONDS = 30 * 86_400;

const ttl = (at: string): number => Math.floor(Date.parse(at) / 1000) + RUN_TTL_SECONDS;

/** The batch's run manifest, checkpoints and per-program counts in the single table (keys in keys.ts). */
export function createRunRepository(doc: DynamoDBDocumentClient, tableName: string): RunRepository {
  return {
    async createRun(manifest) {
      if (!(await putIfAbsent(doc, tableName, runItem.toItem(manifest, ttl(manifest.startedAt)))))
        throw new ConflictError('이미 있는 실행입니다.', 'RUN_EXISTS');
    },

    async getRun(runId) {
      const out = await doc.send(
        new GetCommand({ TableName: tableName, Key: runKey(runId), ConsistentRead: true }),
      );
      return out.Item ? runItem.fromItem(out.Item) : undefined;
    },

    async finishRun(manifest) {
      await doc.send(
        new PutCommand({
          TableName: tableName,
          Item: runItem.toItem(manifest, ttl(manifest.finishedAt ?? manifest.startedAt)),
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
      return out.Item ? checkpointItem.fromItem(out.Item) : undefined;
    },

    async putCheckpoint(cp) {
      try {
        await doc.send(
          new PutCommand({
            TableName: tableName,
            Item: checkpointItem.toItem(cp, ttl(cp.updatedAt)),
            // Never backwards: a slow duplicate invocation cannot undo a further-along checkpoint.
            ConditionExpression: 'attribute_not_exists(PK) OR (#done = :false AND #pages <= :pages)',
            ExpressionAttributeNames: { '#done': 'done', '#pages': 'pages' },
            ExpressionAttributeValues: { ':false': false, ':pages': cp.pages },
          }),
        );
      } catch (e) {
        if (isConditionalCheckFailed(e))
          throw new ConflictError('체크포인트가 이미 더 진행되었습니다.', 'CHECKPOINT_AHEAD');
        throw e;
      }
    },

    listCheckpoints(runId) {
      return queryAll(
        doc,
        {
          TableName: tableName,
          KeyConditionExpression: 'PK = :pk AND begins_with(SK, :seg)',
          ExpressionAttributeValues: { ':pk': runKey(runId).PK, ':seg': segmentCheckpointPrefix },
          ConsistentRead: true,
        },
        checkpointItem.fromItem,
      );
    },

    async putProgramCounts(counts) {
      // One small item per program; few enough (≤ a few thousand) that sequential puts with some parallelism do.
      const queue = [...counts];
      const worker = async (): Promise<void> => {
        for (let c = queue.shift(); c; c = queue.shift()) {
          await doc.send(
            new PutCommand({
              TableName: tableName,
              Item: programCountItem.toItem(c),
            }),
          );
        }
      };
      await Promise.all(Array.from({ length: 8 }, worker));
    },

    async getProgramCount(programId) {
      const out = await doc.send(new GetCommand({ TableName: tableName, Key: programCountsKey(programId) }));
      return out.Item ? programCountItem.fromItem(out.Item) : undefined;
    },
  };
}
