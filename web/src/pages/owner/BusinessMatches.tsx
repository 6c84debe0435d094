import { ACTIVE_STATUSES } from '@sbiz24/shared/application/application';
import { ksicNameEn } from '@sbiz24/shared/reference/ksic';
import { Link, useParams } from 'react-router';
import { type ApplicationPage, businessApplicationsPath } from '../../api/applications';
import { ApiError } from '../../api/client';
import type { BusinessItem, MatchesResponse } from '../../api/types';
import { StageBadge } from '../../components/Badges';
import { Breadcrumbs } from '../../components/Breadcrumbs';
import { ErrorState, Loading } from '../../components/Feedback';
import { PageTitle } from '../../components/PageTitle';
import { type ApplyOptions, MatchList } from '../../features/matches/MatchList';
import { useLang } from '../../i18n/i18n';
import { formatDate } from '../../lib/format';
import { useApi } from '../../lib/use-api';

/** One business's matched programs with reasons, and its near misses. */
export default function BusinessMatches() {
  const { brn = '' } = useParams();
  const { t, lang } = useLang();
  const business = useApi<{ business: BusinessItem }>(`/api/me/businesses/${encodeURIComponent(brn)}`);
  const matches = useApi<MatchesResponse>(`/api/me/businesses/${encodeURIComponent(brn)}/matches`);
  const applications = useApi<ApplicationPage>(businessApplicationsPath(brn));
  const b = business.data?.business;
  if (!b && business.loading) return <Loading />;
  if (!b) {
    // Another owner's business, or one that does not exist: the API says which, once; the page is not
    // titled with a number its reader cannot use, and the matches' own refusal is not repeated.
    return (
      <>
        <Breadcrumbs
          items={[{ label: t('owner.title'), to: '/my' }, { label: t('missing.businessTitle') }]}
        />
        <PageTitle text={t('missing.businessTitle')} />
        <ErrorState
          error={business.error}
          onRetry={isRefusal(business.error) ? undefined : business.reload}
        />
        <p className="app-mt-2">
          <Link to="/my" className="krds-btn secondary medium">
            {t('missing.toMyBusinesses')}
          </Link>
        </p>
      </>
    );
  }
  const name = b.tradeName;
  return (
    <>
      <Breadcrumbs items={[{ label: t('owner.title'), to: '/my' }, { label: name }]} />
      <PageTitle text={t('owner.matchesTitle', { name })} />
      <div className="app-badges">
        <StageBadge stage={b.stage} />
        <span className="app-muted">
          {b.brnFormatted} · {b.regionName} · {lang === 'en' ? ksicNameEn(b.profile.ksic) : b.ksicName}
        </span>
        <Link to={`/my/businesses/${b.brn}/edit`} className="krds-btn text small">
          {t('owner.edit')}
        </Link>
        <Link to="/my/applications" className="krds-btn text small">
          {t('appNav.applications')}
        </Link>
        <Link to={`/my/businesses/${b.brn}/history`} className="krds-btn text small">
          {t('appNav.history')}
        </Link>
      </div>
      {matches.loading ? <Loading /> : null}
      {matches.error ? <ErrorState error={matches.error} onRetry={matches.reload} /> : null}
      {matches.data && !matches.loading ? (
        <>
          <p className="app-muted app-mt-2">
            {t('owner.asOf', { date: formatDate(matches.data.asOf, lang) })}
          </p>
          <MatchList result={matches.data} apply={applyOptions(b.brn, applications.data)} />
        </>
      ) : null}
    </>
  );
}

/**
 * 신청하기 is offered once the business's applications are known (so that a program already applied to
 * shows its status instead); if they cannot be read, the matches still show, without the action.
 */
function applyOptions(brn: string, page: ApplicationPage | undefined): ApplyOptions | undefined {
  if (!page) return undefined;
  const active: ApplyOptions['active'] = {};
  for (const a of page.items) {
    if (ACTIVE_STATUSES.includes(a.status) && !active[a.programId])
      active[a.programId] = { id: a.id, status: a.status };
  }
  return { brn, active };
}

/** A 4xx answer: asking again gives the same answer, so no retry is offered. */
function isRefusal(error: unknown): boolean {
  return error instanceof ApiError && error.status >= 400 && error.status < 500;
}
