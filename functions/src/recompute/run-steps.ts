import type { SegmentResult, SegmentTask } from '@sbiz24/shared/recompute/types';
import { type FinalizeOutput, finalizeRun } from './finalize';
import { type PrepareInput, type PrepareOutput, prepareRun } from './prepare';
import { loadRunInputs } from './run-programs';
import type { BatchRuntime } from './runtime';
import { runSegment, type SegmentRunOptions } from './segment-worker';

/** The three steps of a run wired to a runtime: what the Lambda handlers and the local runner call. */
export function prepareStep(rt: BatchRuntime, input: PrepareInput = {}): Promise<PrepareOutput> {
  return prepareRun(
    {
      ...rt,
      compile: (program, context) => void rt.evaluatorFor([program], context),
      ...(rt.targetRowsPerSegment ? { targetRowsPerSegment: rt.targetRowsPerSegment } : {}),
    },
    input,
  );
}

export async function segmentStep(
  rt: BatchRuntime,
  task: SegmentTask,
  options: SegmentRunOptions = {},
): Promise<SegmentResult> {
  const manifest = await rt.runs.getRun(task.runId);
  if (!manifest) throw new Error(`run ${task.runId} was not prepared`);
  const { programs, disasters } = await loadRunInputs(rt, manifest);
  const evaluator = rt.evaluatorFor(programs, { asOf: manifest.asOf, disasters });
  return runSegment(
    { ...rt, ...(rt.pageSize ? { pageSize: rt.pageSize } : {}) },
    { ...task, asOf: manifest.asOf, totalSegments: manifest.totalSegments },
    { programs, evaluator },
    options,
  );
}

export function finalizeStep(rt: BatchRuntime, input: { runId: string }): Promise<FinalizeOutput> {
  return finalizeRun(rt, input);
}
