import type { ReactNode } from 'react';
import { ApiError } from '../api/client';
import { useLang } from '../i18n/i18n';

export type AlertTone = 'info' | 'success' | 'warning' | 'danger';

/**
 * A message box. `danger` and `warning` interrupt screen readers (role=alert); the others are polite
 * (role=status), so that async results are announced without stealing focus.
 */
export function Alert({
  tone = 'info',
  title,
  children,
  id,
}: {
  tone?: AlertTone;
  title?: ReactNode;
  children?: ReactNode;
  id?: string;
}) {
  const role = tone === 'danger' || tone === 'warning' ? 'alert' : 'status';
  return (
    <div className={`app-alert app-alert-${tone}`} role={role} id={id}>
      {title ? <p className="app-alert-title">{title}</p> : null}
      {children ? <div className="app-alert-body">{children}</div> : null}
    </div>
  );
}

/** KRDS spinner with a spoken label. */
export function Loading({ label }: { label?: string }) {
  const { t } = useLang();
  return (
    <div className="app-loading">
      <div className="krds-spinner" role="status">
        <span className="sr-only">{label ?? t('common.loading')}</span>
      </div>
      <span aria-hidden="true">{label ?? t('common.loading')}</span>
    </div>
  );
}

/** An error with a retry button: what every data view shows when its request fails (a 500 included). */
export function ErrorState({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useLang();
  const message =
    error instanceof ApiError
      ? error.message
      : error instanceof Error
        ? t('common.unexpected')
        : String(error);
  return (
    <Alert tone="danger" title={t('common.errorTitle')}>
      <p>{message}</p>
      {onRetry ? (
        <button type="button" className="krds-btn secondary small app-mt-2" onClick={onRetry}>
          {t('common.retry')}
        </button>
      ) : null}
    </Alert>
  );
}

/** "Nothing here" with a next step. */
export function EmptyState({ children }: { children: ReactNode }) {
  return <div className="app-empty">{children}</div>;
}
