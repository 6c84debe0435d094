import { toFieldErrors, ValidationError } from '@sbiz24/shared';
import type { Context } from 'hono';
import type { z } from 'zod';
import { HttpError } from './errors';

const INVALID = '입력값이 올바르지 않습니다.';

/** Parses with a schema; a failure becomes a 400 with every problem's path and Korean message. */
export function parseWith<S extends z.ZodType>(schema: S, input: unknown, prefix = ''): z.output<S> {
  const result = schema.safeParse(input);
  if (!result.success) throw new ValidationError(INVALID, toFieldErrors(result.error.issues, prefix));
  return result.data;
}

/** Reads a JSON body: requires a JSON content type (415), well-formed JSON (400), then the schema (400). */
export async function readJson<S extends z.ZodType>(c: Context, schema: S): Promise<z.output<S>> {
  const type = c.req.header('content-type') ?? '';
  if (!/^application\/(?:[\w.+-]+\+)?json\b/i.test(type)) {
    throw new HttpError(415, 'UNSUPPORTED_MEDIA_TYPE', '요청 본문은 JSON(application/json)이어야 합니다.');
  }
  let body: unknown;
  try {
    body = await c.req.json();
  } catch {
    throw new ValidationError('요청 본문이 올바른 JSON이 아닙니다.', [], 'INVALID_JSON');
  }
  return parseWith(schema, body);
}

/** Reads the query string (single values) with a schema. */
export function readQuery<S extends z.ZodType>(c: Context, schema: S): z.output<S> {
  return parseWith(schema, c.req.query());
}

/** A path parameter of the matched route (always present when the route matched). */
export function pathParam(c: Context, name: string): string {
  return c.req.param(name) ?? '';
}
