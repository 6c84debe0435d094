import { UPLOAD_STATE_TAG } from '@sbiz24/functions/aws/s3-file-storage';
import { Duration, Stack } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import {
  CorsHttpMethod,
  HttpApi,
  HttpMethod,
  HttpRoute,
  HttpRouteKey,
  HttpStage,
  LogGroupLogDestination,
} from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpJwtAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type { EventBus } from 'aws-cdk-lib/aws-events';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { Key } from 'aws-cdk-lib/aws-kms';
import { LogGroup } from 'aws-cdk-lib/aws-logs';
import {
  BlockPublicAccess,
  Bucket,
  BucketEncryption,
  HttpMethods,
  ObjectOwnership,
} from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import type { Alerts } from './alerts.js';
import type { Auth } from './auth.js';
import type { Data } from './data.js';
import { acknowledge, nagArnOf } from './nag.js';
import { PortalFunction } from './portal-function.js';
import type { StageConfig } from './stage.js';

/**
 * The routes anyone may call (no token): health, the catalog, disasters and the API docs. GET only. Everything
 * else — /api/me/*, /api/staff/* and any path not listed here (the `$default` route) — needs a valid Cognito
 * JWT at the gateway, and the app checks the role and agency itself. A test compares this list with the app's
 * own route table (access 'public'), so a new public route cannot be forgotten here.
 */
/** Served by the docs function, not the API function: the OpenAPI generator stays out of the API bundle. */
export const DOCS_ROUTES = ['/api/openapi.json', '/api/docs'] as const;

export const PUBLIC_ROUTES = [
  '/api/health',
  '/api/programs',
  '/api/programs/{id}',
  '/api/disasters',
  '/api/openapi.json',
  '/api/docs',
] as const;

/**
 * Served by the alert settings function (docs/alerts.md): the settings, e-mail code, first sign-in and inbox
 * routes need a token;
 * the e-mails' unsubscribe link needs none (its signed token is the authority), GET shows the confirmation
 * page and POST (the page's button, and mail apps' RFC 8058 one-click) unsubscribes.
 */
export const ALERT_ROUTES = {
  signedIn: [
    '/api/me/alert-settings',
    '/api/me/contacts/{proxy+}',
    '/api/me/first-sign-in',
    '/api/me/notifications',
    '/api/me/notifications/{proxy+}',
  ],
  publicGetPost: ['/api/alerts/unsubscribe'],
} as const;

/**
 * Served by the applications function (docs/applications.md): 통합신청, 신청 현황, 보완, 지원 이력, files, and the
 * staff review, statistics and CSV export; the damage list import and rapid payment (docs/relief.md). All need
 * a token. A test checks that every application operation of the OpenAPI document reaches this function and no
 * other operation does.
 */
export const APPLICATION_ROUTES = [
  '/api/me/businesses/{brn}/applications',
  '/api/me/businesses/{brn}/application-form',
  '/api/me/businesses/{brn}/support-history',
  '/api/me/applications/{proxy+}',
  '/api/me/files',
  '/api/me/files/{proxy+}',
  '/api/staff/applications',
  '/api/staff/applications/{proxy+}',
  '/api/staff/programs/{id}/applications/stats',
  '/api/staff/programs/{id}/applications.csv',
  '/api/staff/disasters/{id}/damage-imports',
  '/api/staff/programs/{id}/approve-eligible',
  '/api/staff/programs/{id}/payments.csv',
  '/api/staff/programs/{id}/payment-results',
] as const;

/** Route prefixes that always require a token (explicit routes, besides the `$default` catch-all). */
export const PROTECTED_PREFIXES = ['/api/me', '/api/staff'] as const;

export interface ApiProps {
  readonly stage: StageConfig;
  readonly data: Data;
  readonly auth: Auth;
  /** The portal bus the API puts "program published / disaster declared" events on. */
  readonly bus: EventBus;
  /** The alerts (signing key, SES identity) the alert settings function uses. */
  readonly alerts: Alerts;
  /** The site's URL (`https://…`): the only origin (with the stage's dev origins) the upload bucket's CORS allows. */
  readonly siteUrl: string;
}

