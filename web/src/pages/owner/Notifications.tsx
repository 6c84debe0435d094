import type { BusinessListResponse } from '@sbiz24/shared/contract/businesses';
import { rapidNoticeText } from '@sbiz24/shared/relief/rapid-notice';
import { useEffect, useMemo, useState } from 'react';
import { Link } from 'react-router';
import { api } from '../../api/client';
import type { NotificationItem, NotificationsResponse } from '../../api/types';
import { useAuth } from '../../auth/AuthProvider';
import { Breadcrumbs } from '../../components/Breadcrumbs';
import { Alert, EmptyState, ErrorState, Loading } from '../../components/Feedback';
import { PageTitle } from '../../components/PageTitle';
import { useLang } from '../../i18n/i18n';
import { ago, formatDateTimeWithWeekday } from '../../lib/relative-time';
import { useApi } from '../../lib/use-api';

const KINDS = ['all', 'new-match', 'deadline', 'application', 'disaster', 'system'] as const;
type KindFilter = (typeof KINDS)[number];
/** The order a first sign-in summary lists its counts in (as the server's Korean text does). */
const SUMMARY_KINDS = ['new-match', 'deadline', 'disaster', 'application', 'system'] as const;

/** The apply page of a rapid-payment notice's program for its business (the account form alone). */
const applyPath = (brn: string, programId: string) =>
  `/my/businesses/${encodeURIComponent(brn)}/apply?programs=${encodeURIComponent(programId)}`;

/**
 * The inbox: newest first, unread marked, mark one or all as read, filter by kind, each item with the
 * business's trade name and stage and its date both relative ("3일 전") and absolute ("2026년 12월 3일(목)").
 */
