import { awsBatchRuntime } from '../batch/aws-runtime';
import { createPrepareHandler } from '../batch/lambda-handlers';

/** Step Functions: first state of a recompute run (open programs, segment list). */
export const handler = createPrepareHandler(awsBatchRuntime);
