import { Duration } from 'aws-cdk-lib';
import { Rule, Schedule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import type { IGrantable } from 'aws-cdk-lib/aws-iam';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import { FilterPattern, type ILogGroup, MetricFilter } from 'aws-cdk-lib/aws-logs';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import { EmailIdentity, Identity } from 'aws-cdk-lib/aws-ses';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import type { Data } from './data.js';
import { acknowledge } from './nag.js';
import { PortalFunction } from './portal-function.js';
import type { StageConfig } from './stage.js';

/** The log line the sender writes for every message it gives up on (functions/src/aws/alerts-sender.ts). */
export const ALERT_PARKED_MESSAGE = 'alert parked';

const SENDER_TIMEOUT = Duration.seconds(60);

export interface AlertsProps {
  readonly stage: StageConfig;
  readonly data: Data;
  /** The site's URL, for the links in messages (no trailing slash). */
  readonly portalUrl: string;
  /**
   * The address alert mails come from; its SES identity is created here (verify it, or its domain, before
   * mails leave the SES sandbox: docs/deploy.md).
   */
  readonly mailFrom: string;
}

/**
 * E-mail and text alerts on AWS (docs/alerts.md): every minute a dispatcher hands the outbox's due messages
 * to an SQS queue; the sender consumes it in batches (partial batch failures; after 5 receipts a message
 * goes to the dead-letter queue) and sends through SES. The signing key of unsubscribe links and e-mail
 * codes is a generated secret; the SES identity and the key are granted only to the functions that use them.
 */
export class Alerts extends Construct {
  readonly queue: Queue;
  readonly deadLetterQueue: Queue;
  readonly senderFn: PortalFunction;
  readonly dispatchFn: PortalFunction;
  readonly identity: EmailIdentity;
  readonly signingKey: Secret;
  readonly mailFrom: string;
  /** Messages given up on (parked) per 5 minutes, from the sender's and the dispatcher's logs. */
  readonly parkedFilters: MetricFilter[] = [];
  readonly metricsNamespace: string;

  constructor(scope: Construct, id: string, props: AlertsProps) {
    super(scope, id);
    const { stage, data } = props;
    this.mailFrom = props.mailFrom;
    this.metricsNamespace = `Sbiz24/${stage.name}`;

    this.identity = new EmailIdentity(this, 'MailIdentity', { identity: Identity.email(props.mailFrom) });
    this.signingKey = new Secret(this, 'SigningKey', {
      description: 'Signs unsubscribe links and keys e-mail code hashes (alerts)',
      generateSecretString: { passwordLength: 64, excludePunctuation: true },
      removalPolicy: stage.removalPolicy,
    });
    acknowledge(
      this.signingKey,
      'AwsSolutions-SMG4',
      'Not rotated: every e-mail already sent carries an unsubscribe link signed with this key, and a ' +
        'rotation would break them all. Rotate by hand with a grace period if it leaks (docs/deploy.md).',
    );

    this.deadLetterQueue = new Queue(this, 'OutboxDlq', {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    this.queue = new Queue(this, 'OutboxQueue', {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      visibilityTimeout: Duration.seconds(SENDER_TIMEOUT.toSeconds() * 6),
      retentionPeriod: Duration.days(4),
      deadLetterQueue: { queue: this.deadLetterQueue, maxReceiveCount: 5 },
    });

    const environment = {
      MAIL_FROM: props.mailFrom,
      PORTAL_URL: props.portalUrl,
      ALERTS_QUEUE_URL: this.queue.queueUrl,
      // A CloudFormation dynamic reference: resolved at deploy time, never written into the template.
      ALERTS_SIGNING_KEY: this.signingKey.secretValue.unsafeUnwrap(),
    };
    this.senderFn = new PortalFunction(this, 'Sender', {
      stage,
      handler: 'alertsSender',
      serviceName: 'alerts',
      description: 'Outbox messages from the queue → SES / text provider (partial batch failures)',
      timeout: SENDER_TIMEOUT,
      environment,
    });
    this.senderFn.bindTable(data, 'RW');
    this.identity.grantSendEmail(this.senderFn);
    this.senderFn.addEventSource(
      new SqsEventSource(this.queue, {
        batchSize: 10,
        maxBatchingWindow: Duration.seconds(1),
        reportBatchItemFailures: true,
        // SES's sending rate is the limit (docs/alerts.md): 20 × 10 in flight keeps well under a 200/s quota.
        maxConcurrency: 20,
      }),
    );

    this.dispatchFn = new PortalFunction(this, 'Dispatch', {
      stage,
      handler: 'alertsDispatch',
      serviceName: 'alerts-dispatch',
      description: 'Every minute: settle interrupted sends, hand due outbox messages to the queue',
      timeout: Duration.seconds(55),
      environment,
    });
    this.dispatchFn.bindTable(data, 'RW');
    this.queue.grantSendMessages(this.dispatchFn);
    // Settling an interrupted send may ask the channel whether it arrived; SES cannot, so no SES grant here.
    new Rule(this, 'DispatchSchedule', {
      description: 'Alerts: hand due outbox messages to the sender every minute',
      schedule: Schedule.rate(Duration.minutes(1)),
      targets: [new LambdaFunction(this.dispatchFn, { retryAttempts: 0 })],
    });

    for (const [name, fn] of [
      ['Sender', this.senderFn],
      ['Dispatch', this.dispatchFn],
    ] as const) {
      this.parkedFilters.push(this.parkedFilter(name, fn.logGroup));
    }
  }

  private parkedFilter(name: string, logGroup: ILogGroup): MetricFilter {
    return new MetricFilter(this, `${name}ParkedFilter`, {
      logGroup,
      filterPattern: FilterPattern.stringValue('$.message', '=', ALERT_PARKED_MESSAGE),
      metricNamespace: this.metricsNamespace,
      metricName: 'AlertsParked',
      metricValue: '1',
    });
  }

  /** Lets a function (the alert settings API) send code mails from the portal's identity. */
  grantSendEmail(grantee: IGrantable): void {
    this.identity.grantSendEmail(grantee);
  }

  /** The environment the alert settings API needs: the signing key (a dynamic reference) and the sender. */
  apiEnvironment(): Record<string, string> {
    return { MAIL_FROM: this.mailFrom, ALERTS_SIGNING_KEY: this.signingKey.secretValue.unsafeUnwrap() };
  }
}
