import { authConfig, setToken } from './auth';

/**
 * Cognito hosted UI: OAuth 2.0 authorization code flow with PKCE for a public client (no secret in the
 * browser). Only used when VITE_AUTH_MODE=oidc.
 */

const VERIFIER_KEY = 'sbiz24.pkce.verifier';
const STATE_KEY = 'sbiz24.pkce.state';

function base64url(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function randomString(): string {
  return base64url(crypto.getRandomValues(new Uint8Array(32)));
}

function redirectUri(): string {
  return `${window.location.origin}/auth/callback`;
}

/** Sends the browser to the hosted UI. */
export async function startOidcLogin(): Promise<void> {
  const verifier = randomString();
  const state = randomString();
  sessionStorage.setItem(VERIFIER_KEY, verifier);
  sessionStorage.setItem(STATE_KEY, state);
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
  const params = new URLSearchParams({
    response_type: 'code',
    client_id: authConfig.oidcClientId,
    redirect_uri: redirectUri(),
    scope: 'openid profile email',
    state,
    code_challenge: base64url(new Uint8Array(digest)),
    code_challenge_method: 'S256',
  });
  window.location.assign(`${authConfig.oidcDomain}/oauth2/authorize?${params}`);
}

/** Completes the flow on /auth/callback: checks the state, trades the code for tokens, keeps the ID token. */
export async function completeOidcLogin(search: string): Promise<void> {
  const params = new URLSearchParams(search);
  const code = params.get('code');
  const state = params.get('state');
  const verifier = sessionStorage.getItem(VERIFIER_KEY);
  const expected = sessionStorage.getItem(STATE_KEY);
  sessionStorage.removeItem(VERIFIER_KEY);
  sessionStorage.removeItem(STATE_KEY);
  if (!code || !verifier || !state || state !== expected) {
    throw new Error('로그인 응답이 올바르지 않습니다. 다시 로그인해 주세요.');
  }
  const res = await fetch(`${authConfig.oidcDomain}/oauth2/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      client_id: authConfig.oidcClientId,
      code,
      redirect_uri: redirectUri(),
      code_verifier: verifier,
    }),
  });
  if (!res.ok) throw new Error('로그인을 완료하지 못했습니다. 다시 로그인해 주세요.');
  const tokens = (await res.json()) as { id_token?: string };
  if (!tokens.id_token) throw new Error('로그인을 완료하지 못했습니다. 다시 로그인해 주세요.');
  setToken(tokens.id_token);
}

/** Signs out of the hosted UI too. */
export function oidcLogout(): void {
  const params = new URLSearchParams({
    client_id: authConfig.oidcClientId,
    logout_uri: window.location.origin,
  });
  window.location.assign(`${authConfig.oidcDomain}/logout?${params}`);
}
