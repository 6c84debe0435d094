import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { type Application, type ApplicationPage, businessApplicationsPath } from '../../api/applications';
import { api } from '../../api/client';
import type { BusinessItem } from '../../api/types';
import { Breadcrumbs } from '../../components/Breadcrumbs';
import { EmptyState, ErrorState, Loading } from '../../components/Feedback';
import { PageTitle } from '../../components/PageTitle';
import { ApplicationSteps, AppStatusBadge } from '../../features/applications/parts';
import { useLang } from '../../i18n/i18n';
import { formatDate, formatWon } from '../../lib/format';
import { useApi } from '../../lib/use-api';

/** 신청 현황: every application of each of the owner's businesses, newest first, with its steps. */
export default function MyApplications() {
  const { t } = useLang();
  const businesses = useApi<{ items: BusinessItem[] }>('/api/me/businesses');
  return (
    <>
      <Breadcrumbs items={[{ label: t('myApps.title') }]} />
      <PageTitle text={t('myApps.title')} lead={t('myApps.lead')} />
      {businesses.loading ? <Loading /> : null}
      {businesses.error ? <ErrorState error={businesses.error} onRetry={businesses.reload} /> : null}
      {businesses.data && businesses.data.items.length === 0 ? (
        <EmptyState>{t('myApps.noBusinesses')}</EmptyState>
      ) : null}
      {businesses.data?.items.map((b) => (
        <BusinessApplications key={b.brn} business={b} />
      ))}
    </>
  );
}

function BusinessApplications({ business: b }: { business: BusinessItem }) {
  const { t } = useLang();
  const first = useApi<ApplicationPage>(businessApplicationsPath(b.brn));
  const [items, setItems] = useState<Application[]>([]);
  const [cursor, setCursor] = useState<string>();
  const [moreError, setMoreError] = useState<unknown>(null);
  useEffect(() => {
    if (!first.data) return;
    setItems(first.data.items);
    setCursor(first.data.cursor ?? undefined);
  }, [first.data]);
  const more = async () => {
    if (!cursor) return;
    try {
      const r = await api<ApplicationPage>(businessApplicationsPath(b.brn, cursor));
      setItems((all) => [...all, ...r.items]);
      setCursor(r.cursor ?? undefined);
    } catch (e) {
      setMoreError(e);
    }
  };
  const headingId = `apps-${b.brn}`;
  return (
    <section className="app-mt-2" aria-labelledby={headingId}>
      <div className="app-section-head">
        <h2 id={headingId} className="app-h2">
          {b.tradeName} <span className="app-muted">({b.brnFormatted})</span>
        </h2>
        <Link
          to={`/my/businesses/${b.brn}/history`}
          className="krds-btn text small"
          aria-label={t('myApps.historyFor', { name: b.tradeName })}
        >
          {t('myApps.history')}
        </Link>
      </div>
      {first.loading ? <Loading /> : null}
      {first.error ? <ErrorState error={first.error} onRetry={first.reload} /> : null}
      {first.data && items.length === 0 ? (
        <EmptyState>
          {t('myApps.empty')} <Link to={`/my/businesses/${b.brn}`}>{t('owner.seeMatches')}</Link>
        </EmptyState>
      ) : null}
      {items.length > 0 ? (
        <ul className="app-cards">
          {items.map((a) => (
            <ApplicationCard key={a.id} app={a} />
          ))}
        </ul>
      ) : null}
      {moreError ? <ErrorState error={moreError} /> : null}
      {cursor ? (
        <div className="app-actions">
          <button type="button" className="krds-btn secondary medium" onClick={() => void more()}>
            {t('myApps.more')}
          </button>
        </div>
      ) : null}
    </section>
  );
}

function ApplicationCard({ app: a }: { app: Application }) {
  const { t, lang } = useLang();
  const title = (lang === 'en' && a.snapshot.programTitleEn) || a.snapshot.programTitle;
  return (
    <li className="app-card app-application">
      <div className="app-badges">
        <AppStatusBadge status={a.status} />
      </div>
      <h3 className="app-card-title">
        <Link to={`/my/applications/${encodeURIComponent(a.id)}`}>{title}</Link>
      </h3>
      {a.status === 'supplement-requested' ? <p className="app-strong">{t('myApps.needsAction')}</p> : null}
      <ApplicationSteps app={a} />
      <dl className="app-meta">
        <dt>{t('myApps.submittedOn')}</dt>
        <dd>{formatDate(a.submittedAt, lang)}</dd>
        {a.amount !== undefined ? (
          <>
            <dt>{t('myApps.amount')}</dt>
            <dd>{formatWon(a.amount, lang)}</dd>
          </>
        ) : null}
      </dl>
    </li>
  );
}
