import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

import type { Disaster } from '@sbiz24/shared';
import { koreanDate } from '@sbiz24/shared';
import type { Snapshot } from '@sbiz24/shared/columnar/snapshot';

import { type RunSummary, runAllSegments } from '../recompute/run-all';
import { columnarPreviewEngine, decodeSnapshotParts } from '../services/columnar-preview-engine';

import { createPreviewService, type PreviewService } from '../services/preview';
import { LATEST_SNAPSHOT_KEY } from '../services/snapshot-keys';
import { createSnapshotSource } from '../services/snapshot-source';
import type { ProgramChangeEvent } from '../services/types';
import { localBatchRuntime } from './local-runtime';
import { createRecomputeQueue, type RecomputeQueue } from './recompute-queue';

export interface LocalBatchOptions {
  doc: DynamoDBDocumentClient;
  tableName: string;
  dataDir: string;
  clock: () => Date;
  /** The declared disasters for previews (the API's catalog cache). */
  disasters: () => Promise<readonly Disaster[]>;
  log?: Pick<Console, 'log' | 'error'>;
}

export interface LocalBatch {
  /** For createApp's `onProgramChanged`: queues a background recompute. */
  onProgramChanged(event: ProgramChangeEvent): void;
  /** For createApp's `preview`: over the snapshot the local runs write to `<dataDir>/snapshots`. */
  preview: PreviewService;
  queue: RecomputeQueue;
  /** Stops the run in progress after its current pages (checkpoints kept) and waits for it. */
  stop(): Promise<void>;
}

function describe(event: ProgramChangeEvent): string {
  return event.type === 'disaster-declared'
    ? `${event.type} ${event.disasterId}`
    : `${event.type} ${event.programId}`;
}

/**
 * The batch inside the local portal: a publish, close or disaster declaration queues a recompute of every
 * business (one at a time, in the background), and each run ends by writing the snapshot the staff preview
 * reads. On start, a portal without any snapshot yet computes one.
 */
export async function startLocalBatch(options: LocalBatchOptions): Promise<LocalBatch> {
  const log = options.log ?? console;
  const runtime = localBatchRuntime(options);
  const abort = new AbortController();
  const queue = createRecomputeQueue<RunSummary>(
    () =>
      runAllSegments(runtime, {
        signal: abort.signal,
        asOf: koreanDate(options.clock()),
        pruneOlderRuns: true,
      }),
    {
      onDone: (s, reasons) =>
        log.log(
          `재계산 완료 (${reasons.join(', ')}): 사업자 ${s.rowsScanned}곳, 변경 ${s.changed}곳, 새 알림 대상 ${s.newMatches}건, ${s.seconds}초`,
        ),
      onError: (e, reasons) => log.error(`재계산 실패 (${reasons.join(', ')}):`, e),
    },
  );
  const source = createSnapshotSource<Snapshot>(runtime.blobs, decodeSnapshotParts, {
    clock: options.clock,
    checkIntervalMs: 2000,
  });
  const preview = createPreviewService({
    source,
    engine: columnarPreviewEngine,
    disasters: options.disasters,
    clock: options.clock,
    today: () => koreanDate(options.clock()),
  });
  if (!(await runtime.blobs.get(LATEST_SNAPSHOT_KEY))) queue.request({ reason: '첫 스냅샷' });
  return {
    onProgramChanged: (event) => queue.request({ reason: describe(event) }),
    preview,
    queue,
    async stop() {
      abort.abort();
      await queue.idle();
    },
  };
}
