import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import type { BatchMetricName } from './batch-metrics';

/** What a batch handler logs and measures with: Powertools' logger and metrics, made once per container. */
export interface BatchTelemetry {
  logger: Logger;
  metrics: Metrics;
}

export interface BatchTelemetryOptions {
  /** Powertools service name: the `service` of every log line and the metrics' `service` dimension. */
  serviceName: string;
  /** @default POWERTOOLS_METRICS_NAMESPACE */
  namespace?: string;
  /** @default POWERTOOLS_LOG_LEVEL, else INFO */
  level?: string;
}

// 123-45-67890 or 1234567890, not inside a longer number (a timestamp or a count stays as it is).
const BUSINESS_NUMBER = /(?<![0-9])[0-9]{3}-?[0-9]{2}-?[0-9]{5}(?![0-9])/g;

/** Masks anything shaped like a business number. */
export function redactBusinessNumbers(text: string): string {
  return text.replace(BUSINESS_NUMBER, '[redacted]');
}

/**
 * The handlers log counts and the ids of runs, segments and programs only. Error texts come from below
 * (a store, the SDK, a parser) and are not ours to vet, so every string of a line — the error's message and
 * stack included — is masked for business numbers on the way out.
 */
function redactingReplacer(_key: string, value: unknown): unknown {
  return typeof value === 'string' ? redactBusinessNumbers(value) : value;
}

/** The logger and metrics of one batch function. On Lambda the rest comes from the Powertools environment. */
export function batchTelemetry({ serviceName, namespace, level }: BatchTelemetryOptions): BatchTelemetry {
  return {
    logger: new Logger({
      serviceName,
      jsonReplacerFn: redactingReplacer,
      ...(level ? { logLevel: level.toUpperCase() as 'INFO' } : {}),
    }),
    metrics: new Metrics({ serviceName, ...(namespace ? { namespace } : {}) }),
  };
}

export type MetricValue = readonly [
  name: BatchMetricName,
  unit: 'Count' | 'Milliseconds' | 'Seconds',
  value: number,
];

const UNITS = {
  Count: MetricUnit.Count,
  Milliseconds: MetricUnit.Milliseconds,
  Seconds: MetricUnit.Seconds,
} as const;

/**
 * Publishes one EMF line with these values and metadata (run id, segment: searchable, not dimensions).
 * Synchronous from the first add to the flush, so two invocations sharing the container's Metrics (a local
 * run of the state machine) never mix their values.
 */
export function publishMetrics(
  metrics: Metrics,
  metadata: Record<string, string | number>,
  values: readonly MetricValue[],
): void {
  if (values.length === 0) return;
  for (const [key, value] of Object.entries(metadata)) metrics.addMetadata(key, String(value));
  for (const [name, unit, value] of values) metrics.addMetric(name, UNITS[unit], value);
  metrics.publishStoredMetrics();
}
