import { BusinessProfileSchema, DisasterSchema, RuleSchema } from '@sbiz24/shared';
import * as z from 'zod';
import type { Access, Resource, RouteDef } from './types';

/** Full path in OpenAPI syntax: `/api/programs` + `/:id` → `/api/programs/{id}`. */
export function openApiPath(prefix: string, path: string): string {
  const full = path === '/' ? prefix : `${prefix}${path}`;
  return full.replace(/:([A-Za-z_]\w*)/g, '{$1}');
}

function operationId(route: RouteDef, prefix: string): string {
  const words = `${route.method} ${prefix} ${route.path}`
    .replace(/^\/?api\b/, '')
    .split(/[^A-Za-z0-9]+/)
    .filter((w) => w && w !== 'api');
  return words.map((w, i) => (i === 0 ? w : w[0]!.toUpperCase() + w.slice(1))).join('');
}

const ACCESS_TEXT: Record<Access, string> = {
  public: '누구나',
  user: '로그인한 사용자',
  owner: '사업자(owner)',
  staff: '기관 담당자(staff, 소속 기관 한정) 또는 관리자(admin)',
  admin: '관리자(admin)',
};

const ERROR_TEXT: Record<number, string> = {
  400: '입력값 오류 (VALIDATION_FAILED, details에 경로별 메시지)',
  401: '로그인 필요 또는 토큰 오류 (UNAUTHENTICATED)',
  403: '권한 없음 (FORBIDDEN)',
  404: '없음 (…_NOT_FOUND)',
  409: '충돌: 버전이 최신이 아니거나 이미 있음 (VERSION_CONFLICT 등)',
  413: '요청 본문이 너무 큼 (PAYLOAD_TOO_LARGE)',
  415: '본문이 JSON이 아님 (UNSUPPORTED_MEDIA_TYPE)',
  422: '처리할 수 없는 요청 (CLAIM_MISMATCH, EXAMPLE_MISMATCH 등)',
  429: '시도 횟수 초과 (RATE_LIMITED)',
  500: '서버 오류 (INTERNAL)',
  503: '아직 사용할 수 없음 (예: SNAPSHOT_UNAVAILABLE)',
};

const errorRef = { $ref: '#/components/schemas/Error' };

type JsonSchema = Record<string, unknown> & { properties?: Record<string, unknown>; required?: string[] };

/**
 * The OpenAPI 3.1 document, generated from the same route definitions the app registers: a route cannot
 * exist without being documented. Request schemas come from the zod schemas the handlers parse with.
 */
export function buildOpenApi(
  resources: readonly Resource[],
  info: { version: string },
): Record<string, unknown> {
  const registry = z.registry<{ id: string }>();
  registry.add(RuleSchema, { id: 'Rule' });
  registry.add(BusinessProfileSchema, { id: 'BusinessProfile' });
  registry.add(DisasterSchema, { id: 'Disaster' });
  const ops: { resource: Resource; route: RouteDef; id: string }[] = [];
  for (const resource of resources) {
    for (const route of resource.routes) {
      const id = operationId(route, resource.prefix);
      ops.push({ resource, route, id });
      if (route.body && !registry.has(route.body)) registry.add(route.body, { id: `${id}Body` });
      if (route.query && !registry.has(route.query)) registry.add(route.query, { id: `${id}Query` });
    }
  }
  const { schemas } = z.toJSONSchema(registry, {
    io: 'input',
    unrepresentable: 'any',
    uri: (id) => `#/components/schemas/${id}`,
  }) as { schemas: Record<string, JsonSchema> };
  for (const schema of Object.values(schemas)) {
    delete schema.$schema;
    delete schema.$id;
  }

  const paths: Record<string, Record<string, unknown>> = {};
  const queryIds = new Set<string>();
  for (const { resource, route, id } of ops) {
    const path = openApiPath(resource.prefix, route.path);
    const parameters: Record<string, unknown>[] = [...path.matchAll(/\{(\w+)\}/g)].map((m) => ({
      name: m[1],
      in: 'path',
      required: true,
      schema: { type: 'string' },
    }));
    if (route.query) {
      const queryId = registry.get(route.query)!.id;
      queryIds.add(queryId);
      const q = schemas[queryId]!;
      for (const [name, schema] of Object.entries(q.properties ?? {})) {
        parameters.push({ name, in: 'query', required: q.required?.includes(name) ?? false, schema });
      }
    }
    const errorStatuses = new Set<number>(route.errors ?? []);
    if (route.body || route.query || parameters.length > 0) errorStatuses.add(400);
    if (route.body) {
      errorStatuses.add(413);
      errorStatuses.add(415);
    }
    if (route.access !== 'public') {
      errorStatuses.add(401);
      errorStatuses.add(403);
    }
    errorStatuses.add(500);
    const responses: Record<string, unknown> = {
      [route.success.status]: {
        description: route.success.description,
        ...(route.success.status === 204
          ? {}
          : { content: { [route.success.contentType ?? 'application/json']: {} } }),
      },
    };
    for (const status of [...errorStatuses].sort()) {
      responses[status] = {
        description: ERROR_TEXT[status] ?? '오류',
        content: { 'application/json': { schema: errorRef } },
      };
    }
    const bodyId = route.body ? (registry.get(route.body)?.id ?? `${id}Body`) : undefined;
    paths[path] ??= {};
    paths[path][route.method] = {
      operationId: id,
      tags: [resource.tag],
      summary: route.summary,
      description: [route.description, `권한: ${ACCESS_TEXT[route.access]}`].filter(Boolean).join('\n\n'),
      'x-access': route.access,
      security: route.access === 'public' ? [] : [{ bearer: [] }],
      ...(parameters.length > 0 ? { parameters } : {}),
      ...(bodyId
        ? {
            requestBody: {
              required: true,
              content: { 'application/json': { schema: { $ref: `#/components/schemas/${bodyId}` } } },
            },
          }
        : {}),
      responses,
    };
  }

  for (const queryId of queryIds) delete schemas[queryId];

  return {
    openapi: '3.1.0',
    info: {
      title: '소상공인24 API',
      version: info.version,
      description:
        '소상공인을 위한 정책자금·지원사업·재난지원금 매칭 포털의 API입니다. 오류는 모두 ' +
        '`{ "error": { "code", "message", "details"? } }` 형식이며 메시지는 한국어입니다.',
    },
    servers: [{ url: '/' }],
    tags: resources.map((r) => ({ name: r.tag })),
    paths,
    components: {
      securitySchemes: {
        bearer: {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'JWT',
          description: 'Cognito ID 토큰 (로컬 실행에서는 개발용 발급자가 서명한 같은 형식의 토큰)',
        },
      },
      schemas: {
        ...schemas,
        Error: {
          type: 'object',
          required: ['error'],
          properties: {
            error: {
              type: 'object',
              required: ['code', 'message'],
              properties: {
                code: { type: 'string', description: '기계가 읽는 오류 코드 (예: VERSION_CONFLICT)' },
                message: { type: 'string', description: '한국어 메시지' },
                details: { description: '추가 정보 (입력 오류면 [{ path, message }])' },
              },
            },
          },
        },
      },
    },
  };
}
