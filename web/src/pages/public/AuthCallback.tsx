import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import { takeReturnPath } from '../../auth/auth';
import { Alert, Loading } from '../../components/Feedback';
import { useLang } from '../../i18n/i18n';

/** Where Cognito's hosted UI returns: finishes the code exchange, then goes back where the user was. */
export default function AuthCallback() {
  const { t } = useLang();
  const navigate = useNavigate();
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    import('../../auth/oidc')
      .then((m) => m.completeOidcLogin(window.location.search))
      .then(() => navigate(takeReturnPath() ?? '/', { replace: true }))
      .catch((e: Error) => setError(e.message));
  }, [navigate]);
  return error ? <Alert tone="danger">{error}</Alert> : <Loading label={t('auth.completing')} />;
}
