import { createFinalizeHandler } from '../batch-handlers';
import { BATCH_SERVICES } from '../batch-metrics';
import { awsBatchRuntime } from '../batch-runtime';
import { batchTelemetry } from '../batch-telemetry';

/** Step Functions: last state of a recompute run (per-program counts, latest snapshot). */
export const handler = createFinalizeHandler(
  awsBatchRuntime,
  batchTelemetry({ serviceName: BATCH_SERVICES.finalize }),
);