/** Application files live under this prefix of the upload bucket (`uploads/<random id>`). */
export const UPLOAD_PREFIX = 'uploads/';

/**
 * The HTTP API (API Gateway v2) in front of the Hono Lambda: JWT authorizer against the user pool on every
 * non-public route, stage throttling, JSON access logs, CORS only for the configured web origins.
 */
export class Api extends Construct {
  readonly httpApi: HttpApi;
  readonly stage: HttpStage;
  readonly fn: PortalFunction;
  /** Serves the OpenAPI document and the docs page (`DOCS_ROUTES`); reads nothing. */
  readonly docsFn: PortalFunction;
  /**
   * Serves the alert settings, e-mail codes and unsubscribe (`ALERT_ROUTES`): the only API function with the
   * SES grant and the signing key, and its routes keep the API function's bundle under its ceiling.
   */
  readonly alertsFn: PortalFunction;
  /**
   * Serves the application routes (`APPLICATION_ROUTES`): the only function with the upload bucket's grants,
   * and its routes keep the API function's bundle under its ceiling.
   */
  readonly applicationsFn: PortalFunction;
  /**
   * Application files (issue 12): private, encrypted, TLS only; browsers POST to it with presigned forms from
   * the site's origin only; uploads still tagged pending (never checked) are deleted after a day.
   */
  readonly uploadBucket: Bucket;
  /**
   * Wraps the data keys of rapid-payment bank account numbers (envelope encryption, yearly rotation): only the
   * applications function may generate and unwrap them (one-click apply and the payment file).
   */
  readonly accountKey: Key;
  /** `<apiId>.execute-api.<region>.amazonaws.com`, for the CloudFront origin. */
  readonly domainName: string;

