import { ConflictError } from '@sbiz24/shared';

/** A single-item write whose ConditionExpression did not hold. */
export function isConditionalCheckFailed(err: unknown): boolean {
  return err instanceof Error && err.name === 'ConditionalCheckFailedException';
}

/**
 * For a cancelled transaction, the cancellation code of each item in request order ('None' for items
 * that were fine); undefined for any other error.
 */
export function cancellationCodes(err: unknown): string[] | undefined {
  if (!(err instanceof Error) || err.name !== 'TransactionCanceledException') return undefined;
  const reasons = (err as { CancellationReasons?: { Code?: string }[] }).CancellationReasons ?? [];
  return reasons.map((reason) => reason.Code ?? 'None');
}

/** The stored version differs from the one the caller read: nothing was written. */
export function versionConflict(expectedVersion: number, currentVersion?: number): ConflictError {
  return new ConflictError(
    '다른 사용자가 먼저 수정했습니다. 최신 내용을 다시 불러온 뒤 수정해 주세요.',
    'VERSION_CONFLICT',
    { expectedVersion, ...(currentVersion === undefined ? {} : { currentVersion }) },
  );
}

export function alreadyExists(message: string): ConflictError {
  return new ConflictError(message, 'ALREADY_EXISTS');
}

/**
 * A stored item that does not have the shape its entity's mapper reads (items.ts): a fault of the store or
 * of whatever wrote it, not of the request, so the API answers 500. The message names the entity and the
 * attributes, never their values.
 */
export class MalformedItemError extends Error {
  constructor(
    readonly entity: string,
    readonly attributes: string[],
  ) {
    super(`Stored ${entity} item is malformed at: ${attributes.map((a) => a || '(item)').join(', ')}`);
    this.name = 'MalformedItemError';
  }
}
