import type { FieldError } from './validation';

/** Base of the domain errors that the API maps to HTTP statuses (one place: the app's error handler). */
export abstract class DomainError extends Error {
  /** Machine-readable code, stable across releases (e.g. `PROGRAM_NOT_FOUND`). */
  abstract readonly code: string;
  constructor(
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** 400: the input is invalid. */
export class ValidationError extends DomainError {
  readonly code: string;
  constructor(message: string, errors: FieldError[] = [], code = 'VALIDATION_FAILED') {
    super(message, errors);
    this.code = code;
  }
  get errors(): FieldError[] {
    return (this.details as FieldError[]) ?? [];
  }
}

/** 404. */
export class NotFoundError extends DomainError {
  constructor(
    message: string,
    readonly code = 'NOT_FOUND',
  ) {
    super(message);
  }
}

/** 409: a stale version or a duplicate; nothing was written. */
export class ConflictError extends DomainError {
  constructor(
    message: string,
    readonly code = 'CONFLICT',
    details?: unknown,
  ) {
    super(message, details);
  }
}

/** 403. */
export class ForbiddenError extends DomainError {
  constructor(
    message: string,
    readonly code = 'FORBIDDEN',
  ) {
    super(message);
  }
}

/** 422: well-formed input that the business rules refuse (e.g. a claim whose details do not match the registry). */
export class UnprocessableError extends DomainError {
  constructor(
    message: string,
    readonly code = 'UNPROCESSABLE',
    details?: unknown,
  ) {
    super(message, details);
  }
}

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
