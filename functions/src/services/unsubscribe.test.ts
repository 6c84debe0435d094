import { describe, expect, it } from 'vitest';
import { createUnsubscribeTokens, UNSUBSCRIBE_TOKEN_MAX_LENGTH } from './unsubscribe';

describe('unsubscribe tokens', () => {
  const tokens = createUnsubscribeTokens('secret-1');

  it('round-trips the account and the kind', () => {
    expect(tokens.verify(tokens.sign('owner-1', 'deadline'))).toEqual({
      userId: 'owner-1',
      kind: 'deadline',
    });
  });

  it('refuses a token signed with another key, a changed payload, garbage and an overlong token', () => {
    const token = tokens.sign('owner-1', 'deadline');
    expect(createUnsubscribeTokens('secret-2').verify(token)).toBeUndefined();
    const [, sig] = token.split('.');
    const forged = `${Buffer.from(JSON.stringify({ u: 'owner-2', k: 'deadline' })).toString('base64url')}.${sig}`;
    expect(tokens.verify(forged)).toBeUndefined();
    expect(tokens.verify('a.b.c')).toBeUndefined();
    expect(tokens.verify('')).toBeUndefined();
    expect(tokens.verify('x'.repeat(UNSUBSCRIBE_TOKEN_MAX_LENGTH + 1))).toBeUndefined();
  });
});
