/**
 * The batch Lambdas' metrics contract, shared by the handlers that publish them (batch-handlers.ts,
 * notifier-sqs.ts) and the CDK app that alarms on them (infra/lib/monitoring.ts). Data only: the CDK app
 * imports it without loading Powertools.
 *
 * Metrics go out as CloudWatch embedded metric format (EMF) lines through Powertools Metrics: namespace
 * `POWERTOOLS_METRICS_NAMESPACE` (`Sbiz24/<stage>`, set by infra/lib/batch.ts), one dimension `service` (the
 * function's service name below). The run id and the segment are EMF metadata, not dimensions: they are in
 * the log line (Logs Insights finds them) without making a new custom metric per run. docs/batch.md lists
 * what each metric counts.
 */

/** Powertools service names of the batch functions: the `service` field of their log lines and metrics. */
export const BATCH_SERVICES = {
  prepare: 'recompute-prepare',
  worker: 'recompute-segment',
  finalize: 'recompute-finalize',
  notifier: 'notifier',
} as const;

export const BATCH_METRICS = {
  // prepare
  runsStarted: 'RunsStarted',
  programsSkipped: 'ProgramsSkipped',
  // segment worker, per invocation
  businessesEvaluated: 'BusinessesEvaluated',
  matchSetsChanged: 'MatchSetsChanged',
  matchConflicts: 'MatchConflicts',
  newMatchEvents: 'NewMatchEvents',
  reminderEvents: 'DeadlineReminderEvents',
  segmentDuration: 'SegmentDuration',
  segmentsCompleted: 'SegmentsCompleted',
  segmentsStopped: 'SegmentsStopped',
  segmentsFailed: 'SegmentsFailed',
  // finalize
  runsCompleted: 'RunsCompleted',
  runsIncomplete: 'RunsIncomplete',
  runDuration: 'RunDuration',
  // notifier
  notificationsAdded: 'NotificationsAdded',
  notificationsDuplicate: 'NotificationsDuplicate',
  notificationsSkipped: 'NotificationsSkipped',
  messagesFailed: 'NotifierMessagesFailed',
} as const;

export type BatchMetricName = (typeof BATCH_METRICS)[keyof typeof BATCH_METRICS];
