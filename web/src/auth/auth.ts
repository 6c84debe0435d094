/**
 * Sign-in, behind one switch. `dev` (the local portal): a demo login chooser that asks the local identity
 * issuer for a token. `oidc` (AWS): Cognito's hosted UI, authorization code flow with PKCE (oidc.ts).
 * Either way the app ends up holding an ID token that it sends as `Authorization: Bearer <token>`.
 *
 * Set at build time: VITE_AUTH_MODE=oidc, VITE_OIDC_DOMAIN (https://<prefix>.auth.<region>.amazoncognito.com),
 * VITE_OIDC_CLIENT_ID; the redirect URI is `<origin>/auth/callback`.
 */

export type AuthMode = 'dev' | 'oidc';

export interface AuthConfig {
  mode: AuthMode;
  oidcDomain: string;
  oidcClientId: string;
}

export const authConfig: AuthConfig = {
  mode: import.meta.env.VITE_AUTH_MODE === 'oidc' ? 'oidc' : 'dev',
  oidcDomain: (import.meta.env.VITE_OIDC_DOMAIN as string | undefined) ?? '',
  oidcClientId: (import.meta.env.VITE_OIDC_CLIENT_ID as string | undefined) ?? '',
};

const TOKEN_KEY = 'sbiz24.token';
let memoryToken: string | null = null;
const listeners = new Set<() => void>();

function storage(): Storage | undefined {
  try {
    return globalThis.sessionStorage;
  } catch {
    return undefined;
  }
}

export function getToken(): string | null {
  return memoryToken ?? storage()?.getItem(TOKEN_KEY) ?? null;
}

/** Keeps the token for this browser tab (session storage: gone when the tab closes). */
export function setToken(token: string | null): void {
  memoryToken = token;
  if (token) storage()?.setItem(TOKEN_KEY, token);
  else storage()?.removeItem(TOKEN_KEY);
  for (const l of listeners) l();
}

/** Notified whenever the token changes (sign-in, sign-out, expiry). */
export function subscribeToken(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Called by the API client on a 401 with a token: the token has expired or was revoked. */
export function onUnauthorized(): void {
  setToken(null);
}

/** Where the login page sends the user once signed in. */
export function rememberReturnPath(path: string): void {
  storage()?.setItem('sbiz24.returnTo', path);
}

export function takeReturnPath(): string | null {
  const s = storage();
  const path = s?.getItem('sbiz24.returnTo') ?? null;
  s?.removeItem('sbiz24.returnTo');
  return path?.startsWith('/') && !path.startsWith('//') ? path : null;
}
