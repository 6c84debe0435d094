import { createSegmentWorkerHandler } from '../batch-handlers';
import { awsBatchRuntime } from '../batch-runtime';

/** Step Functions Distributed Map item: recompute one scan segment. */
export const handler = createSegmentWorkerHandler(awsBatchRuntime);
