import { mapLimit } from './map-limit';
import type { PrepareInput } from './prepare';
import { pruneFinishedRuns } from './prune-snapshots';
import { finalizeStep, prepareStep, segmentStep } from './run-steps';
import type { BatchRuntime } from './runtime';

export interface RunAllOptions extends PrepareInput {
  /** Segments worked on at once in this process. @default 2 */
  concurrency?: number;
  /** Called when the run's size is known (the table's business count). */
  onStart?: (info: { runId: string; totalSegments: number; expectedRows: number }) => void;
  /** Called after every page with the rows of that page. */
  onRows?: (rows: number) => void;
  /** Stops after the current pages (checkpoints kept); rerun with the same runId to resume. */
  signal?: AbortSignal;
  /** After a complete run, delete the snapshot blobs of older finished runs (local disk). */
  pruneOlderRuns?: boolean;
}

export interface RunSummary {
  runId: string;
  asOf: string;
  segments: number;
  programs: number;
  rowsScanned: number;
  changed: number;
  conflicts: number;
  newMatches: number;
  reminders: number;
  /** Segments finished (all of them when `complete`). */
  segmentsDone: number;
  /** Open programs left out of the run because their rule does not validate or compile, with the reason. */
  skipped: { programId: string; reason: string }[];
  complete: boolean;
  seconds: number;
}

/**
 * The whole state machine in one process, for local mode: prepare, every segment (a few at a time), finalize.
 * The same step functions the Lambdas run, against whatever runtime it is given.
 */
export async function runAllSegments(rt: BatchRuntime, options: RunAllOptions = {}): Promise<RunSummary> {
  const started = performance.now();
  const prep = await prepareStep(rt, {
    ...(options.runId ? { runId: options.runId } : {}),
    ...(options.asOf ? { asOf: options.asOf } : {}),
    ...(options.segments ? { segments: options.segments } : {}),
  });
  options.onStart?.({
    runId: prep.runId,
    totalSegments: prep.totalSegments,
    expectedRows: await rt.businesses.count(),
  });
  const results = await mapLimit(prep.segments, options.concurrency ?? 2, (task) =>
    segmentStep(rt, task, {
      shouldStop: () => options.signal?.aborted ?? false,
      ...(options.onRows ? { onPage: options.onRows } : {}),
    }),
  );
  const complete = results.every((r) => r.done);
  const base = {
    runId: prep.runId,
    asOf: prep.asOf,
    segments: prep.totalSegments,
    programs: prep.programCount,
    skipped: prep.skipped,
  };
  let totals = results.reduce(
    (t, r) => ({
      scanned: t.scanned + r.counts.scanned,
      changed: t.changed + r.counts.changed,
      conflicts: t.conflicts + r.counts.conflicts,
      newMatches: t.newMatches + r.counts.newMatches,
      reminders: t.reminders + r.counts.reminders,
    }),
    { scanned: 0, changed: 0, conflicts: 0, newMatches: 0, reminders: 0 },
  );
  if (complete) {
    totals = (await finalizeStep(rt, { runId: prep.runId })).totals;
    if (options.pruneOlderRuns) await pruneFinishedRuns(rt.blobs, prep.runId);
  }
  return {
    ...base,
    rowsScanned: totals.scanned,
    changed: totals.changed,
    conflicts: totals.conflicts,
    newMatches: totals.newMatches,
    reminders: totals.reminders,
    complete,
    segmentsDone: results.filter((r) => r.done).length,
    seconds: Math.round((performance.now() - started) / 10) / 100,
  };
}
