import { type FieldError, toFieldErrors, ValidationError, validateRule } from '@sbiz24/shared';
import type { MiddlewareHandler } from 'hono';
import type * as z from 'zod/mini';
import { HttpError } from './errors';

const INVALID = '입력값이 올바르지 않습니다.';
/** The media types the body validator reads as JSON (`application/json`, `application/*+json`). */
const JSON_MEDIA_TYPE = /^application\/([\w.-]+\+)?json$/i;

/** Where a request may carry a rule tree; zod blurs a failing union, so those errors come from `validateRule`. */
const RULE_PATHS = ['rule', 'draft.rule'] as const;

function at(input: unknown, path: string): unknown {
  let value = input;
  for (const key of path.split('.')) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

const under = (path: string, root: string) => path === root || path.startsWith(`${root}.`);

/**
 * Every problem of a refused input with its path and Korean message. Problems inside a rule tree are
 * replaced by the rule validator's, which name the exact node (`rule.rules.1.codes.0`).
 */
export function fieldErrorsOf(issues: readonly z.core.$ZodIssue[], input: unknown): FieldError[] {
  let errors = toFieldErrors(issues);
  for (const root of RULE_PATHS) {
    if (!errors.some((e) => under(e.path, root))) continue;
    const rule = at(input, root);
    if (rule === undefined) continue;
    const checked = validateRule(rule, root);
    if (checked.ok) continue;
    errors = [...errors.filter((e) => !under(e.path, root)), ...checked.errors];
  }
  return errors;
}

/** What a validator hands its hook; on failure `data` is the input as received (the validator passes it). */
type HookResult = { success: true } | { success: false; error: z.core.$ZodError; data?: unknown };

/** The default validation hook: a refused input is a 400 VALIDATION_FAILED with every problem located. */
export function refuseInvalid(result: HookResult): undefined {
  if (result.success) return undefined;
  throw new ValidationError(INVALID, fieldErrorsOf(result.error.issues, result.data));
}

/**
 * Runs before a JSON body's validator: a body that is not JSON by its content type is a 415, malformed JSON
 * a 400 INVALID_JSON (the validator would otherwise read either as an empty object).
 */
export const jsonBody: MiddlewareHandler = async (c, next) => {
  const mediaType = (c.req.header('content-type') ?? '').split(';')[0]!.trim();
  if (!JSON_MEDIA_TYPE.test(mediaType)) {
    throw new HttpError(415, 'UNSUPPORTED_MEDIA_TYPE', '요청 본문은 JSON(application/json)이어야 합니다.');
  }
  try {
    await c.req.json();
  } catch {
    throw new ValidationError('요청 본문이 올바른 JSON이 아닙니다.', [], 'INVALID_JSON');
  }
  await next();
};
