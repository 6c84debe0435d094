import type { Logger } from '@aws-lambda-powertools/logger';
import type { Context, Handler, Hono, MiddlewareHandler } from 'hono';
import * as z from 'zod/mini';
import type { Caller } from '../services/types';
import { HttpError } from './errors';
import { refuseInvalid } from './validate';

/** A classic or zod/mini schema: both carry `safeParse`, and the OpenAPI generator reads either. */
export type Schema = z.core.$ZodType;

/** Hono environment: what middleware puts on the context. */
export interface AppEnv {
  Variables: {
    correlationId: string;
    logger: Logger;
    caller?: Caller;
    /** The matched route's pattern (`/api/me/businesses/:brn`), set before its guards run: the request log's `route`. */
    route?: string;
  };
}

/**
 * Who may call a route: anyone; any signed-in user; owners; staff and admins (agency checks happen in the
 * service, per program); admins only.
 */
export type Access = 'public' | 'user' | 'owner' | 'staff' | 'admin';

/** A JSON request body, always required (a missing body is refused, never read as `{}`). */
export function jsonRequest<S extends z.core.$ZodType>(schema: S) {
  return { content: { 'application/json': { schema } }, required: true } as const;
}

/** Largest CSV body any route takes (a route's own `maxBytes` may be lower): under Lambda's 6 MB payload. */
export const MAX_CSV_BODY_BYTES = 5 * 1024 * 1024;

/**
 * A CSV request body (`text/csv`; UTF-8 or CP949 bytes as offices export them), always required, at most
 * `maxBytes`: the handler receives the raw bytes and parses them itself (line numbers, encodings).
 */
export function csvRequest(maxBytes: number, description: string) {
  if (maxBytes > MAX_CSV_BODY_BYTES) throw new Error(`csvRequest: ${maxBytes} > ${MAX_CSV_BODY_BYTES}`);
  return {
    description,
    content: { 'text/csv': { schema: CSV_BODY_SCHEMA } },
    required: true,
    maxBytes,
  } as const;
}
const CSV_BODY_SCHEMA = z.string().check(z.meta({ format: 'binary' }));

/** A JSON success response. */
export function jsonResponse<S extends z.core.$ZodType>(schema: S, description = '성공') {
  return { description, content: { 'application/json': { schema } } } as const;
}

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
type JsonBody = ReturnType<typeof jsonRequest>;
export type CsvBody = ReturnType<typeof csvRequest>;
type Body = JsonBody | CsvBody;
type Answer = { description: string; content?: Record<string, { schema: z.core.$ZodType }> };

/** A route as declared: the shape of `@hono/zod-openapi`'s `createRoute`, plus who may call it. */
export interface RouteConfig {
  method: Method;
  /** OpenAPI syntax: `/api/programs/{id}`. */
  path: string;
  tags: string[];
  summary: string;
  description?: string;
  request?: { params?: z.core.$ZodType; query?: z.core.$ZodType; body?: Body };
  responses: Record<number, Answer>;
}

export type Route<R extends RouteConfig = RouteConfig> = R & {
  operationId: string;
  'x-access': Access;
  'x-errors': number[];
};

/** `get /api/programs/{id}` → `getProgramsId`: stable, readable ids for client generators and page anchors. */
function operationIdOf(method: string, path: string): string {
  const words = path.split(/[^A-Za-z0-9]+/).filter((w) => w && w !== 'api');
  return [method, ...words.map((w) => w[0]!.toUpperCase() + w.slice(1))].join('');
}

/**
 * Declares a route once: its access rule, the error statuses it can answer besides the common ones, and its
 * request and response schemas from the contract. `serve` registers and validates it; the OpenAPI document
 * is generated from the same object (`openapi.ts`).
 */
export function defineRoute<const R extends RouteConfig>(
  access: Access,
  route: R,
  errors: readonly number[] = [],
): Route<R> {
  return {
    ...route,
    operationId: operationIdOf(route.method, route.path),
    'x-access': access,
    'x-errors': [...errors],
  };
}

type Out<S> = S extends z.core.$ZodType ? z.output<S> : undefined;
type Req<R extends RouteConfig> = NonNullable<R['request']>;

/** What a handler receives: the validated path parameters, query and body, typed by the route's schemas. */
export interface Input<R extends RouteConfig> {
  params: Out<Req<R>['params']>;
  query: Out<Req<R>['query']>;
  body: Req<R>['body'] extends CsvBody
    ? Uint8Array
    : Req<R>['body'] extends JsonBody
      ? z.output<NonNullable<Req<R>['body']>['content']['application/json']['schema']>
      : undefined;
}

