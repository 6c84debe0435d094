import { APPLICATION_STATUSES } from '@sbiz24/shared/application/application';
import { SIDOS } from '@sbiz24/shared/reference/regions';
import { Link, useParams } from 'react-router';
import { type ApplicationStatsResponse, applicationStatsPath } from '../../api/applications';
import type { ProgramResponse } from '../../api/types';
import { Breadcrumbs } from '../../components/Breadcrumbs';
import { EmptyState, ErrorState, Loading } from '../../components/Feedback';
import { PageTitle } from '../../components/PageTitle';
import { BarChart, ColumnChart, UsageBar } from '../../features/charts/Charts';
import { useLang } from '../../i18n/i18n';
import { formatCount, formatDate, formatWon } from '../../lib/format';
import { useApi } from '../../lib/use-api';

/**
 * A program's dashboard: applications per day and per status, approvals by 시도, and how much of the budget
 * and the award limit is used — each chart an SVG image with the same numbers in a table.
 */
export default function ProgramDashboard() {
  const { id = '' } = useParams();
  const { t, lang } = useLang();
  const program = useApi<ProgramResponse>(`/api/staff/programs/${encodeURIComponent(id)}`);
  const stats = useApi<ApplicationStatsResponse>(applicationStatsPath(id));
  const p = program.data?.program;
  const title = p ? (lang === 'en' && p.titleEn ? p.titleEn : p.title) : id;
  const s = stats.data;
  const percent = (used: number, limit: number) => Math.round((used / limit) * 1000) / 10;

  return (
    <>
      <Breadcrumbs
        items={[
          { label: t('staff.title'), to: '/staff' },
          { label: title, to: `/staff/programs/${encodeURIComponent(id)}/applications` },
          { label: t('review.dashboard') },
        ]}
      />
      <PageTitle text={t('dashboard.title', { title })} lead={t('dashboard.lead')} />
      <p>
        <Link
          to={`/staff/programs/${encodeURIComponent(id)}/applications`}
          className="krds-btn secondary medium"
        >
          {t('review.applications')}
        </Link>
      </p>
      {stats.loading ? <Loading /> : null}
      {stats.error ? <ErrorState error={stats.error} onRetry={stats.reload} /> : null}
      {s && s.total === 0 ? <EmptyState>{t('dashboard.empty')}</EmptyState> : null}
      {s && s.total > 0 ? (
        <>
          {s.truncated ? (
            <p className="app-muted">{t('dashboard.sample', { count: formatCount(s.scanned, lang) })}</p>
          ) : null}
          <div className="app-dashboard">
            <ColumnChart
              title={t('dashboard.perDay')}
              labelHeader={t('dashboard.date')}
              valueHeader={t('dashboard.count')}
              data={s.perDay.map((d) => ({ key: d.date, label: formatDate(d.date, lang), value: d.count }))}
            />
            <BarChart
              title={t('dashboard.perStatus')}
              labelHeader={t('review.status')}
              valueHeader={t('dashboard.count')}
              data={APPLICATION_STATUSES.map((st) => ({
                key: st,
                label: t(`appStatus.${st}`),
                value: s.counts[st] ?? 0,
              }))}
            />
            <BarChart
              title={t('dashboard.bySido')}
              labelHeader={t('review.sido')}
              valueHeader={t('dashboard.count')}
              data={SIDOS.filter((sido) => s.approvalsBySido[sido.code]).map((sido) => ({
                key: sido.code,
                label: sido.name,
                value: s.approvalsBySido[sido.code] ?? 0,
              }))}
            />
            <section className="app-chart" aria-labelledby="dash-quota">
              <h2 id="dash-quota" className="app-h3">
                {t('dashboard.quota')}
              </h2>
              <UsageBar
                label={t('dashboard.budget')}
                used={s.quota.budgetUsed}
                total={s.quota.budget}
                text={
                  s.quota.budget
                    ? t('dashboard.used', {
                        used: formatWon(s.quota.budgetUsed, lang),
                        total: formatWon(s.quota.budget, lang),
                        percent: percent(s.quota.budgetUsed, s.quota.budget),
                      })
                    : t('dashboard.noLimit', { used: formatWon(s.quota.budgetUsed, lang) })
                }
              />
              <UsageBar
                label={t('dashboard.awards')}
                used={s.quota.awards}
                total={s.quota.maxAwards}
                text={
                  s.quota.maxAwards
                    ? t('dashboard.used', {
                        used: formatCount(s.quota.awards, lang),
                        total: formatCount(s.quota.maxAwards, lang),
                        percent: percent(s.quota.awards, s.quota.maxAwards),
                      })
                    : t('dashboard.noLimit', { used: formatCount(s.quota.awards, lang) })
                }
              />
            </section>
          </div>
        </>
      ) : null}
    </>
  );
}
