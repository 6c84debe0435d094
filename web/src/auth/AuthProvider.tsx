import type { FirstSignInResponse } from '@sbiz24/shared/contract/alerts';
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { api } from '../api/client';
import type { Me, NotificationsResponse } from '../api/types';
import { authConfig, getToken, setToken, subscribeToken } from './auth';

export type AuthStatus = 'loading' | 'anonymous' | 'signedIn';

export interface AuthState {
  status: AuthStatus;
  me: Me | null;
  /** Unread notifications of the signed-in user (0 when unknown). */
  unread: number;
  refreshUnread: () => void;
  logout: () => void;
}

const AuthContext = createContext<AuthState | null>(null);

/** Where this tab remembers that the sign-in of an account was reported (once per session, not per page). */
const SIGNED_IN_KEY = 'sbiz24.signInRecorded';

/**
 * Tells the API an owner signed in, once per browser session, before the pages load: on the account's first
 * sign-in it folds the unread notifications from before it into one summary item, so the inbox and the
 * unread badge do not greet a new owner with a wall of them. A failure only costs the summary.
 */
async function recordSignIn(me: Me, signal: AbortSignal): Promise<void> {
  if (me.role !== 'owner') return;
  try {
    if (sessionStorage.getItem(SIGNED_IN_KEY) === me.sub) return;
    await api<FirstSignInResponse>('/api/me/first-sign-in', { method: 'POST', signal });
    sessionStorage.setItem(SIGNED_IN_KEY, me.sub);
  } catch {
    // Aborted or refused: the inbox works as before; the next session tries again.
  }
}

export function AuthProvider({ children }: { children: ReactNode }) {
  const [token, setTokenState] = useState(getToken());
  const [me, setMe] = useState<Me | null>(null);
  const [status, setStatus] = useState<AuthStatus>(token ? 'loading' : 'anonymous');
  const [unread, setUnread] = useState(0);

  useEffect(() => subscribeToken(() => setTokenState(getToken())), []);

  useEffect(() => {
    if (!token) {
      setMe(null);
      setStatus('anonymous');
      return;
    }
    const ctrl = new AbortController();
    setStatus('loading');
    api<Me>('/api/me', { signal: ctrl.signal })
      .then(async (m) => {
        await recordSignIn(m, ctrl.signal);
        if (ctrl.signal.aborted) return;
        setMe(m);
        setStatus('signedIn');
      })
      .catch((e: Error) => {
        if (e.name === 'AbortError') return;
        setMe(null);
        setStatus('anonymous');
      });
    return () => ctrl.abort();
  }, [token]);

  const refreshUnread = useCallback(() => {
    if (!me) return;
    api<NotificationsResponse>('/api/me/notifications?limit=1')
      .then((r) => setUnread(r.unread))
      .catch(() => undefined);
  }, [me]);

  useEffect(() => {
    if (me) refreshUnread();
    else setUnread(0);
  }, [me, refreshUnread]);

  const logout = useCallback(() => {
    setToken(null);
    if (authConfig.mode === 'oidc') {
      void import('./oidc').then((m) => m.oidcLogout());
    }
  }, []);

  const value = useMemo(
    () => ({ status, me, unread, refreshUnread, logout }),
    [status, me, unread, refreshUnread, logout],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthState {
  const ctx = useContext(AuthContext);
  if (!ctx) throw new Error('useAuth outside AuthProvider');
  return ctx;
}
