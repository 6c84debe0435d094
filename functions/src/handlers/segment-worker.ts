import { awsBatchRuntime } from '../batch/aws-runtime';
import { createSegmentWorkerHandler } from '../batch/lambda-handlers';

/** Step Functions Distributed Map item: recompute one scan segment. */
export const handler = createSegmentWorkerHandler(awsBatchRuntime);
