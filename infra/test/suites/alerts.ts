import { Match } from 'aws-cdk-lib/assertions';
import { expect, it } from 'vitest';
import type { Synthesized } from '../synth.js';
import { functionEnvironment, functionId } from '../template-query.js';

/** The alerts: outbox queue and its dead-letter queue, sender, dispatcher, schedule, SES identity, key. */
export function alertsSuite(dev: () => Synthesized): void {
  it('feeds the sender from an encrypted queue with a dead-letter queue, reporting partial batch failures', () => {
    const synth = dev();
    synth.template.hasResourceProperties('AWS::SQS::Queue', {
      SqsManagedSseEnabled: true,
      RedrivePolicy: { deadLetterTargetArn: Match.anyValue(), maxReceiveCount: 5 },
      VisibilityTimeout: 360,
    });
    synth.template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      FunctionName: { Ref: functionId(synth, 'Alerts/Sender') },
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      BatchSize: 10,
      ScalingConfig: { MaximumConcurrency: 20 },
    });
  });

  it('runs the dispatcher every minute', () => {
    const synth = dev();
    synth.template.hasResourceProperties('AWS::Events::Rule', {
      ScheduleExpression: 'rate(1 minute)',
      Targets: [Match.objectLike({ Arn: { 'Fn::GetAtt': [functionId(synth, 'Alerts/Dispatch'), 'Arn'] } })],
    });
  });

  it('creates the SES identity mails come from, and gives the signing key by reference, never in clear', () => {
    const synth = dev();
    synth.template.hasResourceProperties('AWS::SES::EmailIdentity', { EmailIdentity: 'no-reply@sbiz24.kr' });
    synth.template.hasResourceProperties('AWS::SecretsManager::Secret', {
      GenerateSecretString: { PasswordLength: 64, ExcludePunctuation: true },
    });
    for (const path of ['Alerts/Sender', 'Alerts/Dispatch', 'Api/AlertsHandler']) {
      const env = functionEnvironment(synth, functionId(synth, path));
      expect(env.MAIL_FROM, path).toBe('no-reply@sbiz24.kr');
      expect(JSON.stringify(env.ALERTS_SIGNING_KEY), path).toMatch(/resolve:secretsmanager/);
    }
    // The main API function holds neither the key nor an SES grant.
    const api = functionEnvironment(synth, functionId(synth, 'Api/Handler'));
    expect(api.ALERTS_SIGNING_KEY).toBeUndefined();
    const senderEnv = functionEnvironment(synth, functionId(synth, 'Alerts/Sender'));
    expect(senderEnv.PORTAL_URL).toBeDefined();
    expect(JSON.stringify(senderEnv.ALERTS_QUEUE_URL)).toMatch(/AlertsOutboxQueue/);
  });

  it('routes the alert settings, the first sign-in, the inbox and the unsubscribe link to the alerts function', () => {
    const synth = dev();
    const integrations = synth.template.findResources('AWS::ApiGatewayV2::Integration');
    const alertsIntegration = Object.entries(integrations).find(([, r]) =>
      JSON.stringify(r.Properties).includes(functionId(synth, 'Api/AlertsHandler')),
    )?.[0];
    expect(alertsIntegration).toBeDefined();
    const routes = Object.values(synth.template.findResources('AWS::ApiGatewayV2::Route'))
      .map((r) => r.Properties as { RouteKey: string; Target: unknown })
      .filter((p) => JSON.stringify(p.Target).includes(alertsIntegration!))
      .map((p) => p.RouteKey)
      .sort();
    expect(routes).toEqual([
      'ANY /api/me/alert-settings',
      'ANY /api/me/contacts/{proxy+}',
      'ANY /api/me/first-sign-in',
      'ANY /api/me/notifications',
      'ANY /api/me/notifications/{proxy+}',
      'GET /api/alerts/unsubscribe',
      'POST /api/alerts/unsubscribe',
    ]);
  });

  it('counts parked messages from the sender and dispatcher logs', () => {
    const synth = dev();
    const filters = Object.values(synth.template.findResources('AWS::Logs::MetricFilter')).filter((r) =>
      JSON.stringify(r.Properties).includes('AlertsParked'),
    );
    expect(filters).toHaveLength(2);
    for (const f of filters)
      expect(JSON.stringify(f.Properties)).toContain('{ $.message = \\"alert parked\\" }');
  });
}
