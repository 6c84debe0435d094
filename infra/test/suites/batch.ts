import { BATCH_SERVICES } from '@sbiz24/functions/aws/batch-metrics';
import { readBatchConfig } from '@sbiz24/functions/aws/config';
import { Match } from 'aws-cdk-lib/assertions';
import { expect, it } from 'vitest';
import { API_EVENT_SOURCE, RECOMPUTE_DETAIL_TYPES } from '../../lib/batch.js';
import { STATE_NAMES } from '../../lib/recompute-state-machine.js';
import { stateMachineDefinition } from '../asl.js';
import type { Synthesized } from '../synth.js';
import { functionEnvironment, functionId } from '../template-query.js';

/** The recompute state machine, its triggers, the new-match queue and the notifier. */
export function batchSuite(dev: () => Synthesized, prod: () => Synthesized): void {
  it('fans out over the segments with a Distributed Map bounded below the worker reserved concurrency', () => {
    for (const synth of [dev(), prod()]) {
      const definition = stateMachineDefinition(synth.json);
      const map = definition.States[STATE_NAMES.segments]!;
      const worker = synth.json.Resources[functionId(synth, 'Batch/SegmentWorker')]!;
      const reserved = worker.Properties?.ReservedConcurrentExecutions as number;
      expect(map.Type).toBe('Map');
      expect(map.ItemProcessor?.ProcessorConfig).toEqual({ Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' });
      expect(map.ItemsPath).toBe('$.segments');
      expect(reserved).toBeGreaterThan(0);
      expect(map.MaxConcurrency).toBeGreaterThan(0);
      expect(map.MaxConcurrency).toBeLessThan(reserved);
      expect(map.ToleratedFailurePercentage).toBeGreaterThan(0);
      expect(map.ToleratedFailurePercentage).toBeLessThan(100);
      expect(map.ResultPath).toBeNull();
    }
  });

  it('runs one run at a time: lists the running executions, then Prepare takes its turn (run, wait, or end)', () => {
    const { json, template } = dev();
    const states = stateMachineDefinition(json).States;
    expect(stateMachineDefinition(json).StartAt).toBe(STATE_NAMES.queue);
    const queue = states[STATE_NAMES.queue]! as Record<string, unknown>;
    expect(queue).toMatchObject({
      Type: 'Task',
      Resource: 'arn:aws:states:::aws-sdk:sfn:listExecutions',
      Parameters: { 'StateMachineArn.$': '$$.StateMachine.Id', StatusFilter: 'RUNNING' },
      ResultPath: '$.queue',
      Next: STATE_NAMES.prepare,
    });
    expect(states[STATE_NAMES.prepare]).toMatchObject({
      Parameters: {
        'request.$': '$',
        self: { 'id.$': '$$.Execution.Id', 'startTime.$': '$$.Execution.StartTime' },
      },
      Next: STATE_NAMES.turn,
    });
    const turn = states[STATE_NAMES.turn]! as unknown as {
      Choices: { StringEquals: string; Next: string }[];
      Default: string;
    };
    expect(turn.Choices.map((c) => [c.StringEquals, c.Next])).toEqual([
      ['wait', STATE_NAMES.wait],
      ['superseded', STATE_NAMES.superseded],
    ]);
    expect(turn.Default).toBe(STATE_NAMES.segments);
    expect(states[STATE_NAMES.wait]).toMatchObject({ Type: 'Wait', Seconds: 60, Next: STATE_NAMES.queue });
    expect(states[STATE_NAMES.superseded]!.Type).toBe('Succeed');
    // The machine's role may list its own executions, nothing else.
    template.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: {
        Statement: [
          {
            Action: 'states:ListExecutions',
            Effect: 'Allow',
            Resource: { Ref: Match.stringLikeRegexp('BatchRecompute') },
          },
        ],
      },
      Roles: [{ Ref: Match.stringLikeRegexp('BatchRecomputeRole') }],
    });
  });

  it('runs prepare → segments → finalize, the worker retried with backoff and resumed when it stopped early', () => {
    const definition = stateMachineDefinition(dev().json);
    expect(definition.States[STATE_NAMES.segments]!.Next).toBe(STATE_NAMES.finalize);
    expect(definition.States[STATE_NAMES.finalize]!.End).toBe(true);

    const worker = definition.States[STATE_NAMES.segments]!.ItemProcessor!.States[STATE_NAMES.worker]!;
    const retries = worker.Retry ?? [];
    expect(retries[0]).toMatchObject({ ErrorEquals: ['SegmentIncompleteError'], MaxAttempts: 20 });
    const transient = retries.find((r) => r.ErrorEquals.includes('Lambda.TooManyRequestsException'));
    expect(transient?.BackoffRate).toBeGreaterThan(1);
    expect(retries.at(-1)).toMatchObject({ ErrorEquals: ['States.ALL'] });
    expect(retries.at(-1)!.BackoffRate).toBeGreaterThan(1);
  });

  it('logs every execution event and traces with X-Ray', () => {
    dev().template.hasResourceProperties('AWS::StepFunctions::StateMachine', {
      LoggingConfiguration: Match.objectLike({ Level: 'ALL', IncludeExecutionData: true }),
      TracingConfiguration: { Enabled: true },
    });
  });

  it('starts a run nightly and on "program published / disaster declared" events on the portal bus', () => {
    const machine = { Ref: Match.stringLikeRegexp('BatchRecompute') };
    dev().template.hasResourceProperties('AWS::Events::Rule', {
      ScheduleExpression: 'cron(0 17 * * ? *)',
      Targets: [Match.objectLike({ Arn: machine, Input: '{"trigger":"nightly"}' })],
    });
    dev().template.hasResourceProperties('AWS::Events::Rule', {
      EventBusName: { Ref: Match.stringLikeRegexp('BatchBus') },
      EventPattern: { source: [API_EVENT_SOURCE], 'detail-type': [...RECOMPUTE_DETAIL_TYPES] },
      Targets: [
        Match.objectLike({
          Arn: machine,
          InputTransformer: {
            InputPathsMap: { 'detail-type': '$.detail-type' },
            InputTemplate: '{"trigger":<detail-type>}',
          },
        }),
      ],
    });
  });

  it('drains new-match events with partial batch failures and a dead-letter queue', () => {
    const { template } = dev();
    template.hasResourceProperties('AWS::SQS::Queue', {
      RedrivePolicy: { deadLetterTargetArn: Match.anyValue(), maxReceiveCount: 5 },
      SqsManagedSseEnabled: true,
      VisibilityTimeout: 360,
    });
    template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      FunctionName: { Ref: functionId(dev(), 'Batch/Notifier') },
      FunctionResponseTypes: ['ReportBatchItemFailures'],
    });
  });

  it('gives the batch functions the environment the batch runtime requires', () => {
    for (const path of ['Batch/Prepare', 'Batch/SegmentWorker', 'Batch/Finalize', 'Batch/Notifier']) {
      const env = functionEnvironment(dev(), functionId(dev(), path));
      const needsAll = path !== 'Batch/Notifier';
      expect(() => readBatchConfig(env, needsAll ? {} : { bucket: false, queue: false }), path).not.toThrow();
      // Their metrics go to the stage's namespace, under the service names the alarms use.
      expect(env.POWERTOOLS_METRICS_NAMESPACE, path).toBe('Sbiz24/dev');
      expect(Object.values(BATCH_SERVICES), path).toContain(env.POWERTOOLS_SERVICE_NAME);
    }
  });
}
