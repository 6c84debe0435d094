import { DomainError } from '@sbiz24/shared';

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