type BodyOf<A> = A extends { content: { 'application/json': { schema: infer S extends z.core.$ZodType } } }
  ? z.input<S>
  : null;

/** A handler's answer: a status its route declares and a body its schema accepts (checked by the compiler). */
export type Reply<R extends RouteConfig> = {
  [S in keyof R['responses'] & number]: { status: S; body: BodyOf<R['responses'][S]> };
}[keyof R['responses'] & number];

/** Refines a failed validation's report (the preview names a bad rule INVALID_RULE). */
export type Explain = (error: unknown) => never;

/** Registers and serves routes on a Hono app, guarded, each input validated once by its schema. */
export interface Server {
  serve<const R extends RouteConfig>(
    route: Route<R>,
    handler: (c: Context<AppEnv>, input: Input<R>) => Reply<R> | Response | Promise<Reply<R> | Response>,
    explain?: Explain,
  ): void;
}

type Guard = (route: Route) => MiddlewareHandler<AppEnv>[];

/** The registered routes, in order: the OpenAPI document and the 405 answers are made from this list. */
export type RouteList = Route[];

export function createServer(app: Hono<AppEnv>, guard: Guard, routes: RouteList): Server {
  return {
    serve(route, handler, explain) {
      routes.push(route as unknown as Route);
      const check = (schema: z.core.$ZodType | undefined, value: unknown) => {
        if (!schema) return undefined;
        const result = z.safeParse(schema, value);
        if (result.success) return result.data;
        try {
          return refuseInvalid({ success: false, error: result.error, data: value });
        } catch (e) {
          if (explain) explain(e);
          throw e;
        }
      };
      const honoPath = route.path.replace(/\{(\w+)\}/g, ':$1');
      const handle: Handler<AppEnv> = async (c) => {
        const request = route.request;
        const declared = request?.body;
        const params = check(request?.params, c.req.param());
        const query = check(request?.query, c.req.query());
        const input = {
          params,
          query,
          body: !declared
            ? undefined
            : isCsvBody(declared)
              ? await readCsvBody(c, declared.maxBytes)
              : check(declared.content['application/json'].schema, await c.req.json()),
        } as Input<typeof route>;
        const answer = await handler(c, input);
        if (answer instanceof Response) return answer;
        const { status, body } = answer as { status: number; body: unknown };
        return body === null ? c.body(null, status as 204) : c.json(body, status as 200);
      };
      const guards = guard(route as unknown as Route);
      // Named here, not read back from Hono's matched routes: middleware mounted after the API (the local
      // server's web app on `*`) would be the last match, and every line would say `/*`.
      const named: MiddlewareHandler<AppEnv> = async (c, next) => {
        c.set('route', honoPath);
        await next();
      };
      app.on(route.method.toUpperCase(), honoPath, named, ...(guards as [MiddlewareHandler<AppEnv>]), handle);
    },
  };
}

export function isCsvBody(body: Body): body is CsvBody {
  return 'text/csv' in body.content;
}

/** `text/csv` media types as clients send them (a charset parameter is allowed and ignored: bytes decide). */
const CSV_MEDIA_TYPE = /^text\/csv$/i;

/** The CSV body's bytes: 415 for another media type, 413 over the route's limit (checked before reading when declared). */
async function readCsvBody(c: Context<AppEnv>, maxBytes: number): Promise<Uint8Array> {
  const mediaType = (c.req.header('content-type') ?? '').split(';')[0]!.trim();
  if (!CSV_MEDIA_TYPE.test(mediaType))
    throw new HttpError(415, 'UNSUPPORTED_MEDIA_TYPE', '요청 본문은 CSV(text/csv)여야 합니다.');
  const tooLarge = () =>
    new HttpError(
      413,
      'PAYLOAD_TOO_LARGE',
      `CSV 파일이 너무 큽니다 (최대 ${(maxBytes / 1024 / 1024).toLocaleString('ko-KR', { maximumFractionDigits: 1 })}MB).`,
    );
  const declared = Number(c.req.header('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge();
  const bytes = new Uint8Array(await c.req.arrayBuffer());
  if (bytes.byteLength > maxBytes) throw tooLarge();
  return bytes;
}

/** An answer for `serve`: `reply(body, 201)`; the compiler checks both against the route's declaration. */
export const reply = <const S extends number, B>(body: B, status: S) => ({ status, body });
