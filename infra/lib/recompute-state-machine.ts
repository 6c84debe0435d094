import { Duration, Stack } from 'aws-cdk-lib';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import {
  Choice,
  Condition,
  CustomState,
  DefinitionBody,
  DistributedMap,
  JitterType,
  JsonPath,
  Succeed,
  TaskInput,
  Timeout,
  Wait,
  WaitTime,
} from 'aws-cdk-lib/aws-stepfunctions';
import { LambdaInvoke } from 'aws-cdk-lib/aws-stepfunctions-tasks';
import type { Construct } from 'constructs';

/** State names: the local execution test overrides the Lambda tasks by these names. */
export const STATE_NAMES = {
  queue: 'ListRunning',
  prepare: 'Prepare',
  turn: 'TakeTurn',
  wait: 'WaitForTurn',
  superseded: 'Superseded',
  segments: 'RecomputeSegments',
  worker: 'RecomputeSegment',
  finalize: 'Finalize',
} as const;

/**
 * The error the worker throws when it stopped early (Lambda time budget) after storing its checkpoint; the
 * retry re-invokes it and it resumes from the checkpoint (functions/src/aws/batch-handlers.ts).
 */
export const SEGMENT_INCOMPLETE_ERROR = 'SegmentIncompleteError';

/** The Distributed Map's label: child executions are named `<execution>/<label>:…`. */
export const MAP_LABEL = 'Segments';

/** Lambda service errors worth retrying with backoff (throttling included). */
export const LAMBDA_TRANSIENT_ERRORS = [
  'Lambda.ClientExecutionTimeoutException',
  'Lambda.ServiceException',
  'Lambda.AWSLambdaException',
  'Lambda.SdkClientException',
  'Lambda.TooManyRequestsException',
];

/** How long an execution waiting for an older run waits before it lists the running executions again. */
export const TURN_POLL = Duration.minutes(1);

/** The worker's Lambda timeout; its task waits a little longer so that Lambda's own timeout fires first. */
export const WORKER_TIMEOUT = Duration.minutes(15);

export interface RecomputeDefinitionProps {
  readonly prepare: IFunction;
  readonly worker: IFunction;
  readonly finalize: IFunction;
  /** Distributed Map MaxConcurrency (kept below the worker's reserved concurrency by the caller). */
  readonly maxConcurrency: number;
  readonly toleratedFailurePercentage: number;
}

/**
 * The recompute run: ListRunning (this state machine's running executions) → Prepare, which takes this
 * execution's turn (functions/src/aws/run-turn.ts: one run at a time — wait a minute and list again while an
 * older run is going on, end at once when a newer execution exists) and, when it is this one's, fixes the
 * program set and chooses N segments → a Distributed Map over the segment list, one child execution per
 * segment invoking the worker → Finalize (per-program counts, latest snapshot).
 *
 * Every task invokes its Lambda directly (payloadResponseOnly): its return value is the state's result.
 * Prepare gets the state (the execution input — `{ trigger }`, or `{ runId }` / `{ asOf, segments }` for a
 * manual run — plus the listed executions) as `request` and `$$.Execution` as `self`; it ignores what it does
 * not know. ListRunning uses Step Functions' own SDK integration: no Lambda for a list call.
 *
 * The Map's own output is discarded (Finalize reads the segments' checkpoints from the table instead), so the
 * state payload stays small whatever the number of segments. Tolerated failures let the other segments finish;
 * Finalize then fails the run loudly (IncompleteRunError) and a rerun with the same `runId` resumes only the
 * missing segments.
 */
