import { RateLimitedError } from '@sbiz24/shared';
import { describe, expect, it } from 'vitest';
import { createFailureLimiter } from './rate-limiter';

function setup() {
  let now = Date.parse('2026-11-26T00:00:00Z');
  const limiter = createFailureLimiter({
    limit: 3,
    windowMs: 60_000,
    clock: () => new Date(now),
    message: '잠시 뒤에 다시 시도해 주세요.',
  });
  return { limiter, advance: (ms: number) => (now += ms) };
}

describe('failure limiter', () => {
  it('refuses a key once it has used up its failures, with the seconds until one expires', () => {
    const { limiter, advance } = setup();
    for (let i = 0; i < 3; i++) {
      limiter.check('u');
      limiter.recordFailure('u');
      advance(10_000);
    }
    let error: unknown;
    try {
      limiter.check('u');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(RateLimitedError);
    expect((error as RateLimitedError).retryAfterSeconds).toBe(30);
    expect(() => limiter.check('someone-else')).not.toThrow();
  });

  it('lets the key try again once the oldest failure leaves the window', () => {
    const { limiter, advance } = setup();
    for (let i = 0; i < 3; i++) limiter.recordFailure('u');
    expect(() => limiter.check('u')).toThrow(RateLimitedError);
    advance(60_000);
    expect(() => limiter.check('u')).not.toThrow();
  });
});
