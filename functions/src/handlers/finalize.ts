import { awsBatchRuntime } from '../batch/aws-runtime';
import { createFinalizeHandler } from '../batch/lambda-handlers';

/** Step Functions: last state of a recompute run (per-program counts, latest snapshot). */
export const handler = createFinalizeHandler(awsBatchRuntime);
