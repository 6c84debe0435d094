import { createHmac, timingSafeEqual } from 'node:crypto';
import { ALERT_KINDS, type AlertKind } from '@sbiz24/shared/alerts/preferences';

/** Longest token accepted; anything longer is refused before any work. */
export const UNSUBSCRIBE_TOKEN_MAX_LENGTH = 256;

export interface UnsubscribeTokens {
  /** A token that stops one kind of e-mail for one account: put in every e-mail's unsubscribe link. */
  sign(userId: string, kind: AlertKind): string;
  /** The account and kind, or undefined for a token this portal did not sign (or garbled). */
  verify(token: string): { userId: string; kind: AlertKind } | undefined;
}

/**
 * Signed unsubscribe tokens (HMAC-SHA-256 over the account and the kind): a click in an e-mail needs no
 * sign-in, and nobody can forge a token for another account. Tokens do not expire: an old e-mail's link
 * must still work.
 */
export function createUnsubscribeTokens(secret: Uint8Array | string): UnsubscribeTokens {
  const mac = (payload: string) => createHmac('sha256', secret).update(payload).digest('base64url');
  return {
    sign(userId, kind) {
      const payload = Buffer.from(JSON.stringify({ u: userId, k: kind })).toString('base64url');
      return `${payload}.${mac(payload)}`;
    },
    verify(token) {
      if (token.length > UNSUBSCRIBE_TOKEN_MAX_LENGTH) return undefined;
      const [payload, signature, ...rest] = token.split('.');
      if (!payload || !signature || rest.length > 0) return undefined;
      const expected = Buffer.from(mac(payload));
      const given = Buffer.from(signature);
      if (expected.length !== given.length || !timingSafeEqual(expected, given)) return undefined;
      try {
        const { u, k } = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as {
          u?: unknown;
          k?: unknown;
        };
        if (typeof u !== 'string' || !ALERT_KINDS.includes(k as AlertKind)) return undefined;
        return { userId: u, kind: k as AlertKind };
      } catch {
        return undefined;
      }
    },
  };
}
