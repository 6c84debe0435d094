import { NotFoundError } from '@sbiz24/shared';
import { createLocalJWKSet, exportJWK, generateKeyPair, type JWK, SignJWT } from 'jose';
import { devResource } from '../http/routes/dev';
import { createTokenVerifier } from '../http/token-verifier';
import type { DevAuth, DevUser } from '../http/types';
import type { VerifyToken } from '../services/types';

/** Issuer and audience of local tokens: never Cognito's, so a local token is refused on AWS. */
export const DEV_ISSUER = 'urn:sbiz24:local-dev-issuer';
export const DEV_AUDIENCE = 'sbiz24-local';
const TOKEN_HOURS = 12;

export interface DevIssuer extends DevAuth {
  /** Verifies this issuer's tokens with the same verifier (and claim mapping) as on AWS. */
  verifyToken: VerifyToken;
  /** The public key set, as Cognito publishes its own at `/.well-known/jwks.json`. */
  jwks: { keys: JWK[] };
}

/**
 * The local stand-in for Cognito: an ES256 key pair made at start (so tokens of an earlier run are
 * refused), tokens with Cognito's claim names (`sub`, `name`, `cognito:groups`, `custom:agency`,
 * `token_use: id`) for the demo users, verified through `createLocalJWKSet` by the same verifier as on AWS.
 */
export async function createDevIssuer(users: readonly DevUser[]): Promise<DevIssuer> {
  const { privateKey, publicKey } = await generateKeyPair('ES256');
  const kid = `dev-${Date.now().toString(36)}`;
  const jwks = { keys: [{ ...(await exportJWK(publicKey)), kid, alg: 'ES256', use: 'sig' }] };
  const verifyToken = createTokenVerifier({
    keySet: createLocalJWKSet(jwks),
    issuer: DEV_ISSUER,
    audience: DEV_AUDIENCE,
  });
  const byId = new Map(users.map((u) => [u.id, u]));

  const issuer: DevIssuer = {
    jwks,
    verifyToken,
    users: () => users.map((u) => ({ ...u })),
    async issueToken(userId) {
      const user = byId.get(userId);
      if (!user) throw new NotFoundError('데모 사용자를 찾을 수 없습니다.', 'USER_NOT_FOUND');
      // Token lifetimes are about real time, not the portal's business date: the system clock is right here.
      const now = Math.floor(Date.now() / 1000);
      return new SignJWT({
        name: user.name,
        'cognito:groups': user.role === 'owner' ? [] : [user.role],
        ...(user.agencyId ? { 'custom:agency': user.agencyId } : {}),
        token_use: 'id',
      })
        .setProtectedHeader({ alg: 'ES256', kid, typ: 'JWT' })
        .setSubject(user.id)
        .setIssuer(DEV_ISSUER)
        .setAudience(DEV_AUDIENCE)
        .setIssuedAt(now)
        .setExpirationTime(now + TOKEN_HOURS * 3600)
        .sign(privateKey);
    },
    routes: () => devResource(issuer),
  };
  return issuer;
}
