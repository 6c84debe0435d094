import { securityHeadersFor } from '@sbiz24/shared/security-headers';
import { Match } from 'aws-cdk-lib/assertions';
import { expect, it } from 'vitest';
import { SPA_REWRITE_FUNCTION, siteCspSources } from '../../lib/web.js';
import type { Synthesized } from '../synth.js';
import { asArray, idsOfType } from '../template-query.js';

/** The managed CachingDisabled policy: the API behaviour never caches. */
const CACHING_DISABLED = '4135ea2d-6df8-44a3-9df3-4b5a84be39ad';

/** Runs the CloudFront Function's code on a viewer request for `uri`. */
function rewrite(uri: string): string {
  const handler = new Function(`${SPA_REWRITE_FUNCTION}; return handler;`)() as (event: {
    request: { uri: string };
  }) => { uri: string };
  return handler({ request: { uri } }).uri;
}

// biome-ignore lint/suspicious/noExplicitAny: synthesized CloudFormation, read field by field
type Json = Record<string, unknown> & { [key: string]: any };

/** A synthesized string: plain, or an `Fn::Join` whose `Ref`s (the region) are written as `<Ref>`. */
function resolved(value: unknown): string {
  if (typeof value === 'string') return value;
  const join = (value as { 'Fn::Join'?: [string, unknown[]] })['Fn::Join'];
  if (join) return join[1].map(resolved).join(join[0]);
  const ref = (value as { Ref?: string }).Ref;
  if (ref) return `<${ref}>`;
  throw new Error(`unresolved ${JSON.stringify(value)}`);
}

/** The headers a response headers policy sends, as a browser would read them (names lower-cased). */
function headersOfPolicy(config: Json): Record<string, string> {
  const sec = config.SecurityHeadersConfig ?? {};
  const out: Record<string, string> = {};
  if (sec.ContentSecurityPolicy)
    out['content-security-policy'] = resolved(sec.ContentSecurityPolicy.ContentSecurityPolicy);
  if (sec.StrictTransportSecurity) {
    const h = sec.StrictTransportSecurity;
    out['strict-transport-security'] = [
      `max-age=${h.AccessControlMaxAgeSec}`,
      ...(h.IncludeSubdomains ? ['includeSubDomains'] : []),
      ...(h.Preload ? ['preload'] : []),
    ].join('; ');
  }
  if (sec.ContentTypeOptions) out['x-content-type-options'] = 'nosniff';
  if (sec.FrameOptions) out['x-frame-options'] = sec.FrameOptions.FrameOption;
  if (sec.ReferrerPolicy) out['referrer-policy'] = sec.ReferrerPolicy.ReferrerPolicy;
  if (sec.XSSProtection) out['x-xss-protection'] = sec.XSSProtection.Protection ? '1' : '0';
  for (const item of config.CustomHeadersConfig?.Items ?? [])
    out[String(item.Header).toLowerCase()] = item.Value;
  return out;
}

