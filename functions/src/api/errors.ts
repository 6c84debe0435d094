import { DomainError } from '@sbiz24/shared';

/** 401: no token, or one that does not verify. */
export class UnauthenticatedError extends DomainError {
  readonly code = 'UNAUTHENTICATED';
}

/** 429: too many attempts; `retryAfterSeconds` goes into the Retry-After header. */
export class RateLimitedError extends DomainError {
  readonly code = 'RATE_LIMITED';
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(message);
  }
}

/** A transport-level refusal with its own status (413 payload too large, 415 not JSON, 503 not ready yet). */
export class HttpError extends DomainError {
  constructor(
    readonly status: 413 | 415 | 503,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}
