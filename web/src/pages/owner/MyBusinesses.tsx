import { ksicNameEn } from '@sbiz24/shared/reference/ksic';
import { Link } from 'react-router';
import type { BusinessItem } from '../../api/types';
import { StageBadge } from '../../components/Badges';
import { Breadcrumbs } from '../../components/Breadcrumbs';
import { EmptyState, ErrorState, Loading } from '../../components/Feedback';
import { PageTitle } from '../../components/PageTitle';
import { useLang } from '../../i18n/i18n';
import { useApi } from '../../lib/use-api';

/** The owner's businesses with their lifecycle stage, and the way to claim another. */
export default function MyBusinesses() {
  const { t, lang } = useLang();
  const { data, error, loading, reload } = useApi<{ items: BusinessItem[] }>('/api/me/businesses');
  return (
    <>
      <Breadcrumbs items={[{ label: t('owner.title') }]} />
      <PageTitle text={t('owner.title')} />
      <p>
        <Link to="/my/claim" className="krds-btn primary medium">
          {t('owner.claim')}
        </Link>
      </p>
      {loading ? <Loading /> : null}
      {error ? <ErrorState error={error} onRetry={reload} /> : null}
      {data && data.items.length === 0 ? <EmptyState>{t('owner.empty')}</EmptyState> : null}
      {data && data.items.length > 0 ? (
        <ul className="app-cards cols-2 app-mt-2">
          {data.items.map((b) => (
            <li key={b.brn} className="app-card">
              <div className="app-badges">
                <StageBadge stage={b.stage} />
              </div>
              <h2 className="app-card-title">
                <Link to={`/my/businesses/${b.brn}`}>{b.tradeName}</Link>
              </h2>
              <dl className="app-meta">
                <dt>{t('owner.brn')}</dt>
                <dd>{b.brnFormatted}</dd>
                <dt>{t('owner.region')}</dt>
                <dd>{b.regionName}</dd>
                <dt>{t('owner.industry')}</dt>
                <dd>{lang === 'en' ? ksicNameEn(b.profile.ksic) : b.ksicName}</dd>
              </dl>
              <div className="app-actions">
                <Link
                  to={`/my/businesses/${b.brn}`}
                  className="krds-btn secondary small"
                  aria-label={`${b.tradeName} ${t('owner.seeMatches')}`}
                >
                  {t('owner.seeMatches')}
                </Link>
                <Link
                  to={`/my/businesses/${b.brn}/edit`}
                  className="krds-btn tertiary small"
                  aria-label={`${b.tradeName} ${t('owner.edit')}`}
                >
                  {t('owner.edit')}
                </Link>
              </div>
            </li>
          ))}
        </ul>
      ) : null}
    </>
  );
}
