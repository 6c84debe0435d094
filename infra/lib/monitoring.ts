import { BATCH_METRICS } from '@sbiz24/functions/aws/batch-metrics';
import { CATALOG_EVENT_FAILED_MESSAGE } from '@sbiz24/functions/services/catalog-events';
import { Duration } from 'aws-cdk-lib';
import {
  Alarm,
  ComparisonOperator,
  Dashboard,
  GraphWidget,
  type IMetric,
  Metric,
  SingleValueWidget,
  TextWidget,
  TreatMissingData,
} from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import { ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Key } from 'aws-cdk-lib/aws-kms';
import { FilterPattern, MetricFilter } from 'aws-cdk-lib/aws-logs';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import { Construct } from 'constructs';
import type { Alerts } from './alerts.js';
import type { Api } from './api.js';
import type { Batch } from './batch.js';
import type { PortalFunction } from './portal-function.js';
import type { StageConfig } from './stage.js';

export interface MonitoringProps {
  readonly stage: StageConfig;
  readonly api: Api;
  readonly batch: Batch;
  readonly alerts: Alerts;
  /** Subscribed to the alarm topic when given. */
  readonly alarmEmail?: string;
}

const FIVE_MINUTES = Duration.minutes(5);

/**
 * Alarms (API 5xx and p99 latency, every function's errors and throttles, failed recompute runs and segments,
 * messages in the dead-letter queue, catalog changes whose event was not put) on an encrypted SNS topic, and
 * one dashboard with the same metrics and the batch's own (businesses evaluated, match sets changed, events,
 * notifications).
 */
export class Monitoring extends Construct {
  readonly topic: Topic;
  readonly alarms: Alarm[] = [];
  readonly dashboard: Dashboard;

