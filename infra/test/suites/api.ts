import { readApiConfig } from '@sbiz24/functions/aws/config';
import { Match } from 'aws-cdk-lib/assertions';
import { expect, it } from 'vitest';
import { ALERT_ROUTES, APPLICATION_ROUTES, PUBLIC_ROUTES } from '../../lib/api.js';
import { type Json, resolveCfn } from '../asl.js';
import type { Synthesized } from '../synth.js';
import { functionEnvironment, functionId, idsOfType, roleOf, roleStatements } from '../template-query.js';

interface GatewayRoute {
  routeKey: string;
  authorizationType: string;
  /** The integration's logical id as written in the route's target (names the function behind it). */
  target: string;
}

function gatewayRoutes(synth: Synthesized): GatewayRoute[] {
  return idsOfType(synth.json.Resources, 'AWS::ApiGatewayV2::Route').map((id) => {
    const props = synth.json.Resources[id]!.Properties as {
      RouteKey: string;
      AuthorizationType?: string;
      Target?: unknown;
    };
    return {
      routeKey: props.RouteKey,
      authorizationType: props.AuthorizationType ?? 'NONE',
      target: JSON.stringify(props.Target ?? ''),
    };
  });
}

/**
 * The route API Gateway picks for a request, by its precedence rules (exact before greedy, the longer greedy
 * prefix first, method before ANY).
 */
function matchRoute(routes: GatewayRoute[], method: string, path: string): GatewayRoute {
  const candidates = routes
    .filter((r) => r.routeKey !== '$default')
    .map((r) => {
      const [routeMethod, routePath] = r.routeKey.split(' ') as [string, string];
      const pattern = routePath.replace(/\{[^}]+\+\}/g, '.+').replace(/\{[^}]+\}/g, '[^/]+');
      const greedy = routePath.includes('+}');
      // Among greedy routes the longest fixed prefix is the most specific (`/api/me/applications/{proxy+}`
      // before `/api/me/{proxy+}`).
      const prefix = greedy ? routePath.indexOf('{') : routePath.length;
      return { r, routeMethod, greedy, prefix, ok: new RegExp(`^${pattern}$`).test(path) };
    })
    .filter((c) => c.ok && (c.routeMethod === method || c.routeMethod === 'ANY'))
    .sort(
      (a, b) =>
        Number(a.greedy) - Number(b.greedy) ||
        b.prefix - a.prefix ||
        Number(a.routeMethod === 'ANY') - Number(b.routeMethod === 'ANY'),
    );
  return candidates[0]?.r ?? routes.find((r) => r.routeKey === '$default')!;
}

