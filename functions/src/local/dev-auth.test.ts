import { createLocalJWKSet, decodeJwt, exportJWK, SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { createTokenVerifier } from '../http/token-verifier';
import { DEMO_USERS } from './demo-data';
import { createDevIssuer, DEV_AUDIENCE, DEV_ISSUER } from './dev-auth';

describe('dev identity issuer', () => {
  it('signs Cognito-style claims that its verifier maps back to the demo user', async () => {
    const issuer = await createDevIssuer(DEMO_USERS);
    const token = await issuer.issueToken('staff-semas');
    expect(decodeJwt(token)).toMatchObject({
      sub: 'staff-semas',
      'cognito:groups': ['staff'],
      'custom:agency': 'semas',
      iss: DEV_ISSUER,
      aud: DEV_AUDIENCE,
    });
    expect(await issuer.verifyToken(token)).toEqual({
      sub: 'staff-semas',
      name: '이소진',
      role: 'staff',
      agencyId: 'semas',
    });
    expect(await issuer.verifyToken(await issuer.issueToken('owner-kim'))).toEqual({
      sub: 'owner-kim',
      name: '김하늘',
      role: 'owner',
    });
    expect((await issuer.verifyToken(await issuer.issueToken('admin'))).role).toBe('admin');
  });

  it('refuses tokens of another run (a new key pair each start) and unknown users', async () => {
    const first = await createDevIssuer(DEMO_USERS);
    const second = await createDevIssuer(DEMO_USERS);
    await expect(second.verifyToken(await first.issueToken('owner-kim'))).rejects.toThrow();
    await expect(first.issueToken('nobody')).rejects.toMatchObject({ code: 'USER_NOT_FOUND' });
  });

  it('refuses a token with the right key but a wrong audience or issuer, or expired', async () => {
    const { privateKey, publicKey } = await crypto.subtle.generateKey(
      { name: 'ECDSA', namedCurve: 'P-256' },
      true,
      ['sign', 'verify'],
    );
    const verify = createTokenVerifier({
      keySet: createLocalJWKSet({ keys: [{ ...(await exportJWK(publicKey)), alg: 'ES256' }] }),
      issuer: DEV_ISSUER,
      audience: DEV_AUDIENCE,
    });
    const sign = (iss: string, aud: string, exp: number) =>
      new SignJWT({ name: 'x' })
        .setProtectedHeader({ alg: 'ES256' })
        .setSubject('u')
        .setIssuer(iss)
        .setAudience(aud)
        .setIssuedAt(exp - 3600)
        .setExpirationTime(exp)
        .sign(privateKey);
    const later = Math.floor(Date.now() / 1000) + 600;
    await expect(verify(await sign(DEV_ISSUER, DEV_AUDIENCE, later))).resolves.toMatchObject({ sub: 'u' });
    await expect(verify(await sign(DEV_ISSUER, 'another-client', later))).rejects.toThrow();
    await expect(verify(await sign('https://evil.example', DEV_AUDIENCE, later))).rejects.toThrow();
    await expect(verify(await sign(DEV_ISSUER, DEV_AUDIENCE, later - 3600))).rejects.toThrow();
  });
});
