import type { SegmentResult, SegmentTask } from '@sbiz24/shared/recompute/types';
import type { Context } from 'aws-lambda';
import type { FinalizeOutput } from '../recompute/finalize';
import type { PrepareInput, PrepareOutput } from '../recompute/prepare';
import { finalizeStep, prepareStep, segmentStep } from '../recompute/run-steps';
import type { BatchRuntime } from '../recompute/runtime';
import { type ExecutionSelf, type RunningExecution, type Turn, takeTurn } from './run-turn';

/** Time kept back at the end of an invocation to finish the page in flight and store its checkpoint. */
export const STOP_MARGIN_MS = 90_000;

/**
 * The worker ran out of time before the end of its segment. Its checkpoint is stored, so the state machine's
 * Retry on this error re-invokes the worker, which resumes where it stopped.
 */
export class SegmentIncompleteError extends Error {
  override readonly name = 'SegmentIncompleteError';
}

/**
 * What the state machine hands Prepare: its state (the execution input — `{ trigger }`, or `{ runId }` /
 * `{ asOf, segments }` by hand — with the running executions the ListRunning state listed, and the previous turn
 * after a wait) and who this execution is (`$$.Execution`).
 */
export interface PrepareEvent {
  request: PrepareInput & {
    trigger?: string;
    turn?: Turn;
    queue?: { running?: RunningExecution[] };
  };
  self: ExecutionSelf;
}

/** Prepare's answer: the run (`turn: 'run'`), or the state back unchanged with `wait` / `superseded`. */
export type PrepareTurn =
  | (PrepareOutput & { turn: 'run' })
  | (Omit<PrepareEvent['request'], 'queue'> & { turn: 'wait' | 'superseded' });

/** Takes this execution's turn (run-turn.ts) and, when it is this one's, prepares the run. */
export function createPrepareHandler(runtime: () => BatchRuntime) {
  return async (event: PrepareEvent): Promise<PrepareTurn> => {
    const { queue, turn: _previous, ...request } = event.request;
    const turn = takeTurn(event.self, queue?.running ?? []);
    if (turn !== 'run') return { ...request, turn };
    return { ...(await prepareStep(runtime(), request)), turn };
  };
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
