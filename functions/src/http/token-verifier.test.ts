import { describe, expect, it } from 'vitest';
import { callerFromClaims } from './token-verifier';

describe('caller from Cognito claims', () => {
  it('takes the role from cognito:groups, admin over staff over owner', () => {
    expect(callerFromClaims({ sub: 'a', name: 'A' }).role).toBe('owner');
    expect(callerFromClaims({ sub: 'a', 'cognito:groups': ['staff'], 'custom:agency': 'mss' })).toEqual({
      sub: 'a',
      name: '',
      role: 'staff',
      agencyId: 'mss',
    });
    expect(callerFromClaims({ sub: 'a', 'cognito:groups': ['staff', 'admin'] }).role).toBe('admin');
  });

  it('ignores an unknown agency and an agency on an owner', () => {
    expect(
      callerFromClaims({ sub: 'a', 'cognito:groups': ['staff'], 'custom:agency': 'nasa' }).agencyId,
    ).toBeUndefined();
    expect(callerFromClaims({ sub: 'a', 'custom:agency': 'semas' }).agencyId).toBeUndefined();
  });

  it('falls back to email for the name, and refuses access tokens and tokens without a subject', () => {
    expect(callerFromClaims({ sub: 'a', email: 'a@example.com' }).name).toBe('a@example.com');
    expect(() => callerFromClaims({ sub: 'a', token_use: 'access' })).toThrow();
    expect(() => callerFromClaims({ name: 'x' })).toThrow();
  });
});
