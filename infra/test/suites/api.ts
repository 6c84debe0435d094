import { readApiConfig } from '@sbiz24/functions/aws/config';
import { Match } from 'aws-cdk-lib/assertions';
import { expect, it } from 'vitest';
import { ALERT_ROUTES, PUBLIC_ROUTES } from '../../lib/api.js';
import { type Json, resolveCfn } from '../asl.js';
import type { Synthesized } from '../synth.js';
import { functionEnvironment, functionId, idsOfType } from '../template-query.js';

interface GatewayRoute {
  routeKey: string;
  authorizationType: string;
}

function gatewayRoutes(synth: Synthesized): GatewayRoute[] {
  return idsOfType(synth.json.Resources, 'AWS::ApiGatewayV2::Route').map((id) => {
    const props = synth.json.Resources[id]!.Properties as { RouteKey: string; AuthorizationType?: string };
    return { routeKey: props.RouteKey, authorizationType: props.AuthorizationType ?? 'NONE' };
  });
}

/** The route API Gateway picks for a request, by its precedence rules (exact before greedy, method before ANY). */
function matchRoute(routes: GatewayRoute[], method: string, path: string): GatewayRoute {
  const candidates = routes
    .filter((r) => r.routeKey !== '$default')
    .map((r) => {
      const [routeMethod, routePath] = r.routeKey.split(' ') as [string, string];
      const pattern = routePath.replace(/\{[^}]+\+\}/g, '.+').replace(/\{[^}]+\}/g, '[^/]+');
      return { r, routeMethod, greedy: routePath.includes('+}'), ok: new RegExp(`^${pattern}$`).test(path) };
    })
    .filter((c) => c.ok && (c.routeMethod === method || c.routeMethod === 'ANY'))
    .sort(
      (a, b) =>
        Number(a.greedy) - Number(b.greedy) ||
        Number(a.routeMethod === 'ANY') - Number(b.routeMethod === 'ANY'),
    );
  return candidates[0]?.r ?? routes.find((r) => r.routeKey === '$default')!;
}

/** The HTTP API, its authorizer and routes, and the API function. */
export function apiSuite(dev: () => Synthesized, prod: () => Synthesized): void {
  it('puts the Cognito JWT authorizer on every /api/me and /api/staff route and on the catch-all', () => {
    const routes = gatewayRoutes(dev());
    const protectedRoutes = routes.filter((r) => /^\w+ \/api\/(me|staff)(\/|$)/.test(r.routeKey));
    expect(protectedRoutes.map((r) => r.routeKey).sort()).toEqual([
      'ANY /api/me',
      'ANY /api/me/alert-settings',
      'ANY /api/me/contacts/{proxy+}',
      'ANY /api/me/{proxy+}',
      'ANY /api/staff',
      'ANY /api/staff/{proxy+}',
    ]);
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
    const repos = createMemoryRepositories();
    const clock = () => new Date('2025-03-01T00:00:00Z');
    const app = createApp({
      // The docs function documents the alert settings function's routes too.
      routes: [alertsResource({ repos, clock })],
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
  });
}
