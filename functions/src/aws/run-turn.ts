/**
 * One recompute run at a time on AWS. Every catalog change and the nightly schedule start an execution of the
 * state machine; two overlapping runs would scan the whole table twice and share the worker's reserved
 * concurrency (the second Map's workers throttled). So each execution first lists the running executions
 * (Step Functions `ListExecutions`) and Prepare takes its turn:
 *
 * - a **newer** execution is running → `superseded`: it started later, so its run will see every change
 *   this one was started for; this one ends at once (successfully);
 * - else an **older** one is running → `wait`: the state machine waits a minute and asks again;
 * - else → `run`.
 *
 * Only executions still at this gate ever end or wait: a run past Prepare is never stopped. A burst of
 * changes during a run therefore collapses into one follow-up run (the newest waiter), as the local
 * recompute queue does (recompute-queue.ts).
 */
export type Turn = 'run' | 'wait' | 'superseded';

/** An execution as Step Functions' ListExecutions returns it (its SDK integration writes dates as text). */
export interface RunningExecution {
  executionArn: string;
  startDate: string | number;
}

/** This execution: `$$.Execution.Id` (its ARN) and `$$.Execution.StartTime`. */
export interface ExecutionSelf {
  id: string;
  startTime: string;
}

/** Milliseconds since the epoch of an ISO timestamp or an epoch number (seconds or milliseconds). */
export function toEpochMs(value: string | number): number {
  if (typeof value === 'number') return value < 1e12 ? value * 1000 : value;
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) throw new RangeError(`not a timestamp: ${value}`);
  return ms;
}

/** Orders executions by start time, then by ARN, so that two started in the same millisecond still differ. */
function compareStart(a: { ms: number; arn: string }, b: { ms: number; arn: string }): number {
  return a.ms - b.ms || (a.arn < b.arn ? -1 : a.arn > b.arn ? 1 : 0);
}

export function takeTurn(self: ExecutionSelf, running: readonly RunningExecution[]): Turn {
  const me = { ms: toEpochMs(self.startTime), arn: self.id };
  const others = running
    .filter((e) => e.executionArn !== self.id)
    .map((e) => ({ ms: toEpochMs(e.startDate), arn: e.executionArn }));
  if (others.some((o) => compareStart(o, me) > 0)) return 'superseded';
  if (others.some((o) => compareStart(o, me) < 0)) return 'wait';
  return 'run';
}
