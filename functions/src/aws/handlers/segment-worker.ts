import { createSegmentWorkerHandler } from '../batch-handlers';
import { BATCH_SERVICES } from '../batch-metrics';
import { awsBatchRuntime } from '../batch-runtime';
import { batchTelemetry } from '../batch-telemetry';

/** Step Functions Distributed Map item: recompute one scan segment. */
export const handler = createSegmentWorkerHandler(
  awsBatchRuntime,
  batchTelemetry({ serviceName: BATCH_SERVICES.worker }),
);
