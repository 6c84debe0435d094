import {
  addCounts,
  emptyCounts,
  type SegmentCounts,
  type SegmentResult,
  type SegmentTask,
} from '@sbiz24/shared/recompute/types';
import type { Context } from 'aws-lambda';
import { type FinalizeOutput, IncompleteRunError } from '../recompute/finalize';
import type { PrepareInput, PrepareOutput } from '../recompute/prepare';
import { finalizeStep, prepareStep, segmentStep } from '../recompute/run-steps';
import type { BatchRuntime } from '../recompute/runtime';
import { BATCH_METRICS as M } from './batch-metrics';
import { type BatchTelemetry, publishMetrics } from './batch-telemetry';
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

/** What the handlers read of Lambda's context: the remaining time (the worker) and the request id (logs). */
export type BatchContext = Partial<Pick<Context, 'getRemainingTimeInMillis' | 'awsRequestId'>>;

/** The Lambda request id as a log key, so that a line can be matched with Lambda's own REPORT line. */
function requestKeys(context: BatchContext | undefined): { requestId?: string } {
  return context?.awsRequestId ? { requestId: context.awsRequestId } : {};
}

/** The execution's name (the last part of its ARN): which Step Functions execution a Prepare line is about. */
function executionName(arn: string): string {
  return arn.slice(arn.lastIndexOf(':') + 1);
}

const elapsedMs = (since: number) => Math.round(performance.now() - since);

/**
 * Takes this execution's turn (run-turn.ts) and, when it is this one's, prepares the run. Logs the turn, the
 * run prepared (or resumed) and the programs skipped for a broken rule; counts new runs and skipped programs.
 */
export function createPrepareHandler(runtime: () => BatchRuntime, telemetry: BatchTelemetry) {
  return async (event: PrepareEvent, context?: BatchContext): Promise<PrepareTurn> => {
    const { queue, turn: _previous, ...request } = event.request;
    const log = telemetry.logger.createChild({
      persistentKeys: {
        execution: executionName(event.self.id),
        ...(request.trigger ? { trigger: request.trigger } : {}),
        ...(request.runId ? { runId: request.runId } : {}),
        ...requestKeys(context),
      },
    });
    try {
      const running = queue?.running ?? [];
      const turn = takeTurn(event.self, running);
      if (turn !== 'run') {
        log.info(
          turn === 'wait'
            ? 'an older run is going on: this execution waits for its turn'
            : 'a newer execution is waiting: this one ends, the newer run covers its changes',
          { turn, running: running.length },
        );
        return { ...request, turn };
      }
      const prepared = await prepareStep(runtime(), request);
      const runLog = log.createChild({ persistentKeys: { runId: prepared.runId } });
      runLog.info(prepared.resumed ? 'run resumed' : 'run prepared', {
        asOf: prepared.asOf,
        totalSegments: prepared.totalSegments,
        programs: prepared.programCount,
        skippedPrograms: prepared.skipped.length,
        resumed: prepared.resumed,
      });
      if (prepared.skipped.length > 0) {
        runLog.warn('programs left out of the run: their rule does not validate or compile', {
          skipped: prepared.skipped,
        });
      }
      publishMetrics(telemetry.metrics, { runId: prepared.runId }, [
        [M.runsStarted, 'Count', prepared.resumed ? 0 : 1],
        [M.programsSkipped, 'Count', prepared.skipped.length],
      ]);
      return { ...prepared, turn };
    } catch (error) {
      log.error('prepare failed', { error });
      throw error;
    }
  };
}

/**
 * Recomputes one segment. Every line carries the run id and the segment; one line and one EMF record per
 * invocation with what *this* invocation did (a resumed segment's result counts all its invocations), and
 * the error, logged before it reaches the state machine, when the segment fails.
 */
