import { Link, useParams } from 'react-router';
import type { BusinessItem, MatchesResponse } from '../../api/types';
import { StageBadge } from '../../components/Badges';
import { Breadcrumbs } from '../../components/Breadcrumbs';
import { ErrorState, Loading } from '../../components/Feedback';
import { PageTitle } from '../../components/PageTitle';
import { MatchList } from '../../features/matches/MatchList';
import { useLang } from '../../i18n/i18n';
import { formatDate } from '../../lib/format';
import { useApi } from '../../lib/use-api';

/** One business's matched programs with reasons, and its near misses. */
export default function BusinessMatches() {
  const { brn = '' } = useParams();
  const { t, lang } = useLang();
  const business = useApi<{ business: BusinessItem }>(`/api/me/businesses/${encodeURIComponent(brn)}`);
  const matches = useApi<MatchesResponse>(`/api/me/businesses/${encodeURIComponent(brn)}/matches`);
  const b = business.data?.business;
  const name = b?.tradeName ?? brn;
  return (
    <>
      <Breadcrumbs items={[{ label: t('owner.title'), to: '/my' }, { label: name }]} />
      <PageTitle text={t('owner.matchesTitle', { name })} />
      {business.error ? <ErrorState error={business.error} onRetry={business.reload} /> : null}
      {b ? (
        <div className="app-badges">
          <StageBadge stage={b.stage} />
          <span className="app-muted">
            {b.brnFormatted} · {b.regionName} · {b.ksicName}
          </span>
          <Link to={`/my/businesses/${b.brn}/edit`} className="krds-btn text small">
            {t('owner.edit')}
          </Link>
        </div>
      ) : null}
      {matches.loading ? <Loading /> : null}
      {matches.error ? <ErrorState error={matches.error} onRetry={matches.reload} /> : null}
      {matches.data && !matches.loading ? (
        <>
          <p className="app-muted app-mt-2">
            {t('owner.asOf', { date: formatDate(matches.data.asOf, lang) })}
          </p>
          <MatchList result={matches.data} />
        </>
      ) : null}
    </>
  );
}
