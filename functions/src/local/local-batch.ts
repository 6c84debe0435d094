import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

import type { Disaster } from '@sbiz24/shared';
import { koreanDate } from '@sbiz24/shared';
import type { Snapshot } from '@sbiz24/shared/columnar/snapshot';

import { findUnfinishedRun, type ResumableRunSummary, runResumable } from '../recompute/resumable-run';
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

/** How far an interrupted run got, for the log. */
export function progressText(s: ResumableRunSummary): string {
  return `구간 ${s.segmentsDone}/${s.segments}개 완료, 사업자 ${s.rowsScanned.toLocaleString('ko-KR')}곳 처리 (실행 ${s.runId})`;
}

function describe(event: ProgramChangeEvent): string {
  return event.type === 'disaster-declared' || event.type === 'damage-imported'
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
  const queue: RecomputeQueue = createRecomputeQueue<ResumableRunSummary>(
    // Each call first finishes a run an earlier process left unfinished (killed, or stopped with Ctrl-C).
    () =>
      runResumable(runtime, {
        signal: abort.signal,
        asOf: koreanDate(options.clock()),
        pruneOlderRuns: true,
      }),
    {
      onDone: (s, reasons) => {
        for (const p of s.skipped) log.error(`재계산에서 제외한 사업 ${p.programId}: ${p.reason}`);
        if (!s.complete) {
          log.log(`재계산 중단됨 (${reasons.join(', ')}): ${progressText(s)}. 다음 시작 때 이어서 합니다.`);
          return;
        }
        log.log(
          `재계산 완료 (${reasons.join(', ')}${s.resumed ? ', 중단된 실행 이어서' : ''}): 사업자 ${s.rowsScanned}곳, 변경 ${s.changed}곳, 새 알림 대상 ${s.newMatches}건, ${s.seconds}초`,
        );
        // A resumed run evaluated the date it started on; today's state needs a run of its own.
        if (s.resumed && s.asOf !== koreanDate(options.clock()))
          queue.request({ reason: '오늘 날짜로 다시' });
      },
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
  if (await findUnfinishedRun(runtime.blobs)) queue.request({ reason: '중단된 재계산 이어서' });
  else if (!(await runtime.blobs.get(LATEST_SNAPSHOT_KEY))) queue.request({ reason: '첫 스냅샷' });
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