export default function Notifications() {
  const { t, lang } = useLang();
  const { refreshUnread } = useAuth();
  const first = useApi<NotificationsResponse>('/api/me/notifications?limit=50');
  const businesses = useApi<BusinessListResponse>('/api/me/businesses');
  const [items, setItems] = useState<NotificationItem[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [unread, setUnread] = useState<number | null>(null);
  const [moreError, setMoreError] = useState<unknown>(null);
  const [kind, setKind] = useState<KindFilter>('all');
  const [notice, setNotice] = useState<string>();
  const now = useMemo(() => new Date(), []);

  useEffect(() => {
    if (!first.data) return;
    setItems(first.data.items);
    setCursor(first.data.cursor ?? null);
    setUnread(first.data.unread);
  }, [first.data]);

  const byBrn = useMemo(
    () => new Map((businesses.data?.items ?? []).map((b) => [b.brn, b])),
    [businesses.data],
  );
  const shown = kind === 'all' ? items : items.filter((n) => n.kind === kind);

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
  const markAllRead = async () => {
    try {
      await api('/api/me/notifications/read-all', { method: 'POST' });
      setItems((all) => all.map((x) => ({ ...x, read: true })));
      setUnread(0);
      setNotice(t('notifications.allRead'));
      refreshUnread();
    } catch (e) {
      setMoreError(e);
    }
  };
  const more = async () => {
    if (!cursor) return;
    try {
      const r = await api<NotificationsResponse>(
        `/api/me/notifications?limit=50&cursor=${encodeURIComponent(cursor)}`,
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
      <div className="app-actions">
        <button
          type="button"
          className="krds-btn secondary medium"
          onClick={() => void markAllRead()}
          disabled={!unread}
        >
          {t('notifications.markAllRead')}
        </button>
        <Link to="/my/alert-settings" className="krds-btn tertiary medium">
          {t('notifications.settings')}
        </Link>
      </div>
      {notice ? <Alert tone="success">{notice}</Alert> : null}
      <div className="app-mt-2">
        <label htmlFor="note-kind" className="form-label">
          {t('notifications.filterLabel')}
        </label>
        <select
          id="note-kind"
          className="krds-form-select"
          value={kind}
          onChange={(e) => setKind(e.target.value as KindFilter)}
        >
          {KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`notifications.kinds.${k}`)}
            </option>
          ))}
        </select>
      </div>
      {first.loading ? <Loading /> : null}
      {first.error ? <ErrorState error={first.error} onRetry={first.reload} /> : null}
      {moreError ? <ErrorState error={moreError} /> : null}
      {unread !== null && shown.length === 0 ? (
        <EmptyState>
          {kind === 'all' ? t('notifications.empty') : t('notifications.emptyFiltered')}
        </EmptyState>
      ) : null}
      {shown.length > 0 ? (
        <ul className="app-cards app-mt-2">
          {shown.map((n) => {
            const business = n.brn ? byBrn.get(n.brn) : undefined;
            const since = ago(n.createdAt, now);
            // The stored text is Korean; a rapid-payment notice carries what it says, so English can say it too.
            const text = n.rapid && lang === 'en' ? rapidNoticeText(n.rapid, 'en') : n;
            const apply = n.rapid && n.brn && n.programId ? applyPath(n.brn, n.programId) : undefined;
            return (
              <li key={n.id} className={`app-card app-note${n.read ? '' : ' is-unread'}`}>
                <div className="app-badges">
                  {n.read ? null : <span className="krds-badge bg-primary">{t('notifications.new')}</span>}
                  <span className="krds-badge bg-light-gray">{t(`notifications.kinds.${n.kind}`)}</span>
                  <time className="app-muted" dateTime={n.createdAt}>
                    {since ? `${t(`notifications.${since.key}`, { count: since.count })} · ` : ''}
                    {formatDateTimeWithWeekday(n.createdAt, lang)}
                  </time>
                </div>
                {n.summary ? (
                  <SummaryBody summary={n.summary} lang={lang} t={t} />
                ) : (
                  <>
                    <h2 className="app-card-title">
                      {n.programId ? (
                        <Link to={`/programs/${encodeURIComponent(n.programId)}`}>{text.title}</Link>
                      ) : (
                        text.title
                      )}
                    </h2>
                    {business ? (
                      <p className="app-muted">
                        {t('notifications.business')}: <strong>{business.profile.tradeName}</strong>
                        {business.stage ? ` · ${t(`stage.${business.stage}`)}` : ''}
                      </p>
                    ) : null}
                    <p>{text.body}</p>
                    {apply ? (
                      <p className="app-actions">
                        <Link
                          to={apply}
                          className="krds-btn primary medium"
                          aria-label={`${text.title}: ${t('notifications.rapidApply')}`}
                        >
                          {t('notifications.rapidApply')}
                        </Link>
                      </p>
                    ) : null}
                  </>
                )}
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
                      aria-label={`${text.title}: ${t('notifications.markRead')}`}
                    >
                      {t('notifications.markRead')}
                    </button>
                  </div>
                )}
              </li>
            );
          })}
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

/**
 * The first sign-in summary (what was unread before the owner's first sign-in, folded into one item): the
 * title and counts in the reader's language, built from the counts rather than the stored Korean text, and a
 * link to the businesses' matches.
 */
function SummaryBody({
  summary,
  lang,
  t,
}: {
  summary: NonNullable<NotificationItem['summary']>;
  lang: string;
  t: ReturnType<typeof useLang>['t'];
}) {
  const fmt = (n: number) => n.toLocaleString(lang === 'en' ? 'en-US' : 'ko-KR');
  const kinds = SUMMARY_KINDS.filter((k) => (summary[k] ?? 0) > 0);
  const total = kinds.reduce((sum, k) => sum + (summary[k] ?? 0), 0);
  return (
    <>
      <h2 className="app-card-title">{t('notifications.summary.title', { n: fmt(total) })}</h2>
      <p>{t('notifications.summary.lead')}</p>
      <ul aria-label={t('notifications.summary.countsLabel')}>
        {kinds.map((k) => (
          <li key={k}>{t(`notifications.summary.counts.${k}`, { n: fmt(summary[k] ?? 0) })}</li>
        ))}
      </ul>
      <p>
        <Link to="/my">{t('notifications.summary.link')}</Link>
      </p>
    </>
  );
}
