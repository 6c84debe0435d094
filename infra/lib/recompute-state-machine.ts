import { Duration } from 'aws-cdk-lib';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import {
  DefinitionBody,
  DistributedMap,
  JitterType,
  JsonPath,
  TaskInput,
  Timeout,
} from 'aws-cdk-lib/aws-stepfunctions';
import { LambdaInvoke } from 'aws-cdk-lib/aws-stepfunctions-tasks';
import type { Construct } from 'constructs';

/** State names: the local execution test overrides the Lambda tasks by these names. */
export const STATE_NAMES = {
  prepare: 'Prepare',
  segments: 'RecomputeSegments',
  worker: 'RecomputeSegment',
  finalize: 'Finalize',
} as const;

/**
 * The error the worker throws when it stopped early (Lambda time budget) after storing its checkpoint; the
 * retry re-invokes it and it resumes from the checkpoint (functions/src/batch/lambda-handlers.ts).
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
 * The recompute run: Prepare (fix the program set, choose N segments) → a Distributed Map over the segment
 * list, one child execution per segment invoking the worker → Finalize (per-program counts, latest snapshot).
 *
 * Every task invokes its Lambda directly (payloadResponseOnly): the state's input is the Lambda's event and
 * its return value the state's result. The execution input (`{ trigger }`, or `{ runId }` / `{ asOf,
 * segments }` for a manual run) goes to Prepare unchanged; Prepare ignores what it does not know.
 *
 * The Map's own output is discarded (Finalize reads the segments' checkpoints from the table instead), so the
 * state payload stays small whatever the number of segments. Tolerated failures let the other segments finish;
 * Finalize then fails the run loudly (IncompleteRunError) and a rerun with the same `runId` resumes only the
 * missing segments.
 */
export function recomputeDefinition(scope: Construct, props: RecomputeDefinitionProps): DefinitionBody {
  const prepare = new LambdaInvoke(scope, STATE_NAMES.prepare, {
    lambdaFunction: props.prepare,
    payloadResponseOnly: true,
    retryOnServiceExceptions: false,
    taskTimeout: Timeout.duration(Duration.minutes(5)),
    comment: 'Fix the open programs and disasters of the run; list the scan segments.',
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

  return DefinitionBody.fromChainable(prepare.next(segments).next(finalize));
}
