import { NAMED_SCHEMAS } from '@sbiz24/shared/contract/components';
import * as z from 'zod/mini';
import { isCsvBody, type Route } from './route';
import type { Access } from './types';

const ACCESS_TEXT: Record<Access, string> = {
  public: '누구나',
  user: '로그인한 사용자',
  owner: '사업자',
  staff: '기관 담당자(소속 기관 한정)·관리자',
  admin: '관리자',
};

const ERROR_TEXT: Record<number, string> = {
  400: 'VALIDATION_FAILED: 입력값 오류 (모르는 항목 포함)',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: '…_NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED (Allow 헤더)',
  409: 'VERSION_CONFLICT 등',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  422: 'CLAIM_MISMATCH, EXAMPLE_MISMATCH 등',
  429: 'RATE_LIMITED',
  500: 'INTERNAL',
  503: 'SNAPSHOT_UNAVAILABLE',
};

type JsonSchema = Record<string, unknown> & { properties?: Record<string, unknown>; required?: string[] };

/** Objects that accept unknown keys must say so: zod writes `additionalProperties: false` for every object. */
const openUnlessStrict = (ctx: { zodSchema: z.core.$ZodType; jsonSchema: JsonSchema }) => {
  const def = ctx.zodSchema._zod.def as { type: string; catchall?: { _zod: { def: { type: string } } } };
  if (def.type === 'object' && def.catchall?._zod.def.type !== 'never')
    delete ctx.jsonSchema.additionalProperties;
};

/**
 * JSON Schemas of the route schemas, as the server reads input (`io: 'input'`: a field with a default is
 * optional, query numbers are before coercion); answers are checked against the same forms, which accept
 * every answer the output form would. Named contract schemas become components and are referred to by
 * `$ref`; the others are named after their route (`GetProgramsQuery`).
 */
function schemasOf(routes: readonly Route[]) {
  const registry = z.registry<{ id: string }>();
  for (const [id, schema] of Object.entries(NAMED_SCHEMAS)) registry.add(schema, { id });
  const idOf = (schema: z.core.$ZodType | undefined, fallback: string) => {
    if (!schema) return undefined;
    if (!registry.has(schema)) registry.add(schema, { id: fallback });
    return registry.get(schema)!.id;
  };
  const uses = routes.map((r) => {
    const req = r.request ?? {};
    const name = r.operationId[0]!.toUpperCase() + r.operationId.slice(1);
    return {
      params: idOf(req.params, `${name}Params`),
      query: idOf(req.query, `${name}Query`),
      body:
        req.body && !isCsvBody(req.body)
          ? idOf(req.body.content['application/json'].schema, `${name}Body`)
          : undefined,
      csvBody: req.body && isCsvBody(req.body) ? req.body : undefined,
      answers: Object.fromEntries(
        Object.entries(r.responses).map(([status, a]) => [
          status,
          idOf(a.content?.['application/json']?.schema, `${name}Response${status}`),
        ]),
      ),
    };
  });
  const { schemas } = z.toJSONSchema(registry, {
    io: 'input',
    unrepresentable: 'any',
    uri: (id) => ref(id),
    override: openUnlessStrict,
  }) as { schemas: Record<string, JsonSchema> };
  for (const schema of Object.values(schemas)) delete schema.$schema;
  return { components: schemas, uses };
}

const ref = (id: string) => `#/components/schemas/${id}`;

/**
 * The OpenAPI 3.1 document, generated from the routes the app registered: their request and response
 * schemas come from the contract, and each operation gets the error responses it can give (the common
 * `Error` schema): 400 for any input, 413/415 for a body, 401/403 unless public, 405, 500, and its own.
 */
export function buildOpenApi(routes: readonly Route[]): Record<string, unknown> {
  const { components, uses } = schemasOf(routes);
  const paths: Record<string, Record<string, unknown>> = {};
  const inlined = new Set<string>();
  for (const [i, route] of routes.entries()) {
    const use = uses[i]!;
    const parameters: unknown[] = [];
    for (const [where, id] of [
      ['path', use.params],
      ['query', use.query],
    ] as const) {
      if (!id) continue;
      // Parameters are listed one by one, so their object schemas are not components of their own.
      const object = components[id]!;
      inlined.add(id);
      for (const [name, schema] of Object.entries(object.properties ?? {})) {
        parameters.push({
          name,
          in: where,
          required: where === 'path' || (object.required?.includes(name) ?? false),
          schema,
        });
      }
    }
    const responses: Record<string, unknown> = {};
    for (const [status, answer] of Object.entries(route.responses)) {
      const id = use.answers[status];
      const content = Object.fromEntries(
        Object.keys(answer.content ?? {}).map((type) => [
          type,
          { schema: type === 'application/json' && id ? { $ref: ref(id) } : { type: 'string' } },
        ]),
      );
      responses[status] = { description: answer.description, ...(answer.content ? { content } : {}) };
    }
    const statuses = new Set<number>(route['x-errors']);
    if (parameters.length > 0 || use.body || use.csvBody) statuses.add(400);
    if (use.body || use.csvBody) {
      statuses.add(413);
      statuses.add(415);
    }
    if (route['x-access'] !== 'public') {
      statuses.add(401);
      statuses.add(403);
    }
    statuses.add(405);
    statuses.add(500);
    for (const status of [...statuses].sort()) {
      responses[status] ??= {
        description: ERROR_TEXT[status] ?? '오류',
        content: { 'application/json': { schema: { $ref: ref('Error') } } },
      };
    }
    paths[route.path] ??= {};
    paths[route.path]![route.method] = {
      operationId: route.operationId,
      tags: route.tags,
      summary: route.summary,
      description: [route.description, `권한: ${ACCESS_TEXT[route['x-access']]}`]
        .filter(Boolean)
        .join('\n\n'),
      'x-access': route['x-access'],
      security: route['x-access'] === 'public' ? [] : [{ bearer: [] }],
      ...(parameters.length > 0 ? { parameters } : {}),
      ...(use.body
        ? {
            requestBody: {
              required: true,
              content: { 'application/json': { schema: { $ref: ref(use.body) } } },
            },
          }
        : {}),
      ...(use.csvBody
        ? {
            requestBody: {
              required: true,
              description: `${use.csvBody.description} (최대 ${use.csvBody.maxBytes.toLocaleString('en-US')}바이트)`,
              content: { 'text/csv': { schema: { type: 'string', format: 'binary' } } },
            },
          }
        : {}),
      responses,
    };
  }
  for (const id of inlined) delete components[id];
  return {
    openapi: '3.1.0',
    info: {
      title: '소상공인24 API',
      version: '0.1.0',
      description:
        '오류는 모두 `{ "error": { "code", "message", "details"? } }`입니다. 본문·쿼리의 모르는 항목은 400 (details에 경로).',
    },
    servers: [{ url: '/' }],
    // In the order the app registers its resources.
    tags: [...new Set(routes.flatMap((r) => r.tags))].map((name) => ({ name })),
    paths,
    components: {
      schemas: components,
      securitySchemes: {
        bearer: {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'JWT',
          description: 'Cognito ID 토큰 (로컬: 개발용 발급자)',
        },
      },
    },
  };
}
