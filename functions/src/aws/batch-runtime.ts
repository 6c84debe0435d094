import { DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';
import { SQSClient } from '@aws-sdk/client-sqs';
import { createColumnarEvaluator } from '../recompute/columnar-evaluator';
import type { BatchRuntime } from '../recompute/runtime';
import type { NotifierDeps } from '../services/notifier';
import { createDynamoClient, toDocumentClient } from '../store/dynamo-client';
import { createOutboxRepository } from '../store/outbox-repository';
import { createRepositories } from '../store/repositories';
import { createRunRepository } from '../store/run-repository';
import { readBatchConfig } from './config';
import { S3BlobStore } from './s3-blob-store';
import { SqsEventSink } from './sqs-event-sink';

let runtime: BatchRuntime | undefined;
let notifierDeps: NotifierDeps | undefined;

/** The batch runtime on Lambda, built on first use and kept for the container's life (clients pool sockets). */
export function awsBatchRuntime(): BatchRuntime {
  if (runtime) return runtime;
  const config = readBatchConfig(process.env);
  // Many workers scanning at once can exceed an on-demand table's current peak: throttled requests back off
  // and retry (adaptive client-side rate limiting) instead of failing the segment after three attempts.
  const client = new DynamoDBClient({ maxAttempts: 10, retryMode: 'adaptive' });
  const doc = toDocumentClient(client);
  const repos = createRepositories(doc, config.tableName);
  runtime = {
    ...repos,
    runs: createRunRepository(doc, config.tableName),
    blobs: new S3BlobStore(new S3Client({}), config.snapshotBucket),
    sink: new SqsEventSink(new SQSClient({}), config.newMatchQueueUrl),
    clock: () => new Date(),
    evaluatorFor: createColumnarEvaluator,
    targetRowsPerSegment: config.targetRowsPerSegment,
    pageSize: 1000,
    async estimateRows() {
      const out = await client.send(new DescribeTableCommand({ TableName: config.tableName }));
      return out.Table?.ItemCount ?? 0;
    },
  };
  return runtime;
}

/** The notifier's dependencies on Lambda: the table's notifications, the owners' alert preferences and the outbox. */
export function awsNotifierDeps(): NotifierDeps {
  if (notifierDeps) return notifierDeps;
  const config = readBatchConfig(process.env, { bucket: false, queue: false });
  const doc = toDocumentClient(createDynamoClient());
  const repos = createRepositories(doc, config.tableName);
  notifierDeps = {
    notifications: repos.notifications,
    preferences: repos.alertPreferences,
    outbox: createOutboxRepository(doc, config.tableName),
    clock: () => new Date(),
  };
  return notifierDeps;
}
