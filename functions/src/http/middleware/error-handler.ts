import {
  ConflictError,
  DomainError,
  ForbiddenError,
  NotFoundError,
  RateLimitedError,
  toFieldErrors,
  UnauthenticatedError,
  UnprocessableError,
  ValidationError,
} from '@sbiz24/shared';
import type { Context, ErrorHandler, NotFoundHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
// The class alone: `z.core.$ZodError` through the zod/mini namespace would bundle all of zod (400 KB).
import { $ZodError } from 'zod/v4/core';
import { HttpError } from '../errors';
import type { AppEnv } from '../types';

/** The one error shape of every response that is not a success. */
export interface ErrorBody {
  error: { code: string; message: string; details?: unknown };
}

export function errorResponse(
  c: Context,
  status: ContentfulStatusCode,
  code: string,
  message: string,
  details?: unknown,
): Response {
  const body: ErrorBody = { error: details === undefined ? { code, message } : { code, message, details } };
  return c.json(body, status);
}

function statusOf(err: DomainError): ContentfulStatusCode {
  if (err instanceof ValidationError) return 400;
  if (err instanceof UnauthenticatedError) return 401;
  if (err instanceof ForbiddenError) return 403;
  if (err instanceof NotFoundError) return 404;
  if (err instanceof ConflictError) return 409;
  if (err instanceof UnprocessableError) return 422;
  if (err instanceof RateLimitedError) return 429;
  if (err instanceof HttpError) return err.status;
  return 400;
}

/**
 * Maps every thrown error to the error shape: domain errors to their status, zod failures to 400 with field
 * paths, anything else to 500 with no internals (the error itself is logged, not returned).
 */
export const onError: ErrorHandler<AppEnv> = (err, c) => {
  if (err instanceof DomainError) {
    if (err instanceof RateLimitedError) c.header('Retry-After', String(err.retryAfterSeconds));
    return errorResponse(c, statusOf(err), err.code, err.message, err.details);
  }
  if (err instanceof $ZodError) {
    return errorResponse(
      c,
      400,
      'VALIDATION_FAILED',
      '입력값이 올바르지 않습니다.',
      toFieldErrors(err.issues),
    );
  }
  if (err instanceof HTTPException && err.status < 500) {
    return errorResponse(c, err.status as ContentfulStatusCode, 'BAD_REQUEST', '요청을 처리할 수 없습니다.');
  }
  const logger = c.get('logger');
  logger?.error('unhandled error', { errorName: err.name, error: err });
  return errorResponse(c, 500, 'INTERNAL', '일시적인 오류가 발생했습니다. 잠시 후 다시 시도해 주세요.');
};

export const notFound: NotFoundHandler<AppEnv> = (c) =>
  errorResponse(c, 404, 'NOT_FOUND', '요청한 주소를 찾을 수 없습니다.');
