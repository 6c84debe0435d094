import type { Disaster } from '@sbiz24/shared/disaster/disaster';
import { regionName } from '@sbiz24/shared/reference/regions';
import { Link } from 'react-router';
import { Breadcrumbs } from '../../components/Breadcrumbs';
import { EmptyState, ErrorState, Loading } from '../../components/Feedback';
import { PageTitle } from '../../components/PageTitle';
import { useLang } from '../../i18n/i18n';
import { formatDate } from '../../lib/format';
import { useApi } from '../../lib/use-api';

/** Declared disasters, newest first, with their areas and period. */
export default function Disasters() {
  const { t, lang } = useLang();
  const { data, error, loading, reload } = useApi<{ items: Disaster[] }>('/api/disasters');
  const items = [...(data?.items ?? [])].sort((a, b) => b.startDate.localeCompare(a.startDate));
  return (
    <>
      <Breadcrumbs items={[{ label: t('disasters.title') }]} />
      <PageTitle text={t('disasters.title')} lead={t('disasters.lead')} />
      <p>
        <Link to="/programs?kind=disaster-relief" className="krds-btn secondary medium">
          {t('disasters.reliefLink')}
        </Link>
      </p>
      {loading ? <Loading /> : null}
      {error ? <ErrorState error={error} onRetry={reload} /> : null}
      {data && items.length === 0 ? <EmptyState>{t('disasters.empty')}</EmptyState> : null}
      {items.length > 0 ? (
        <ul className="app-cards app-mt-2">
          {items.map((d) => (
            <li key={d.id} className="app-card">
              <div className="app-badges">
                <span className="krds-badge bg-light-danger">{t(`disasters.kinds.${d.kind}`)}</span>
                {d.specialArea ? (
                  <span className="krds-badge outline-danger">{t('disasters.special')}</span>
                ) : null}
              </div>
              <h2 className="app-card-title">{d.name}</h2>
              <dl className="app-meta">
                <dt>{t('disasters.period')}</dt>
                <dd>
                  {formatDate(d.startDate, lang)} ~ {formatDate(d.endDate, lang)}
                </dd>
                <dt>{t('disasters.regions')}</dt>
                <dd>{d.regionCodes.map((c) => regionName(c)).join(', ')}</dd>
              </dl>
            </li>
          ))}
        </ul>
      ) : null}
    </>
  );
}
