import { BATCH_METRICS, BATCH_SERVICES } from '@sbiz24/functions/aws/batch-metrics';
import { CATALOG_EVENT_FAILED_MESSAGE } from '@sbiz24/functions/services/catalog-events';
import { Match } from 'aws-cdk-lib/assertions';
import { expect, it } from 'vitest';
import type { Synthesized } from '../synth.js';
import { functionEnvironment, functionId } from '../template-query.js';

type Props = Record<string, unknown>;

/** The alarms of a synth, by logical id, with their properties. */
function alarms(synth: Synthesized): [string, Props][] {
  return Object.entries(synth.template.findResources('AWS::CloudWatch::Alarm')).map(([id, r]) => [
    id,
    r.Properties as Props,
  ]);
}

/** The alarm on `metricName` (and, when given, the dimension `name` referring to `ref`). */
function alarmOn(synth: Synthesized, metricName: string, dimension?: { name: string; ref: string }): Props {
  const found = alarms(synth).filter(([, p]) => {
    if (p.MetricName !== metricName) return false;
    if (!dimension) return true;
    return JSON.stringify(p.Dimensions ?? []).includes(dimension.ref);
  });
  expect(found, `alarm on ${metricName} ${dimension?.ref ?? ''}`).toHaveLength(1);
  return found[0]![1];
}

/** Alarms on the API, every function, the recompute runs, the dead-letter queue and unsent catalog events. */
export function monitoringSuite(dev: () => Synthesized, prod: () => Synthesized): void {
  it('alarms on API 5xx and p99 latency, each Lambda’s errors and throttles, failed runs and DLQ depth', () => {
    const synth = dev();
    expect(alarmOn(synth, '5xx')).toMatchObject({ Namespace: 'AWS/ApiGateway', Statistic: 'Sum' });
    expect(alarmOn(synth, 'Latency')).toMatchObject({
      Namespace: 'AWS/ApiGateway',
      ExtendedStatistic: 'p99',
    });
    for (const path of [
      'Api/Handler',
      'Batch/Prepare',
      'Batch/SegmentWorker',
      'Batch/Finalize',
      'Batch/Notifier',
      'Api/ApplicationsHandler',
      'Api/AlertsHandler',
      'Alerts/Sender',
      'Alerts/Dispatch',
    ]) {
      const fn = functionId(synth, path);
      for (const metric of ['Errors', 'Throttles'])
        expect(alarmOn(synth, metric, { name: 'FunctionName', ref: fn })).toMatchObject({
          Namespace: 'AWS/Lambda',
        });
    }
    expect(alarmOn(synth, 'ExecutionsFailed')).toMatchObject({ Namespace: 'AWS/States', Threshold: 1 });
    expect(alarmOn(synth, 'ExecutionsTimedOut')).toMatchObject({ Namespace: 'AWS/States', Threshold: 1 });
    const dlqAlarms = alarms(synth)
      .filter(([, p]) => p.MetricName === 'ApproximateNumberOfMessagesVisible')
      .map(([, p]) => JSON.stringify(p.Dimensions));
    expect(dlqAlarms).toHaveLength(2);
    expect(dlqAlarms.some((d) => /BatchNewMatchDlq/.test(d))).toBe(true);
    expect(dlqAlarms.some((d) => /AlertsOutboxDlq/.test(d))).toBe(true);
  });

  it('alarms when a stored catalog change could not be put on the bus (a metric filter on the API log)', () => {
    const synth = dev();
    synth.template.hasResourceProperties('AWS::Logs::MetricFilter', {
      LogGroupName: { Ref: Match.stringLikeRegexp('ApiHandlerLogs') },
      FilterPattern: `{ $.message = "${CATALOG_EVENT_FAILED_MESSAGE}" }`,
      MetricTransformations: [
        Match.objectLike({
          MetricName: 'CatalogEventNotPut',
          MetricNamespace: 'Sbiz24/dev',
          MetricValue: '1',
        }),
      ],
    });
    expect(alarmOn(synth, 'CatalogEventNotPut')).toMatchObject({ Namespace: 'Sbiz24/dev', Threshold: 1 });
  });

  it("alarms on the first failed recompute segment, from the worker's own metric (not its resumable stops)", () => {
    const synth = dev();
    expect(alarmOn(synth, BATCH_METRICS.segmentsFailed)).toMatchObject({
      Namespace: 'Sbiz24/dev',
      Dimensions: [{ Name: 'service', Value: BATCH_SERVICES.worker }],
      Statistic: 'Sum',
      Period: 300,
      Threshold: 1,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
    });
    // The worker publishes into the namespace the alarm watches.
    const env = functionEnvironment(synth, functionId(synth, 'Batch/SegmentWorker'));
    expect(env).toMatchObject({
      POWERTOOLS_METRICS_NAMESPACE: 'Sbiz24/dev',
      POWERTOOLS_SERVICE_NAME: BATCH_SERVICES.worker,
    });
    expect(alarmOn(prod(), BATCH_METRICS.segmentsFailed)).toMatchObject({ Namespace: 'Sbiz24/prod' });
  });

  it('sends every alarm and its recovery to the KMS-encrypted alarm topic', () => {
    const synth = dev();
    const [topicId] = Object.keys(synth.template.findResources('AWS::SNS::Topic'));
    expect(
      synth.template.findResources('AWS::SNS::Topic')[topicId!]!.Properties.KmsMasterKeyId,
    ).toBeDefined();
    const all = alarms(synth);
    // 17 before the alerts, then the alert settings API, sender and dispatcher (errors, throttles each),
    // the alerts dead-letter queue and parked messages; then the applications function (errors, throttles).
    expect(all.length).toBe(27);
    for (const [id, p] of all) {
      expect(p.AlarmActions, id).toEqual([{ Ref: topicId }]);
      expect(p.OKActions, id).toEqual([{ Ref: topicId }]);
      expect(p.TreatMissingData, id).toBe('notBreaching');
    }
    synth.template.resourceCountIs('AWS::CloudWatch::Dashboard', 1);
  });

  it('is stricter in prod than in dev', () => {
    for (const metric of ['5xx', 'Latency']) {
      const devThreshold = alarmOn(dev(), metric).Threshold as number;
      const prodThreshold = alarmOn(prod(), metric).Threshold as number;
      expect(prodThreshold, metric).toBeLessThan(devThreshold);
    }
  });
}