export function createSegmentWorkerHandler(runtime: () => BatchRuntime, telemetry: BatchTelemetry) {
  return async (task: SegmentTask, context?: BatchContext): Promise<SegmentResult> => {
    const log = telemetry.logger.createChild({
      persistentKeys: {
        runId: task.runId,
        segment: task.segment,
        totalSegments: task.totalSegments,
        ...requestKeys(context),
      },
    });
    const started = performance.now();
    let did = emptyCounts();
    let pages = 0;
    const publish = (outcome: 'completed' | 'stopped' | 'failed') =>
      publishSegmentMetrics(telemetry, task, did, elapsedMs(started), outcome);

    let result: SegmentResult;
    try {
      result = await segmentStep(runtime(), task, {
        shouldStop: () =>
          context?.getRemainingTimeInMillis ? context.getRemainingTimeInMillis() < STOP_MARGIN_MS : false,
        onPage: (_rows, counts) => {
          did = addCounts(did, counts);
          pages += 1;
          log.debug('page done', { page: pages, ...counts });
        },
      });
    } catch (error) {
      log.error('segment failed; the state machine retries it, or finalize reports it missing', {
        error,
        pagesThisInvocation: pages,
        durationMs: elapsedMs(started),
        ...did,
      });
      publish('failed');
      throw error;
    }
    const summary = {
      pagesThisInvocation: pages,
      pages: result.pages,
      durationMs: elapsedMs(started),
      ...did,
    };
    if (!result.done) {
      log.info('segment stopped before the Lambda time limit; the retry resumes it', summary);
      publish('stopped');
      throw new SegmentIncompleteError(
        `segment ${task.segment}: stopped after ${result.pages} pages, resumable`,
      );
    }
    log.info('segment done', summary);
    publish('completed');
    return result;
  };
}

function publishSegmentMetrics(
  telemetry: BatchTelemetry,
  task: SegmentTask,
  did: SegmentCounts,
  durationMs: number,
  outcome: 'completed' | 'stopped' | 'failed',
): void {
  publishMetrics(telemetry.metrics, { runId: task.runId, segment: task.segment }, [
    [M.businessesEvaluated, 'Count', did.scanned],
    [M.matchSetsChanged, 'Count', did.changed],
    [M.matchConflicts, 'Count', did.conflicts],
    [M.newMatchEvents, 'Count', did.newMatches],
    [M.reminderEvents, 'Count', did.reminders],
    [M.segmentDuration, 'Milliseconds', durationMs],
    [M.segmentsCompleted, 'Count', outcome === 'completed' ? 1 : 0],
    [M.segmentsStopped, 'Count', outcome === 'stopped' ? 1 : 0],
    [M.segmentsFailed, 'Count', outcome === 'failed' ? 1 : 0],
  ]);
}

/**
 * Sums the run. Logs the totals and the run's duration, or — for a run with segments not done — the missing
 * segments and the error before it fails the execution; counts complete and incomplete runs.
 */
export function createFinalizeHandler(runtime: () => BatchRuntime, telemetry: BatchTelemetry) {
  return async (event: { runId: string }, context?: BatchContext): Promise<FinalizeOutput> => {
    const log = telemetry.logger.createChild({
      persistentKeys: { runId: event.runId, ...requestKeys(context) },
    });
    let out: FinalizeOutput;
    try {
      out = await finalizeStep(runtime(), event);
    } catch (error) {
      if (error instanceof IncompleteRunError) {
        log.error(
          'run incomplete: the previous snapshot and counts stay; rerun the execution with this runId',
          {
            error,
            missingSegments: error.missingSegments.length,
            firstMissing: error.missingSegments.slice(0, 20),
          },
        );
        publishMetrics(telemetry.metrics, { runId: event.runId }, [[M.runsIncomplete, 'Count', 1]]);
      } else {
        log.error('finalize failed', { error });
      }
      throw error;
    }
    const durationSeconds = (Date.parse(out.finishedAt) - Date.parse(out.startedAt)) / 1000;
    log.info('run finalized', {
      ...out.totals,
      programs: Object.keys(out.programCounts).length,
      snapshotKey: out.snapshotKey,
      durationSeconds,
    });
    publishMetrics(telemetry.metrics, { runId: out.runId }, [
      [M.runsCompleted, 'Count', 1],
      [M.runDuration, 'Seconds', durationSeconds],
    ]);
    return out;
  };
}
