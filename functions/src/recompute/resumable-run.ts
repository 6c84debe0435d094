import type { BlobStore } from '@sbiz24/shared/recompute/types';
import { PENDING_RUNS_PREFIX, pendingRunKey } from '../services/snapshot-keys';
import { type RunAllOptions, type RunSummary, runAllSegments } from './run-all';
import { newRunId } from './run-id';
import type { BatchRuntime } from './runtime';

/**
 * A run started by this process and not finished yet: `pending-runs/<runId>.json` beside the snapshots. Written
 * before prepare and deleted after finalize, so a run whose process died (kill -9, a crash, Ctrl-C) leaves it
 * behind and the next start finds it.
 */
export interface PendingRun {
  runId: string;
  /** The process working on it; a live other process means the run is not abandoned. */
  pid: number;
  asOf?: string;
  segments?: number;
  startedAt: string;
}

export interface ResumableRunOptions extends RunAllOptions {
  /** Is the process alive? @default a signal-0 probe */
  isAlive?: (pid: number) => boolean;
}

export interface ResumableRunSummary extends RunSummary {
  /** True when this call finished a run that an earlier, interrupted process started. */
  resumed: boolean;
}

function isAliveProbe(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

const encode = (v: unknown) => new TextEncoder().encode(JSON.stringify(v));

/**
 * The oldest run left unfinished by a process that is gone (or by this very process, stopped earlier), if any.
 * A run another live process is working on is not abandoned and is left alone.
 */
export async function findUnfinishedRun(
  blobs: BlobStore,
  isAlive: (pid: number) => boolean = isAliveProbe,
): Promise<PendingRun | undefined> {
  for (const key of await blobs.list(PENDING_RUNS_PREFIX)) {
    const bytes = await blobs.get(key);
    if (!bytes) continue;
    let pending: PendingRun;
    try {
      pending = JSON.parse(new TextDecoder().decode(bytes)) as PendingRun;
    } catch {
      continue; // half a file cannot happen (writes are renamed into place); anything else is not ours
    }
    if (typeof pending.runId !== 'string' || typeof pending.pid !== 'number') continue;
    if (pending.pid === process.pid || !isAlive(pending.pid)) return pending;
  }
  return undefined;
}

/**
 * A whole run that survives its process: without a `runId` it first finishes a run an interrupted process left
 * (same run id, same date and program versions, resumed from the segments' checkpoints), else starts a new one.
 * The pending marker is kept until finalize has written the snapshot, so that a kill at any point is resumed by
 * the next call; a segment's writes are idempotent, so the pages redone after a kill change nothing twice.
 */
export async function runResumable(
  rt: BatchRuntime,
  options: ResumableRunOptions = {},
): Promise<ResumableRunSummary> {
  const unfinished = options.runId ? undefined : await findUnfinishedRun(rt.blobs, options.isAlive);
  const runId = options.runId ?? unfinished?.runId ?? newRunId(rt.clock());
  const asOf = unfinished ? unfinished.asOf : options.asOf;
  const segments = unfinished ? unfinished.segments : options.segments;
  const pending: PendingRun = {
    runId,
    pid: process.pid,
    ...(asOf ? { asOf } : {}),
    ...(segments ? { segments } : {}),
    startedAt: rt.clock().toISOString(),
  };
  await rt.blobs.put(pendingRunKey(runId), encode(pending));
  const summary = await runAllSegments(rt, {
    ...options,
    runId,
    ...(asOf ? { asOf } : {}),
    ...(segments ? { segments } : {}),
  });
  if (summary.complete) await rt.blobs.delete(pendingRunKey(runId));
  return { ...summary, resumed: unfinished !== undefined };
}
