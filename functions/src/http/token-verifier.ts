import { createHash } from 'node:crypto';
import { AGENCIES, type AgencyId } from '@sbiz24/shared';
import { type JWTPayload, type JWTVerifyGetKey, jwtVerify } from 'jose';
import type { Caller, Role, VerifyToken } from '../services/types';

export interface TokenVerifierOptions {
  /** Where the signing keys come from: `createRemoteJWKSet` (Cognito) or `createLocalJWKSet` (dev issuer). */
  keySet: JWTVerifyGetKey;
  issuer: string;
  /** The app client id: Cognito ID tokens carry it as `aud`. */
  audience: string;
}

/**
 * Claims of a Cognito ID token that the portal reads. The dev issuer signs the same names, so one verifier
 * serves both.
 */
interface PortalClaims extends JWTPayload {
  name?: unknown;
  email?: unknown;
  'cognito:username'?: unknown;
  'cognito:groups'?: unknown;
  'custom:agency'?: unknown;
  token_use?: unknown;
}

function roleOf(groups: unknown): Role {
  const list = Array.isArray(groups) ? groups : [];
  if (list.includes('admin')) return 'admin';
  if (list.includes('staff')) return 'staff';
  return 'owner';
}

function agencyOf(value: unknown): AgencyId | undefined {
  return typeof value === 'string' && Object.hasOwn(AGENCIES, value) ? (value as AgencyId) : undefined;
}

/** Maps verified claims to the caller; the role comes from `cognito:groups`, the agency from `custom:agency`. */
export function callerFromClaims(claims: PortalClaims): Caller {
  if (typeof claims.sub !== 'string' || claims.sub === '') throw new Error('token has no subject');
  if (claims.token_use !== undefined && claims.token_use !== 'id') throw new Error('not an ID token');
  const name = [claims.name, claims.email, claims['cognito:username']].find(
    (v): v is string => typeof v === 'string' && v !== '',
  );
  const role = roleOf(claims['cognito:groups']);
  const agencyId = agencyOf(claims['custom:agency']);
  return { sub: claims.sub, name: name ?? '', role, ...(agencyId && role !== 'owner' ? { agencyId } : {}) };
}

/** How far the issuer's clock and ours may disagree, for `exp`, `nbf` and `iat` alike. */
export const TOKEN_CLOCK_SKEW_SECONDS = 60;

/** Verified tokens a container keeps, so that a page's burst of requests pays for one signature check. */
export const VERIFIED_TOKEN_CACHE_SIZE = 10_000;
/** How long a verified token is trusted without a new check (never past its expiry and the skew). */
export const VERIFIED_TOKEN_TTL_MS = 5 * 60_000;

/**
 * A `verifyToken` on jose: signature by the key set, and the claims `exp`, `iat`, `iss` and `aud` required
 * (a token without an expiry would be good forever), with {@link TOKEN_CLOCK_SKEW_SECONDS} of clock skew.
 * A token issued in the future beyond the skew is refused too: its `exp` could not be trusted.
 *
 * A token that passed is remembered (by its SHA-256, at most VERIFIED_TOKEN_CACHE_SIZE, the oldest forgotten
 * first) for VERIFIED_TOKEN_TTL_MS or until it expires, whichever is sooner: the check costs about 0.4 ms of
 * CPU (ES256), more than the rest of most requests. A refused token is never remembered.
 */
export function createTokenVerifier({ keySet, issuer, audience }: TokenVerifierOptions): VerifyToken {
  const verified = new Map<string, { caller: ReturnType<typeof callerFromClaims>; until: number }>();
  return async (token) => {
    const key = createHash('sha256').update(token).digest('base64url');
    const now = Date.now();
    const known = verified.get(key);
    if (known && now < known.until) return { ...known.caller };
    if (known) verified.delete(key);
    const { payload } = await jwtVerify<PortalClaims>(token, keySet, {
      issuer,
      audience,
      requiredClaims: ['exp', 'iat', 'iss', 'aud'],
      clockTolerance: TOKEN_CLOCK_SKEW_SECONDS,
      algorithms: ['RS256', 'ES256'],
    });
    if ((payload.iat as number) > now / 1000 + TOKEN_CLOCK_SKEW_SECONDS) {
      throw new Error('"iat" claim timestamp check failed (issued in the future)');
    }
    const caller = callerFromClaims(payload);
    if (verified.size >= VERIFIED_TOKEN_CACHE_SIZE) verified.delete(verified.keys().next().value!);
    verified.set(key, {
      caller,
      until: Math.min(
        now + VERIFIED_TOKEN_TTL_MS,
        ((payload.exp as number) + TOKEN_CLOCK_SKEW_SECONDS) * 1000,
      ),
    });
    return { ...caller };
  };
}
