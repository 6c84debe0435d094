import { createFinalizeHandler } from '../batch-handlers';
import { awsBatchRuntime } from '../batch-runtime';

/** Step Functions: last state of a recompute run (per-program counts, latest snapshot). */
export const handler = createFinalizeHandler(awsBatchRuntime);