  constructor(scope: Construct, id: string, props: ApiProps) {
    super(scope, id);
    const { stage, data, auth, bus, alerts, siteUrl } = props;

    this.uploadBucket = new Bucket(this, 'UploadBucket', {
      encryption: BucketEncryption.S3_MANAGED,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      enforceSSL: true,
      versioned: false,
      removalPolicy: stage.removalPolicy,
      serverAccessLogsBucket: data.logBucket,
      serverAccessLogsPrefix: 'upload-bucket/',
      cors: [
        {
          allowedOrigins: [siteUrl, ...stage.corsOrigins],
          allowedMethods: [HttpMethods.POST],
          allowedHeaders: ['*'],
          maxAge: 3600,
        },
      ],
      lifecycleRules: [
        {
          id: 'expire-unchecked-uploads',
          prefix: UPLOAD_PREFIX,
          tagFilters: { [UPLOAD_STATE_TAG]: 'pending' },
          expiration: Duration.days(1),
        },
        { id: 'abort-incomplete-uploads', abortIncompleteMultipartUploadAfter: Duration.days(1) },
      ],
    });

    this.accountKey = new Key(this, 'AccountKey', {
      description: '소상공인24 relief bank accounts (신속지급 계좌번호) envelope key',
      enableKeyRotation: true,
      removalPolicy: stage.removalPolicy,
    });

    this.fn = new PortalFunction(this, 'Handler', {
      stage,
      handler: 'api',
      serviceName: 'api',
      description: 'Portal HTTP API (Hono)',
      // More memory is more CPU: a faster cold start and rule evaluation for the owner's matches.
      memorySize: 1024,
      timeout: Duration.seconds(15),
      environment: {
        COGNITO_ISSUER: auth.issuer,
        COGNITO_JWKS_URL: auth.jwksUrl,
        COGNITO_CLIENT_ID: auth.webClient.userPoolClientId,
        SNAPSHOT_BUCKET: data.snapshotBucket.bucketName,
        EVENT_BUS_NAME: bus.eventBusName,
      },
    });
    this.applicationsFn = new PortalFunction(this, 'ApplicationsHandler', {
      stage,
      handler: 'apiApplications',
      serviceName: 'api-applications',
      description: 'Portal API: applications, files, staff review and reports',
      memorySize: 1024,
      timeout: Duration.seconds(15),
      environment: {
        COGNITO_ISSUER: auth.issuer,
        COGNITO_JWKS_URL: auth.jwksUrl,
        COGNITO_CLIENT_ID: auth.webClient.userPoolClientId,
        UPLOAD_BUCKET: this.uploadBucket.bucketName,
        // A damage list import (docs/relief.md) starts the recompute through the bus, as catalog changes do.
        EVENT_BUS_NAME: bus.eventBusName,
        ACCOUNT_KEY_ID: this.accountKey.keyArn,
      },
    });
    // Same code and configuration as the API (the routes must be registered to be documented), no grants:
    // it answers only the two documentation paths and touches neither the table nor the bucket nor the bus.
    this.docsFn = new PortalFunction(this, 'DocsHandler', {
      stage,
      handler: 'apiDocs',
      serviceName: 'api-docs',
      description: 'Portal API documentation (OpenAPI document and docs page)',
      memorySize: 512,
      timeout: Duration.seconds(10),
      environment: {
        COGNITO_ISSUER: auth.issuer,
        COGNITO_JWKS_URL: auth.jwksUrl,
        COGNITO_CLIENT_ID: auth.webClient.userPoolClientId,
        TABLE_NAME: data.table.tableName,
      },
    });
    this.alertsFn = new PortalFunction(this, 'AlertsHandler', {
      stage,
      handler: 'apiAlerts',
      serviceName: 'api-alerts',
      description: 'Portal API: alert settings, e-mail verification codes, one-click unsubscribe',
      memorySize: 512,
      timeout: Duration.seconds(10),
      environment: {
        COGNITO_ISSUER: auth.issuer,
        COGNITO_JWKS_URL: auth.jwksUrl,
        COGNITO_CLIENT_ID: auth.webClient.userPoolClientId,
        ...alerts.apiEnvironment(),
      },
    });
    this.alertsFn.bindTable(data, 'RW');
    alerts.grantSendEmail(this.alertsFn);
    this.fn.bindTable(data, 'RW');
    data.grantSnapshots(this.fn, 'read');
    bus.grantPutEventsTo(this.fn);
    this.applicationsFn.bindTable(data, 'RW');
    this.grantUploads(this.applicationsFn);
    bus.grantPutEventsTo(this.applicationsFn);
    // GenerateDataKey (seal at apply, correction) and Decrypt (open for the payment file), nothing else.
    this.accountKey.grant(this.applicationsFn, 'kms:GenerateDataKey', 'kms:Decrypt');

    this.httpApi = new HttpApi(this, 'HttpApi', {
      description: `소상공인24 API (${stage.name})`,
      createDefaultStage: false,
      ...(stage.corsOrigins.length > 0
        ? {
            corsPreflight: {
              allowOrigins: [...stage.corsOrigins],
              allowMethods: [
                CorsHttpMethod.GET,
                CorsHttpMethod.POST,
                CorsHttpMethod.PUT,
                CorsHttpMethod.PATCH,
                CorsHttpMethod.DELETE,
              ],
              allowHeaders: ['authorization', 'content-type', 'x-correlation-id'],
              maxAge: Duration.hours(1),
            },
          }
        : {}),
    });

    const accessLogs = new LogGroup(this, 'AccessLogs', {
      retention: stage.logRetention,
      removalPolicy: stage.removalPolicy,
    });
    this.stage = new HttpStage(this, 'DefaultStage', {
      httpApi: this.httpApi,
      stageName: '$default',
      autoDeploy: true,
      throttle: { rateLimit: stage.apiThrottle.rateLimit, burstLimit: stage.apiThrottle.burstLimit },
      accessLogSettings: {
        destination: new LogGroupLogDestination(accessLogs),
        format: AccessLogFormat.custom(
          JSON.stringify({
            requestId: '$context.requestId',
            time: '$context.requestTimeEpoch',
            ip: '$context.identity.sourceIp',
            method: '$context.httpMethod',
            path: '$context.path',
            routeKey: '$context.routeKey',
            status: '$context.status',
            latencyMs: '$context.responseLatency',
            integrationLatencyMs: '$context.integrationLatency',
            responseBytes: '$context.responseLength',
            authorizerError: '$context.authorizer.error',
            integrationError: '$context.integrationErrorMessage',
          }),
        ),
      },
    });

    const integration = new HttpLambdaIntegration('Hono', this.fn);
    const docsIntegration = new HttpLambdaIntegration('Docs', this.docsFn);
    const authorizer = new HttpJwtAuthorizer('Cognito', auth.issuer, {
      authorizerName: 'cognito',
      jwtAudience: [auth.webClient.userPoolClientId],
      identitySource: ['$request.header.Authorization'],
    });

    for (const path of PUBLIC_ROUTES) {
      const target = (DOCS_ROUTES as readonly string[]).includes(path) ? docsIntegration : integration;
      for (const route of this.httpApi.addRoutes({ path, methods: [HttpMethod.GET], integration: target })) {
        acknowledge(
          route,
          'AwsSolutions-APIG4',
          'Public by design: health, the program catalog, disasters and the API docs are open data for ' +
            'everyone (GET only, throttled at the stage). Every other route has the Cognito JWT authorizer.',
        );
      }
    }
    for (const prefix of PROTECTED_PREFIXES) {
      this.httpApi.addRoutes({ path: prefix, methods: [HttpMethod.ANY], integration, authorizer });
      this.httpApi.addRoutes({
        path: `${prefix}/{proxy+}`,
        methods: [HttpMethod.ANY],
        integration,
        authorizer,
      });
    }
    const applicationsIntegration = new HttpLambdaIntegration('Applications', this.applicationsFn);
    for (const path of APPLICATION_ROUTES) {
      this.httpApi.addRoutes({
        path,
        methods: [HttpMethod.ANY],
        integration: applicationsIntegration,
        authorizer,
      });
    }
    const alertsIntegration = new HttpLambdaIntegration('Alerts', this.alertsFn);
    for (const path of ALERT_ROUTES.signedIn) {
      this.httpApi.addRoutes({ path, methods: [HttpMethod.ANY], integration: alertsIntegration, authorizer });
    }
    for (const path of ALERT_ROUTES.publicGetPost) {
      const routes = this.httpApi.addRoutes({
        path,
        methods: [HttpMethod.GET, HttpMethod.POST],
        integration: alertsIntegration,
      });
      for (const route of routes) {
        acknowledge(
          route,
          'AwsSolutions-APIG4',
          "The e-mails' one-click unsubscribe (RFC 8058): no sign-in by design; the HMAC-signed token in the " +
            'link is the authority, and a forged or garbled one is refused with 400 before any write.',
        );
      }
    }
    new HttpRoute(this, 'DefaultRoute', {
      httpApi: this.httpApi,
      routeKey: HttpRouteKey.DEFAULT,
      integration,
      authorizer,
    });

    this.domainName = `${this.httpApi.apiId}.execute-api.${Stack.of(this).region}.${Stack.of(this).urlSuffix}`;
  }