/** The HTTP API, its authorizer and routes, and the API function. */
export function apiSuite(dev: () => Synthesized, prod: () => Synthesized): void {
  it('puts the Cognito JWT authorizer on every /api/me and /api/staff route and on the catch-all', () => {
    const routes = gatewayRoutes(dev());
    const protectedRoutes = routes.filter((r) => /^\w+ \/api\/(me|staff)(\/|$)/.test(r.routeKey));
    expect(protectedRoutes.map((r) => r.routeKey).sort()).toEqual(
      [
        'ANY /api/me',
        'ANY /api/me/alert-settings',
        'ANY /api/me/contacts/{proxy+}',
        'ANY /api/me/first-sign-in',
        'ANY /api/me/notifications',
        'ANY /api/me/notifications/{proxy+}',
        'ANY /api/me/{proxy+}',
        'ANY /api/staff',
        'ANY /api/staff/{proxy+}',
        ...APPLICATION_ROUTES.map((p) => `ANY ${p}`),
      ].sort(),
    );
    for (const route of [...protectedRoutes, routes.find((r) => r.routeKey === '$default')!]) {
      expect(route.authorizationType, route.routeKey).toBe('JWT');
    }
  });

  it('leaves only the public GET routes and the signed unsubscribe link without an authorizer', () => {
    const open = gatewayRoutes(dev()).filter((r) => r.authorizationType !== 'JWT');
    expect(open.map((r) => r.routeKey).sort()).toEqual(
      [
        ...PUBLIC_ROUTES.map((p) => `GET ${p}`),
        ...ALERT_ROUTES.publicGetPost.flatMap((p) => [`GET ${p}`, `POST ${p}`]),
      ].sort(),
    );
  });

  it("routes every operation of the app's own OpenAPI document to a gateway route with the same access", async () => {
    // Loaded here, not at the top: the rest of this file needs no API code.
    const { createApp } = await import('@sbiz24/functions/http/app');
    const { openApiDocs } = await import('@sbiz24/functions/http/docs');
    const { createLogger } = await import('@sbiz24/functions/services/logger');
    const { createMemoryRepositories } = await import('@sbiz24/functions/testing/memory-repositories');
    const { alertsResource } = await import('@sbiz24/functions/http/routes/alerts');
    const { applicationRoutes } = await import('@sbiz24/functions/http/application-routes');
    const repos = createMemoryRepositories();
    const clock = () => new Date('2025-03-01T00:00:00Z');
    const logger = createLogger({ level: 'SILENT' });
    const applications = createApp({
      routes: [applicationRoutes({ repos, clock, logger })],
      repos,
      clock,
      verifyToken: async () => {
        throw new Error('no tokens in this test');
      },
      logger,
    });
    const core = createApp({
      repos,
      clock,
      verifyToken: async () => {
        throw new Error('no tokens in this test');
      },
      logger,
    });
    const keys = (a: typeof core) =>
      a.routes
        .filter((r) => r.method !== 'ALL')
        .map((r) => `${r.method} ${r.path.replace(/:(\w+)/g, '{$1}')}`);
    const coreOperations = new Set(keys(core));
    const applicationOperations = new Set(keys(applications).filter((k) => !coreOperations.has(k)));
    expect(applicationOperations.size).toBeGreaterThan(10);
    const app = createApp({
      // The docs function documents the application and alert settings functions' routes too.
      routes: [applicationRoutes({ repos, clock, logger }), alertsResource({ repos, clock })],
      docs: openApiDocs,
      repos,
      clock,
      verifyToken: async () => {
        throw new Error('no tokens in this test');
      },
      logger: createLogger({ level: 'SILENT' }),
    });
    const doc = (await (await app.request('/api/openapi.json')).json()) as {
      paths: Record<string, Record<string, { security?: unknown[] }>>;
    };
    const routes = gatewayRoutes(dev());
    const operations = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.entries(ops).map(([method, op]) => ({
        path,
        method: method.toUpperCase(),
        isPublic: !op.security?.length,
      })),
    );
    expect(operations.length).toBeGreaterThan(10);
    expect(operations.some((o) => o.path.startsWith('/api/dev'))).toBe(false);
    for (const op of operations) {
      const route = matchRoute(routes, op.method, op.path);
      expect(`${op.method} ${op.path} → ${route.routeKey} ${route.authorizationType}`).toBe(
        `${op.method} ${op.path} → ${route.routeKey} ${op.isPublic ? 'NONE' : 'JWT'}`,
      );
      // Application operations reach the applications function, and only they do.
      const isApplication = applicationOperations.has(`${op.method} ${op.path}`);
      expect(`${op.method} ${op.path} → applications: ${route.target.includes('Applications')}`).toBe(
        `${op.method} ${op.path} → applications: ${isApplication}`,
      );
    }
  });

  it('verifies tokens issued by the user pool (https issuer) for the web client', () => {
    dev().template.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', {
      AuthorizerType: 'JWT',
      IdentitySource: ['$request.header.Authorization'],
      JwtConfiguration: {
        Audience: [{ Ref: Match.stringLikeRegexp('AuthUserPoolWebClient') }],
        Issuer: Match.anyValue(),
      },
    });
    const authorizer = Object.values(dev().json.Resources).find(
      (r) => r.Type === 'AWS::ApiGatewayV2::Authorizer',
    )!;
    const issuer = (authorizer.Properties!.JwtConfiguration as { Issuer: Json }).Issuer;
    expect(resolveCfn(issuer, dev().json.Resources)).toMatch(
      /^https:\/\/placeholder-AuthUserPool\w+-ProviderURL$/,
    );
  });

  it('throttles the stage and writes JSON access logs', () => {
    dev().template.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      StageName: '$default',
      AutoDeploy: true,
      DefaultRouteSettings: { ThrottlingRateLimit: 50, ThrottlingBurstLimit: 100 },
      AccessLogSettings: {
        DestinationArn: Match.anyValue(),
        Format: Match.stringLikeRegexp('"requestId":"\\$context.requestId"'),
      },
    });
    prod().template.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      DefaultRouteSettings: { ThrottlingRateLimit: 2000, ThrottlingBurstLimit: 5000 },
    });
  });

  it('answers CORS only for the configured origins, never for any origin', () => {
    dev().template.hasResourceProperties('AWS::ApiGatewayV2::Api', {
      CorsConfiguration: Match.objectLike({
        AllowOrigins: ['http://localhost:3000', 'http://localhost:5173'],
      }),
    });
    const prodApi = Object.values(prod().json.Resources).find((r) => r.Type === 'AWS::ApiGatewayV2::Api')!;
    expect(prodApi.Properties?.CorsConfiguration).toBeUndefined();
    expect(JSON.stringify(dev().json)).not.toMatch(/"AllowOrigins":\["\*"\]/);
  });

  it('keeps application uploads private, POSTable from the site only, and deletes unchecked ones after a day', () => {
    const { json } = dev();
    const id = idsOfType(json.Resources, 'AWS::S3::Bucket').find((b) => b.startsWith('ApiUploadBucket'))!;
    const props = json.Resources[id]!.Properties as Record<string, Json>;
    const cors = (props.CorsConfiguration as { CorsRules: Record<string, Json>[] }).CorsRules;
    expect(cors).toHaveLength(1);
    expect(cors[0]!.AllowedMethods).toEqual(['POST']);
    const origins = JSON.stringify(cors[0]!.AllowedOrigins);
    expect(origins).not.toContain('"*"');
    expect(origins).toContain('http://localhost:3000');
    expect(origins).toContain('Distribution');
    expect((props.LifecycleConfiguration as { Rules: Json[] }).Rules).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          Id: 'expire-unchecked-uploads',
          Prefix: 'uploads/',
          TagFilters: [{ Key: 'upload-state', Value: 'pending' }],
          ExpirationInDays: 1,
        }),
      ]),
    );
  });

  it('lets the applications function alone touch uploads/ objects, with no s3:* and no other bucket write', () => {
    const uploadsOf = (path: string) =>
      roleStatements(dev(), roleOf(dev(), functionId(dev(), path))).filter((s) =>
        JSON.stringify(s.Resource).includes('ApiUploadBucket'),
      );
    const uploads = uploadsOf('Api/ApplicationsHandler');
    const actions = uploads.flatMap((s) => [s.Action].flat());
    expect(actions.sort()).toEqual(
      ['s3:DeleteObject', 's3:GetObject', 's3:ListBucket', 's3:PutObject', 's3:PutObjectTagging'].sort(),
    );
    for (const s of uploads)
      if ([s.Action].flat().includes('s3:PutObject'))
        expect(JSON.stringify(s.Resource)).toContain('/uploads/*');
    const statements = roleStatements(dev(), roleOf(dev(), functionId(dev(), 'Api/ApplicationsHandler')));
    expect(JSON.stringify(statements)).not.toContain('"s3:*"');
    for (const other of ['Api/Handler', 'Api/AlertsHandler', 'Api/DocsHandler'])
      expect(uploadsOf(other), other).toEqual([]);
  });

  it('gives the API function the environment its config reader requires', () => {
    const env = functionEnvironment(dev(), functionId(dev(), 'Api/Handler'));
    expect(readApiConfig(env)).toMatchObject({
      snapshotBucket: env.SNAPSHOT_BUCKET,
      cognitoClientId: env.COGNITO_CLIENT_ID,
    });
    expect(env).toMatchObject({ POWERTOOLS_SERVICE_NAME: 'api', LOG_LEVEL: 'DEBUG', STAGE: 'dev' });
    expect(Object.keys(env)).toEqual(
      expect.arrayContaining(['SNAPSHOT_BUCKET', 'EVENT_BUS_NAME', 'TABLE_NAME']),
    );
    const applications = functionEnvironment(dev(), functionId(dev(), 'Api/ApplicationsHandler'));
    expect(readApiConfig(applications)).toMatchObject({ uploadBucket: applications.UPLOAD_BUCKET });
    expect(applications).toMatchObject({ POWERTOOLS_SERVICE_NAME: 'api-applications' });
    expect(JSON.stringify(applications.ACCOUNT_KEY_ID)).toContain('ApiAccountKey');
    for (const other of ['Api/Handler', 'Api/AlertsHandler', 'Api/DocsHandler'])
      expect(functionEnvironment(dev(), functionId(dev(), other)), other).not.toHaveProperty(
        'ACCOUNT_KEY_ID',
      );
  });

  it('keeps relief account numbers under a rotated KMS key only the applications function may use', () => {
    const keys = Object.entries(dev().json.Resources)
      .filter(([id, r]) => r.Type === 'AWS::KMS::Key' && id.startsWith('ApiAccountKey'))
      .map(([, r]) => r);
    expect(keys).toHaveLength(1);
    expect(keys[0]!.Properties).toMatchObject({ EnableKeyRotation: true });
    const kmsOf = (fn: string) =>
      roleStatements(dev(), roleOf(dev(), functionId(dev(), fn)))
        .flatMap((s) => [s.Action].flat())
        .filter((a) => String(a).startsWith('kms:'));
    expect(kmsOf('Api/ApplicationsHandler').sort()).toEqual(['kms:Decrypt', 'kms:GenerateDataKey']);
    for (const other of ['Api/Handler', 'Api/AlertsHandler', 'Api/DocsHandler'])
      expect(kmsOf(other), other).toEqual([]);
  });
}
