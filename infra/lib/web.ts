import { existsSync } from 'node:fs';
import { join } from 'node:path';
import {
  type CspSources,
  contentSecurityPolicy,
  SECURITY_HEADERS,
  STRICT_TRANSPORT_SECURITY,
} from '@sbiz24/shared/security-headers';
import { DefaultStackSynthesizer, Duration, Stack } from 'aws-cdk-lib';
import type { ICertificate } from 'aws-cdk-lib/aws-certificatemanager';
import {
  AllowedMethods,
  CachePolicy,
  Function as CloudFrontFunction,
  Distribution,
  FunctionCode,
  FunctionEventType,
  FunctionRuntime,
  HeadersFrameOption,
  HeadersReferrerPolicy,
  HttpVersion,
  OriginProtocolPolicy,
  OriginRequestPolicy,
  OriginSslPolicy,
  PriceClass,
  ResponseHeadersPolicy,
  type ResponseHeadersPolicyProps,
  type ResponseSecurityHeadersBehavior,
  SecurityPolicyProtocol,
  ViewerProtocolPolicy,
} from 'aws-cdk-lib/aws-cloudfront';
import { HttpOrigin, S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import { BlockPublicAccess, Bucket, BucketEncryption, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import { BucketDeployment, CacheControl, Source } from 'aws-cdk-lib/aws-s3-deployment';
import { Construct } from 'constructs';
import type { Api } from './api.js';
import type { Data } from './data.js';
import { acknowledge, nagArnOf } from './nag.js';
import type { StageConfig } from './stage.js';

/**
 * App routes (no file extension) get the app shell; files are served as they are. A viewer-request function
 * rather than CloudFront error pages, because error pages would also turn the API's own 403/404 JSON answers
 * into index.html.
 */
export const SPA_REWRITE_FUNCTION = `function handler(event) {
  var request = event.request;
  var last = request.uri.substring(request.uri.lastIndexOf('/') + 1);
  if (last.indexOf('.') === -1) {
    request.uri = '/index.html';
  }
  return request;
}`;

/**
 * What the site's CSP adds on AWS: the web app exchanges and refreshes tokens with Cognito (`fetch`), and its
 * sign-out goes to the hosted UI.
 */
export function siteCspSources(region: string): CspSources {
  return {
    connect: ['https://*.amazoncognito.com', `https://cognito-idp.${region}.amazonaws.com`],
    formAction: ['https://*.amazoncognito.com'],
  };
}

const REFERRER_POLICIES: Record<string, HeadersReferrerPolicy> = Object.fromEntries(
  Object.values(HeadersReferrerPolicy).map((p) => [p, p]),
);
const FRAME_OPTIONS: Record<string, HeadersFrameOption> = {
  DENY: HeadersFrameOption.DENY,
  SAMEORIGIN: HeadersFrameOption.SAMEORIGIN,
};

/**
 * CloudFront's response headers policy from the one table the API and the local server send
 * (`@sbiz24/shared/security-headers`): the headers CloudFront models itself go in `securityHeadersBehavior`
 * (it refuses them as custom headers), every other one as a custom header; all override the origin's.
 */
export function responseHeadersPolicyOf(
  csp: CspSources,
): Pick<ResponseHeadersPolicyProps, 'securityHeadersBehavior' | 'customHeadersBehavior'> {
  const behavior: {
    -readonly [K in keyof ResponseSecurityHeadersBehavior]: ResponseSecurityHeadersBehavior[K];
  } = {
    contentSecurityPolicy: { contentSecurityPolicy: contentSecurityPolicy(csp), override: true },
    strictTransportSecurity: {
      accessControlMaxAge: Duration.seconds(Number(/max-age=(\d+)/.exec(STRICT_TRANSPORT_SECURITY)![1])),
      includeSubdomains: /includeSubDomains/.test(STRICT_TRANSPORT_SECURITY),
      preload: /preload/.test(STRICT_TRANSPORT_SECURITY),
      override: true,
    },
  };
  const custom: { header: string; value: string; override: boolean }[] = [];
  for (const [name, value] of SECURITY_HEADERS) {
    switch (name) {
      case 'X-Content-Type-Options':
        behavior.contentTypeOptions = { override: true };
        break;
      case 'X-Frame-Options':
        behavior.frameOptions = { frameOption: FRAME_OPTIONS[value]!, override: true };
        break;
      case 'Referrer-Policy':
        behavior.referrerPolicy = { referrerPolicy: REFERRER_POLICIES[value]!, override: true };
        break;
      case 'X-XSS-Protection':
        behavior.xssProtection = { protection: value !== '0', override: true };
        break;
      default:
        custom.push({ header: name, value, override: true });
    }
  }
  return { securityHeadersBehavior: behavior, customHeadersBehavior: { customHeaders: custom } };
}

/** A custom domain for the site (certificate in us-east-1). */
export interface CustomDomain {
  readonly domainName: string;
  readonly certificate: ICertificate;
}

export interface WebProps {
  readonly stage: StageConfig;
  readonly data: Data;
  /** Without it the site is served on the distribution's own `*.cloudfront.net` name. */
  readonly customDomain?: CustomDomain;
}

/**
 * Deploy-time values written to `/config.json` next to the app shell, named like the web app's build-time
 * settings (web/src/auth/auth.ts: VITE_AUTH_MODE, VITE_OIDC_DOMAIN, VITE_OIDC_CLIENT_ID) so that the app can
 * read them at start instead of needing a second build after the first deployment.
 */
export interface WebRuntimeConfig {
  readonly stage: string;
  readonly region: string;
  readonly authMode: 'oidc';
  /** Hosted UI base URL (`https://<prefix>.auth.<region>.amazoncognito.com`). */
  readonly oidcDomain: string;
  readonly oidcClientId: string;
  readonly userPoolId: string;
}

/**
 * The site: a private bucket behind CloudFront (origin access control, HTTPS only, security headers, SPA
 * fallback), with `/api/*` routed to the HTTP API so that the browser talks to one origin.
 */
export class Web extends Construct {
  readonly bucket: Bucket;
  readonly distribution: Distribution;
  /** The response headers policy of every behaviour, the site's and the API's. */
  readonly securityHeaders: ResponseHeadersPolicy;
  /** `https://…` origin of the site. */
  readonly url: string;

  constructor(scope: Construct, id: string, props: WebProps) {
    super(scope, id);
    const { stage, data, customDomain } = props;
    const region = Stack.of(this).region;

    this.bucket = new Bucket(this, 'SiteBucket', {
      encryption: BucketEncryption.S3_MANAGED,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      enforceSSL: true,
      removalPolicy: stage.removalPolicy,
      serverAccessLogsBucket: data.logBucket,
      serverAccessLogsPrefix: 'site-bucket/',
    });

    const headers = new ResponseHeadersPolicy(this, 'SecurityHeaders', {
      comment: 'sbiz24 site and API security headers (shared/src/security-headers.ts)',
      ...responseHeadersPolicyOf(siteCspSources(region)),
    });
    this.securityHeaders = headers;

    const spaRewrite = new CloudFrontFunction(this, 'SpaRewrite', {
      code: FunctionCode.fromInline(SPA_REWRITE_FUNCTION),
      runtime: FunctionRuntime.JS_2_0,
      comment: 'App routes → /index.html',
    });

    this.distribution = new Distribution(this, 'Distribution', {
      comment: `sbiz24 ${stage.name}`,
      defaultRootObject: 'index.html',
      httpVersion: HttpVersion.HTTP2_AND_3,
      priceClass: PriceClass.PRICE_CLASS_200,
      enableLogging: true,
      logBucket: data.logBucket,
      logFilePrefix: 'cloudfront/',
      ...(customDomain
        ? {
            domainNames: [customDomain.domainName],
            certificate: customDomain.certificate,
            minimumProtocolVersion: SecurityPolicyProtocol.TLS_V1_2_2021,
          }
        : {}),
      defaultBehavior: {
        origin: S3BucketOrigin.withOriginAccessControl(this.bucket),
        viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        cachePolicy: CachePolicy.CACHING_OPTIMIZED,
        responseHeadersPolicy: headers,
        compress: true,
        functionAssociations: [{ function: spaRewrite, eventType: FunctionEventType.VIEWER_REQUEST }],
      },
    });
    acknowledge(
      this.distribution,
      'AwsSolutions-CFR1',
      'No geo restriction: Korean business owners abroad and foreign-resident owners must reach the portal; ' +
        'abuse is limited by API throttling instead.',
    );
    acknowledge(
      this.distribution,
      'AwsSolutions-CFR2',
      'No WAF web ACL in this deployment (cost ≈ $5/month + $1/rule + $0.60/M requests); the API is throttled ' +
        'at the stage and verifies JWTs. docs/deploy.md lists WAF with AWS managed rules as the next hardening step.',
    );
    if (!customDomain) {
      acknowledge(
        this.distribution,
        'AwsSolutions-CFR4',
        'Without a custom domain CloudFront serves its default *.cloudfront.net certificate, whose policy ' +
          'CloudFront fixes; with -c domainName/certificateArn the distribution enforces TLSv1.2_2021.',
      );
    }
    this.url = `https://${customDomain ? customDomain.domainName : this.distribution.distributionDomainName}`;
  }

  /** Routes `/api/*` to the HTTP API: never cached, every viewer header (Authorization included) forwarded. */
  routeApi(api: Api): void {
    this.distribution.addBehavior(
      '/api/*',
      new HttpOrigin(api.domainName, {
        protocolPolicy: OriginProtocolPolicy.HTTPS_ONLY,
        originSslProtocols: [OriginSslPolicy.TLS_V1_2],
      }),
      {
        viewerProtocolPolicy: ViewerProtocolPolicy.HTTPS_ONLY,
        allowedMethods: AllowedMethods.ALLOW_ALL,
        cachePolicy: CachePolicy.CACHING_DISABLED,
        originRequestPolicy: OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
        responseHeadersPolicy: this.securityHeaders,
        compress: true,
      },
    );
  }

  /**
   * Uploads the web build: hashed files under `assets/` with a year of immutable caching first, then the app
   * shell (index.html and the other top-level files) and `config.json` uncached, and invalidates the shell.
   * Old assets stay (prune off) so that a browser holding the previous index.html still loads.
   */
  deploySite(assetDir: string, config: WebRuntimeConfig): void {
    const hashed = join(assetDir, 'assets');
    // The assets deployment is created first: the deployments share one provider function, which takes the
    // first one's CLI layer, and the shell waits for the assets (a new index.html never points at missing files).
    const assets = existsSync(hashed)
      ? new BucketDeployment(this, 'DeployAssets', {
          sources: [Source.asset(hashed)],
          destinationBucket: this.bucket,
          destinationKeyPrefix: 'assets/',
          prune: false,
          cacheControl: [CacheControl.fromString('public, max-age=31536000, immutable')],
          memoryLimit: 512,
        })
      : undefined;
    const shell = new BucketDeployment(this, 'DeployShell', {
      sources: [
        Source.asset(assetDir, { exclude: ['assets', 'assets/**'] }),
        Source.jsonData('config.json', config),
      ],
      destinationBucket: this.bucket,
      prune: false,
      cacheControl: [CacheControl.fromString('no-cache')],
      distribution: this.distribution,
      distributionPaths: ['/*'],
      memoryLimit: 512,
    });
    if (assets) shell.node.addDependency(assets);
    this.acknowledgeDeploymentProvider();
  }

  /**
   * CDK's BucketDeployment provider (a stack-level singleton `Custom::CDKBucketDeployment…`) is generated by
   * aws-cdk-lib; we cannot shape its role or runtime, so its findings are acknowledged one by one.
   */
  private acknowledgeDeploymentProvider(): void {
    const stack = Stack.of(this);
    const provider = stack.node.children.find((c) => c.node.id.startsWith('Custom::CDKBucketDeployment'));
    if (!provider) return;
    const qualifier =
      (stack.synthesizer as { bootstrapQualifier?: string }).bootstrapQualifier ??
      DefaultStackSynthesizer.DEFAULT_QUALIFIER;
    acknowledge(
      provider,
      'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
      "CDK's BucketDeployment provider writes its own logs through AWSLambdaBasicExecutionRole; the role is " +
        'generated by aws-cdk-lib and the function runs only during deployments.',
    );
    const wildcards = [
      'Action::s3:GetBucket*',
      'Action::s3:GetObject*',
      'Action::s3:List*',
      'Action::s3:Abort*',
      'Action::s3:DeleteObject*',
      `Resource::arn:<AWS::Partition>:s3:::cdk-${qualifier}-assets-<AWS::AccountId>-<AWS::Region>/*`,
      `Resource::${nagArnOf(this.bucket)}/*`,
      'Resource::*',
    ];
    for (const finding of wildcards) {
      acknowledge(
        provider,
        `AwsSolutions-IAM5[${finding}]`,
        "CDK's BucketDeployment provider copies the web build from the CDK asset bucket to the site bucket and " +
          'invalidates the distribution (no resource-level permission for invalidations); generated by aws-cdk-lib.',
      );
    }
    acknowledge(
      provider,
      'AwsSolutions-L1',
      "The BucketDeployment provider's runtime (Python) is chosen by aws-cdk-lib and updated with it; it runs " +
        'only during deployments.',
    );
  }
}
