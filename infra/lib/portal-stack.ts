import { CfnOutput, Stack, type StackProps, Tags } from 'aws-cdk-lib';
import { Certificate } from 'aws-cdk-lib/aws-certificatemanager';
import type { Construct } from 'constructs';
import { Alerts } from './alerts.js';
import { Api } from './api.js';
import { Auth } from './auth.js';
import { Batch } from './batch.js';
import { Data } from './data.js';
import { Monitoring } from './monitoring.js';
import type { StageConfig } from './stage.js';
import { Web } from './web.js';

export interface PortalStackProps extends StackProps {
  readonly stage: StageConfig;
  /** The web build to deploy (web/dist; tests pass a placeholder folder). */
  readonly webAssetDir: string;
  /** Serve the site on this name (needs `certificateArn`, a us-east-1 ACM certificate). */
  readonly domainName?: string;
  readonly certificateArn?: string;
  /** Hosted UI domain prefix. @default `sbiz24-<stage>-<account>` */
  readonly authDomainPrefix?: string;
  /** Verified SES sender for Cognito mail (prod). */
  readonly sesFromEmail?: string;
  /** The address alert mails come from (an SES identity is made for it). @default sesFromEmail, else no-reply@sbiz24.kr */
  readonly alertsMailFrom?: string;
  /** Subscribed to the alarm topic. */
  readonly alarmEmail?: string;
}

/**
 * The whole portal in one stack, composed of constructs per concern that receive each other as typed props:
 * Data → Batch (bus, queue, state machine) → Web (site, CloudFront) → Auth (callbacks on the site's URL) →
 * Api (table, pool, bus) → the site's `/api/*` behaviour → Monitoring.
 */
export class PortalStack extends Stack {
  readonly data: Data;
  readonly batch: Batch;
  readonly web: Web;
  readonly auth: Auth;
  readonly api: Api;
  readonly alerts: Alerts;
  readonly monitoring: Monitoring;

  constructor(scope: Construct, id: string, props: PortalStackProps) {
    super(scope, id, {
      description: `소상공인24 (Sosanggongin24) portal — ${props.stage.name}`,
      ...props,
    });
    const { stage } = props;
    Tags.of(this).add('project', 'sbiz24');
    Tags.of(this).add('stage', stage.name);

    if ((props.domainName === undefined) !== (props.certificateArn === undefined)) {
      throw new Error('domainName and certificateArn go together (a us-east-1 certificate for the domain).');
    }
    const customDomain =
      props.domainName && props.certificateArn
        ? {
            domainName: props.domainName,
            certificate: Certificate.fromCertificateArn(this, 'SiteCertificate', props.certificateArn),
          }
        : undefined;

    this.data = new Data(this, 'Data', { stage });
    this.batch = new Batch(this, 'Batch', { stage, data: this.data });
    this.web = new Web(this, 'Web', { stage, data: this.data, ...(customDomain ? { customDomain } : {}) });
    this.auth = new Auth(this, 'Auth', {
      stage,
      webUrl: this.web.url,
      ...(props.authDomainPrefix ? { domainPrefix: props.authDomainPrefix } : {}),
      ...(props.sesFromEmail ? { sesFromEmail: props.sesFromEmail } : {}),
    });
    this.alerts = new Alerts(this, 'Alerts', {
      stage,
      data: this.data,
      portalUrl: this.web.url,
      mailFrom: props.alertsMailFrom ?? props.sesFromEmail ?? 'no-reply@sbiz24.kr',
    });
    this.api = new Api(this, 'Api', {
      stage,
      data: this.data,
      auth: this.auth,
      bus: this.batch.bus,
      alerts: this.alerts,
      siteUrl: this.web.url,
    });
    this.web.routeApi(this.api);
    this.web.deploySite(props.webAssetDir, {
      stage: stage.name,
      region: this.region,
      authMode: 'oidc',
      oidcDomain: this.auth.domain.baseUrl(),
      oidcClientId: this.auth.webClient.userPoolClientId,
      userPoolId: this.auth.userPool.userPoolId,
    });
    this.monitoring = new Monitoring(this, 'Monitoring', {
      stage,
      api: this.api,
      batch: this.batch,
      alerts: this.alerts,
      ...(props.alarmEmail ? { alarmEmail: props.alarmEmail } : {}),
    });

    new CfnOutput(this, 'SiteUrl', { value: this.web.url });
    new CfnOutput(this, 'ApiEndpoint', { value: this.api.httpApi.apiEndpoint });
    new CfnOutput(this, 'UserPoolId', { value: this.auth.userPool.userPoolId });
    new CfnOutput(this, 'UserPoolClientId', { value: this.auth.webClient.userPoolClientId });
    new CfnOutput(this, 'HostedUiDomain', { value: this.auth.domain.baseUrl() });
    new CfnOutput(this, 'TableName', { value: this.data.table.tableName });
    new CfnOutput(this, 'RecomputeStateMachineArn', { value: this.batch.stateMachine.stateMachineArn });
    new CfnOutput(this, 'AlarmTopicArn', { value: this.monitoring.topic.topicArn });
  }
}
