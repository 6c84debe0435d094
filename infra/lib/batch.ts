import { BATCH_SERVICES, type BatchMetricName } from '@sbiz24/functions/aws/batch-metrics';
import { API_EVENT_SOURCE, RECOMPUTE_DETAIL_TYPES } from '@sbiz24/functions/services/catalog-events';
import { Duration } from 'aws-cdk-lib';
import { Metric, type MetricOptions } from 'aws-cdk-lib/aws-cloudwatch';
import { EventBus, EventField, Rule, RuleTargetInput, Schedule } from 'aws-cdk-lib/aws-events';
import { SfnStateMachine } from 'aws-cdk-lib/aws-events-targets';
import { Policy, PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import { LogGroup } from 'aws-cdk-lib/aws-logs';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { LogLevel, StateMachine, StateMachineType } from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';
import type { Data } from './data.js';
import { acknowledge, nagArnOf, nagLogicalId } from './nag.js';
import { PortalFunction } from './portal-function.js';
import { MAP_LABEL, recomputeDefinition, WORKER_TIMEOUT } from './recompute-state-machine.js';
import type { StageConfig } from './stage.js';

// What the API puts on the portal bus (source, detail types) is defined once, next to the code that puts it.
export { API_EVENT_SOURCE, RECOMPUTE_DETAIL_TYPES };

/** 02:00 in Korea (17:00 UTC), when the portal is quietest. */
export const NIGHTLY_SCHEDULE = { minute: '0', hour: '17' } as const;

const NOTIFIER_TIMEOUT = Duration.seconds(60);

export interface BatchProps {
  readonly stage: StageConfig;
  readonly data: Data;
}

/**
 * The bulk path: the recompute state machine and its three functions, what starts it (a nightly schedule and
 * the API's "program published / disaster declared" events on the portal bus), and the new-match queue with
 * its dead-letter queue and the notifier that drains it.
 */
export class Batch extends Construct {
  /** Namespace of the batch functions' own metrics (Powertools EMF): `Sbiz24/<stage>`. */
  readonly metricsNamespace: string;
  readonly bus: EventBus;
  readonly stateMachine: StateMachine;
  readonly queue: Queue;
  readonly deadLetterQueue: Queue;
  readonly prepareFn: PortalFunction;
  readonly workerFn: PortalFunction;
  readonly finalizeFn: PortalFunction;
  readonly notifierFn: PortalFunction;

  constructor(scope: Construct, id: string, props: BatchProps) {
    super(scope, id);
    const { stage, data } = props;
    if (stage.mapMaxConcurrency >= stage.workerReservedConcurrency) {
      throw new Error(
        'The Map concurrency must stay below the worker reserved concurrency (room for retries).',
      );
    }

    this.bus = new EventBus(this, 'Bus', { description: 'Portal domain events (program published, …)' });

    this.deadLetterQueue = new Queue(this, 'NewMatchDlq', {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    this.queue = new Queue(this, 'NewMatchQueue', {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      // Six times the notifier's timeout: a batch in flight is never redelivered while it is processed.
      visibilityTimeout: Duration.seconds(NOTIFIER_TIMEOUT.toSeconds() * 6),
      retentionPeriod: Duration.days(4),
      deadLetterQueue: { queue: this.deadLetterQueue, maxReceiveCount: 5 },
    });

    // Per stage, like the API's metric filter: two stages in one account never add up into one metric.
    this.metricsNamespace = `Sbiz24/${stage.name}`;
    const metricsEnv = { POWERTOOLS_METRICS_NAMESPACE: this.metricsNamespace };
    // The three steps share one runtime (functions/src/aws/batch-runtime.ts), which reads all three variables.
    const runEnv = {
      SNAPSHOT_BUCKET: data.snapshotBucket.bucketName,
      NEW_MATCH_QUEUE_URL: this.queue.queueUrl,
      ...metricsEnv,
    };

    this.prepareFn = new PortalFunction(this, 'Prepare', {
      stage,
      handler: 'prepare',
      serviceName: BATCH_SERVICES.prepare,
      description: 'Recompute run: fix the program set and list the scan segments',
      timeout: Duration.minutes(5),
      memorySize: 1024,
      environment: runEnv,
    });
    this.prepareFn.bindTable(data, 'RW');

    this.workerFn = new PortalFunction(this, 'SegmentWorker', {
      stage,
      handler: 'segmentWorker',
      serviceName: BATCH_SERVICES.worker,
      description: 'Recompute run: evaluate one scan segment, write changed matches and its snapshot part',
      timeout: WORKER_TIMEOUT,
      // 1,769 MB is one full vCPU: the worker is CPU-bound between DynamoDB pages.
      memorySize: 1769,
      reservedConcurrentExecutions: stage.workerReservedConcurrency,
      environment: runEnv,
    });
    this.workerFn.bindTable(data, 'RW');
    data.grantSnapshots(this.workerFn, 'write');
    this.queue.grantSendMessages(this.workerFn);

    this.finalizeFn = new PortalFunction(this, 'Finalize', {
      stage,
      handler: 'finalize',
      serviceName: BATCH_SERVICES.finalize,
      description: 'Recompute run: per-program counts and the latest snapshot pointer',
      timeout: Duration.minutes(5),
      memorySize: 1024,
      environment: runEnv,
    });
    this.finalizeFn.bindTable(data, 'RW');
    data.grantSnapshots(this.finalizeFn, 'write');

    this.notifierFn = new PortalFunction(this, 'Notifier', {
      stage,
      handler: 'notifier',
      serviceName: BATCH_SERVICES.notifier,
      description: 'New-match events → in-app notifications (partial batch failures)',
      timeout: NOTIFIER_TIMEOUT,
      environment: metricsEnv,
    });
    this.notifierFn.bindTable(data, 'RW');
    this.notifierFn.addEventSource(
      new SqsEventSource(this.queue, {
        batchSize: 10,
        maxBatchingWindow: Duration.seconds(5),
        reportBatchItemFailures: true,
        maxConcurrency: 10,
      }),
    );

    const logs = new LogGroup(this, 'StateMachineLogs', {
      retention: stage.logRetention,
      removalPolicy: stage.removalPolicy,
    });
    this.stateMachine = new StateMachine(this, 'Recompute', {
      stateMachineType: StateMachineType.STANDARD,
      definitionBody: recomputeDefinition(new Construct(this, 'Steps'), {
        prepare: this.prepareFn,
        worker: this.workerFn,
        finalize: this.finalizeFn,
        maxConcurrency: stage.mapMaxConcurrency,
        toleratedFailurePercentage: stage.toleratedFailurePercentage,
      }),
      timeout: Duration.hours(6),
      tracingEnabled: true,
      logs: { destination: logs, level: LogLevel.ALL, includeExecutionData: true },
    });

    const machineRole = this.stateMachine.role;
    // The ListRunning state lists this state machine's running executions (one run at a time). A policy of
    // its own, like CDK's DistributedMapPolicy: in the role's default policy the state machine's ARN would
    // make a dependency cycle (the state machine waits for its role's policy).
    new Policy(this, 'ListRunningPolicy', {
      roles: [machineRole],
      statements: [
        new PolicyStatement({
          actions: ['states:ListExecutions'],
          resources: [this.stateMachine.stateMachineArn],
        }),
      ],
    });
    acknowledge(
      machineRole,
      'AwsSolutions-IAM5[Resource::*]',
      'Step Functions logging and tracing: the CloudWatch Logs delivery actions (logs:CreateLogDelivery, …) ' +
        'and X-Ray actions have no resource-level permissions; AWS documents them on "*".',
    );
    for (const fn of [this.prepareFn, this.workerFn, this.finalizeFn]) {
      acknowledge(
        machineRole,
        `AwsSolutions-IAM5[Resource::${nagArnOf(fn)}:*]`,
        'lambda:InvokeFunction on the function ARN and its qualified ARNs (versions/aliases) of exactly ' +
          'this function, as CDK grants for a LambdaInvoke task; no other function.',
      );
    }
    const mapPolicy = this.stateMachine.node.tryFindChild('DistributedMapPolicy');
    if (mapPolicy) {
      const machineName = `{"Fn::Select":[6,{"Fn::Split":[":",{"Ref":"${nagLogicalId(this.stateMachine)}"}]}]}`;
      const executions = `arn:<AWS::Partition>:states:<AWS::Region>:<AWS::AccountId>:execution:${machineName}`;
      for (const finding of [`${executions}:*`, `${executions}/${MAP_LABEL}:*`]) {
        acknowledge(
          mapPolicy,
          `AwsSolutions-IAM5[Resource::${finding}]`,
          'A Distributed Map runs child executions of its own state machine: Describe/Stop/Redrive are granted ' +
            "on this state machine's executions only, whose ids are not known in advance.",
        );
      }
    }

    const target = (trigger: string) =>
      new SfnStateMachine(this.stateMachine, {
        input: RuleTargetInput.fromObject({ trigger }),
        retryAttempts: 4,
        maxEventAge: Duration.hours(2),
      });
    new Rule(this, 'Nightly', {
      description: 'Nightly recompute of every business (02:00 KST)',
      schedule: Schedule.cron(NIGHTLY_SCHEDULE),
      targets: [target('nightly')],
    });
    new Rule(this, 'OnCatalogChange', {
      description: 'Recompute when a program is published, edited or closed, or a disaster is declared',
      eventBus: this.bus,
      eventPattern: { source: [API_EVENT_SOURCE], detailType: [...RECOMPUTE_DETAIL_TYPES] },
      targets: [target(EventField.detailType)],
    });
  }

  /**
   * One of the metrics a batch function publishes (functions/src/aws/batch-metrics.ts): namespace
   * `Sbiz24/<stage>`, dimension `service` = the function's service name. Sum over 5 minutes by default.
   */
  metric(
    service: keyof typeof BATCH_SERVICES,
    metricName: BatchMetricName,
    options: MetricOptions = {},
  ): Metric {
    return new Metric({
      namespace: this.metricsNamespace,
      metricName,
      dimensionsMap: { service: BATCH_SERVICES[service] },
      statistic: 'Sum',
      period: Duration.minutes(5),
      ...options,
    });
  }

  /** The portal functions of the batch, for alarms. */
  get functions(): PortalFunction[] {
    return [this.prepareFn, this.workerFn, this.finalizeFn, this.notifierFn];
  }
}
