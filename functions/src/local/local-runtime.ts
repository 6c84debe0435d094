import { join } from 'node:path';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { createColumnarEvaluator } from '../recompute/columnar-evaluator';
import { DirectNotifierSink } from '../recompute/event-sinks';
import type { BatchRuntime } from '../recompute/runtime';
import { FsBlobStore } from '../services/blob-store';
import { createOutboxRepository } from '../store/outbox-repository';
import { createRepositories } from '../store/repositories';
import { createRunRepository } from '../store/run-repository';

/** Where local mode keeps snapshot parts, manifests and `latest.json`: under the data folder. */
export function localSnapshotDir(dataDir: string): string {
  return join(dataDir, 'snapshots');
}

export interface LocalRuntimeOptions {
  doc: DynamoDBDocumentClient;
  tableName: string;
  dataDir: string;
  clock?: () => Date;
  evaluatorFor?: BatchRuntime['evaluatorFor'];
}

/**
 * The batch runtime of local mode: the local table, snapshots on disk, and the notifier called directly
 * (no queue) with the outbox in the table. `sink.added` counts the notifications a run created.
 */
export function localBatchRuntime(options: LocalRuntimeOptions): BatchRuntime & { sink: DirectNotifierSink } {
  const clock = options.clock ?? (() => new Date());
  const repos = createRepositories(options.doc, options.tableName, { clock });
  const outbox = createOutboxRepository(options.doc, options.tableName);
  return {
    ...repos,
    runs: createRunRepository(options.doc, options.tableName),
    blobs: new FsBlobStore(localSnapshotDir(options.dataDir)),
    outbox,
    sink: new DirectNotifierSink({
      notifications: repos.notifications,
      outbox,
      clock,
      preferences: repos.alertPreferences,
    }),
    clock,
    evaluatorFor: options.evaluatorFor ?? createColumnarEvaluator,
    pageSize: 1000,
  };
}
