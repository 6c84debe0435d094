import { RateLimitedError } from '@sbiz24/shared';

export interface FailureLimiter {
  /** Throws RateLimitedError (429) when `key` has used up its failed attempts in the window. */
  check(key: string): void;
  recordFailure(key: string): void;
}

export interface FailureLimiterOptions {
  /** Failed attempts allowed per window. */
  limit: number;
  windowMs: number;
  clock: () => Date;
  message: string;
  /** Bound on tracked keys; the oldest are dropped beyond it. @default 10000 */
  maxKeys?: number;
}

/**
 * Sliding-window counter of failed attempts, in memory (per container on Lambda, per process locally):
 * a brake on guessing, not a global quota. Reads time only from the injected clock.
 */
export function createFailureLimiter({
  limit,
  windowMs,
  clock,
  message,
  maxKeys = 10_000,
}: FailureLimiterOptions): FailureLimiter {
  const failures = new Map<string, number[]>();
  const recent = (key: string, now: number) => (failures.get(key) ?? []).filter((t) => now - t < windowMs);
  return {
    check(key) {
      const now = clock().getTime();
      const times = recent(key, now);
      if (times.length === 0) failures.delete(key);
      else failures.set(key, times);
      if (times.length >= limit) {
        const retryAfterMs = windowMs - (now - times[0]!);
        throw new RateLimitedError(message, Math.max(1, Math.ceil(retryAfterMs / 1000)));
      }
    },
    recordFailure(key) {
      const now = clock().getTime();
      const times = recent(key, now);
      times.push(now);
      failures.delete(key);
      failures.set(key, times);
      if (failures.size > maxKeys) failures.delete(failures.keys().next().value!);
    },
  };
}
