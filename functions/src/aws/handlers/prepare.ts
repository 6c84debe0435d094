import { createPrepareHandler } from '../batch-handlers';
import { awsBatchRuntime } from '../batch-runtime';

/** Step Functions: first state of a recompute run (open programs, segment list). */
export const handler = createPrepareHandler(awsBatchRuntime);
