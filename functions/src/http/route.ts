import type { Logger } from '@aws-lambda-powertools/logger';
import type { Context, Handler, Hono, MiddlewareHandler } from 'hono';
import * as z from 'zod/mini';
import type { Caller } from '../services/types';
import { refuseInvalid } from './validate';

/** Hono environment: what middleware puts on the context. */
export interface AppEnv {
  Variables: {
    correlationId: string;
    logger: Logger;
    caller?: Caller;
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

/** A JSON success response. */
export function jsonResponse<S extends z.core.$ZodType>(schema: S, description = '성공') {
  return { description, content: { 'application/json': { schema } } } as const;
}

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
type Body = ReturnType<typeof jsonRequest>;
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
  body: Req<R>['body'] extends Body
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
        const input = {
          params: check(request?.params, c.req.param()),
          query: check(request?.query, c.req.query()),
          body: check(
            request?.body?.content['application/json'].schema,
            request?.body ? await c.req.json() : undefined,
          ),
        } as Input<typeof route>;
        const answer = await handler(c, input);
        if (answer instanceof Response) return answer;
        const { status, body } = answer as { status: number; body: unknown };
        return body === null ? c.body(null, status as 204) : c.json(body, status as 200);
      };
      const guards = guard(route as unknown as Route);
      app.on(route.method.toUpperCase(), honoPath, ...(guards as [MiddlewareHandler<AppEnv>]), handle);
    },
  };
}

/** An answer for `serve`: `reply(body, 201)`; the compiler checks both against the route's declaration. */
export const reply = <const S extends number, B>(body: B, status: S) => ({ status, body });
