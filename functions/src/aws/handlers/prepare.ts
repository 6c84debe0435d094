import { createPrepareHandler } from '../batch-handlers';
import { BATCH_SERVICES } from '../batch-metrics';
import { awsBatchRuntime } from '../batch-runtime';
import { batchTelemetry } from '../batch-telemetry';

/** Step Functions: first state of a recompute run (open programs, segment list). */
export const handler = createPrepareHandler(
  awsBatchRuntime,
  batchTelemetry({ serviceName: BATCH_SERVICES.prepare }),
);
