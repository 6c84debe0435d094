import { useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { api } from '../../api/client';
import type { DevUser } from '../../api/types';
import { authConfig, setToken, takeReturnPath } from '../../auth/auth';
import { Alert, ErrorState, Loading } from '../../components/Feedback';
import { PageTitle } from '../../components/PageTitle';
import { useLang } from '../../i18n/i18n';
import { useApi } from '../../lib/use-api';

function homeFor(role: DevUser['role']): string {
  return role === 'owner' ? '/my' : '/staff';
}

/** Locally the demo login chooser; on AWS a button to Cognito's hosted UI. */
export default function Login() {
  const { t } = useLang();
  const location = useLocation();
  const required = (location.state as { reason?: string } | null)?.reason === 'required';
  return (
    <>
      <PageTitle text={t('auth.loginTitle')} />
      {required ? <Alert tone="info">{t('auth.required')}</Alert> : null}
      {authConfig.mode === 'oidc' ? <OidcLogin /> : <DevLogin />}
    </>
  );
}

function OidcLogin() {
  const { t } = useLang();
  return (
    <>
      <p>{t('auth.oidcIntro')}</p>
      <button
        type="button"
        className="krds-btn primary large app-mt-2"
        onClick={() => void import('../../auth/oidc').then((m) => m.startOidcLogin())}
      >
        {t('auth.oidcButton')}
      </button>
    </>
  );
}

function DevLogin() {
  const { t } = useLang();
  const navigate = useNavigate();
  const { data, error, loading, reload } = useApi<{ users: DevUser[] }>('/api/dev/users');
  const [busy, setBusy] = useState<string | null>(null);
  const [loginError, setLoginError] = useState<unknown>(null);
  const login = async (u: DevUser) => {
    setBusy(u.id);
    setLoginError(null);
    try {
      const { token } = await api<{ token: string }>('/api/dev/login', {
        method: 'POST',
        body: { userId: u.id },
      });
      setToken(token);
      navigate(takeReturnPath() ?? homeFor(u.role), { replace: true });
    } catch (e) {
      setLoginError(e);
      setBusy(null);
    }
  };
  return (
    <>
      <p className="app-lead">{t('auth.devIntro')}</p>
      {loading ? <Loading /> : null}
      {error ? <ErrorState error={error} onRetry={reload} /> : null}
      {loginError ? <ErrorState error={loginError} /> : null}
      {data ? (
        <ul className="app-cards cols-3 app-mt-2">
          {data.users.map((u) => (
            <li key={u.id} className="app-card">
              <p className="app-card-title">{u.name}</p>
              <p className="app-muted">
                {t(`auth.roles.${u.role}`)}
                {u.agencyId ? ` · ${t(`agencies.${u.agencyId}`)}` : ''}
              </p>
              <button
                type="button"
                className="krds-btn primary medium"
                disabled={busy !== null}
                onClick={() => void login(u)}
              >
                {t('auth.loginAs', { name: u.name })}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </>
  );
}
