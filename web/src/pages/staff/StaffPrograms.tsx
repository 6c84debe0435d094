import { Link } from 'react-router';
import type { ProgramSummary } from '../../api/types';
import { useAuth } from '../../auth/AuthProvider';
import { KindBadge, StatusBadge } from '../../components/Badges';
import { Breadcrumbs } from '../../components/Breadcrumbs';
import { EmptyState, ErrorState, Loading } from '../../components/Feedback';
import { PageTitle } from '../../components/PageTitle';
import { StaffDisasterList } from '../../features/relief/StaffDisasterList';
import { useLang } from '../../i18n/i18n';
import { formatWindow } from '../../lib/format';
import { useApi } from '../../lib/use-api';

/** The agency's programs (every agency's for an admin), drafts included. */
export default function StaffPrograms() {
  const { t, lang } = useLang();
  const { me } = useAuth();
  const { data, error, loading, reload } = useApi<{ items: (ProgramSummary & { version: number })[] }>(
    '/api/staff/programs',
  );
  const lead =
    me?.role === 'admin'
      ? t('staff.adminLead')
      : t('staff.lead', { agency: me?.agencyId ? t(`agencies.${me.agencyId}`) : '' });
  return (
    <>
      <Breadcrumbs items={[{ label: t('staff.title') }]} />
      <PageTitle text={t('staff.title')} lead={lead} />
      <div className="app-actions">
        <Link to="/staff/programs/new" className="krds-btn primary medium">
          {t('staff.newProgram')}
        </Link>
        <Link to="/staff/disasters/new" className="krds-btn secondary medium">
          {t('staff.declareDisaster')}
        </Link>
      </div>
      {loading ? <Loading /> : null}
      {error ? <ErrorState error={error} onRetry={reload} /> : null}
      {data && data.items.length === 0 ? <EmptyState>{t('staff.empty')}</EmptyState> : null}
      {data && data.items.length > 0 ? (
        <div className="app-table-wrap app-mt-2">
          <table className="app-table">
            <caption className="sr-only">{t('staff.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('staff.columns.title')}</th>
                <th scope="col">{t('staff.columns.kind')}</th>
                <th scope="col">{t('staff.columns.status')}</th>
                <th scope="col">{t('staff.columns.window')}</th>
                <th scope="col" className="app-num">
                  {t('staff.columns.version')}
                </th>
                <th scope="col">{t('review.applications')}</th>
              </tr>
            </thead>
            <tbody>
              {data.items.map((p) => (
                <tr key={p.id}>
                  <th scope="row">
                    <Link to={`/staff/programs/${encodeURIComponent(p.id)}`}>{p.title}</Link>
                  </th>
                  <td>
                    <KindBadge kind={p.kind} />
                  </td>
                  <td>
                    <StatusBadge status={p.status} />
                  </td>
                  <td>{formatWindow(p.applyStart, p.applyEnd, lang)}</td>
                  <td className="app-num">{p.version}</td>
                  <td>
                    {p.status === 'draft' ? null : (
                      <span className="app-table-links">
                        <Link
                          to={`/staff/programs/${encodeURIComponent(p.id)}/applications`}
                          aria-label={t('review.applicationsFor', { title: p.title })}
                        >
                          {t('review.applications')}
                        </Link>
                        <Link
                          to={`/staff/programs/${encodeURIComponent(p.id)}/dashboard`}
                          aria-label={t('review.dashboardFor', { title: p.title })}
                        >
                          {t('review.dashboard')}
                        </Link>
                      </span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <StaffDisasterList />
    </>
  );
}
