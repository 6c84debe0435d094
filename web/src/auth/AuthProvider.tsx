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
      .then((m) => {
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