  constructor(scope: Construct, id: string, props: MonitoringProps) {
    super(scope, id);
    const { stage, api, batch, alerts } = props;

    // CloudWatch cannot publish to a topic encrypted with the AWS managed SNS key: a customer key it may use.
    const key = new Key(this, 'AlarmTopicKey', {
      description: 'sbiz24 alarm topic encryption',
      enableKeyRotation: true,
      removalPolicy: stage.removalPolicy,
    });
    key.grant(new ServicePrincipal('cloudwatch.amazonaws.com'), 'kms:Decrypt', 'kms:GenerateDataKey');
    this.topic = new Topic(this, 'AlarmTopic', {
      displayName: `sbiz24 ${stage.name} alarms`,
      masterKey: key,
      enforceSSL: true,
    });
    if (props.alarmEmail) this.topic.addSubscription(new EmailSubscription(props.alarmEmail));
    const action = new SnsAction(this.topic);

    const alarm = (id: string, metric: IMetric, threshold: number, description: string, periods = 1) => {
      const a = new Alarm(this, id, {
        metric,
        threshold,
        evaluationPeriods: periods,
        datapointsToAlarm: periods,
        comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        treatMissingData: TreatMissingData.NOT_BREACHING,
        alarmDescription: description,
      });
      a.addAlarmAction(action);
      a.addOkAction(action);
      this.alarms.push(a);
      return a;
    };

    const api5xx = api.httpApi.metricServerError({ period: FIVE_MINUTES, statistic: 'Sum' });
    const apiP99 = api.httpApi.metricLatency({ period: FIVE_MINUTES, statistic: 'p99' });
    alarm('Api5xx', api5xx, stage.alarms.api5xxPerFiveMinutes, 'API answered with 5xx errors.');
    alarm('ApiLatencyP99', apiP99, stage.alarms.apiP99LatencyMs, 'API p99 latency is high.', 3);

    const functions: [string, PortalFunction][] = [
      ['Api', api.fn],
      ['Prepare', batch.prepareFn],
      ['SegmentWorker', batch.workerFn],
      ['Finalize', batch.finalizeFn],
      ['Notifier', batch.notifierFn],
      ['ApiApplications', api.applicationsFn],
      ['ApiAlerts', api.alertsFn],
      ['AlertsSender', alerts.senderFn],
      ['AlertsDispatch', alerts.dispatchFn],
    ];
    for (const [name, fn] of functions) {
      alarm(
        `${name}Errors`,
        fn.metricErrors({ period: FIVE_MINUTES, statistic: 'Sum' }),
        stage.alarms.lambdaErrorsPerFiveMinutes,
        `${name} function errors.`,
      );
      alarm(
        `${name}Throttles`,
        fn.metricThrottles({ period: FIVE_MINUTES, statistic: 'Sum' }),
        1,
        `${name} throttled.`,
      );
    }

    const failedRuns = batch.stateMachine.metricFailed({ period: FIVE_MINUTES, statistic: 'Sum' });
    const timedOutRuns = batch.stateMachine.metricTimedOut({ period: FIVE_MINUTES, statistic: 'Sum' });
    alarm(
      'RecomputeFailed',
      failedRuns,
      1,
      'A recompute run failed (see the execution; rerun with its runId).',
    );
    alarm('RecomputeTimedOut', timedOutRuns, 1, 'A recompute run timed out.');

    // The worker's Lambda Errors also count SegmentIncompleteError, its normal "out of time, resume me" stop;
    // the worker's own count of failed invocations leaves those out, so one real failure is enough to tell.
    const failedSegments = batch.metric('worker', BATCH_METRICS.segmentsFailed);
    alarm(
      'RecomputeSegmentsFailed',
      failedSegments,
      1,
      'A recompute segment failed with an error (retried by the state machine; search the worker log for ' +
        '"segment failed" and the runId).',
    );

    const dlqDepth = batch.deadLetterQueue.metricApproximateNumberOfMessagesVisible({
      period: FIVE_MINUTES,
      statistic: 'Maximum',
    });
    alarm('NewMatchDlqDepth', dlqDepth, 1, 'New-match events landed in the dead-letter queue.');

    const outboxDlqDepth = alerts.deadLetterQueue.metricApproximateNumberOfMessagesVisible({
      period: FIVE_MINUTES,
      statistic: 'Maximum',
    });
    alarm(
      'AlertsDlqDepth',
      outboxDlqDepth,
      1,
      'Outbox messages landed in the alerts dead-letter queue: the sender failed on them 5 times (table or ' +
        'code error, not a channel refusal). Redrive after the fix; the claim keeps a resend from duplicating.',
    );
    const parked = new Metric({
      namespace: alerts.metricsNamespace,
      metricName: 'AlertsParked',
      period: FIVE_MINUTES,
      statistic: 'Sum',
    });
    alarm(
      'AlertsParked',
      parked,
      stage.alarms.lambdaErrorsPerFiveMinutes,
      'Alert messages were parked (given up: a channel refused them, 5 failed attempts, or an interrupted ' +
        'send). Outbox.listParked lists them with the reason.',
    );

    // A catalog change the API stored but could not put on the bus started no recompute: the request
    // succeeded, so only the API's log tells (functions/src/http/app.ts).
    const eventNotPut = new MetricFilter(this, 'CatalogEventNotPutFilter', {
      logGroup: api.fn.logGroup,
      filterPattern: FilterPattern.stringValue('$.message', '=', CATALOG_EVENT_FAILED_MESSAGE),
      metricNamespace: `Sbiz24/${stage.name}`,
      metricName: 'CatalogEventNotPut',
      metricValue: '1',
    }).metric({ period: FIVE_MINUTES, statistic: 'Sum' });
    alarm(
      'CatalogEventNotPut',
      eventNotPut,
      1,
      'A catalog change was stored but its EventBridge event was not put: no recompute started. ' +
        'Start one by hand (docs/deploy.md) or let the nightly run pick it up.',
    );

    this.dashboard = new Dashboard(this, 'Dashboard', {
      defaultInterval: Duration.hours(24),
      widgets: [
        [new TextWidget({ markdown: `# 소상공인24 (${stage.name})`, width: 24, height: 1 })],
        [
          new GraphWidget({
            title: 'API requests / 5xx',
            left: [api.httpApi.metricCount(), api5xx],
            width: 12,
          }),
          new GraphWidget({ title: 'API latency p99 (ms)', left: [apiP99], width: 12 }),
        ],
        [
          new GraphWidget({
            title: 'Lambda errors',
            left: functions.map(([, fn]) => fn.metricErrors({ period: FIVE_MINUTES })),
            width: 12,
          }),
          new GraphWidget({
            title: 'Lambda throttles / worker concurrency',
            left: functions.map(([, fn]) => fn.metricThrottles({ period: FIVE_MINUTES })),
            right: [
              batch.workerFn.metric('ConcurrentExecutions', { statistic: 'Maximum', period: FIVE_MINUTES }),
            ],
            width: 12,
          }),
        ],
        [
          new GraphWidget({
            title: 'Recompute runs / catalog events not put',
            left: [batch.stateMachine.metricSucceeded({ period: FIVE_MINUTES }), failedRuns, timedOutRuns],
            right: [eventNotPut],
            width: 12,
          }),
          new SingleValueWidget({ title: 'New-match DLQ depth', metrics: [dlqDepth], width: 6 }),
          new SingleValueWidget({
            title: 'New-match queue depth',
            metrics: [batch.queue.metricApproximateNumberOfMessagesVisible({ period: FIVE_MINUTES })],
            width: 6,
          }),
        ],
        [
          new GraphWidget({
            title: 'Recompute: businesses evaluated, match sets changed / events',
            left: [
              batch.metric('worker', BATCH_METRICS.businessesEvaluated),
              batch.metric('worker', BATCH_METRICS.matchSetsChanged),
            ],
            right: [
              batch.metric('worker', BATCH_METRICS.newMatchEvents),
              batch.metric('worker', BATCH_METRICS.reminderEvents),
              batch.metric('notifier', BATCH_METRICS.notificationsAdded),
            ],
            width: 12,
          }),
          new GraphWidget({
            title: 'Recompute segments: completed, stopped, failed / duration p90 (ms)',
            left: [
              batch.metric('worker', BATCH_METRICS.segmentsCompleted),
              batch.metric('worker', BATCH_METRICS.segmentsStopped),
              failedSegments,
            ],
            right: [batch.metric('worker', BATCH_METRICS.segmentDuration, { statistic: 'p90' })],
            width: 12,
          }),
        ],
      ],
    });
  }
}
