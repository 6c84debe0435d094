import type { BlobStore, MatchEventSink } from '@sbiz24/shared/recompute/types';
import type { BatchRuntime } from '../recompute/runtime';
import { MemoryBlobStore } from '../services/blob-store';
import { createOutboxRepository } from '../store/outbox-repository';
import { createRunRepository } from '../store/run-repository';
import type { TestTable } from './dynalite-harness';

/** A batch runtime over a dynalite test table, with blobs in memory; the caller picks evaluator and sink. */
export function tableRuntime(
  t: TestTable,
  parts: Pick<BatchRuntime, 'evaluatorFor' | 'sink'> & {
    blobs?: BlobStore;
    clock?: () => Date;
    pageSize?: number;
  },
): BatchRuntime {
  return {
    ...t.repos,
    runs: createRunRepository(t.doc, t.tableName),
    outbox: createOutboxRepository(t.doc, t.tableName),
    blobs: parts.blobs ?? new MemoryBlobStore(),
    clock: parts.clock ?? (() => new Date('2025-03-01T00:00:00Z')),
    pageSize: parts.pageSize ?? 7,
    evaluatorFor: parts.evaluatorFor,
    sink: parts.sink satisfies MatchEventSink,
  };
}