  /**
   * The API signs the browsers' upload forms with its own role (so it needs s3:PutObject), reads uploads back
   * to check them, tags checked ones as kept and deletes refused ones — objects under `uploads/` only. Listing
   * (limited to the prefix) lets a missing object answer 404 rather than 403.
   */
  private grantUploads(fn: PortalFunction): void {
    const objects = this.uploadBucket.arnForObjects(`${UPLOAD_PREFIX}*`);
    fn.addToRolePolicy(
      new PolicyStatement({
        actions: ['s3:PutObject', 's3:GetObject', 's3:DeleteObject', 's3:PutObjectTagging'],
        resources: [objects],
      }),
    );
    fn.addToRolePolicy(
      new PolicyStatement({
        actions: ['s3:ListBucket'],
        resources: [this.uploadBucket.bucketArn],
        conditions: { StringLike: { 's3:prefix': [`${UPLOAD_PREFIX}*`] } },
      }),
    );
    acknowledge(
      fn.role!,
      `AwsSolutions-IAM5[Resource::${nagArnOf(this.uploadBucket)}/${UPLOAD_PREFIX}*]`,
      'Upload keys are random ids made per file (uploads/<id>), unknown until an owner uploads: the grant is ' +
        'limited to that prefix of the private upload bucket.',
    );
  }
}
