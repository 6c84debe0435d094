import { createLocalJWKSet, exportJWK, generateKeyPair, SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { callerFromClaims, createTokenVerifier, TOKEN_CLOCK_SKEW_SECONDS } from './token-verifier';

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
    const verify = createTokenVerifier({ keySet: createLocalJWKSet({ keys: [jwk] }), issuer, audience });
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
    return { verify, sign, now };
  }

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
});