export function recomputeDefinition(scope: Construct, props: RecomputeDefinitionProps): DefinitionBody {
  // At most 100 listed (newest first, ~300 bytes each): well inside a state's 256 KB payload limit; more than a
  // handful of running executions would already mean something else is wrong.
  const queue = new CustomState(scope, STATE_NAMES.queue, {
    stateJson: {
      Type: 'Task',
      Comment: 'List the running executions of this state machine: one recompute run at a time.',
      Resource: `arn:${Stack.of(scope).partition}:states:::aws-sdk:sfn:listExecutions`,
      Parameters: { 'StateMachineArn.$': '$$.StateMachine.Id', StatusFilter: 'RUNNING', MaxResults: 100 },
      ResultSelector: { 'running.$': '$.Executions' },
      ResultPath: '$.queue',
      Retry: [
        {
          ErrorEquals: ['States.ALL'],
          IntervalSeconds: 2,
          BackoffRate: 2,
          MaxAttempts: 5,
          JitterStrategy: 'FULL',
        },
      ],
    },
  });

  const prepare = new LambdaInvoke(scope, STATE_NAMES.prepare, {
    lambdaFunction: props.prepare,
    payloadResponseOnly: true,
    retryOnServiceExceptions: false,
    payload: TaskInput.fromObject({
      request: JsonPath.entirePayload,
      self: { id: JsonPath.executionId, startTime: JsonPath.executionStartTime },
    }),
    taskTimeout: Timeout.duration(Duration.minutes(5)),
    comment:
      "Take this execution's turn; when it is, fix the open programs and disasters and list the segments.",
  });
  prepare.addRetry({
    errors: LAMBDA_TRANSIENT_ERRORS,
    interval: Duration.seconds(2),
    backoffRate: 2,
    maxAttempts: 4,
    jitterStrategy: JitterType.FULL,
  });

  const worker = new LambdaInvoke(scope, STATE_NAMES.worker, {
    lambdaFunction: props.worker,
    payloadResponseOnly: true,
    retryOnServiceExceptions: false,
    taskTimeout: Timeout.duration(WORKER_TIMEOUT.plus(Duration.minutes(1))),
    comment: 'Recompute one scan segment (idempotent, checkpointed).',
  });
  worker.addRetry({
    errors: [SEGMENT_INCOMPLETE_ERROR],
    interval: Duration.seconds(1),
    backoffRate: 1,
    maxAttempts: 20,
  });
  worker.addRetry({
    errors: LAMBDA_TRANSIENT_ERRORS,
    interval: Duration.seconds(2),
    backoffRate: 2,
    maxDelay: Duration.minutes(1),
    maxAttempts: 6,
    jitterStrategy: JitterType.FULL,
  });
  worker.addRetry({
    errors: ['States.ALL'],
    interval: Duration.seconds(10),
    backoffRate: 2,
    maxAttempts: 3,
    jitterStrategy: JitterType.FULL,
  });

  const segments = new DistributedMap(scope, STATE_NAMES.segments, {
    itemsPath: JsonPath.stringAt('$.segments'),
    maxConcurrency: props.maxConcurrency,
    toleratedFailurePercentage: props.toleratedFailurePercentage,
    resultPath: JsonPath.DISCARD,
    label: MAP_LABEL,
    comment: 'One child execution per scan segment.',
  });
  segments.itemProcessor(worker);

  const finalize = new LambdaInvoke(scope, STATE_NAMES.finalize, {
    lambdaFunction: props.finalize,
    payloadResponseOnly: true,
    retryOnServiceExceptions: false,
    payload: TaskInput.fromObject({ runId: JsonPath.stringAt('$.runId') }),
    taskTimeout: Timeout.duration(Duration.minutes(5)),
    comment: 'Sum the checkpoints into per-program counts; point latest.json at the new snapshot.',
  });
  finalize.addRetry({
    errors: LAMBDA_TRANSIENT_ERRORS,
    interval: Duration.seconds(2),
    backoffRate: 2,
    maxAttempts: 4,
    jitterStrategy: JitterType.FULL,
  });

  const wait = new Wait(scope, STATE_NAMES.wait, {
    time: WaitTime.duration(TURN_POLL),
    comment: 'An older run is going on: ask again in a minute.',
  });
  const turn = new Choice(scope, STATE_NAMES.turn)
    .when(Condition.stringEquals('$.turn', 'wait'), wait.next(queue))
    .when(
      Condition.stringEquals('$.turn', 'superseded'),
      new Succeed(scope, STATE_NAMES.superseded, {
        comment: "A newer execution is waiting: its run covers this one's changes.",
      }),
    )
    .otherwise(segments);
  segments.next(finalize);

  return DefinitionBody.fromChainable(queue.next(prepare).next(turn));
}
