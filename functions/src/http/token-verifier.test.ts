import { createLocalJWKSet, exportJWK, generateKeyPair, type JWTVerifyGetKey, SignJWT } from 'jose';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  callerFromClaims,
  createTokenVerifier,
  TOKEN_CLOCK_SKEW_SECONDS,
  VERIFIED_TOKEN_TTL_MS,
} from './token-verifier';

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

describe('token verification', () => {
  const issuer = 'urn:test:issuer';
  const audience = 'test-client';

  async function setup() {
    const { privateKey, publicKey } = await generateKeyPair('ES256');
    const jwk = { ...(await exportJWK(publicKey)), kid: 'k1', alg: 'ES256' };
    const keys = createLocalJWKSet({ keys: [jwk] });
    // Counts the signature checks: jose asks the key set for the key of every token it verifies.
    const checks = { count: 0 };
    const keySet: JWTVerifyGetKey = (...args) => {
      checks.count += 1;
      return keys(...args);
    };
    const verify = createTokenVerifier({ keySet, issuer, audience });
    const now = Math.floor(Date.now() / 1000);
    const sign = (claims: { iat?: number; exp?: number; iss?: string; aud?: string }) => {
      const jwt = new SignJWT({ name: '김하늘', token_use: 'id' })
        .setProtectedHeader({ alg: 'ES256', kid: 'k1' })
        .setSubject('owner-kim');
      if (claims.iss !== undefined) jwt.setIssuer(claims.iss);
      if (claims.aud !== undefined) jwt.setAudience(claims.aud);
      if (claims.iat !== undefined) jwt.setIssuedAt(claims.iat);
      if (claims.exp !== undefined) jwt.setExpirationTime(claims.exp);
      return jwt.sign(privateKey);
    };
    return { verify, sign, now, checks };
  }

  afterEach(() => vi.useRealTimers());

  it('accepts a token with exp, iat, iss and aud, also a little past its expiry (clock skew)', async () => {
    const { verify, sign, now } = await setup();
    await expect(
      verify(await sign({ iss: issuer, aud: audience, iat: now, exp: now + 3600 })),
    ).resolves.toEqual({ sub: 'owner-kim', name: '김하늘', role: 'owner' });
    await expect(
      verify(await sign({ iss: issuer, aud: audience, iat: now - 3600, exp: now - 30 })),
    ).resolves.toMatchObject({
      sub: 'owner-kim',
    });
  });

  it('refuses a token without an expiry', async () => {
    const { verify, sign, now } = await setup();
    await expect(verify(await sign({ iss: issuer, aud: audience, iat: now }))).rejects.toThrow(/exp/);
  });

  it('refuses a token without an issued-at time, issuer or audience', async () => {
    const { verify, sign, now } = await setup();
    await expect(verify(await sign({ iss: issuer, aud: audience, exp: now + 3600 }))).rejects.toThrow(/iat/);
    await expect(verify(await sign({ aud: audience, iat: now, exp: now + 3600 }))).rejects.toThrow(/iss/);
    await expect(verify(await sign({ iss: issuer, iat: now, exp: now + 3600 }))).rejects.toThrow(/aud/);
  });

  it('refuses an expired token beyond the skew, and one issued in the future beyond the skew', async () => {
    const { verify, sign, now } = await setup();
    const skew = TOKEN_CLOCK_SKEW_SECONDS;
    await expect(
      verify(await sign({ iss: issuer, aud: audience, iat: now - 7200, exp: now - skew - 5 })),
    ).rejects.toThrow(/exp/);
    await expect(
      verify(await sign({ iss: issuer, aud: audience, iat: now + skew + 60, exp: now + 7200 })),
    ).rejects.toThrow(/iat/);
  });

  it('checks a token once while it stays valid, again after the cache time, and never past its expiry', async () => {
    vi.useFakeTimers({ now: new Date('2026-12-03T03:00:00Z'), toFake: ['Date'] });
    const { verify, sign, now, checks } = await setup();
    const long = await sign({ iss: issuer, aud: audience, iat: now, exp: now + 3600 });
    const caller = await verify(long);
    caller.role = 'admin'; // a caller's copy: changing it changes nothing cached
    await expect(verify(long)).resolves.toEqual({ sub: 'owner-kim', name: '김하늘', role: 'owner' });
    expect(checks.count).toBe(1);
    vi.setSystemTime(Date.now() + VERIFIED_TOKEN_TTL_MS + 1);
    await verify(long);
    expect(checks.count).toBe(2);

    const later = Math.floor(Date.now() / 1000);
    const short = await sign({ iss: issuer, aud: audience, iat: later, exp: later + 60 });
    await verify(short);
    // Well inside the cache time, but past the expiry and the skew: checked again, and refused.
    vi.setSystemTime((later + 60 + TOKEN_CLOCK_SKEW_SECONDS + 1) * 1000);
    await expect(verify(short)).rejects.toThrow(/exp/);
  });

  it('never remembers a refused token', async () => {
    const { verify, sign, now, checks } = await setup();
    const noExpiry = await sign({ iss: issuer, aud: audience, iat: now });
    await expect(verify(noExpiry)).rejects.toThrow(/exp/);
    await expect(verify(noExpiry)).rejects.toThrow(/exp/);
    expect(checks.count).toBe(2);
  });
});
