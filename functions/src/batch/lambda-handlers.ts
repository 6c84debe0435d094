import type { Context } from 'aws-lambda';
import type { FinalizeOutput } from './finalize';
import type { PrepareInput, PrepareOutput } from './prepare';
import { finalizeStep, prepareStep, segmentStep } from './run-steps';
import type { BatchRuntime } from './runtime';
import type { SegmentResult, SegmentTask } from './types';

/** Time kept back at the end of an invocation to finish the page in flight and store its checkpoint. */
export const STOP_MARGIN_MS = 90_000;

/**
 * The worker ran out of time before the end of its segment. Its checkpoint is stored, so the state machine's
 * Retry on this error re-invokes the worker, which resumes where it stopped.
 */
export class SegmentIncompleteError extends Error {
  override readonly name = 'SegmentIncompleteError';
}

export function createPrepareHandler(runtime: () => BatchRuntime) {
  return (event: PrepareInput | undefined): Promise<PrepareOutput> => prepareStep(runtime(), event ?? {});
}

export function createSegmentWorkerHandler(runtime: () => BatchRuntime) {
  return async (
    task: SegmentTask,
    context?: Pick<Context, 'getRemainingTimeInMillis'>,
  ): Promise<SegmentResult> => {
    const result = await segmentStep(runtime(), task, {
      shouldStop: () => (context ? context.getRemainingTimeInMillis() < STOP_MARGIN_MS : false),
    });
    if (!result.done) {
      throw new SegmentIncompleteError(
        `segment ${task.segment}: stopped after ${result.pages} pages, resumable`,
      );
    }
    return result;
  };
}

export function createFinalizeHandler(runtime: () => BatchRuntime) {
  return (event: { runId: string }): Promise<FinalizeOutput> => finalizeStep(runtime(), event);
}
