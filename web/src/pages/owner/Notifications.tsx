import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { api } from '../../api/client';
import type { NotificationItem, NotificationsResponse } from '../../api/types';
import { useAuth } from '../../auth/AuthProvider';
import { Breadcrumbs } from '../../components/Breadcrumbs';
import { EmptyState, ErrorState, Loading } from '../../components/Feedback';
import { PageTitle } from '../../components/PageTitle';
import { useLang } from '../../i18n/i18n';
import { formatDateTime } from '../../lib/format';
import { useApi } from '../../lib/use-api';

/** The inbox: newest first, unread marked, mark as read, load more by cursor. */
export default function Notifications() {
  const { t, lang } = useLang();
  const { refreshUnread } = useAuth();
  const first = useApi<NotificationsResponse>('/api/me/notifications?limit=20');
  const [items, setItems] = useState<NotificationItem[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [unread, setUnread] = useState<number | null>(null);
  const [moreError, setMoreError] = useState<unknown>(null);

  useEffect(() => {
    if (!first.data) return;
    setItems(first.data.items);
    setCursor(first.data.cursor ?? null);
    setUnread(first.data.unread);
  }, [first.data]);

  const markRead = async (n: NotificationItem) => {
    try {
      await api(`/api/me/notifications/${encodeURIComponent(n.id)}/read`, { method: 'POST' });
      setItems((all) => all.map((x) => (x.id === n.id ? { ...x, read: true } : x)));
      setUnread((u) => Math.max(0, (u ?? 1) - 1));
      refreshUnread();
    } catch (e) {
      setMoreError(e);
    }
  };
  const more = async () => {
    if (!cursor) return;
    try {
      const r = await api<NotificationsResponse>(
        `/api/me/notifications?limit=20&cursor=${encodeURIComponent(cursor)}`,
      );
      setItems((all) => [...all, ...r.items]);
      setCursor(r.cursor ?? null);
    } catch (e) {
      setMoreError(e);
    }
  };

  return (
    <>
      <Breadcrumbs items={[{ label: t('notifications.title') }]} />
      <PageTitle text={t('notifications.title')} />
      <p className="app-lead" role="status">
        {unread !== null ? t('notifications.unread', { count: unread }) : ''}
      </p>
      {first.loading ? <Loading /> : null}
      {first.error ? <ErrorState error={first.error} onRetry={first.reload} /> : null}
      {moreError ? <ErrorState error={moreError} /> : null}
      {unread !== null && items.length === 0 ? <EmptyState>{t('notifications.empty')}</EmptyState> : null}
      {items.length > 0 ? (
        <ul className="app-cards app-mt-2">
          {items.map((n) => (
            <li key={n.id} className={`app-card app-note${n.read ? '' : ' is-unread'}`}>
              <div className="app-badges">
                {n.read ? null : <span className="krds-badge bg-primary">{t('notifications.new')}</span>}
                <span className="app-muted">{formatDateTime(n.createdAt, lang)}</span>
              </div>
              <h2 className="app-card-title">
                {n.programId ? (
                  <Link to={`/programs/${encodeURIComponent(n.programId)}`}>{n.title}</Link>
                ) : (
                  n.title
                )}
              </h2>
              <p>{n.body}</p>
              {n.kind === 'application' ? (
                <p>
                  <Link to="/my/applications">{t('appNav.applications')}</Link>
                </p>
              ) : null}
              {n.read ? null : (
                <div className="app-actions">
                  <button
                    type="button"
                    className="krds-btn tertiary small"
                    onClick={() => void markRead(n)}
                    aria-label={`${n.title}: ${t('notifications.markRead')}`}
                  >
                    {t('notifications.markRead')}
                  </button>
                </div>
              )}
            </li>
          ))}
        </ul>
      ) : null}
      {cursor ? (
        <div className="app-actions">
          <button type="button" className="krds-btn secondary medium" onClick={() => void more()}>
            {t('notifications.more')}
          </button>
        </div>
      ) : null}
    </>
  );
}