/** The private site bucket behind CloudFront. */
export function webSuite(dev: () => Synthesized): void {
  it('keeps the site bucket private: readable only by this distribution through origin access control', () => {
    const { json } = dev();
    const siteBucket = idsOfType(json.Resources, 'AWS::S3::Bucket').find((id) =>
      id.startsWith('WebSiteBucket'),
    )!;
    expect(json.Resources[siteBucket]!.Properties?.WebsiteConfiguration).toBeUndefined();
    const policy = Object.values(json.Resources).find(
      (r) => r.Type === 'AWS::S3::BucketPolicy' && JSON.stringify(r.Properties?.Bucket).includes(siteBucket),
    )!;
    const allows = asArray(
      (
        policy.Properties!.PolicyDocument as {
          Statement: { Effect: string; Principal: unknown; Condition?: unknown }[];
        }
      ).Statement,
    ).filter((s) => s.Effect === 'Allow');
    expect(allows.length).toBeGreaterThan(0);
    for (const statement of allows) {
      expect(statement.Principal).toEqual({ Service: 'cloudfront.amazonaws.com' });
      expect(JSON.stringify(statement.Condition)).toContain('AWS:SourceArn');
    }
    dev().template.hasResourceProperties('AWS::CloudFront::OriginAccessControl', {
      OriginAccessControlConfig: Match.objectLike({
        OriginAccessControlOriginType: 's3',
        SigningBehavior: 'always',
      }),
    });
  });

  it('serves HTTPS only, with security headers, the SPA rewrite and /api/* to the HTTP API uncached', () => {
    dev().template.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        DefaultRootObject: 'index.html',
        Logging: Match.objectLike({ Prefix: 'cloudfront/' }),
        DefaultCacheBehavior: Match.objectLike({
          ViewerProtocolPolicy: 'redirect-to-https',
          ResponseHeadersPolicyId: { Ref: Match.stringLikeRegexp('WebSecurityHeaders') },
          FunctionAssociations: [Match.objectLike({ EventType: 'viewer-request' })],
        }),
        CacheBehaviors: [
          Match.objectLike({
            PathPattern: '/api/*',
            ViewerProtocolPolicy: 'https-only',
            CachePolicyId: CACHING_DISABLED,
            AllowedMethods: Match.arrayWith(['PUT', 'PATCH', 'POST', 'DELETE']),
          }),
        ],
        Origins: [
          Match.objectLike({
            OriginAccessControlId: Match.anyValue(),
            S3OriginConfig: { OriginAccessIdentity: '' },
          }),
          Match.objectLike({
            CustomOriginConfig: { OriginProtocolPolicy: 'https-only', OriginSSLProtocols: ['TLSv1.2'] },
            DomainName: {
              'Fn::Join': [
                '',
                [
                  { Ref: Match.stringLikeRegexp('ApiHttpApi') },
                  Match.anyValue(),
                  Match.anyValue(),
                  Match.anyValue(),
                  Match.anyValue(),
                ],
              ],
            },
          }),
        ],
      }),
    });
    dev().template.hasResourceProperties('AWS::CloudFront::ResponseHeadersPolicy', {
      ResponseHeadersPolicyConfig: Match.objectLike({
        SecurityHeadersConfig: Match.objectLike({
          StrictTransportSecurity: Match.objectLike({
            AccessControlMaxAgeSec: 63072000,
            IncludeSubdomains: true,
          }),
          ContentTypeOptions: { Override: true },
          FrameOptions: { FrameOption: 'DENY', Override: true },
          ContentSecurityPolicy: Match.objectLike({
            ContentSecurityPolicy: Match.objectLike({ 'Fn::Join': Match.anyValue() }),
          }),
        }),
      }),
    });
  });

  it('sends the one security header table (CSP, HSTS, frame denial, …) on the site and the API alike', () => {
    const { json } = dev();
    const policies = idsOfType(json.Resources, 'AWS::CloudFront::ResponseHeadersPolicy');
    expect(policies).toHaveLength(1);
    const config = json.Resources[policies[0]!]!.Properties!.ResponseHeadersPolicyConfig as Json;
    const expected = Object.fromEntries(
      securityHeadersFor({ https: true, csp: siteCspSources('<AWS::Region>') }).map(([n, v]) => [
        n.toLowerCase(),
        v,
      ]),
    );

    expect(headersOfPolicy(config)).toEqual(expected);
    expect(expected['content-security-policy']).not.toMatch(/unsafe-(inline|eval)/);
    const distribution = Object.values(json.Resources).find(
      (r) => r.Type === 'AWS::CloudFront::Distribution',
    )!;
    const dist = (distribution.Properties as Json).DistributionConfig;
    for (const behavior of [dist.DefaultCacheBehavior, ...dist.CacheBehaviors])
      expect(behavior.ResponseHeadersPolicyId, behavior.PathPattern ?? 'default').toEqual({
        Ref: policies[0],
      });
  });

  it('rewrites app routes to index.html and leaves files alone', () => {
    expect(rewrite('/')).toBe('/index.html');
    expect(rewrite('/programs/youth-startup-fund')).toBe('/index.html');
    expect(rewrite('/staff/programs/new')).toBe('/index.html');
    expect(rewrite('/assets/index-abc123.js')).toBe('/assets/index-abc123.js');
    expect(rewrite('/config.json')).toBe('/config.json');
  });

  it('deploys the hashed assets immutable, then the uncached app shell', () => {
    const deployments = Object.values(dev().json.Resources).filter(
      (r) => r.Type === 'Custom::CDKBucketDeployment',
    );
    expect(deployments).toHaveLength(2);
    const shell = deployments.find((d) => d.Properties?.DistributionPaths)!;
    expect(shell.Properties?.DistributionPaths).toEqual(['/*']);
    expect(shell.DependsOn).toEqual(expect.arrayContaining([expect.stringMatching(/WebDeployAssets/)]));
    expect(shell.Properties?.SystemMetadata).toEqual({ 'cache-control': 'no-cache' });
    // config.json carries the deploy-time client id and hosted UI domain.
    const markers = JSON.stringify(shell.Properties?.SourceMarkers);
    expect(markers).toMatch(/AuthUserPoolWebClient/);
    expect(markers).toMatch(/AuthUserPoolHostedUi/);
    const assets = deployments.find((d) => d !== shell)!;
    expect(assets.Properties?.DestinationBucketKeyPrefix).toBe('assets/');
    expect(assets.Properties?.SystemMetadata).toEqual({
      'cache-control': 'public, max-age=31536000, immutable',
    });
  });
}
