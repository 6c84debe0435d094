/** The batch Lambdas' environment, read once per container; a missing variable fails at init, not mid-run. */
export interface BatchConfig {
  tableName: string;
  /** S3 bucket of the snapshot parts, manifests and `latest.json`. */
  snapshotBucket: string;
  /** SQS queue of new-match events (the notifier's source). */
  newMatchQueueUrl: string;
  /** @default 50_000 */
  targetRowsPerSegment: number;
}

function required(env: NodeJS.ProcessEnv, name: string): string {
  const value = env[name];
  if (!value) throw new Error(`environment variable ${name} is required`);
  return value;
}

export function readBatchConfig(
  env: NodeJS.ProcessEnv,
  needs: { bucket?: boolean; queue?: boolean } = {},
): BatchConfig {
  const target = Number(env.TARGET_ROWS_PER_SEGMENT ?? 50_000);
  if (!Number.isInteger(target) || target < 1)
    throw new Error('TARGET_ROWS_PER_SEGMENT must be a positive integer');
  return {
    tableName: required(env, 'TABLE_NAME'),
    snapshotBucket: needs.bucket === false ? (env.SNAPSHOT_BUCKET ?? '') : required(env, 'SNAPSHOT_BUCKET'),
    newMatchQueueUrl:
      needs.queue === false ? (env.NEW_MATCH_QUEUE_URL ?? '') : required(env, 'NEW_MATCH_QUEUE_URL'),
    targetRowsPerSegment: target,
  };
}
